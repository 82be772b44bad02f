@testable import CohortCore
import Testing

/// Segments (METRICS.md, "Input model" and "Segments"): who belongs where, and that each segment's
/// numbers are those of its customers' orders alone.
struct SegmentTests {
    /// A table with segment columns given per row as text.
    static func table(_ rows: [(customer: String, date: String, amount: String, order: String?, attributes: [String])],
                      names: [String]) -> OrderTable {
        var table = OrderTable(hasOrderColumn: rows.first?.order != nil)
        var orderNumber: [String: Int32] = [:]
        var valueIDs = names.map { _ in [String: Int32]() }, values = names.map { _ in [String]() }, ids = names.map { _ in [Int32]() }
        for row in rows {
            let customer = table.internCustomer(row.customer)
            var order: Int32?
            if let text = row.order {
                if orderNumber[text] == nil { orderNumber[text] = Int32(orderNumber.count) }
                order = orderNumber[text]
            }
            table.append(customer: customer, day: day(row.date), amount: money(row.amount).minorUnits, order: order)
            for (column, value) in row.attributes.prefix(names.count).enumerated() {
                if valueIDs[column][value] == nil {
                    valueIDs[column][value] = Int32(values[column].count)
                    values[column].append(value)
                }
                ids[column].append(valueIDs[column][value]!)
            }
        }
        table.segments = names.indices.map { SegmentColumn(name: names[$0], values: values[$0], source: .rows(ids[$0])) }
        return table
    }

    static func options(asOf: String = "2026-06-30", churnWindow: Int = 1, limit: Int = 8) -> AnalysisOptions {
        var options = AnalysisOptions(period: .month, asOf: CivilDate(iso: asOf), churnWindow: churnWindow)
        options.segmentLimit = limit
        return options
    }

    @Test func aCustomerStaysInTheSegmentOfItsFirstPositiveOrder() throws {
        // A: first order (Jan) in Retail, later Tech → Retail. B: a refund in Jan (not positive) marked Tech,
        // then its first positive order in Feb marked Retail → Retail. C: two orders on its first day, Tech
        // read first, then Retail → Tech (first in reading order). D: empty value → unknown.
        let table = Self.table([
            ("A", "2026-01-05", "10.00", nil, ["Retail"]), ("A", "2026-02-05", "10.00", nil, ["Tech"]),
            ("B", "2026-01-07", "-5.00", nil, ["Tech"]), ("B", "2026-02-07", "20.00", nil, ["Retail"]),
            ("C", "2026-03-01", "5.00", nil, ["Tech"]), ("C", "2026-03-01", "6.00", nil, ["Retail"]),
            ("D", "2026-03-02", "7.00", nil, [""]),
        ], names: ["industry"])
        let analysis = try CohortAnalysis(table: table, options: Self.options())
        let attribute = try #require(analysis.segments?.first)
        // Retail: A, B (2) before Tech: C (1); then unknown: D.
        #expect(attribute.segments.map(\.value) == ["Retail", "Tech", ""])
        #expect(attribute.segments.map(\.kind) == [.value, .value, .unknown])
        #expect(attribute.segments.map(\.customers) == [2, 1, 1])
        #expect(attribute.unknownCustomers == 1 && attribute.distinctValues == 2)
    }

    @Test func withAnOrderColumnTheOrdersFirstLineCounts() throws {
        // A's first positive order o1 (two lines, Jan 5) was read first with "Small"; its later order o2 says "Large".
        // B's first order o3 nets to −2 (not positive); its first positive order o4 (Feb) says "Large".
        let table = Self.table([
            ("A", "2026-01-05", "10.00", "o1", ["Small"]), ("A", "2026-01-05", "3.00", "o1", ["Large"]),
            ("B", "2026-01-06", "5.00", "o3", ["Small"]), ("B", "2026-01-06", "-7.00", "o3", ["Small"]),
            ("A", "2026-02-05", "10.00", "o2", ["Large"]), ("B", "2026-02-06", "9.00", "o4", ["Large"]),
        ], names: ["size"])
        let analysis = try CohortAnalysis(table: table, options: Self.options())
        let attribute = try #require(analysis.segments?.first)
        #expect(attribute.segments.map(\.value) == ["Large", "Small"] && attribute.segments.map(\.customers) == [1, 1])
        // B (Large) has its cohort in February: its segment's only cohort.
        let large = try #require(attribute.segments.first)
        #expect(large.analysis.cohorts.filter { $0.size > 0 }.map(\.label) == ["2026-02"])
    }

    @Test func theLargestValuesAndOther() throws {
        // Values v0 … v11 with 12, 11, …, 1 customers; limit 3: v0, v1, v2 shown, the other 9 values (9 + 8 + … + 1 = 45) gathered.
        var rows: [(customer: String, date: String, amount: String, order: String?, attributes: [String])] = []
        for value in 0 ..< 12 {
            for customer in 0 ..< 12 - value { rows.append(("c\(value)-\(customer)", "2026-01-10", "1.00", nil, ["v\(value)"])) }
        }
        let attribute = try #require(try CohortAnalysis(table: Self.table(rows, names: ["x"]), options: Self.options(limit: 3)).segments?.first)
        #expect(attribute.segments.map(\.kind) == [.value, .value, .value, .other])
        #expect(attribute.segments.map(\.customers) == [12, 11, 10, 45])
        #expect(attribute.segments.last?.values == 9 && attribute.distinctValues == 12)
        // With one value beyond the limit there is no "other": it is shown by name.
        let four = rows.filter { ["v0", "v1", "v2", "v3"].contains($0.attributes[0]) }
        let attributeOfFour = try #require(try CohortAnalysis(table: Self.table(four, names: ["x"]), options: Self.options(limit: 3)).segments?.first)
        #expect(attributeOfFour.segments.map(\.value) == ["v0", "v1", "v2", "v3"])
    }

    @Test func aCustomerFileNamesSomeCustomers() throws {
        // Customers A, B, C; the file names A (Gold) and B (""): B is unknown (empty), C is missing from the file.
        var table = orders(("A", "2026-01-05", "10.00"), ("B", "2026-01-06", "10.00"), ("C", "2026-01-07", "10.00"))
        let index = Dictionary(uniqueKeysWithValues: table.customerIDs.enumerated().map { ($1, $0) })
        var ids = [Int32](repeating: -1, count: table.customerCount)
        ids[index["A"]!] = 0
        ids[index["B"]!] = 1
        table.segments = [SegmentColumn(name: "plan", values: ["Gold", ""], source: .customers(ids))]
        let attribute = try #require(try CohortAnalysis(table: table, options: Self.options(asOf: "2026-01-31")).segments?.first)
        #expect(attribute.fromCustomerFile)
        #expect(attribute.segments.map(\.kind) == [.value, .unknown] && attribute.segments.map(\.customers) == [1, 2])
        #expect(attribute.unknownCustomers == 2 && attribute.missingFromCustomerFile == 1)
    }

    /// Generated orders with two attributes: each segment's matrix and KPIs equal those of an analysis of
    /// its customers' orders alone (an independent route: the rows are filtered before anything is summed).
    @Test func eachSegmentEqualsItsCustomersAlone() throws {
        var generator = SeededNumbers(seed: 15)
        var rows: [(customer: String, date: String, amount: String, order: String?, attributes: [String])] = []
        let regions = ["North", "South", "East"], plans = ["Basic", "Pro", "Enterprise", "Trial"]
        for customer in 0 ..< 240 {
            var month = 1 + generator.next(12), orderNumber = 0
            let region = regions[generator.next(3)]
            while month <= 18 {
                let year = month > 12 ? 2026 : 2025, monthOfYear = (month - 1) % 12 + 1
                let date = "\(year)-\(monthOfYear < 10 ? "0" : "")\(monthOfYear)-\(10 + generator.next(15))"
                let cents = generator.next(20_000) - 2_000 // some refunds
                let amount = "\(cents < 0 ? "-" : "")\(abs(cents) / 100).\(abs(cents) % 100 < 10 ? "0" : "")\(abs(cents) % 100)"
                // The plan may change after the first order: the segment must stay the first one's.
                rows.append(("k\(customer)", date, amount, "o\(customer)-\(orderNumber)", [region, plans[generator.next(4)]]))
                if generator.next(3) == 0 { rows.append(("k\(customer)", date, "1.00", "o\(customer)-\(orderNumber)", [region, "Trial"])) }
                orderNumber += 1
                month += 1 + generator.next(4)
            }
        }
        let table = Self.table(rows, names: ["region", "plan"])
        let options = Self.options(asOf: "2026-06-30", churnWindow: 2)
        let whole = try CohortAnalysis(table: table, options: options)
        let attributes = try #require(whole.segments)
        #expect(attributes.count == 2)
        for (column, attribute) in attributes.enumerated() {
            #expect(attribute.segments.reduce(0) { $0 + $1.customers } == whole.dataQuality.customersAnalyzed)
            for segment in attribute.segments {
                // The independent route: each customer's value from its first positive order, found here from the rows.
                let members = Set(Self.customers(of: rows, column: column, value: segment.value))
                let alone = try CohortAnalysis(table: Self.table(rows.filter { members.contains($0.customer) }, names: []), options: options)
                #expect(segment.customers == members.count)
                let byLabel = Dictionary(uniqueKeysWithValues: alone.cohorts.map { ($0.label, $0) })
                for row in segment.analysis.cohorts where row.size > 0 {
                    let expected = try #require(byLabel[row.label], "\(segment.value) \(row.label)")
                    #expect(row.cells == expected.cells, "\(attribute.name)=\(segment.value) cohort \(row.label)")
                }
                #expect(segment.analysis.cohorts.filter { $0.size > 0 }.count == alone.cohorts.filter { $0.size > 0 }.count)
                let kpisByLabel = Dictionary(uniqueKeysWithValues: alone.kpis.map { ($0.label, $0) })
                for kpi in segment.analysis.kpis {
                    guard let expected = kpisByLabel[kpi.label] else { continue }
                    #expect(kpi.customers == expected.customers && kpi.revenue == expected.revenue,
                            "\(attribute.name)=\(segment.value) \(kpi.label)")
                }
            }
        }
    }

    /// The customers whose first positive order (earliest day, then first in the rows) has `value` in `column`.
    static func customers(of rows: [(customer: String, date: String, amount: String, order: String?, attributes: [String])],
                          column: Int, value: String) -> [String] {
        var orderTotal: [String: Int64] = [:], orderDay: [String: String] = [:], orderValue: [String: String] = [:], orderFirst: [String: Int] = [:]
        for (position, row) in rows.enumerated() {
            let key = row.customer + "/" + (row.order ?? "\(position)")
            orderTotal[key, default: 0] += money(row.amount).minorUnits
            if orderDay[key].map({ row.date < $0 }) ?? true { orderDay[key] = row.date }
            if orderFirst[key] == nil { orderFirst[key] = position; orderValue[key] = row.attributes[column] }
        }
        var first: [String: (date: String, position: Int, value: String)] = [:]
        for (key, total) in orderTotal where total > 0 {
            let customer = String(key.split(separator: "/")[0])
            let candidate = (date: orderDay[key]!, position: orderFirst[key]!, value: orderValue[key]!)
            if let best = first[customer], (best.date, best.position) < (candidate.date, candidate.position) { continue }
            first[customer] = candidate
        }
        return first.filter { $0.value.value == value }.map(\.key)
    }
}

/// A small deterministic generator for test data (SplitMix64).
struct SeededNumbers {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number in 0 ..< bound.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
