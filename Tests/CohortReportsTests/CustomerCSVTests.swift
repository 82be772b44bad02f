import CohortCore
@testable import CohortReports
import Foundation
import Testing

/// at-risk.csv and lost.csv as a CRM reads them: the contract header, ids neutralized, numbers rounded half away from zero.
struct CustomerCSVTests {
    static func record(id: String, probability: Double?, value: Double?) -> CustomerRecord {
        CustomerRecord(id: id, status: .atRisk, cohort: "2026-03", firstOrder: CivilDate(year: 2026, month: 3, day: 5)!,
                       lastOrder: CivilDate(year: 2026, month: 9, day: 30)!, positiveOrders: 7, revenueLifetime: Money(minorUnits: -5),
                       revenue12m: Money(minorUnits: 123_456), daysSinceLastOrder: 31, expectedGapDays: 12.25, revenueAtStake: Money(minorUnits: 123_456),
                       probabilityAlive: probability, expectedOrders12m: 0.0000005, expectedOrderValue: value, predictedCLV12m: nil)
    }

    @Test func linesFollowTheContract() {
        let text = String(decoding: CustomerCSV.data([
            Self.record(id: "K-1", probability: 0.1234565, value: 2.675),
            Self.record(id: "=HYPERLINK(\"x\")", probability: nil, value: -0.004),
            Self.record(id: "Müller, Hans", probability: 1, value: 1e17),
        ]), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == CustomerCSV.header.joined(separator: ","))
        // −5 cents → "-0.05"; 12.25 → "12.3" (half away from zero; 12.25 is exact in binary); 0.0000005 · 10⁶ = 0.5 → "0.000001".
        // Halves of the last place go away from zero, as a person rounds the written number: 0.1234565 → 0.123457, 2.675 → 2.68.
        #expect(lines[1] == "K-1,at-risk,2026-03,2026-03-05,2026-09-30,7,-0.05,1234.56,31,12.3,1234.56,0.123457,0.000001,2.68,")
        // A leading "=" gets a quote mark in front and the embedded quotes are doubled inside quotes; −0.004 rounds to zero: "0.00".
        #expect(lines[2] == "\"'=HYPERLINK(\"\"x\"\")\",at-risk,2026-03,2026-03-05,2026-09-30,7,-0.05,1234.56,31,12.3,1234.56,,0.000001,0.00,")
        // A comma quotes the field; a value past 10¹⁵ cents is written whole, with its two decimals.
        #expect(lines[3] == "\"Müller, Hans\",at-risk,2026-03,2026-03-05,2026-09-30,7,-0.05,1234.56,31,12.3,1234.56,1.000000,0.000001,100000000000000000.00,")
        #expect(lines[4] == "")
    }

    @Test func aLongListIsWrittenInOrderAcrossParts() {
        // 200,000 rows are written in parts side by side; the file keeps the records' order.
        let records = (0 ..< 200_000).map { Self.record(id: "C\($0)", probability: nil, value: nil) }
        let lines = String(decoding: CustomerCSV.data(records), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 200_001)
        #expect(lines[1].hasPrefix("C0,") && lines[100_000].hasPrefix("C99999,") && lines[200_000].hasPrefix("C199999,"))
    }

    /// at-risk.csv of a long list is handed over in blocks as it is made (`write`): the pieces
    /// together are the header and each record's line as a list of one writes it.
    @Test func aLongListIsHandedOverInBlocksOfWholeLines() {
        let count = 2 * CustomerCSV.blockRows + 7 // three blocks, the last of 7 rows
        let records = (0 ..< count).map { Self.record(id: "C\($0)", probability: Double($0) / Double(count), value: nil) }
        var pieces: [Data] = []
        CustomerCSV.write(records, dialect: .excelGerman) { bytes in
            pieces.append(Data(bytes))
            return true
        }
        #expect(pieces.count >= 4) // the header, then at least one piece per block
        #expect(pieces.allSatisfy { $0.last == UInt8(ascii: "\n") }) // every piece ends with a whole line
        let header = CustomerCSV.data([], dialect: .excelGerman)
        var oneByOne = header
        for record in records { oneByOne.append(CustomerCSV.data([record], dialect: .excelGerman).dropFirst(header.count)) }
        #expect(pieces.reduce(Data(), +) == oneByOne)
        // A sink that fails (returns false) stops the making: here after the header.
        var handed = 0
        CustomerCSV.write(records) { _ in
            handed += 1
            return false
        }
        #expect(handed == 1)
    }
}
