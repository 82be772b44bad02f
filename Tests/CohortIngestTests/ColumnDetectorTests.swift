@testable import CohortIngest
import Testing

struct ColumnDetectorTests {
    private func resolve(_ header: [String], _ mapping: ColumnMapping = ColumnMapping()) throws(IngestError) -> ColumnDetector.Columns {
        try ColumnDetector(source: "orders.csv", header: header).resolve(mapping)
    }

    @Test func detectsEnglishNames() throws {
        let columns = try resolve(["Order ID", "Customer ID", "Order Date", "Amount", "Country"])
        #expect(columns == ColumnDetector.Columns(customer: 1, date: 2, amount: 3, order: 0))
    }

    @Test func detectsGermanNames() throws {
        let columns = try resolve(["Kunden-Nr.", "Rechnungsdatum", "Umsatz", "Branche"])
        #expect(columns == ColumnDetector.Columns(customer: 0, date: 1, amount: 2, order: nil))
    }

    @Test func explicitNamesWin() throws {
        let columns = try resolve(["kunde", "datum", "netto", "brutto"], ColumnMapping(amount: "brutto"))
        #expect(columns.amount == 3)
    }

    @Test func twoCandidatesAreRefusedNotGuessed() {
        #expect(throws: IngestError.ambiguousColumn(source: "orders.csv", line: 1, role: .amount, candidates: ["Betrag", "Umsatz"])) {
            _ = try resolve(["Kunde", "Datum", "Betrag", "Umsatz"])
        }
    }

    @Test func missingColumnSuggestsATypoFix() {
        #expect(throws: IngestError.noColumnDetected(source: "orders.csv", line: 1, role: .amount,
                                                     header: ["customer", "date", "amuont"], suggestion: "amuont")) {
            _ = try resolve(["customer", "date", "amuont"])
        }
    }

    @Test func messageIsOneActionableLine() {
        let error = IngestError.noColumnDetected(source: "orders.csv", line: 1, role: .amount, header: ["customer", "date", "amuont"], suggestion: "amuont")
        #expect(error.description == "orders.csv:1: no amount column found among 'customer', 'date', 'amuont' (did you mean 'amuont'?); name it with --amount-column")
    }
}
