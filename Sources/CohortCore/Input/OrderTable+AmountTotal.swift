extension OrderTable {
    /// Whether the magnitudes of all amounts add up to at most `Int64.max` minor units.
    ///
    /// When they do, every sum the analysis forms fits in `Int64` without a check of its own:
    /// each is a sum (or a difference of two sums) of amounts of distinct rows, never an amount
    /// counted twice (a cell's revenue, a cohort's cumulative revenue, a period's bridge, a
    /// customer's lifetime revenue, a segment's total), and so at most the total of magnitudes.
    /// The analysis checks this once (`AnalysisError.amountTotalTooLarge`), so its hot loops
    /// keep plain integer additions. An amount read from a file has at most 15 whole digits
    /// (below 10^17 minor units), so a table reaches the limit only with about 92 or more
    /// implausibly large amounts.
    ///
    /// Complexity: O(rows), one overflow-checked addition per row.
    public var amountTotalFits: Bool {
        var total: UInt64 = 0
        for amount in amount {
            let (sum, overflow) = total.addingReportingOverflow(amount.magnitude)
            if overflow || sum > UInt64(Int64.max) { return false }
            total = sum
        }
        return true
    }
}
