@testable import CohortIngest
import Testing

struct CSVDialectTests {
    private func detect(_ text: String, delimiter: UInt8? = nil) -> CSVDialect {
        Array(text.utf8).withUnsafeBufferPointer { CSVDialect.detect($0, from: 0, delimiter: delimiter) }
    }

    @Test func theMostFrequentCandidateOnTheHeaderLineWins() {
        #expect(detect("a,b,c\n1,2,3\n").delimiter == UInt8(ascii: ","))
        #expect(detect("Kunde;Betrag (EUR, netto);Datum\n").delimiter == UInt8(ascii: ";"))
        #expect(detect("a\tb\tc\n").delimiter == UInt8(ascii: "\t"))
        #expect(detect("a|b|c\n").delimiter == UInt8(ascii: "|"))
        #expect(detect("\"a;b\",c\n").delimiter == UInt8(ascii: ",")) // inside quotes does not count
    }

    @Test func aTieIsBrokenByTheLinesBelow() {
        // One ',' and one ';' on the header; the data lines have two fields by ';' only.
        #expect(detect("name,first;amount\nx;15\ny;25\n").delimiter == UInt8(ascii: ";"))
        #expect(detect("a;b,c\n").delimiter == UInt8(ascii: ",")) // no lines below: the first candidate
    }

    @Test func excelsSepLineNamesTheDelimiterAndIsSkipped() {
        #expect(detect("sep=;\na,b;c\n") == CSVDialect(delimiter: UInt8(ascii: ";"), headerStart: 6, headerLine: 2))
        #expect(detect("\"sep=|\"\r\na|b\n") == CSVDialect(delimiter: UInt8(ascii: "|"), headerStart: 9, headerLine: 2))
        #expect(detect("separator,b\n").headerLine == 1)
        #expect(detect("\r\n\na;b\n") == CSVDialect(delimiter: UInt8(ascii: ";"), headerStart: 3, headerLine: 3)) // blank lines first
    }

    @Test func aGivenDelimiterWins() {
        #expect(detect("a,b;c\n", delimiter: UInt8(ascii: ";")).delimiter == UInt8(ascii: ";"))
    }
}
