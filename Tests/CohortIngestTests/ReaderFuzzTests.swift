import CohortCore
import CohortIngest
import CohortSample
import Foundation
import Testing

/// A seeded random-input test of the reader: generated CSV in every dialect, fixtures with
/// bytes flipped, inserted, deleted or cut, and plain noise. Every input must be read or
/// refused with one line; never a crash or a hang. Runs 2 seconds by default (CI);
/// `COHORT_FUZZ_SECONDS=600 COHORT_FUZZ_SEED=7 swift test --filter ReaderFuzzTests` runs longer;
/// with `COHORT_FUZZ_INPUT=FILE` each input is written to FILE before it is read, so that the
/// input of a crash is left there to reproduce it (`cohort matrix FILE`).
struct ReaderFuzzTests {
    @Test(.timeLimit(.minutes(20))) func everyInputIsReadOrRefusedInOneLine() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["COHORT_FUZZ_SECONDS"].flatMap(Double.init) ?? 2
        var generator = SplitMix64(seed: environment["COHORT_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_123)
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: Fixture.folder).sorted()
            .filter { !$0.hasSuffix(".py") && !$0.hasPrefix("monthly") && !$0.hasPrefix("binary") }
            .compactMap { FileManager.default.contents(atPath: Fixture.path($0)).map { [UInt8]($0) } }
        let inputFile = environment["COHORT_FUZZ_INPUT"].map(URL.init(fileURLWithPath:))
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0
        while runs < 300 || Date() < deadline {
            let input: [UInt8]
            switch runs % 3 {
            case 0: input = Self.generatedCSV(&generator)
            case 1: input = Self.mutated(fixtures.randomElement(using: &generator) ?? [], &generator)
            default: input = (0 ..< Int.random(in: 0 ... 300, using: &generator)).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            }
            if let inputFile { try Data(input).write(to: inputFile) }
            try check(input, run: runs)
            runs += 1
        }
    }

    /// Reads `input` and checks what came out: consistent counts and columns, or one line of error;
    /// true when it was read.
    @discardableResult func check(_ input: [UInt8], run: Int) throws -> Bool {
        let result: OrderReadResult
        do {
            result = try OrderReader(options: ReadOptions(currency: "EUR", today: CivilDate(year: 2026, month: 11, day: 23)))
                .read(bytes: input, source: "fuzz.csv")
        } catch {
            #expect(!error.description.isEmpty && !error.description.contains("\n"), "run \(run): \(error.description) for \(input)")
            return false
        }
        let table = result.table
        #expect(table.rowCount + result.rejected.count == result.rowsRead, "run \(run): \(input)")
        #expect(table.customer.count == table.rowCount && table.amount.count == table.rowCount)
        #expect(table.customer.allSatisfy { $0 >= 0 && Int($0) < table.customerCount }, "run \(run): \(input)")
        if let order = table.order {
            #expect(order.count == table.rowCount && order.allSatisfy { $0 >= 0 && Int($0) < table.orderCount }, "run \(run): \(input)")
        }
        #expect(zip(result.rejected, result.rejected.dropFirst()).allSatisfy { $0.line <= $1.line }, "run \(run): \(input)")
        for row in result.rejected {
            #expect(row.line >= 1 && !row.description.contains("\n"), "run \(run): \(row.description)")
        }
        for warning in result.warnings {
            #expect(!warning.description.contains("\n"), "run \(run): \(warning.description)")
        }
        return true
    }

    // MARK: - Inputs

    private static let headers = [
        ["customer_id", "order_date", "amount"], ["Kundennummer", "Datum", "Betrag", "Rechnungsnummer"],
        ["order", "customer", "date", "amount", "note"], ["Kunde", "Belegdatum", "Umsatz"], ["customer", "date"],
        ["a", "b", "c"], ["customer", "customer", "date", "amount"],
    ]
    private static let dates = [
        "2026-01-05", "2026-02-30", "05.01.2026", "1.2.26", "03/04/2026", "13/04/2026", "04/13/2026", "46023", "46023,5",
        "20260105", "2026-01-05T10:00:00+01:00", "", " ", "gestern", "31.13.2026", "0099-01-01", "9999-12-31", "1900-01-01",
    ]
    private static let amounts = [
        "10.50", "1.234,56", "1,234.56", "1.500", "450", "12,5O", "-12,50", "12,50-", "(12.50)", "€ 12.50", "12,50 €", "$1,234.56",
        "1 234,56", "12,-", "", "-", "12.345", "99999999999999999", "0.500", "1'234.56", "EUR 7", "£10", "((1))",
    ]
    private static let ids = ["C1", "K-100", "Müller GmbH", "", "  ", "\"quoted\"", "a\"b", "x\ny", "4711", "C1"]

    /// A CSV file from pieces that real exports contain, in a random dialect and encoding.
    static func generatedCSV(_ generator: inout SplitMix64) -> [UInt8] {
        let delimiter = [",", ";", "\t", "|"].randomElement(using: &generator) ?? ","
        let newline = Bool.random(using: &generator) ? "\r\n" : "\n"
        let header = headers.randomElement(using: &generator) ?? []
        func field(_ text: String) -> String {
            let needsQuotes = text.contains(delimiter) || text.contains("\"") || text.contains("\n") || Int.random(in: 0 ..< 8, using: &generator) == 0
            return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [header.map(field).joined(separator: delimiter)]
        for _ in 0 ..< Int.random(in: 0 ... 12, using: &generator) {
            var cells: [String] = []
            for name in header {
                let lower = name.lowercased()
                let pool = lower.contains("dat") ? dates : (lower.contains("amount") || lower.contains("betrag") || lower.contains("umsatz")) ? amounts : ids
                cells.append(field(pool.randomElement(using: &generator) ?? ""))
            }
            if Int.random(in: 0 ..< 10, using: &generator) == 0 { cells.removeLast() }
            if Int.random(in: 0 ..< 10, using: &generator) == 0 { cells.append("") }
            lines.append(cells.joined(separator: delimiter))
        }
        if Int.random(in: 0 ..< 10, using: &generator) == 0 { lines.append("") }
        let text = lines.joined(separator: newline) + (Bool.random(using: &generator) ? newline : "")
        switch Int.random(in: 0 ..< 6, using: &generator) {
        case 0: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case 1: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case 2: return text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") } // Latin-1
        default: return Array(text.utf8)
        }
    }

    /// `bytes` with a few bytes flipped, inserted or deleted, or cut short.
    static func mutated(_ bytes: [UInt8], _ generator: inout SplitMix64) -> [UInt8] {
        var result = bytes
        for _ in 0 ..< Int.random(in: 1 ... 4, using: &generator) {
            guard !result.isEmpty else { break }
            let index = Int.random(in: 0 ..< result.count, using: &generator)
            let interesting: [UInt8] = [0x22, 0x2C, 0x3B, 0x0A, 0x0D, 0x00, 0x2E, 0x2D, 0x80, 0xC3, 0xFF, 0x09]
            switch Int.random(in: 0 ..< 4, using: &generator) {
            case 0: result[index] = interesting.randomElement(using: &generator) ?? 0
            case 1: result.insert(UInt8.random(in: 0 ... 255, using: &generator), at: index)
            case 2: result.remove(at: index)
            default: result.removeSubrange(index...)
            }
        }
        return result
    }
}
