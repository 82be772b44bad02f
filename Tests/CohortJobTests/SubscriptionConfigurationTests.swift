import CohortCore
import CohortJob
import Foundation
import Testing

/// `contracts:`, `nps:` and `grace_days:` of the configuration file.
struct SubscriptionConfigurationTests {
    @Test func filesColumnsAndGraceDays() throws {
        let file = try ReportConfigurationTests.write("""
        contracts:
          files: [vertraege.xlsx, /srv/exports/vertraege-2026.csv]
          columns: {customer: Kunde, start: Vertragsbeginn, end: Vertragsende, mrr: monatlicher Betrag, contract: Vertrag}
          grace_days: 45
        nps:
          files: umfrage.csv
          columns: {date: Antwortdatum, score: Bewertung}
        """)
        var options = JobOptions()
        try ReportConfiguration.load(file.path).apply(to: &options)
        let folder = file.deletingLastPathComponent().path
        #expect(options.subscriptions.contracts == ["\(folder)/vertraege.xlsx", "/srv/exports/vertraege-2026.csv"])
        #expect(options.subscriptions.answers == ["\(folder)/umfrage.csv"])
        #expect(options.subscriptions.contractColumns.start == "Vertragsbeginn" && options.subscriptions.contractColumns.mrr == "monatlicher Betrag")
        #expect(options.subscriptions.contractColumns.customer == "Kunde" && options.subscriptions.contractColumns.contract == "Vertrag")
        #expect(options.subscriptions.answerColumns.score == "Bewertung" && options.subscriptions.answerColumns.date == "Antwortdatum")
        #expect(options.subscriptions.graceDays == 45)
    }

    @Test func shortFormsAndGraceDaysUnderAnalysis() throws {
        let file = try ReportConfigurationTests.write("contracts: contracts.csv\nnps: [a.csv, b.csv]\nanalysis: {grace_days: 10}\n")
        var options = JobOptions()
        try ReportConfiguration.load(file.path).apply(to: &options)
        let folder = file.deletingLastPathComponent().path
        #expect(options.subscriptions.contracts == ["\(folder)/contracts.csv"])
        #expect(options.subscriptions.answers == ["\(folder)/a.csv", "\(folder)/b.csv"])
        #expect(options.subscriptions.graceDays == 10)
    }

    @Test func withoutTheKeysNothingChanges() throws {
        let file = try ReportConfigurationTests.write("input:\n  files: [orders.csv]\n")
        var options = JobOptions()
        try ReportConfiguration.load(file.path).apply(to: &options)
        #expect(options.subscriptions.contracts.isEmpty && options.subscriptions.answers.isEmpty)
        #expect(options.subscriptions.graceDays == ContractAnalysis.defaultGraceDays)
    }

    @Test func aNegativeGracePeriodIsNamedByFileAndKey() throws {
        let file = try ReportConfigurationTests.write("contracts:\n  files: c.csv\n  grace_days: -1\n")
        var options = JobOptions()
        #expect(throws: SettingError.invalidValue(file: file.path, key: "contracts.grace_days", value: "-1", expected: .wholeNumber(atLeast: 0))) {
            try ReportConfiguration.load(file.path).apply(to: &options)
        }
    }
}
