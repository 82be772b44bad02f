import CohortCore
import CohortJob
import CohortVocabulary
import Foundation
import Testing

/// The MRR and NPS sheets of report.xlsx, read back with openpyxl, against mrr.csv and nps.csv of
/// the same folder read with Python's csv module: every value equal to its CSV field.
struct SubscriptionWorkbookTests {
    static func report(_ language: Language) throws -> ReadReport {
        var options = ReportJobTests.options(out: try ReportJobTests.temporaryFolder(), language: language)
        options.subscriptions.contracts = [ReportJobTests.root.appendingPathComponent("examples/contracts.csv").path]
        options.subscriptions.answers = [ReportJobTests.root.appendingPathComponent("examples/nps.csv").path]
        let folder = try ReportJob(options: options).run().folder
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        return try ReportReader.read(folder.path)
    }

    @Test(arguments: [Language.english, .german])
    func mrrSheetEqualsMRRCSV(_ language: Language) throws {
        let report = try Self.report(language)
        let sheet = try report.sheet(language.words.contractWords().contractsTitle)
        let months = try report.file("mrr.csv").keyed
        // A German report writes its CSV files for German Excel, these too.
        #expect(try report.file("mrr.csv").byteOrderMark == (language == .german))
        #expect(try report.file("nps.csv").byteOrderMark == (language == .german))
        #expect(!months.isEmpty && sheet.rows.count == months.count + 1) // a header row, then one row per month
        let keys = ["customers_end", "mrr_start", "mrr_new", "mrr_expansion", "mrr_reactivation", "mrr_contraction", "mrr_churned",
                    "mrr_end", "arr_end", "contracts_due", "contracts_renewed", "renewal_rate", "mrr_due", "mrr_renewed", "mrr_renewal_rate"]
        for (index, month) in months.enumerated() {
            let row = index + 1
            let label = try #require(month["period"]) + (month["partial"] == "true" ? "*" : "")
            #expect(sheet.cell(row, 0)?.text == label)
            for (offset, key) in keys.enumerated() {
                ReportWorkbookTests.expect(sheet.cell(row, 1 + offset)?.number, equals: month[key] ?? "", "\(label) \(key)")
            }
        }
    }

    @Test(arguments: [Language.english, .german])
    func npsSheetEqualsNPSCSV(_ language: Language) throws {
        let report = try Self.report(language)
        let sheet = try report.sheet(language.words.contractWords().satisfactionTitle)
        let periods = try report.file("nps.csv").keyed
        #expect(!periods.isEmpty && sheet.rows.count == periods.count + 1)
        for (index, period) in periods.enumerated() {
            let row = index + 1
            #expect(sheet.cell(row, 0)?.text?.hasPrefix(try #require(period["period"])) == true)
            for (offset, key) in ["answers", "promoters", "passives", "detractors", "nps"].enumerated() {
                ReportWorkbookTests.expect(sheet.cell(row, 1 + offset)?.number, equals: period[key] ?? "", "\(row) \(key)")
            }
        }
    }
}
