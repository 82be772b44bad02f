import CohortCore
@testable import CohortReports
import CohortVocabulary
import Foundation
import Testing

/// excel-de, as German Excel reads a file on a double-click: UTF-8 with BOM, `;`, decimal comma,
/// CRLF; the same column keys and digits as rfc4180, which stays as the files always were.
struct CSVExportDialectTests {
    /// Two customers: A buys 10.00 in Jan and 5.00 in Feb, B buys 20.00 in Jan only (as in ExportTests).
    private func analysis() throws -> CohortAnalysis {
        var table = OrderTable()
        let a = table.internCustomer("A"), b = table.internCustomer("B")
        table.append(customer: a, day: CivilDate(year: 2026, month: 1, day: 3)!.dayNumber, amount: 1_000, order: nil)
        table.append(customer: b, day: CivilDate(year: 2026, month: 1, day: 4)!.dayNumber, amount: 2_000, order: nil)
        table.append(customer: a, day: CivilDate(year: 2026, month: 2, day: 28)!.dayNumber, amount: 500, order: nil)
        return try CohortAnalysis(table: table)
    }

    @Test func theMatrixForGermanExcel() throws {
        let text = MatrixCSV.render(try analysis(), dialect: .excelGerman)
        // The same fields as ExportTests.matrixCSVRowsFollowTheContract, with ';', ',' and CR LF, after a BOM.
        #expect(text == "\u{FEFF}"
            + "cohort;age;cohort_size;active_customers;retention;unbounded_retention;revenue;revenue_retention;grr_revenue;grr;cumulative_revenue_per_customer;partial\r\n"
            + "2026-01;0;2;2;1,0000;1,0000;30,00;1,0000;30,00;1,0000;15,00;false\r\n"
            + "2026-01;1;2;1;0,5000;0,5000;5,00;0,1667;5,00;0,1667;17,50;false\r\n")
        #expect(Array(Data(text.utf8).prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func rfc4180IsTheDefaultAndTheFilesAsBefore() throws {
        let result = try analysis()
        #expect(MatrixCSV.render(result, dialect: .rfc4180) == MatrixCSV.render(result))
        #expect(KPICSV.render(result, dialect: .rfc4180).hasPrefix(KPICSV.header.joined(separator: ",") + "\n2026-01,false,0,2,0,0,2,,,,,30.00,"))
        #expect(CSVExportDialect.default(for: .english) == .rfc4180 && CSVExportDialect.default(for: .german) == .excelGerman)
    }

    @Test func emptyRatiosStayEmptyInExcelDE() throws {
        let line = KPICSV.render(try analysis(), dialect: .excelGerman).components(separatedBy: "\r\n")[1]
        // January: S = 0, so churn rate, CRR, CRR 12 and win-back are empty fields.
        #expect(line.hasPrefix("2026-01;false;0;2;0;0;2;;;;;30,00;0,00;30,00;"))
    }

    /// Text is quoted by the dialect's delimiter: a ';' must be quoted in excel-de, a ',' need not be;
    /// formulas are neutralized in both; a CR LF inside a field is quoted too.
    @Test func textIsQuotedForTheDelimiterAndNeutralized() {
        let excel = CSVExportDialect.excelGerman, rfc = CSVExportDialect.rfc4180
        #expect(excel.line([.data("Müller; Hans"), .data("Müller, Hans"), .data("=SUM(A1)"), .number("-12.50"), .number("")])
            == "\"Müller; Hans\";Müller, Hans;'=SUM(A1);-12,50;\r\n")
        #expect(rfc.line([.data("Müller; Hans"), .data("Müller, Hans"), .data("=SUM(A1)"), .number("-12.50"), .number("")])
            == "Müller; Hans,\"Müller, Hans\",'=SUM(A1),-12.50,\n")
        #expect(rfc.line([.data("a\r\nb"), .data("\r\n=x")]) == "\"a\r\nb\",\"'\r\n=x\"\n")
    }

    @Test func rejectedRowsInExcelDE() {
        let rendered = RejectedCSV.render([RejectedRow(source: "o.csv", line: 2, column: "Betrag", reason: .notANumber(text: "12;5"),
                                                       rawText: "@SUM(A1);x")], dialect: .excelGerman)
        #expect(rendered == "\u{FEFF}source;line;column;reason;raw_text\r\no.csv;2;Betrag;\"'12;5' is not a number\";\"'@SUM(A1);x\"\r\n")
    }

    /// The customer lists, byte by byte: the same fields as CustomerCSVTests.linesFollowTheContract.
    @Test func customerListsInExcelDE() {
        let records = [
            CustomerCSVTests.record(id: "K-1", probability: 0.1234565, value: 2.675),
            CustomerCSVTests.record(id: "Müller; Hans", probability: 1, value: 1e17),
        ]
        let text = String(decoding: CustomerCSV.data(records, dialect: .excelGerman), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "\u{FEFF}" + CustomerCSV.header.joined(separator: ";"))
        #expect(lines[1] == "K-1;at-risk;2026-03;2026-03-05;2026-09-30;7;-0,05;1234,56;31;12,3;1234,56;0,123457;0,000001;2,68;")
        #expect(lines[2] == "\"Müller; Hans\";at-risk;2026-03;2026-03-05;2026-09-30;7;-0,05;1234,56;31;12,3;1234,56;1,000000;0,000001;100000000000000000,00;")
        #expect(lines[3] == "" && lines.count == 4)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    /// A long list in excel-de takes about as long as in rfc4180 (the same byte writer; a loose bound
    /// for a shared machine: at most twice as long).
    @Test func aLongListInExcelDEIsAsFastAsRFC4180() {
        let records = (0 ..< 100_000).map { CustomerCSVTests.record(id: "C\($0)", probability: 0.5, value: 12.5) }
        func seconds(_ dialect: CSVExportDialect) -> (Double, Int) {
            var best = Double.infinity, size = 0
            for _ in 0 ..< 3 {
                let start = DispatchTime.now().uptimeNanoseconds
                size = CustomerCSV.data(records, dialect: dialect).count
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return (best, size)
        }
        let (rfc, rfcSize) = seconds(.rfc4180), (excel, excelSize) = seconds(.excelGerman)
        // One CR per line and the BOM: the only extra bytes.
        #expect(excelSize == rfcSize + 100_001 + 3)
        #expect(excel <= 2 * rfc + 0.05, "excel-de \(excel) s, rfc4180 \(rfc) s")
    }
}
