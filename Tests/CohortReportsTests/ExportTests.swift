import CohortCore
import CohortIngest
@testable import CohortReports
import Foundation
import Testing

struct ExportTests {
    /// Two customers: A buys 10.00 in Jan and 5.00 in Feb, B buys 20.00 in Jan only.
    private func analysis() throws -> CohortAnalysis {
        var table = OrderTable()
        let a = table.internCustomer("A"), b = table.internCustomer("B")
        table.append(customer: a, day: CivilDate(year: 2026, month: 1, day: 3)!.dayNumber, amount: 1_000, order: nil)
        table.append(customer: b, day: CivilDate(year: 2026, month: 1, day: 4)!.dayNumber, amount: 2_000, order: nil)
        table.append(customer: a, day: CivilDate(year: 2026, month: 2, day: 28)!.dayNumber, amount: 500, order: nil)
        return try CohortAnalysis(table: table)
    }

    @Test func matrixCSVRowsFollowTheContract() throws {
        let lines = MatrixCSV.render(try analysis()).split(separator: "\n")
        // n = 2; age 1: A active → 1/2; revenue 5 / 30 = 0.1667; GRR min(5,10) + min(0,20) = 5 → 0.1667;
        // cumulative (30 + 5) / 2 = 17.50.
        #expect(lines == [
            "cohort,age,cohort_size,active_customers,retention,unbounded_retention,revenue,revenue_retention,grr_revenue,grr,cumulative_revenue_per_customer,partial",
            "2026-01,0,2,2,1.0000,1.0000,30.00,1.0000,30.00,1.0000,15.00,false",
            "2026-01,1,2,1,0.5000,0.5000,5.00,0.1667,5.00,0.1667,17.50,false",
        ])
    }

    @Test func emptyRatiosAreEmptyFieldsAndNullInJSON() throws {
        let result = try analysis()
        let firstKPIs = KPICSV.render(result).split(separator: "\n")[1]
        // January: S = 0, so churn rate, CRR and win-back are empty, not 0 or NaN.
        #expect(firstKPIs.hasPrefix("2026-01,false,0,2,0,0,2,,,,,30.00,"))
        let json = String(decoding: try AnalysisJSON.encode(result.kpis[0]), as: UTF8.self)
        #expect(json.contains("\"churnRate\" : null"))
        #expect(!json.contains("NaN"))
    }

    @Test func jsonRoundTripsExactly() throws {
        let result = try analysis()
        let decoded = try AnalysisJSON.decode(try AnalysisJSON.encode(result))
        #expect(decoded == result)
        #expect(String(decoding: try AnalysisJSON.encode(result), as: UTF8.self).contains("\"revenue\" : \"30.00\""))
    }

    @Test func spreadsheetFormulasInDataAreNeutralized() {
        #expect(CSVField.data("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVField.data("+49 30 1234") == "'+49 30 1234")
        #expect(CSVField.data("-5") == "'-5")
        #expect(CSVField.data("plain") == "plain")
        let rendered = RejectedCSV.render([RejectedRow(source: "o.csv", line: 2, column: "Betrag", reason: .notANumber(text: "@x"), rawText: "@SUM(A1),x")])
        #expect(rendered == "source,line,column,reason,raw_text\no.csv,2,Betrag,'@x' is not a number,\"'@SUM(A1),x\"\n")
    }

    @Test func numbersReadNaturally() {
        #expect(NumberText.money(Money(minorUnits: 123_456_78)) == "123,456.78")
        #expect(NumberText.money(Money(minorUnits: -5)) == "-0.05")
        #expect(NumberText.percent(Ratio(0.8534)) == "85.3%")
        #expect(NumberText.percent(Ratio.empty) == "–")
        #expect(NumberText.signed(-37) == "−37")
    }
}
