/// Where a score puts an answer (METRICS.md, "Satisfaction"): promoters 9–10, passives 7–8, detractors 0–6.
public enum NPSGroup: String, Sendable, Codable, CaseIterable {
    case promoter
    case passive
    case detractor

    public init(score: Int) {
        switch score {
        case 9...: self = .promoter
        case 7 ... 8: self = .passive
        default: self = .detractor
        }
    }
}
