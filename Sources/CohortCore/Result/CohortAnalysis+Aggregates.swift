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
    public init(aggregates: CustomerAggregates, options: AnalysisOptions = AnalysisOptions(), input: InputSummary = InputSummary(),
                includesKPIs: Bool = true, includesCustomers: Bool = false) throws {
        guard includesCustomers && includesKPIs else {
            self = try Self.analyse(aggregates, options: options, input: input, includesKPIs: includesKPIs, includesCustomers: false).analysis
            return
        }
        self = try Self.withCustomerLists(aggregates: aggregates, options: options, input: input).analysis
    }

    /// As `withCustomerRecords(table:...)`, from aggregates (they must hold the purchase days).
    public static func withCustomerRecords(aggregates: CustomerAggregates, options: AnalysisOptions = AnalysisOptions(),
                                           input: InputSummary = InputSummary()) throws -> (analysis: CohortAnalysis, records: [CustomerRecord]) {
        var (analysis, builder) = try analyse(aggregates, options: options, input: input, includesKPIs: true, includesCustomers: true)
        guard let everyone = builder?.allRecords() else { return (analysis, []) }
        analysis.customers = everyone.actions
        return (analysis, everyone.records)
    }

    /// As `withCustomerLists(table:...)`, from aggregates (they must hold the purchase days).
    public static func withCustomerLists(aggregates: CustomerAggregates, options: AnalysisOptions = AnalysisOptions(),
                                         input: InputSummary = InputSummary()) throws -> (analysis: CohortAnalysis, atRisk: RankedCustomers, lost: RankedCustomers) {
        var (analysis, builder) = try analyse(aggregates, options: options, input: input, includesKPIs: true, includesCustomers: true)
        guard let builder else { return (analysis, RankedCustomers(), RankedCustomers()) }
        let (actions, atRisk, lost) = builder.actions(lists: options.customerLists)
        analysis.customers = actions
        return (analysis, atRisk, lost)
    }
}
