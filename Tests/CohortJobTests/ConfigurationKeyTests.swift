import CohortCore
import CohortJob
import CohortReports
import Foundation
import Testing

/// Unknown keys in cohort.yml, targets out of range, and templates that include themselves:
/// refused with the place and the nearest known name, before anything is read or rendered.
struct ConfigurationKeyTests {
    @Test func theExampleOfCohortInitHasOnlyKnownKeys() throws {
        // Every key `cohort init` writes, uncommented, must be known: the commented keys of the example, as a user would enable them.
        let file = try ReportConfigurationTests.write("""
        input:
          files: [orders.csv]
          columns: {customer: Kundennummer, date: Bestelldatum, amount: Betrag, order: Rechnungsnummer}
          delimiter: ";"
          encoding: windows-1252
          decimal: ","
          date_format: DD/MM/YYYY
          sheet: Bestellungen
          strict: true
          max_rejected_percent: 1
          segment_by: [industry]
          customers: customers.csv
        analysis: {period: month, churn_window: auto, as_of: 2026-10-31, gross_margin: 0.35, min_cohort: 30, segment_limit: 8, grace_days: 30}
        targets: {customers_kept: 0.9, churn_rate: 0.05, nrr: 1.0, crr_12: 0.85, nrr_12: 1.1, grr_12: 0.9, aov: 40, revenue: 100000}
        report: {locale: de, currency: EUR, company: Muster GmbH, logo: logo.png, templates: branding, out: output, scale: 2, font: DejaVu Sans, csv_dialect: excel-de}
        publish: {folder: intranet, keep: 24}
        mail: {to: [a@example.com], from: b@example.com, smtp: "mail.example.com:587", starttls: true, user: u, password: p, ca_file: ca.pem}
        contracts:
          files: [contracts.csv]
          columns: {customer: Kunde, start: Beginn, end: Ende, mrr: MRR, contract: Vertrag}
          grace_days: 45
        nps:
          files: umfrage.csv
          columns: {customer: Kunde, date: Datum, score: Bewertung}
        """)
        _ = try ReportConfiguration.load(file.path)
    }

    @Test func anUnknownKeyNamesItsLineAndTheNearestKeyOfItsSection() throws {
        let cases: [(String, ConfigurationError)] = [
            ("report:\n  locale: de\n  currncy: EUR\n", .unknownKey(file: "", line: 3, key: "report.currncy", suggestion: "currency")),
            ("input:\n  columns:\n    custmer: Kunde\n", .unknownKey(file: "", line: 3, key: "input.columns.custmer", suggestion: "customer")),
            ("publish:\n  folder: x\n  keep_last: 3\n", .unknownKey(file: "", line: 3, key: "publish.keep_last", suggestion: "keep")),
            ("# a comment\nreprot: {out: x}\n", .unknownKey(file: "", line: 2, key: "reprot", suggestion: "report")),
            ("mail:\n  password_file: secret\n", .unknownKey(file: "", line: 2, key: "mail.password_file", suggestion: "password")),
            ("targets:\n  zebra: 1\n", .unknownKey(file: "", line: 2, key: "targets.zebra", suggestion: nil)),
        ]
        for (yaml, expected) in cases {
            let file = try ReportConfigurationTests.write(yaml)
            guard case .unknownKey(_, let line, let key, let suggestion) = expected else { continue }
            #expect(throws: ConfigurationError.unknownKey(file: file.path, line: line, key: key, suggestion: suggestion)) {
                _ = try ReportConfiguration.load(file.path)
            }
        }
    }

    @Test func targetsOutsideTheirRangeAreRefusedNamingTheKey() throws {
        for (key, value, range) in [("churn_rate", ".nan", TargetRange.fraction), ("customers_kept", "1.5", .fraction), ("nrr", ".inf", .fractionUpTo(10)),
                                    ("revenue", "-1", .nonNegative), ("crr_12", "-0.1", .fraction)] {
            let file = try ReportConfigurationTests.write("targets:\n  \(key): \(value)\n")
            var options = JobOptions()
            let configuration = try ReportConfiguration.load(file.path)
            #expect(throws: ConfigurationError.self) { try configuration.apply(to: &options) }
            do {
                try configuration.apply(to: &options)
            } catch let error as ConfigurationError {
                guard case .targetOutOfRange(let errorFile, let errorKey, _, let errorRange) = error else { Issue.record("\(error)"); continue }
                #expect(errorFile == file.path && errorKey == key && errorRange == range)
            }
        }
    }

    @Test func targetValuesAreReadAsFractionsOrPercentages() {
        #expect(ReportLook.targetValue("0.05", for: "churn_rate") == 0.05)
        #expect(ReportLook.targetValue("5%", for: "churn_rate") == 0.05)
        #expect(ReportLook.targetValue("110 %", for: "nrr") == 1.1)
        #expect(ReportLook.targetValue("1.5", for: "churn_rate") == nil)
        #expect(ReportLook.targetValue("nan", for: "churn_rate") == nil)
        #expect(ReportLook.targetValue("-inf", for: "revenue") == nil)
        #expect(ReportLook.targetValue("5%", for: "revenue") == nil) // money takes no percent sign
        #expect(ReportLook.targetValue("120000", for: "revenue") == 120_000)
        #expect(ReportLook.targetValue("0.5", for: "no_such_key") == nil)
        // Every key setTarget takes has a range, and no other.
        for key in ReportLook.targetKeys + ["nrr_12", "grr_12", "aov"] { #expect(ReportLook.targetRange(key) != nil, "\(key)") }
    }

    @Test func aTemplateThatReachesItselfIsRefusedAndOneThatDoesNotIsKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let markdown = folder.appendingPathComponent("report.md.mustache")
        // Including another template that does not come back is fine.
        try "{{> index.html}}\n".write(to: markdown, atomically: true, encoding: .utf8)
        _ = try ReportTemplates(overrides: folder)
        // Deep inside sections and an inverted section.
        try "{{#a}}{{^b}}{{#c}}{{> report.md}}{{/c}}{{/b}}{{/a}}\n".write(to: markdown, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.templateIncludesItself(template: markdown.path, chain: ["report.md", "report.md"])) {
            _ = try ReportTemplates(overrides: folder)
        }
        // Through a parent (template inheritance) and a dynamic name.
        try "{{<report.md}}{{$x}}y{{/x}}{{/report.md}}\n".write(to: markdown, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { _ = try ReportTemplates(overrides: folder) }
        try "{{>*name}}\n".write(to: markdown, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { _ = try ReportTemplates(overrides: folder) }
    }
}
