import CohortCore
import CohortJob
import CohortReports
import CohortVocabulary
import Foundation
import Testing

/// report.xlsx of the bundled example, read back with openpyxl, against the CSV files of the same
/// folder read with Python's csv module: every value of the workbook equals its CSV field (to the
/// places the CSV writes; money to the cent), the averages and headline figures are recomputed from
/// the CSVs by METRICS.md, and the sheets are laid out for a controller.
struct ReportWorkbookTests {
    // MARK: Values

    @Test(arguments: [Language.english, .german])
    func everyTriangleCellEqualsCohortsCSV(_ language: Language) throws {
        let report = try ExampleReport.read(language)
        let cohorts = try report.file("cohorts.csv").keyed
        let words = language.words.workbookWords(.month)
        let columns: [(sheet: String, key: String)] = [
            (words.retentionSheet, "retention"), (words.revenueRetentionSheet, "revenue_retention"),
            (words.grossRetentionSheet, "grr"), (words.revenueSheet, "revenue"),
            (words.revenuePerCustomerSheet, "cumulative_revenue_per_customer"),
        ]
        let labels = orderedCohorts(cohorts)
        #expect(labels.count == 36 && cohorts.count == 666)
        for (name, key) in columns {
            let sheet = try report.sheet(name)
            var compared = 0
            for (index, label) in labels.enumerated() {
                let row = index + 1
                #expect(Self.periodLabel(sheet.cell(row, 0)) == label, "\(name) row \(row)")
                let cells = cohorts.filter { $0["cohort"] == label }
                #expect(sheet.cell(row, 1)?.number == Double(try #require(cells.first?["cohort_size"])), "\(name) \(label) size")
                for csv in cells {
                    let age = try #require(Int(csv["age"] ?? ""))
                    let cell = sheet.cell(row, 2 + age)
                    Self.expect(cell?.number, equals: csv[key] ?? "", "\(name) \(label) age \(age)")
                    #expect(cell?.format.hasSuffix("\\*") == (csv["partial"] == "true"), "\(name) \(label) age \(age) partial mark")
                    compared += 1
                }
                // Nothing beyond the cohort's last age.
                #expect(sheet.rows[row].dropFirst(2 + cells.count).allSatisfy { $0 == nil }, "\(name) \(label) ends at its last age")
            }
            #expect(compared == cohorts.count)
        }
    }

    /// The average row: Σ numerators / Σ denominators over the complete cells of each age, and the
    /// chain-ladder LTV curve (METRICS.md), recomputed from cohorts.csv.
    @Test(arguments: [Language.english, .german])
    func triangleAveragesFollowTheMetricContract(_ language: Language) throws {
        let report = try ExampleReport.read(language)
        let cohorts = try report.file("cohorts.csv").keyed
        let words = language.words.workbookWords(.month), average = language.words.reportLabels(.month).average
        let sizes = Dictionary(cohorts.map { ($0["cohort"]!, Self.number($0["cohort_size"]!)!) }, uniquingKeysWith: { first, _ in first })
        let atAcquisition = Dictionary(uniqueKeysWithValues: cohorts.filter { $0["age"] == "0" }.map { ($0["cohort"]!, $0) })
        var lifetimeValue = 0.0
        for age in 0 ..< 36 {
            let complete = cohorts.filter { $0["age"] == String(age) && $0["partial"] == "false" }
            func sum(_ key: String, _ rows: [[String: String]]) -> Double { rows.reduce(0) { $0 + Self.number($1[key]!)! } }
            let customers = complete.reduce(0) { $0 + sizes[$1["cohort"]!]! }
            let acquisition = complete.map { atAcquisition[$0["cohort"]!]! }
            let expected: [(String, Double)] = [
                (words.retentionSheet, sum("active_customers", complete) / customers),
                (words.revenueRetentionSheet, sum("revenue", complete) / sum("revenue", acquisition)),
                (words.grossRetentionSheet, sum("grr_revenue", complete) / sum("grr_revenue", acquisition)),
                (words.revenuePerCustomerSheet, { lifetimeValue += sum("revenue", complete) / customers; return lifetimeValue }()),
            ]
            for (name, value) in expected {
                let sheet = try report.sheet(name)
                let row = try #require(sheet.row(labelled: average), "\(name) has an average row")
                let cell = try #require(sheet.cell(row, 2 + age)?.number, "\(name) average at age \(age)")
                #expect(abs(cell - value) <= 1e-9 * max(1, abs(value)), "\(name) average at age \(age): \(cell) ≠ \(value)")
            }
        }
    }

    @Test(arguments: [Language.english, .german])
    func everyKPICellEqualsKPIsCSV(_ language: Language) throws {
        let report = try ExampleReport.read(language)
        let kpis = try report.file("kpis.csv")
        let words = language.words.workbookWords(.month)
        let sheet = try report.sheet(words.kpiSheet)
        #expect(sheet.rows.first?.compactMap { $0?.text } == words.kpiColumns.all)
        #expect(kpis.records.count == 36)
        for (index, record) in kpis.records.enumerated() {
            let row = index + 1
            for (column, key) in kpis.header.enumerated() {
                let cell = sheet.cell(row, column), field = record[column]
                switch key {
                case "period": #expect(Self.periodLabel(cell) == field)
                case "partial": #expect(cell?.text == (field == "true" ? words.partial : nil))
                default: Self.expect(cell?.number, equals: field, "\(words.kpiSheet) \(record[0]) \(key)")
                }
            }
        }
    }

    @Test(arguments: [Language.english, .german])
    func survivalSheetEqualsSurvivalCSV(_ language: Language) throws {
        let report = try ExampleReport.read(language)
        let survival = try report.file("survival.csv")
        let sheet = try report.sheet(language.words.workbookWords(.month).survivalSheet)
        #expect(sheet.rows.count == survival.rows.count)
        for (index, record) in survival.records.enumerated() {
            for (column, field) in record.enumerated() {
                Self.expect(sheet.cell(index + 1, column)?.number, equals: field, "survival age \(record[0]) \(survival.header[column])")
            }
        }
    }

    /// The at-risk and lost sheets hold the first 100 rows of at-risk.csv and lost.csv, every column.
    @Test(arguments: [Language.english, .german])
    func customerSheetsHoldTheFirstRowsOfTheFullLists(_ language: Language) throws {
        let report = try ExampleReport.read(language)
        let words = language.words.workbookWords(.month)
        for (name, file) in [(words.atRiskSheet, "at-risk.csv"), (words.lostSheet, "lost.csv")] {
            let list = try report.file(file), sheet = try report.sheet(name)
            let shown = min(100, list.records.count)
            // A note above the header says how many there are and where all of them are.
            #expect(sheet.cell(0, 0)?.text == language.words.listExcerpt(shown: shown, of: list.records.count, file: file))
            #expect(sheet.rows.count == 2 + shown)
            for (index, record) in list.records.prefix(shown).enumerated() {
                let row = index + 2
                for (column, key) in list.header.enumerated() {
                    let cell = sheet.cell(row, column), field = record[column]
                    switch key {
                    case "customer_id", "cohort": #expect(cell?.text == field, "\(file) row \(row) \(key)")
                    case "status": #expect(cell?.text == CustomerStatus(rawValue: field).map(language.words.status), "\(file) row \(row) status")
                    case "first_order", "last_order": #expect(cell?.date == field, "\(file) row \(row) \(key)")
                    default: Self.expect(cell?.number, equals: field, "\(file) row \(row) \(key)")
                    }
                }
            }
        }
    }

    /// The headline figures of the last complete month, a month and a year before, from kpis.csv,
    /// and the revenue per customer in the first year from cohorts.csv (chain-ladder, METRICS.md).
    @Test(arguments: [Language.english, .german])
    func summaryFiguresEqualTheKPIsOfTheReportedPeriod(_ language: Language) throws {
        let report = try ExampleReport.read(language)
        let kpis = try report.file("kpis.csv").keyed, cohorts = try report.file("cohorts.csv").keyed
        let words = language.words.workbookWords(.month)
        let sheet = try report.sheet(words.summarySheet)
        let header = try #require(sheet.row(labelled: words.figure))
        let t = try #require(kpis.lastIndex { $0["partial"] == "false" })
        let periods = kpis.map { $0["period"]! }
        func kpi(_ key: String, _ period: Int) -> String { kpis[period][key]! }
        func kept(_ period: Int) -> Double {
            let start = Self.number(kpi("customers_start", period))!
            return (start - Self.number(kpi("churned_customers", period))!) / start
        }
        func firstYearRevenuePerCustomer(through last: Int) -> Double {
            var value = 0.0
            for age in 0 ... 11 {
                let cells = cohorts.filter { $0["age"] == String(age) && $0["partial"] == "false" && periods.firstIndex(of: $0["cohort"]!)! + age <= last }
                value += cells.reduce(0) { $0 + Self.number($1["revenue"]!)! } / cells.reduce(0) { $0 + Self.number($1["cohort_size"]!)! }
            }
            return value
        }
        for (offset, key) in HeadlineKey.allCases.enumerated() {
            let row = header + 1 + offset
            #expect(sheet.cell(row, 0)?.text?.isEmpty == false)
            for (column, period) in [(1, t), (2, t - 1), (3, t - 12)] {
                let value = sheet.cell(row, column)?.number
                let place = "\(key.rawValue) at \(periods[period])"
                switch key {
                case .activeCustomers: Self.expect(value, equals: kpi("customers_end", period), place)
                case .churnRate: Self.expect(value, equals: kpi("churn_rate", period), place)
                case .customersKept: #expect(value.map { abs($0 - kept(period)) < 1e-12 } == true, "\(place)")
                case .revenue: Self.expect(value, equals: kpi("revenue", period), place)
                case .nrr: Self.expect(value, equals: kpi("nrr_12", period), place)
                case .grr: Self.expect(value, equals: kpi("grr_12", period), place)
                case .clv12m:
                    let expected = firstYearRevenuePerCustomer(through: period)
                    #expect(value.map { abs($0 - expected) <= 1e-9 * expected } == true, "\(place): \(String(describing: value)) ≠ \(expected)")
                case .averageOrderValue: Self.expect(value, equals: kpi("average_order_value", period), place)
                }
            }
        }
        // The target of customers kept (0.9 in ExampleReport) and its traffic light, by KPITargets' rule.
        let keptRow = header + 1 + HeadlineKey.allCases.firstIndex(of: .customersKept)!
        #expect(sheet.cell(keptRow, 4)?.number == 0.9)
        let light: TrafficLight = kept(t) >= 0.9 ? .good : kept(t) >= 0.9 * 0.95 ? .warning : .bad
        #expect(sheet.cell(keptRow, 5)?.text == language.words.trafficLight(light))
        #expect(sheet.cell(1, 1)?.date == "2026-10-31")
    }

    // MARK: Layout

    @Test(arguments: [Language.english, .german])
    func sheetsAreLaidOutForAController(_ language: Language) throws {
        let report = try ExampleReport.read(language)
        let words = language.words.workbookWords(.month), labels = language.words.reportLabels(.month)
        #expect(report.sheets.map(\.name) == [
            words.summarySheet, words.retentionSheet, words.revenueRetentionSheet, words.grossRetentionSheet, words.revenueSheet,
            words.revenuePerCustomerSheet, words.kpiSheet, words.survivalSheet, words.atRiskSheet, words.lostSheet, words.wonBackSheet,
        ])
        for sheet in report.sheets {
            #expect(sheet.formulas == 0, "\(sheet.name) has no formula")
            let used = Set(sheet.rows.prefix(40).flatMap { $0.enumerated().compactMap { $0.element == nil ? nil : $0.offset } })
            #expect(used.allSatisfy { sheet.widths[Self.columnName($0)] != nil }, "\(sheet.name): every used column has a fitted width")
        }
        let money = language == .german ? #"#,##0 "€""# : ##""€"#,##0"##
        let sizes = try report.file("cohorts.csv").keyed.filter { $0["age"] == "0" }.map { Self.number($0["cohort_size"]!)! }
        for (name, format) in [(words.retentionSheet, "0.0%"), (words.revenueRetentionSheet, "0.0%"), (words.grossRetentionSheet, "0.0%"),
                               (words.revenueSheet, money)] {
            let sheet = try report.sheet(name)
            #expect(sheet.freeze == "C2", "\(name): header row and cohort columns frozen")
            let header = sheet.rows[0].map { $0?.text }
            #expect(header.prefix(4) == [labels.cohort, words.cohortSize, "M0", "M1"] && header.count == 38)
            #expect(sheet.rows[0].allSatisfy { $0?.bold == true })
            #expect(sheet.cell(1, 0)?.format == "yyyy-mm" && sheet.cell(1, 1)?.format == "#,##0")
            #expect(sheet.cell(1, 3)?.format == format)
            guard format == "0.0%" else {
                #expect(sheet.colorScales.isEmpty)
                continue
            }
            // The heat map's scale from age 1 (column D) on, over the cohorts of 30 customers or more only.
            let colored = Set(sheet.colorScales.flatMap { scale in Self.rows(of: scale.range, from: "D", to: "AL") })
            #expect(colored == Set(sizes.indices.filter { sizes[$0] >= 30 }.map { $0 + 2 }))
            #expect(sheet.colorScales.allSatisfy { $0.stops.count == 3 && $0.colors.count == 3 })
            #expect(sheet.colorScales.first?.stops == (name == words.retentionSheet ? [0, 0.3, 0.6] : name == words.grossRetentionSheet ? [0, 0.5, 1] : [0, 1, 2]))
        }
        let kpis = try report.sheet(words.kpiSheet)
        #expect(kpis.freeze == "B2" && kpis.autofilter == "A1:AD37")
        #expect(kpis.cell(1, 11)?.format == (language == .german ? #"#,##0.00 "€""# : ##""€"#,##0.00"##))
        #expect(kpis.cell(2, 7)?.format == "0.0%")
        let atRisk = try report.sheet(words.atRiskSheet)
        #expect(atRisk.freeze == "B3" && atRisk.autofilter == "A2:O102" && atRisk.cell(2, 3)?.format == "yyyy-mm-dd")
    }

    // MARK: CSV dialects

    /// The German report's CSV files are excel-de (BOM, `;`, decimal comma, CRLF) with the English
    /// report's column keys and, decimal marks aside, its very fields.
    @Test func aGermanReportWritesCSVForGermanExcelWithTheSameFields() throws {
        let english = try ExampleReport.read(.english), german = try ExampleReport.read(.german)
        for name in ["cohorts.csv", "kpis.csv", "survival.csv", "at-risk.csv", "lost.csv"] {
            let en = try english.file(name), de = try german.file(name)
            #expect(!en.byteOrderMark && en.carriageReturnLineFeeds == 0 && en.lineFeeds == en.rows.count, "\(name) (en) as before")
            #expect(de.byteOrderMark && de.carriageReturnLineFeeds == de.lineFeeds && de.lineFeeds == de.rows.count, "\(name) (de): BOM, CRLF")
            #expect(de.header == en.header, "\(name): the same column keys")
            #expect(de.rows.count == en.rows.count)
            for (enRecord, deRecord) in zip(en.records, de.records) {
                #expect(enRecord.count == deRecord.count)
                for (enField, deField) in zip(enRecord, deRecord) {
                    let expected = Double(enField) != nil ? enField.replacingOccurrences(of: ".", with: ",") : enField
                    #expect(deField == expected, "\(name): '\(deField)' for '\(enField)'")
                }
            }
        }
    }

    /// `rfc4180` keeps today's files whatever the language: a German report asked for it writes the
    /// English report's CSV bytes.
    @Test func rfc4180KeepsTheFilesAsTheyWere() throws {
        let english = try ExampleReport.folder(.english), german = try ExampleReport.folder(.german, dialect: .rfc4180)
        defer { [english, german].forEach { try? FileManager.default.removeItem(at: $0.deletingLastPathComponent()) } }
        for name in ["cohorts.csv", "kpis.csv", "survival.csv", "at-risk.csv", "lost.csv"] {
            let en = try Data(contentsOf: english.appendingPathComponent(name))
            #expect(try Data(contentsOf: german.appendingPathComponent(name)) == en, "\(name)")
        }
    }

    /// With the as-of date inside October, October's cells and KPIs are marked partial.
    @Test func thePartialPeriodIsMarked() throws {
        let folder = try ExampleReport.folder(.english, asOf: CivilDate(year: 2026, month: 10, day: 15))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let report = try ReportReader.read(folder.path)
        let words = Language.english.words.workbookWords(.month)
        let cohorts = try report.file("cohorts.csv").keyed
        #expect(cohorts.contains { $0["partial"] == "true" })
        let sheet = try report.sheet(words.retentionSheet)
        for (index, label) in orderedCohorts(cohorts).enumerated() {
            for csv in cohorts where csv["cohort"] == label {
                let age = Int(csv["age"]!)!
                #expect(sheet.cell(index + 1, 2 + age)?.format == (csv["partial"] == "true" ? "0.0%\\*" : "0.0%"), "\(label) age \(age)")
            }
        }
        #expect(sheet.rows.contains { $0.first??.text == Language.english.words.reportLabels(.month).partialMark })
        let kpis = try report.sheet(words.kpiSheet)
        #expect(kpis.cell(36, 1)?.text == words.partial && kpis.cell(35, 1) == nil)
    }

    // MARK: Helpers

    /// Cohort labels in the order of cohorts.csv.
    func orderedCohorts(_ rows: [[String: String]]) -> [String] {
        rows.compactMap { $0["age"] == "0" ? $0["cohort"] : nil }
    }

    /// A CSV number in either dialect (`0.4567` or `0,4567`); nil for an empty field.
    static func number(_ field: String) -> Double? {
        field.isEmpty ? nil : Double(field.replacingOccurrences(of: ",", with: "."))
    }

    /// `value` is the CSV's `field` to the places the CSV writes (half a unit of its last place);
    /// an empty field is an empty cell.
    static func expect(_ value: Double?, equals field: String, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected = number(field) else {
            #expect(value == nil, "\(place): \(String(describing: value)) for an empty field", sourceLocation: sourceLocation)
            return
        }
        let places = field.split(whereSeparator: { $0 == "." || $0 == "," }).dropFirst().first?.count ?? 0
        let tolerance = 0.5 * pow(10, -Double(places)) + 1e-9 * max(1, abs(expected))
        #expect(value.map { abs($0 - expected) <= tolerance } == true, "\(place): \(String(describing: value)) ≠ \(field)",
                sourceLocation: sourceLocation)
    }

    /// A period cell as its label: a month's date as `2026-03`, a week's or quarter's text as it is.
    static func periodLabel(_ cell: ReadSheet.Cell?) -> String? {
        cell?.date.map { String($0.prefix(7)) } ?? cell?.text
    }

    /// Excel's letters of a 0-based column.
    static func columnName(_ column: Int) -> String {
        var name = "", number = column + 1
        while number > 0 {
            name = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// The rows (1-based) of ranges like `D2:AL2 D4:AL10` that span exactly the columns `first` to `last`.
    static func rows(of ranges: String, from first: String, to last: String) -> [Int] {
        ranges.split(separator: " ").flatMap { range -> [Int] in
            let ends = range.split(separator: ":").map { String($0) }
            guard ends.count == 2, ends[0].hasPrefix(first), ends[1].hasPrefix(last),
                  let top = Int(ends[0].dropFirst(first.count)), let bottom = Int(ends[1].dropFirst(last.count)) else { return [-1] }
            return Array(top ... bottom)
        }
    }
}

/// The example's report folders, each in a temporary folder of its own (the caller removes it),
/// and the reports read back, made once per language.
enum ExampleReport {
    private static let cache = Cache()

    /// The report folder of examples/orders.csv (company, a target of customers kept of 0.9).
    static func folder(_ language: Language, dialect: CSVExportDialect? = nil, asOf: CivilDate? = nil) throws -> URL {
        var options = ReportJobTests.options(out: try ReportJobTests.temporaryFolder(), language: language)
        options.look.targets[.customersKept] = 0.9
        options.look.csvDialect = dialect
        options.analysis.asOf = asOf
        return try ReportJob(options: options).run().folder
    }

    /// The report of `language` as `read_report.py` read it.
    static func read(_ language: Language) throws -> ReadReport {
        try cache.report(language.code) {
            let folder = try folder(language)
            defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
            return try ReportReader.read(folder.path)
        }
    }

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var reports: [String: ReadReport] = [:]

        /// One report per key, even when tests ask at once (the first makes it, the others wait).
        func report(_ key: String, make: () throws -> ReadReport) throws -> ReadReport {
            try lock.withLock {
                if let report = reports[key] { return report }
                let report = try make()
                reports[key] = report
                return report
            }
        }
    }
}
