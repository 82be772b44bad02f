/// The Net Promoter Score of a set of answers: 100 × (promoters − detractors) / answers, from −100
/// to +100 (METRICS.md, "Satisfaction"), shown to one decimal, rounded half away from zero in
/// integer arithmetic (`score.formatted(places: 1)`).
///
///     NetPromoterScore(promoters: 3, passives: 3, detractors: 2).score.formatted(places: 1)   // "12.5"
///     NetPromoterScore().score.value                                                        // nil: no answers
public struct NetPromoterScore: Sendable, Codable, Equatable {
    public var promoters: Int
    public var passives: Int
    public var detractors: Int

    public init(promoters: Int = 0, passives: Int = 0, detractors: Int = 0) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    public var answers: Int { promoters + passives + detractors }

    /// 100 × (promoters − detractors) / answers; empty without answers.
    public var score: Ratio { Ratio(Int64(100 * (promoters - detractors)), over: Int64(answers)) }

    /// Counts one answer of `score` (0 … 10).
    public mutating func add(score: Int) {
        switch NPSGroup(score: score) {
        case .promoter: promoters += 1
        case .passive: passives += 1
        case .detractor: detractors += 1
        }
    }

    public func count(_ group: NPSGroup) -> Int {
        switch group {
        case .promoter: return promoters
        case .passive: return passives
        case .detractor: return detractors
        }
    }
}
