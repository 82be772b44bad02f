/// The complete result of a cohort analysis: the contract between computing and rendering.
///
/// Every chart, report and export reads this value and formats what it holds;
/// none recomputes a metric. It is `Codable`, so a report can be rendered later
/// from its JSON without the order data.
///
///     let analysis = try CohortAnalysis(table: table, options: AnalysisOptions(period: .month))
///     analysis.cohorts.first?.cells[1].retention.value   // month-1 retention of the first cohort
///     analysis.kpis.last?.churnRate.value                 // churn rate of the as-of period
///
/// Complexity: O(rows + customers × (lifetime + 2 years) + periods²).
public struct CohortAnalysis: Sendable, Codable, Equatable {
    /// The options used, with `asOf` resolved to the effective as-of date.
    public var options: AnalysisOptions
    /// The last date the report covers.
    public var asOf: CivilDate
    /// Every period from the earliest cohort to the as-of period.
    public var periods: [PeriodInfo]
    /// One row per acquisition period that acquired at least one customer.
    public var cohorts: [CohortRow]
    /// Weighted averages across cohorts, one per age.
    public var averages: [AgeAverage]
    /// One entry per period, first period first; empty when only the matrices were computed.
    public var kpis: [PeriodKPIs] = []
    /// W and why (given, or from the gaps between repeat purchases).
    public var churnWindow: ChurnWindow
    /// The figures the report leads with; nil when only the matrices were computed.
    public var headline: Headline?
    /// The customers to act on (statuses, lists, revenue at stake, BG/NBD); nil unless asked for.
    public var customers: CustomerActions?
    /// Per attribute the table is split by (`--segment-by`), its segments; nil without attributes.
    public var segments: [SegmentAttribute]?
    /// The Kaplan–Meier retention curve, age by age (`KaplanMeierBuilder`); nil when only the
    /// matrices were computed, or in an analysis.json written before it existed.
    public var survival: [SurvivalPoint]? = nil
    /// MRR movements, renewals and upcoming renewals from a contract list; nil without one.
    public var contracts: ContractAnalysis? = nil
    /// NPS and churn after the answer from survey answers; nil without them.
    public var satisfaction: SatisfactionAnalysis? = nil
    public var dataQuality: DataQuality
    /// Where the orders came from, how they were read and which rows were set aside; set by the caller.
    public var input: InputSummary

    /// Analyses an order table. Throws `AnalysisError` when nothing can be reported.
    /// `includesKPIs: false` leaves `kpis` empty, for a caller that shows the matrices only;
    /// `includesCustomers` adds the customers to act on (statuses, lists, BG/NBD).
    public init(table: OrderTable, options: AnalysisOptions = AnalysisOptions(), input: InputSummary = InputSummary(),
                includesKPIs: Bool = true, includesCustomers: Bool = false) throws {
        guard includesCustomers && includesKPIs else {
            self = try Self.analyse(table, options: options, input: input, includesKPIs: includesKPIs, includesCustomers: false).analysis
            return
        }
        self = try Self.withCustomerLists(table: table, options: options, input: input).analysis
    }

    /// The analysis with the customers' counts and fit (no lists), and every customer's record (every status, each made
    /// when read), for `cohort customers`.
    public static func withCustomerRecords(table: OrderTable, options: AnalysisOptions = AnalysisOptions(),
                                           input: InputSummary = InputSummary()) throws -> (analysis: CohortAnalysis, records: CustomerRecords) {
        try withCustomerRecords(of: table, options: options, input: input)
    }

    /// `withCustomerRecords` of an order table, or of aggregates a database summed (CohortAnalysis+Aggregates.swift).
    static func withCustomerRecords(of table: consuming some HistorySource, options: AnalysisOptions,
                                    input: InputSummary) throws -> (analysis: CohortAnalysis, records: CustomerRecords) {
        var prepared = try analyse(table, options: options, input: input, includesKPIs: true, includesCustomers: true)
        var analysis = prepared.analysis
        guard var builder = prepared.takeCustomers() else { return (analysis, CustomerRecords()) }
        let columns = builder.columns()
        builder.removeEntries()
        let fit = builder.predict()
        analysis.customers = builder.actions(columns, fit, lists: .none).actions
        analysis.segments = prepared.withCustomerFigures(builder, columns, fit.0)
        return (analysis, CustomerRecords(builder.recordMaker(columns, prediction: fit.0)))
    }

    /// The analysis with the customers to act on, and the full at-risk and recently lost lists (for at-risk.csv and lost.csv).
    public static func withCustomerLists(table: OrderTable, options: AnalysisOptions = AnalysisOptions(), input: InputSummary = InputSummary())
        throws -> (analysis: CohortAnalysis, atRisk: RankedCustomers, lost: RankedCustomers) {
        try withCustomerLists(of: table, options: options, input: input)
    }

    /// `withCustomerLists` of an order table, or of aggregates a database summed (CohortAnalysis+Aggregates.swift).
    static func withCustomerLists(of table: consuming some HistorySource, options: AnalysisOptions, input: InputSummary)
        throws -> (analysis: CohortAnalysis, atRisk: RankedCustomers, lost: RankedCustomers) {
        var prepared = try analyse(table, options: options, input: input, includesKPIs: true, includesCustomers: true)
        var analysis = prepared.analysis
        guard var builder = prepared.takeCustomers() else { return (analysis, RankedCustomers(), RankedCustomers()) }
        let columns = builder.columns()
        builder.removeEntries()
        let fit = builder.predict()
        let (actions, atRisk, lost) = builder.actions(columns, fit, lists: options.customerLists)
        analysis.customers = actions
        analysis.segments = prepared.withCustomerFigures(builder, columns, fit.0)
        return (analysis, atRisk, lost)
    }

    /// An analysis, and what its customers to act on are made from (when asked for).
    struct Prepared {
        var analysis: CohortAnalysis
        var customers: CustomerActionsBuilder?
        /// Per attribute, each analysed customer's segment index.
        var segmentMembership: [[Int32]] = []

        /// The customers' builder, which then holds the history alone (so that dropping its entries frees them).
        mutating func takeCustomers() -> CustomerActionsBuilder? {
            defer { customers = nil }
            return customers
        }

        /// The segments with their at-risk customers, revenue at stake and mean predicted CLV.
        func withCustomerFigures(_ customers: CustomerActionsBuilder, _ columns: CustomerActionsBuilder.Columns,
                                 _ prediction: PredictiveCLVResult?) -> [SegmentAttribute]? {
            guard var attributes = analysis.segments else { return analysis.segments }
            let everyone = customers.segmentFigures([Int32](repeating: 0, count: customers.history.customerCount), segmentCount: 1, columns,
                                                    prediction)[0]
            for (attribute, membership) in segmentMembership.enumerated() {
                attributes[attribute].all?.atRisk = everyone.atRisk
                attributes[attribute].all?.revenueAtStake = everyone.revenueAtStake
                attributes[attribute].all?.predictedCLV12m = everyone.meanPredictedCLV
                let figures = customers.segmentFigures(membership, segmentCount: attributes[attribute].segments.count, columns, prediction)
                for (segment, figure) in figures.enumerated() {
                    attributes[attribute].segments[segment].comparison?.atRisk = figure.atRisk
                    attributes[attribute].segments[segment].comparison?.revenueAtStake = figure.revenueAtStake
                    attributes[attribute].segments[segment].comparison?.predictedCLV12m = figure.meanPredictedCLV
                }
            }
            return attributes
        }
    }

    /// The analysis, and what the customers to act on are made from (when asked for); from an order
    /// table, or from aggregates a database summed (CohortAnalysis+Aggregates.swift).
    static func analyse(_ table: consuming some HistorySource, options: AnalysisOptions, input: InputSummary, includesKPIs: Bool,
                        includesCustomers: Bool) throws -> Prepared {
        if let window = options.churnWindow, window < 1 { throw AnalysisError.invalidChurnWindow(window) }
        if let margin = options.grossMargin, !(margin >= 0 && margin <= 1) { throw AnalysisError.invalidGrossMargin(margin) }
        guard let latestDay = table.latestOrderDay else { throw AnalysisError.noRows }
        // Once, so that no sum of money below can overflow (see `OrderTable.amountTotalFits`).
        guard table.amountTotalFits else { throw AnalysisError.amountTotalTooLarge }

        let asOfDay = options.asOf?.dayNumber ?? latestDay
        let calendar = PeriodCalendar(options.period)
        let history = try table.takeHistory(calendar: calendar, asOfDay: asOfDay, collectsPurchases: includesCustomers && includesKPIs)
        let periods = (0 ..< history.periodCount).map { index in
            let period = history.firstPeriod + index
            let lastDay = calendar.lastDay(of: period)
            return PeriodInfo(index: index, label: calendar.label(of: period),
                              firstDay: CivilDate(dayNumber: calendar.firstDay(of: period)),
                              lastDay: CivilDate(dayNumber: lastDay),
                              partial: index == history.periodCount - 1 && lastDay != asOfDay)
        }
        let matrix = CohortMatrixBuilder(history: history, periods: periods).build()
        let lastComplete = periods.count - (periods.last?.partial == true ? 2 : 1)
        let window = ChurnWindow(gaps: ChurnWindowBuilder(history: history, lastComplete: lastComplete).gaps(), given: options.churnWindow)
        var resolved = options
        resolved.asOf = CivilDate(dayNumber: asOfDay)
        resolved.churnWindow = window.periods

        var input = input
        if options.customerLists == .none {
            // No ids in any output: a rejected row keeps its file, line, column and reason, not its text.
            for index in input.rejected.indices { input.rejected[index].rawText = "" }
        }
        var analysis = CohortAnalysis(options: resolved, asOf: CivilDate(dayNumber: asOfDay), churnWindow: window, periods: periods,
                                      cohorts: matrix.cohorts, averages: matrix.averages, dataQuality: history.dataQuality, input: input)
        guard includesKPIs else {
            if !table.segmentTable.segments.isEmpty {
                analysis.segments = SegmentBuilder(table: table.segmentTable, history: history, periods: periods, options: resolved, window: window,
                                                   headlinePeriod: nil).build().attributes
            }
            BackgroundRelease.drop((consume table, consume history))
            return Prepared(analysis: analysis)
        }
        analysis.kpis = PeriodKPIBuilder(history: history, periods: periods, churnWindow: window.periods, options: resolved).build()
        analysis.survival = KaplanMeierBuilder(history: history, periods: periods, churnWindow: window.periods).build()
        let headlinePeriod = resolved.headlinesPartialPeriod || lastComplete < 0 ? periods.count - 1 : lastComplete
        analysis.headline = HeadlineBuilder(history: history, kpis: analysis.kpis, cohorts: matrix.cohorts, kind: resolved.period)
            .build(period: headlinePeriod)
        var lookups: [SegmentBuilder.Lookup] = [], membership: [[Int32]] = []
        if !table.segmentTable.segments.isEmpty {
            let split = SegmentBuilder(table: table.segmentTable, history: history, periods: periods, options: resolved, window: window,
                                       headlinePeriod: headlinePeriod, kpis: analysis.kpis, headline: analysis.headline).build()
            analysis.segments = split.attributes
            (lookups, membership) = (split.lookups, split.membership)
        }
        guard includesCustomers, let purchases = history.purchases else {
            BackgroundRelease.drop((consume table, consume history))
            return Prepared(analysis: analysis)
        }
        var builder = CustomerActionsBuilder(history: history, purchases: purchases, periods: periods, customerIDs: table.customerIDs,
                                             churnWindow: window.periods, headlinePeriod: headlinePeriod, asOfDay: asOfDay,
                                             kind: resolved.period, grossMargin: resolved.grossMargin)
        builder.segments = lookups
        return Prepared(analysis: analysis, customers: builder, segmentMembership: membership)
    }

    init(options: AnalysisOptions, asOf: CivilDate, churnWindow: ChurnWindow, periods: [PeriodInfo], cohorts: [CohortRow],
                 averages: [AgeAverage], dataQuality: DataQuality, input: InputSummary) {
        self.options = options
        self.asOf = asOf
        self.churnWindow = churnWindow
        self.periods = periods
        self.cohorts = cohorts
        self.averages = averages
        self.dataQuality = dataQuality
        self.input = input
    }

    /// True when the as-of period is partial.
    public var endsWithPartialPeriod: Bool { periods.last?.partial ?? false }

    /// The KPIs of the last complete period (the one a monthly report headlines).
    public var lastCompleteKPIs: PeriodKPIs? { kpis.last(where: { !$0.partial }) }

    /// The KPIs of the period a report headlines (`headline.period`: the last complete one, or the
    /// partial one when asked for or when no period is complete yet); nil when there are no KPIs
    /// (`cohort matrix` computes none).
    public var headlineKPIs: PeriodKPIs? {
        guard let period = headline?.period, period < kpis.count else { return lastCompleteKPIs ?? kpis.last }
        return kpis[period]
    }
}

extension CohortAnalysis {
    /// The version of the `analysis.json` layout this build writes and reads.
    public static let schemaVersion = 5

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, options, asOf, churnWindow, periods, cohorts, averages, kpis, survival, headline, customers, segments, dataQuality,
             input, contracts, satisfaction
    }

    /// Decodes an analysis written by this layout; another version is refused with `AnalysisFileError`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? 1
        guard version == Self.schemaVersion else {
            throw AnalysisFileError.schemaVersion(found: version, supported: Self.schemaVersion)
        }
        options = try container.decode(AnalysisOptions.self, forKey: .options)
        asOf = try container.decode(CivilDate.self, forKey: .asOf)
        churnWindow = try container.decode(ChurnWindow.self, forKey: .churnWindow)
        periods = try container.decode([PeriodInfo].self, forKey: .periods)
        cohorts = try container.decode([CohortRow].self, forKey: .cohorts)
        averages = try container.decode([AgeAverage].self, forKey: .averages)
        kpis = try container.decode([PeriodKPIs].self, forKey: .kpis)
        survival = try container.decodeIfPresent([SurvivalPoint].self, forKey: .survival)
        headline = try container.decodeIfPresent(Headline.self, forKey: .headline)
        customers = try container.decodeIfPresent(CustomerActions.self, forKey: .customers)
        segments = try container.decodeIfPresent([SegmentAttribute].self, forKey: .segments)
        contracts = try container.decodeIfPresent(ContractAnalysis.self, forKey: .contracts)
        satisfaction = try container.decodeIfPresent(SatisfactionAnalysis.self, forKey: .satisfaction)
        dataQuality = try container.decode(DataQuality.self, forKey: .dataQuality)
        input = try container.decode(InputSummary.self, forKey: .input)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(options, forKey: .options)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(churnWindow, forKey: .churnWindow)
        try container.encode(periods, forKey: .periods)
        try container.encode(cohorts, forKey: .cohorts)
        try container.encode(averages, forKey: .averages)
        try container.encode(kpis, forKey: .kpis)
        try container.encodeIfPresent(survival, forKey: .survival)
        try container.encodeIfPresent(headline, forKey: .headline)
        try container.encodeIfPresent(customers, forKey: .customers)
        try container.encodeIfPresent(segments, forKey: .segments)
        try container.encodeIfPresent(contracts, forKey: .contracts)
        try container.encodeIfPresent(satisfaction, forKey: .satisfaction)
        try container.encode(dataQuality, forKey: .dataQuality)
        try container.encode(input, forKey: .input)
    }
}

/// Why an `analysis.json` cannot be used.
public enum AnalysisFileError: Error, Equatable, Sendable {
    /// Written by another version of cohort, with another layout.
    case schemaVersion(found: Int, supported: Int)
    /// Not an analysis (`detail` as the JSON decoder put it).
    case unreadable(path: String, detail: String)
}
