import CohortCore
import CohortIngest

/// The run when one large order file is read into sums (`OrderReader.readSums`) instead of a table of
/// its rows: the file's order lines summed per customer, order and day while read, then per
/// customer and period (`CustomerAggregates`, the form a database returns when the work is pushed
/// down to it), and the analysis finishes from there. The numbers are those of the table; the
/// memory follows customers and orders, not rows.
extension ReportJob {
    /// What `readSums` gives: the sums per customer and period, and the account of the file read.
    struct SummedOrders {
        var aggregates: CustomerAggregates
        var input: InputSummary
    }

    /// Reads the order file into sums, with the purchase days when `collectsPurchases` and the
    /// customer ids when `keepsCustomerIDs` (also when a customers file gives segments); nil when a
    /// table is read instead: a file smaller than `sumsFromBytes`, several files (rows repeated
    /// across files are found in a table), or a database. Refuses and tells of rejected rows as
    /// `read()` does.
    func readSums(collectsPurchases: Bool, keepsCustomerIDs: Bool = true) throws -> SummedOrders? {
        guard options.sumsFromBytes < Int.max, databaseURL == nil, !options.inputs.isEmpty else { return nil }
        let events = events
        var orderReader = orderReader
        orderReader.keepsCustomerIDs = keepsCustomerIDs || !options.read.segmentColumns.isEmpty
        guard let result = try orderReader.readSums(sources: options.inputs, minimumBytes: options.sumsFromBytes, beforeReading: { events?(.phase(.reading)) })
        else { return nil }
        try result.check(strict: options.strict, maxRejectedPercent: options.maxRejectedPercent)
        // As the analysis of a table refuses it, before any sum of money is formed.
        guard result.sums.amountTotalFits else { throw AnalysisError.amountTotalTooLarge }
        var aggregates = try result.sums.aggregates(period: options.analysis.period, asOf: options.analysis.asOf, collectsPurchases: collectsPurchases)
        aggregates.segments = try segmentColumns(aggregates.segments, customers: OrderTable(customerIDs: aggregates.customerIDs),
                                                 sources: result.sources)
        tell(warnings: result.warnings, rejected: result.rejected, rowsRead: result.rowsRead)
        return SummedOrders(aggregates: aggregates, input: result.inputSummary)
    }
}
