/// How many order lines a database gave, and how many of them cannot be used.
public struct LineCounts: Sendable, Equatable {
    /// Every row of the table or query.
    public var read = 0
    /// Rows without a customer id, a date or an amount (files reject them one by one).
    public var incomplete = 0
    /// Amounts with a third decimal that is not zero.
    public var inexact = 0

    public init(read: Int = 0, incomplete: Int = 0, inexact: Int = 0) {
        self.read = read
        self.incomplete = incomplete
        self.inexact = inexact
    }

    /// Refuses the lines as files refuse rejected rows: any incomplete one with `strict`, or more
    /// than `maxIncompletePercent` % of them; and any amount that is not in whole cents.
    public func check(source: String, amountColumn: String, strict: Bool, maxIncompletePercent: Double,
                      example: () -> String?) throws(DatabaseError) {
        if inexact > 0 { throw .amountNotInCents(source: source, column: amountColumn, count: inexact, example: example()) }
        guard incomplete > 0 else { return }
        if strict || Double(incomplete) > Double(read) * maxIncompletePercent / 100 {
            throw .tooManyIncompleteRows(source: source, count: incomplete, read: read, limitPercent: maxIncompletePercent, strict: strict)
        }
    }
}
