/// What the churn after the answer says about detractors against promoters, as far as the 95 %
/// intervals allow (`Proportion.differs(from:)`); the vocabulary words it.
public enum SatisfactionFinding: String, Sendable, Codable, Equatable {
    /// The detractors' churn is higher and the intervals do not overlap.
    case detractorsChurnMore
    /// The detractors' churn is lower and the intervals do not overlap.
    case detractorsChurnLess
    /// The intervals overlap: no difference can be claimed.
    case noClearDifference
    /// No promoter or no detractor could be followed for a year.
    case tooFewAnswers
}
