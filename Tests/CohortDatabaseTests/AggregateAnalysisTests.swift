import CohortCore
import CohortSample
import Foundation
import Testing

/// `CohortAnalysis(aggregates:)` gives what `CohortAnalysis(table:)` gives for the rows behind the
/// aggregates (summed here the plain way, `ReferenceAggregates`): every matrix cell, KPI, survival
/// point, headline, data-quality count and customer record. No server needed.
@Suite struct AggregateAnalysisTests {
    /// Sample orders (order lines, credit notes) and the cases that trip sums up: a refund before the
    /// first purchase, a customer who never bought, an order split over two months, an order whose
    /// lines cancel, several orders on one day, rows after the as-of date only.
    static let table: OrderTable = {
        var table = OrderTable(hasOrderColumn: true)
        var orderIDs: [String: Int32] = [:]
        func add(_ customer: String, _ order: String, _ date: String, _ cents: Int64) {
            let parts = date.split(separator: "-").map { Int($0)! }
            let id = orderIDs[order] ?? Int32(orderIDs.count)
            orderIDs[order] = id
            table.append(customer: table.internCustomer(customer), day: CivilDate(year: parts[0], month: parts[1], day: parts[2])!.dayNumber,
                         amount: cents, order: id)
        }
        let sample = String(decoding: SampleGenerator(options: SampleOptions(customers: 300, months: 24, seed: 11)).generateBytes(), as: UTF8.self)
        for line in sample.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let amount = fields[3].split(separator: ".")
            let cents = Int64(amount[0])! * 100 + (amount[0].hasPrefix("-") ? -1 : 1) * Int64(amount.count > 1 ? String(amount[1]) : "0")!
            add(String(fields[1]), String(fields[0]), String(fields[2]), cents)
        }
        add("E-REFUND-FIRST", "CR-E1", "2023-12-10", -20_00)
        add("E-REFUND-FIRST", "SO-E1", "2024-02-05", 100_00)
        add("E-NEVER", "CR-E2", "2024-03-01", -15_00)
        add("E-SPLIT", "SO-E3", "2024-01-31", 60_00)
        add("E-SPLIT", "SO-E3", "2024-02-01", 40_00)
        add("E-SPLIT", "SO-E4", "2024-03-15", 10_00)
        add("E-SPLIT", "SO-E4", "2024-03-15", -10_00)
        add("E-SPLIT", "SO-E5", "2024-03-15", 25_00)
        add("E-SPLIT", "SO-E6", "2024-03-15", 5_00)
        add("E-SPLIT", "SO-E7", "2024-04-30", 30_00)
        add("E-SPLIT", "SO-E7", "2024-05-02", -50_00)
        add("E-LATE", "SO-E8", "2025-10-20", 40_00)
        add("E-STRADDLE", "SO-E9", "2025-06-30", 50_00)
        add("E-STRADDLE", "SO-E9", "2025-07-02", 70_00)
        return table
    }()

    static let asOfDates: [CivilDate?] = [nil, CivilDate(year: 2025, month: 6, day: 30), CivilDate(year: 2024, month: 11, day: 13)]

    @Test(arguments: [PeriodKind.month, .week, .quarter])
    func analysesAggregatesAsTheirRows(period: PeriodKind) throws {
        for asOf in Self.asOfDates {
            var options = AnalysisOptions(period: period)
            options.asOf = asOf
            let aggregates = ReferenceAggregates.build(Self.table, period: period, asOfDay: asOf?.dayNumber, collectsPurchases: true)

            let expected = try CohortAnalysis.withCustomerLists(table: Self.table, options: options)
            let analysed = try CohortAnalysis.withCustomerLists(aggregates: aggregates, options: options)
            #expect(analysed.analysis == expected.analysis, "\(period), as of \(asOf?.description ?? "the latest order")")
            #expect(analysed.atRisk == expected.atRisk)
            #expect(analysed.lost == expected.lost)
            #expect(analysed.analysis.dataQuality.rowsBeforeAcquisition > 0)
            #expect(analysed.analysis.dataQuality.customersWithoutPositiveOrder > 0)

            let records = try CohortAnalysis.withCustomerRecords(aggregates: aggregates, options: options)
            #expect(records.records == (try CohortAnalysis.withCustomerRecords(table: Self.table, options: options)).records)

            let matrixOnly = ReferenceAggregates.build(Self.table, period: period, asOfDay: asOf?.dayNumber, collectsPurchases: false)
            #expect(try CohortAnalysis(aggregates: matrixOnly, options: options, includesKPIs: false)
                == CohortAnalysis(table: Self.table, options: options, includesKPIs: false))
        }
    }

    @Test func refusesWhatATableRefuses() {
        var options = AnalysisOptions()
        options.asOf = CivilDate(year: 2000, month: 1, day: 31)
        let early = ReferenceAggregates.build(Self.table, period: .month, asOfDay: options.asOf?.dayNumber, collectsPurchases: false)
        #expect(throws: AnalysisError.noRowsUpToAsOf(asOf: options.asOf!)) { try CohortAnalysis(aggregates: early, options: options) }
        #expect(throws: AnalysisError.noRows) { try CohortAnalysis(aggregates: CustomerAggregates(periodKind: .month, asOfDay: nil)) }
    }
}
