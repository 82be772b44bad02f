@testable import CohortCore
import CohortSample
import Testing

/// The analysis split over several parts (threads) gives exactly what one part gives:
/// the same customer history, the same matrices and the same KPIs, on random tables.
@Suite struct ParallelismTests {
    @Test(arguments: [PeriodKind.month, .week, .quarter])
    func partsGiveTheSameResultAsOneOnALargeRandomTable(kind: PeriodKind) throws {
        for (seed, hasOrders) in [(UInt64(1), true), (2, false), (3, true)] {
            let table = Self.randomTable(seed: seed, rows: 60_000, customers: 3_000, hasOrderColumn: hasOrders)
            for churnWindow in [1, 3] {
                let options = AnalysisOptions(period: kind, churnWindow: churnWindow)
                let single = try Self.analyse(table, options: options, parts: 1)
                for parts in [2, 3, 8] {
                    let split = try Self.analyse(table, options: options, parts: parts)
                    let context = "seed \(seed), \(kind), W = \(churnWindow), order ids: \(hasOrders), \(parts) parts"
                    #expect(split.history == single.history, "\(context): customer history")
                    #expect(split.cohorts == single.cohorts, "\(context): matrix")
                    #expect(split.averages == single.averages, "\(context): averages")
                    #expect(split.kpis == single.kpis, "\(context): KPIs")
                }
            }
        }
    }

    @Test func leavingOutTheKPIsLeavesTheMatricesAsTheyAre() throws {
        let table = Self.randomTable(seed: 4, rows: 20_000, customers: 1_000, hasOrderColumn: true)
        let full = try CohortAnalysis(table: table, options: AnalysisOptions(churnWindow: 2))
        let matricesOnly = try CohortAnalysis(table: table, options: AnalysisOptions(churnWindow: 2), includesKPIs: false)
        #expect(!full.kpis.isEmpty && matricesOnly.kpis.isEmpty)
        #expect(matricesOnly.cohorts == full.cohorts && matricesOnly.averages == full.averages)
        #expect(matricesOnly.periods == full.periods && matricesOnly.dataQuality == full.dataQuality)
    }

    @Test func partsGiveTheSameResultOnTheSmallRandomTablesOfTheInvariantTests() throws {
        for seed in UInt64(0) ..< 200 {
            let sample = GeneratedSample(seed: seed)
            let options = AnalysisOptions(period: sample.kind, asOf: sample.asOf, churnWindow: sample.churnWindow)
            guard let single = try? Self.analyse(sample.table, options: options, parts: 1) else {
                #expect(throws: AnalysisError.self) { try Self.analyse(sample.table, options: options, parts: 4) }
                continue
            }
            for parts in [2, 5] {
                let split = try Self.analyse(sample.table, options: options, parts: parts)
                #expect(split.history == single.history, "seed \(seed), \(parts) parts")
                #expect(split.cohorts == single.cohorts && split.kpis == single.kpis, "seed \(seed), \(parts) parts")
            }
        }
    }

    @Test func theDefaultSplitOfALargeTableMatchesOnePart() throws {
        let table = Self.randomTable(seed: 9, rows: 300_000, customers: 20_000, hasOrderColumn: true)
        let options = AnalysisOptions()
        let single = try Self.analyse(table, options: options, parts: 1)
        let analysis = try CohortAnalysis(table: table, options: options)
        #expect(analysis.cohorts == single.cohorts)
        #expect(analysis.averages == single.averages)
        #expect(analysis.kpis == single.kpis)
        #expect(analysis.dataQuality == single.history.dataQuality)
        #expect(analysis.invariantViolations().isEmpty)
    }

    @Test func rangesCoverEveryIndexOnceInOrder() {
        for count in [0, 1, 7, 100, 65_537] {
            for parts in 1 ... 5 {
                let ranges = ParallelWork.ranges(count, parts: parts)
                #expect(ranges.count == parts)
                #expect(ranges.flatMap { Array($0) } == Array(0 ..< count))
            }
        }
        #expect(ParallelWork.parts(for: 10, cores: 8) == 1)                 // too small to split
        #expect(ParallelWork.parts(for: 10_000_000, cores: 2) == 2)         // one part per core
        #expect(ParallelWork.map([3, 1, 2]) { $0 * 10 } == [30, 10, 20])   // results in input order
    }

    // MARK: - Helpers

    struct Result {
        var history: HistorySnapshot
        var cohorts: [CohortRow]
        var averages: [AgeAverage]
        var kpis: [PeriodKPIs]
    }

    /// The history's arrays, compared as plain values.
    struct HistorySnapshot: Equatable {
        var periodCount, firstPeriod: Int
        var customer, cohort, period, positiveOrders: [Int32]
        var entryStart: [Int]
        var netRevenue, positiveOrderValue: [Int64]
        var dataQuality: DataQuality

        init(_ history: CustomerHistory) {
            (periodCount, firstPeriod) = (history.periodCount, history.firstPeriod)
            (customer, cohort, period, positiveOrders) = (history.customer, history.cohort, history.period, history.positiveOrders)
            entryStart = history.entryStart
            (netRevenue, positiveOrderValue) = (history.netRevenue, history.positiveOrderValue)
            dataQuality = history.dataQuality
        }
    }

    /// What `CohortAnalysis` computes, with every step split into `parts`.
    static func analyse(_ table: OrderTable, options: AnalysisOptions, parts: Int) throws -> Result {
        let latest = Int(try #require(table.day.max()))
        let asOfDay = options.asOf?.dayNumber ?? latest
        let calendar = PeriodCalendar(options.period)
        let history = try CustomerHistory(table: table, calendar: calendar, asOfDay: asOfDay, parts: parts)
        let periods = (0 ..< history.periodCount).map { index in
            let period = history.firstPeriod + index
            let lastDay = calendar.lastDay(of: period)
            return PeriodInfo(index: index, label: calendar.label(of: period),
                              firstDay: CivilDate(dayNumber: calendar.firstDay(of: period)), lastDay: CivilDate(dayNumber: lastDay),
                              partial: index == history.periodCount - 1 && lastDay != asOfDay)
        }
        var resolved = options
        resolved.asOf = CivilDate(dayNumber: asOfDay)
        let lastComplete = periods.count - (periods.last?.partial == true ? 2 : 1)
        let churnWindow = ChurnWindow(gaps: ChurnWindowBuilder(history: history, lastComplete: lastComplete).gaps(), given: options.churnWindow).periods
        let matrix = CohortMatrixBuilder(history: history, periods: periods).build(parts: parts)
        let kpis = PeriodKPIBuilder(history: history, periods: periods, churnWindow: churnWindow, options: resolved).build(parts: parts)
        return Result(history: HistorySnapshot(history), cohorts: matrix.cohorts, averages: matrix.averages, kpis: kpis)
    }

    /// Shuffled rows over three years: order ids shared between customers and lines of one
    /// order on different days, refunds, refund-only customers, heavy buyers with many orders.
    static func randomTable(seed: UInt64, rows: Int, customers: Int, hasOrderColumn: Bool) -> OrderTable {
        var random = SplitMix64(seed: seed)
        let firstDay = CivilDate(year: 2023, month: 1, day: 1)!.dayNumber
        var customer: [Int32] = [], day: [Int32] = [], amount: [Int64] = [], order: [Int32] = []
        for _ in 0 ..< rows {
            // a few customers buy very often (more than the insertion-sort threshold of order lines)
            let who = random.percent(5) ? random.int(0 ... 9) : random.int(0 ... customers - 1)
            customer.append(Int32(who))
            day.append(Int32(firstDay + random.int(0 ... 1_095)))
            let cents = Int64(random.int(1 ... 50_000))
            amount.append(who % 97 == 0 || random.percent(8) ? -cents : cents)
            order.append(Int32(random.int(0 ... rows / 3)))
        }
        return OrderTable(customer: customer, day: day, amount: amount, order: hasOrderColumn ? order : nil,
                          customerIDs: (0 ..< customers).map { "C\($0)" }, orderCount: rows / 3 + 1)
    }
}
