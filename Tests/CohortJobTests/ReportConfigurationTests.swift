import CohortCore
import CohortJob
import CohortVocabulary
import Foundation
import Testing

/// The configuration file laid over the job's options: every key to its setting, paths
/// relative to the file, and a bad value named by file and key.
struct ReportConfigurationTests {
    static func write(_ yaml: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("cohort.yml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func everyKeySetsItsOption() throws {
        let file = try Self.write("""
        input:
          files: [data/orders.csv, /srv/exports/2026.csv]
          columns: {customer: Kundennummer, date: Datum, amount: Betrag, order: Beleg}
          delimiter: ";"
          encoding: windows-1252
          decimal: ","
          date_format: DD.MM.YYYY
          sheet: Bestellungen
          strict: true
          max_rejected_percent: 2.5
        analysis: {period: quarter, churn_window: 3, as_of: 31.10.2026, gross_margin: 0.35}
        targets: {crr_12: 0.9, churn_rate: 0.05}
        report: {locale: de, currency: CHF, company: Muster AG, logo: logo.png, templates: branding, out: reports, scale: 1.5, font: Liberation Sans}
        publish: {folder: intranet, keep: 12}
        """)
        var options = JobOptions()
        try ReportConfiguration.load(file.path).apply(to: &options)
        let folder = file.deletingLastPathComponent().path
        #expect(options.inputs == ["\(folder)/data/orders.csv", "/srv/exports/2026.csv"])
        #expect(options.read.mapping.customer == "Kundennummer" && options.read.mapping.order == "Beleg")
        #expect(options.read.delimiter == UInt8(ascii: ";"))
        #expect(options.read.encoding == .windows1252)
        #expect(options.read.decimalSeparator == .comma)
        #expect(options.read.dateOrder == .dayMonthYear)
        #expect(options.read.sheet == "Bestellungen")
        #expect(options.strict && options.maxRejectedPercent == 2.5)
        #expect(options.analysis.period == .quarter && options.analysis.churnWindow == 3)
        #expect(options.analysis.asOf == CivilDate(year: 2026, month: 10, day: 31))
        #expect(options.analysis.grossMargin == 0.35)
        #expect(options.look.retentionTarget == 0.9 && options.look.targets[.churnRate] == 0.05)
        #expect(options.look.language == .german && options.look.currency == "CHF" && options.look.company == "Muster AG")
        #expect(options.look.logo == "\(folder)/logo.png" && options.look.templates == "\(folder)/branding")
        #expect(options.out == "\(folder)/reports")
        #expect(options.look.scale == 1.5 && options.look.font == "Liberation Sans")
        #expect(options.publish == "\(folder)/intranet" && options.keep == 12)
    }

    @Test func churnWindowAutoChoosesFromTheData() throws {
        var options = JobOptions()
        options.analysis.churnWindow = 4
        try ReportConfiguration.load(Self.write("analysis:\n  churn_window: auto\n").path).apply(to: &options)
        #expect(options.analysis.churnWindow == nil)
        try ReportConfiguration.load(Self.write("analysis:\n  churn_window: 2\n  min_cohort: 50\n").path).apply(to: &options)
        #expect(options.analysis.churnWindow == 2 && options.analysis.minimumCohortSize == 50)
    }

    @Test func keysNotGivenLeaveTheOptionsAlone() throws {
        let file = try Self.write("analysis:\n  churn_window: 2\n")
        var options = JobOptions(inputs: ["a.csv"], out: "elsewhere")
        options.look.language = .german
        try ReportConfiguration.load(file.path).apply(to: &options)
        #expect(options.inputs == ["a.csv"] && options.out == "elsewhere" && options.look.language == .german)
        #expect(options.analysis.churnWindow == 2)
    }

    @Test func aBadValueNamesTheFileAndTheKey() throws {
        let wrongType = try Self.write("analysis:\n  gross_margin: [0.3, 0.4]\n")
        #expect {
            try ReportConfiguration.load(wrongType.path)
        } throws: { error in
            guard case SettingError.wrongType(let file, let key, _) = error else { return false }
            return file == wrongType.path && key == "analysis.gross_margin"
        }
        let badWindow = try Self.write("analysis:\n  churn_window: three\n")
        var options = JobOptions()
        #expect(throws: SettingError.invalidValue(file: badWindow.path, key: "analysis.churn_window", value: "three", expected: .churnWindow)) {
            try ReportConfiguration.load(badWindow.path).apply(to: &options)
        }
        let badPeriod = try Self.write("analysis:\n  period: fortnight\n")
        #expect(throws: SettingError.invalidValue(file: badPeriod.path, key: "analysis.period", value: "fortnight", expected: .period)) {
            try ReportConfiguration.load(badPeriod.path).apply(to: &options)
        }
        #expect(Language.english.words.describe(SettingError.invalidValue(file: "c.yml", key: "analysis.period", value: "fortnight", expected: .period))
            == "c.yml: 'analysis.period': 'fortnight' is not a period: month, week or quarter")
        let badTarget = try Self.write("targets:\n  happiness: 0.9\n")
        // A key that names no target is an unknown key (ConfigurationKeyTests), refused when the file is loaded.
        #expect(throws: ConfigurationError.unknownKey(file: badTarget.path, line: 2, key: "targets.happiness", suggestion: nil)) {
            try ReportConfiguration.load(badTarget.path).apply(to: &options)
        }
        #expect(throws: SettingError.unreadableFile(path: "/nonexistent/cohort.yml")) { try ReportConfiguration.load("/nonexistent/cohort.yml") }
    }
}
