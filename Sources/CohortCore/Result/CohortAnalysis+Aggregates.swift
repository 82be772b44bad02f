extension CohortAnalysis {
    /// Analyses sums a database made per customer and period (`CustomerAggregates`) instead of an
    /// order table; everything after `CustomerHistory` (matrices, KPIs, headline, survival,
    /// customers to act on, BG/NBD) runs unchanged, so the result equals the order table's.
    ///
    /// The aggregates must have been summed by `options.period`, and cut at `options.asOf` when it
    /// is given (a precondition: the database reader builds them from the same options).
    ///
    ///     let aggregates = try reader.aggregates(...)   // CohortPostgres
    ///     let analysis = try CohortAnalysis(aggregates: aggregates, options: options)
    ///
    /// Complexity: O(customers + entries) to build the history, then as for a table.
    ///
    /// The aggregates are consumed: their entries become the history's (pass them without a copy
    /// kept elsewhere, and they are not in memory twice).
    public init(aggregates: consuming CustomerAggregates, options: AnalysisOptions = AnalysisOptions(), input: InputSummary = InputSummary(),
                includesKPIs: Bool = true, includesCustomers: Bool = false) throws {
        guard includesCustomers && includesKPIs else {
            self = try Self.analyse(consume aggregates, options: options, input: input, includesKPIs: includesKPIs, includesCustomers: false).analysis
            return
        }
        self = try Self.withCustomerLists(aggregates: aggregates, options: options, input: input).analysis
    }

    /// As `withCustomerRecords(table:...)`, from aggregates (they must hold the purchase days).
    public static func withCustomerRecords(aggregates: consuming CustomerAggregates, options: AnalysisOptions = AnalysisOptions(),
                                           input: InputSummary = InputSummary()) throws -> (analysis: CohortAnalysis, records: CustomerRecords) {
        precondition(aggregates.customerIDs.count == aggregates.customerCount, "the customers' records name them: their ids are needed")
        return try withCustomerRecords(of: aggregates, options: options, input: input)
    }

    /// As `withCustomerLists(table:...)`, from aggregates (they must hold the purchase days).
    public static func withCustomerLists(aggregates: consuming CustomerAggregates, options: AnalysisOptions = AnalysisOptions(),
                                         input: InputSummary = InputSummary()) throws -> (analysis: CohortAnalysis, atRisk: RankedCustomers, lost: RankedCustomers) {
        precondition(aggregates.customerIDs.count == aggregates.customerCount, "the customer lists name them: their ids are needed")
        return try withCustomerLists(of: aggregates, options: options, input: input)
    }
}
