import CohortCore

extension Vocabulary {
    /// An NPS with its sign and one decimal, rounded half away from zero: "+12.5" / "+12,5", "−6.3", "0.0"; "–" without answers.
    public func nps(_ score: NetPromoterScore) -> String {
        guard let value = score.score.value else { return "–" }
        let digits = score.score.formatted(places: 1).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ".", with: decimalMark)
        return (value > 0 && digits != "0\(decimalMark)0" ? "+" : value < 0 && digits != "0\(decimalMark)0" ? "−" : "") + digits
    }
}
