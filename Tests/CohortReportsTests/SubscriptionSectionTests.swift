import CohortCharts
import CohortCore
import CohortIngest
@testable import CohortReports
import CohortVocabulary
import Foundation
import Testing

/// The contracts and satisfaction sections of a report, on the orders of Tests/Fixtures/small-orders.csv (as of
/// 2026-03-31; see ReportModelTests) with the eight customers' contracts of CohortCoreTests/RenewalTests and three answers.
struct SubscriptionSectionTests {
    static let analysis: CohortAnalysis = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/small-orders.csv").path
        let read = try! OrderReader().read(sources: [file])
        var analysis = try! CohortAnalysis.withCustomerLists(table: read.table, input: read.inputSummary).analysis
        var contracts = ContractTable(hasContractColumn: true)
        for (index, row) in [("A", "2025-01-01", "2025-12-31", 100), ("A", "2026-01-01", "2026-12-31", 100),
                             ("B", "2025-01-01", "2025-12-31", 100), ("B", "2025-12-10", "2026-12-09", 100),
                             ("C", "2025-01-01", "2025-12-31", 100), ("C", "2026-01-30", "2027-01-29", 100),
                             ("D", "2025-01-01", "2025-12-31", 100), ("D", "2026-02-15", nil, 100),
                             ("E", "2025-01-01", "2025-12-31", 200), ("E", "2026-01-01", "2026-12-31", 150),
                             ("F", "2025-01-01", "2025-12-31", 100), ("G", "2025-07-01", "2026-05-31", 300),
                             ("H", "2025-06-15", "2026-04-14", 50), ("H", "2026-04-15", "2027-04-14", 50)].enumerated() {
            contracts.append(customer: contracts.internCustomer(row.0), start: CivilDate(iso: row.1)!.dayNumber,
                             end: row.2.map { CivilDate(iso: $0)!.dayNumber }, mrr: Int64(row.3) * 100, contract: "K\(index + 1)")
        }
        analysis.contracts = try! ContractAnalysisBuilder(contracts: contracts, asOf: analysis.asOf).build()
        var answers = AnswerTable()
        for (customer, date, score) in [("A", "2026-01-10", 9), ("B", "2026-02-01", 3), ("C", "2026-03-05", 10)] {
            answers.append(customer: answers.internCustomer(customer), day: CivilDate(iso: date)!.dayNumber, score: score)
        }
        analysis.satisfaction = try! SatisfactionBuilder(table: read.table, analysis: analysis, answers: answers).build()
        return analysis
    }()

    private func model(_ language: Language, analysis: CohortAnalysis = analysis, format: ReportModel.Format = .html) -> ReportModel {
        ReportModel(analysis: analysis, settings: ReportSettings(language: language, generatedAt: Date(timeIntervalSince1970: 1_767_225_600)),
                    charts: [:], format: format)
    }

    @Test func contractSentencesInGerman() throws {
        let section = try #require(model(.german).contracts)
        // End of March 2026: A, B, C, D 100 each, E 150, G 300, H 50 = 900 € of 7 customers; ARR 12 × 900 = 10.800 €.
        // Nothing moved in March and nothing came due; G (300 €, May 31) and H (50 €, Apr 14, renewed already) come due within 90 days.
        #expect(section.sentences == [
            "Ende März 2026 hatten 7 Kunden Verträge mit 900 € MRR (ARR 10.800 €).",
            "März 2026: 0 € neu, 0 € Ausweitung, 0 € zurückgewonnen, 0 € Rückgang, 0 € abgewandert.",
            "Im März 2026 wurde kein Vertrag fällig.",
            "2 Verträge mit 350 € MRR stehen in den nächsten 90 Tagen zur Verlängerung an; 1 davon ist schon verlängert.",
        ])
        #expect(section.title == "Verträge und MRR")
        // December 2025 in the renewals table: 6 due, 4 renewed, rate 66,7 %, 700 € due, 500 € renewed, 71,4 %.
        let december = try #require(section.renewals.rows.first { $0.cells.first == "2025-12" })
        #expect(december.cells == ["2025-12", "6", "4", "0", "66,7 %", "700 €", "500 €", "71,4 %"])
        // The upcoming renewals with the latest score: none of G and H answered.
        #expect(section.upcoming.rows.map(\.cells) == [["G", "K12", "31. Mai 2026", "61", "300 €", "nein", "–"],
                                                       ["H", "K13", "14. April 2026", "14", "50 €", "ja", "–"]])
        #expect(section.upcoming.rule == "|---|---:|---:|---:|---:|---:|---:|")
    }

    @Test func satisfactionSentencesAndTheLatestScoreInCustomerTables() throws {
        let english = model(.english)
        let section = try #require(english.satisfaction)
        // 3 answers: A 9 and C 10 promoters, B 3 detractor: 100 × (2 − 1) / 3 = 33.3; shares 66.7 %, 0 %, 33.3 %.
        #expect(section.sentences.first == "NPS over the 3 answers up to 31 March 2026: +33.3 (66.7% promoters, 0.0% passives, 33.3% detractors).")
        // March 2026: C's 10 alone → +100.0.
        #expect(section.sentences.last == "March 2026: +100.0 from 1 answer.")
        // Three months of orders: no answer can be followed for a year.
        #expect(section.finding.hasPrefix("Too few promoters or detractors can be followed"))
        // B is lost (live at the end of January, not since) and answered 3.
        let lost = try #require(english.toActOn?.lost)
        #expect(lost.columns.last == "NPS")
        #expect(lost.rows.first?.first == "B" && lost.rows.first?.last == "3")
        #expect(lost.rule.filter { $0 == "|" }.count == lost.columns.count + 1)
    }

    @Test func withoutContractsOrAnswersNothingChanges() throws {
        var plain = Self.analysis
        plain.contracts = nil
        plain.satisfaction = nil
        let model = model(.english, analysis: plain)
        #expect(model.contracts == nil && model.satisfaction == nil && model.mrrNote == nil)
        #expect(model.toActOn?.lost.columns.last != "NPS")
        #expect(!model.glossary.contains { $0.term.hasPrefix("MRR") })
        #expect(model.dataQuality.allSatisfy { !$0.hasPrefix("Contracts:") })
    }

    @Test func analysisJSONKeepsBothViews() throws {
        let decoded = try AnalysisJSON.decode(try AnalysisJSON.encode(Self.analysis))
        #expect(decoded.contracts == Self.analysis.contracts && decoded.satisfaction == Self.analysis.satisfaction)
        #expect(model(.german, analysis: decoded).contracts?.sentences == model(.german).contracts?.sentences)
        #expect(model(.german, analysis: decoded).satisfaction?.sentences == model(.german).satisfaction?.sentences)
        // An analysis.json written before these views existed still reads.
        var old = try JSONSerialization.jsonObject(with: try AnalysisJSON.encode(Self.analysis)) as! [String: Any]
        old["contracts"] = nil
        old["satisfaction"] = nil
        let earlier = try AnalysisJSON.decode(try JSONSerialization.data(withJSONObject: old))
        #expect(earlier.contracts == nil && earlier.satisfaction == nil)
    }

    @Test func reportFolderHoldsTheContractFiles() throws {
        let files = SubscriptionExports.files(Self.analysis)
        #expect(Set(files.keys) == ["mrr.csv", "renewals.csv", "nps.csv"])
        let renewals = String(decoding: try #require(files["renewals.csv"]), as: UTF8.self)
        #expect(renewals == "customer_id,contract_id,contract_start,contract_end,days_until_end,mrr,renewal_agreed,latest_nps\n"
            + "G,K12,2025-07-01,2026-05-31,61,300.00,false,\nH,K13,2025-06-15,2026-04-14,14,50.00,true,\n")
        // No customer id anywhere with --no-customer-lists.
        var anonymous = Self.analysis
        anonymous.options.customerLists = .none
        anonymous.contracts = anonymous.contracts?.withoutIDs()
        #expect(SubscriptionExports.files(anonymous)["renewals.csv"] == nil)
        #expect(try #require(model(.english, analysis: anonymous).contracts).upcoming.rows.isEmpty)
        #expect(!String(decoding: try AnalysisJSON.encode(anonymous.contracts), as: UTF8.self).contains("\"G\""))
    }
}
