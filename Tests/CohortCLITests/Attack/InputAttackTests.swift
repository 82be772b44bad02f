import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile inputs, one case per class of issue 19 (the input side), run against the built binary:
/// each ends with a rejected row and exit 0, or exit 2 and exactly one line on standard error;
/// never a signal, never more than 1 GB of memory, and nothing changed outside the run's folder.
@Suite(.serialized) struct InputAttackTests {
    static let memoryLimit = 1 << 30

    /// `rows` orders of 2025 (400 customers, a few orders each), as CSV lines after the header.
    static func orders2025(rows: Int = 2025) -> [String] {
        (0 ..< rows).map { row in
            let month = row % 12 + 1, day = row % 28 + 1
            return "\(row + 1),C\(row % 400),2025-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day),\(10 + row % 90).50"
        }
    }

    /// A folder with `orders.csv` (header and `lines`), and the names and sizes of what is in it, to compare after.
    static func folder(with lines: [String], header: String = "order_id,customer_id,order_date,amount") throws -> URL {
        let folder = try CLIRunner.temporaryDirectory()
        try ([header] + lines).joined(separator: "\n").appending("\n")
            .write(to: folder.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    static func snapshot(_ folder: URL) -> [String: Int] {
        var result: [String: Int] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            result[name] = (attributes?[.size] as? Int) ?? -1
        }
        return result
    }

    /// The checks every case shares: no signal, no time-out, bounded memory, and one line when it failed.
    static func expectContained(_ result: CLIRunner.Measured, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.signal == nil && !result.timedOut, "ended by signal \(String(describing: result.signal)): \(result.standardError)",
                sourceLocation: sourceLocation)
        #expect(result.status == status, "exit \(result.status): \(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.peakMemory < memoryLimit, "peak memory \(result.peakMemory >> 20) MB", sourceLocation: sourceLocation)
        if status != 0 {
            #expect(result.errorLines.count == 1 && result.errorLines.first?.hasPrefix("cohort: error: ") == true,
                    "not one error line: \(result.standardError.prefix(500))", sourceLocation: sourceLocation)
        }
        #expect(!result.standardError.unicodeScalars.contains { $0.value == 0x1B }, "an escape byte on standard error", sourceLocation: sourceLocation)
    }

    // MARK: - Money

    @Test func anAmountOfTwentyDigitsIsARejectedRow() throws {
        let folder = try Self.folder(with: Self.orders2025() + ["9999,C1,2025-06-01,12345678901234567890"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Self.snapshot(folder)
        let result = try CLIRunner.measure(["kpis", "orders.csv", "--format", "csv"], currentDirectory: folder)
        Self.expectContained(result, status: 0)
        #expect(result.standardError.contains("orders.csv:2027") && result.standardError.contains("12345678901234567890"), "\(result.standardError)")
        #expect(Self.snapshot(folder) == before)
    }

    @Test func amountsAddingUpBeyondInt64AreOneLineOfError() throws {
        // 100 × 999,999,999,999,999.99 = 9.99…e16 units = 9.99…e18 minor units > 2^63 − 1 ≈ 9.22e18.
        let folder = try Self.folder(with: (0 ..< 100).map { "\($0 + 1),C\($0),2025-01-\($0 % 28 + 1 < 10 ? "0" : "")\($0 % 28 + 1),999999999999999.99" })
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.measure(["kpis", "orders.csv"], currentDirectory: folder)
        Self.expectContained(result, status: 2)
        #expect(result.standardError.contains("92,233,720,368,547,758.07"), "\(result.standardError)")
    }

    // MARK: - Temporary files

    /// A large file is read into sums through a temporary file: a temporary directory that does not
    /// exist is one line naming it, exit 2, and no report folder.
    @Test func aTemporaryDirectoryThatCannotBeWrittenIsOneLineOfError() throws {
        let folder = try Self.folder(with: Self.orders2025())
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Self.snapshot(folder)
        let missing = folder.appendingPathComponent("no-such-directory").path
        let result = try CLIRunner.measure(["report", "orders.csv", "--out", "report", "--sums-from-mb", "0"], currentDirectory: folder,
                                           environment: ["TMPDIR": missing])
        Self.expectContained(result, status: 2)
        #expect(result.standardError.contains("temporary directory \(missing)"), "\(result.standardError)")
        #expect(Self.snapshot(folder) == before)
    }

    // MARK: - Dates

    @Test func aDateInTheYear9999IsARejectedRowAndCostsNoMemory() throws {
        let folder = try Self.folder(with: Self.orders2025() + ["9999,C7,9999-12-31,10.00"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.measure(["kpis", "orders.csv", "--format", "csv"], currentDirectory: folder)
        Self.expectContained(result, status: 0)
        // The warning names how many and the first (line 2027: header, 2025 orders, then this row).
        #expect(result.standardError.contains("1 row is dated before ") && result.standardError.contains(" or after ")
                && result.standardError.contains("orders.csv:2027"),
                "\(result.standardError)")
        // The KPIs end in 2025: no period of the years after.
        #expect(!result.standardOutput.contains("2026-") && result.standardOutput.contains("2025-12"))
    }

    @Test func aDateInTheYear2500WithWeeksIsARejectedRow() throws {
        let folder = try Self.folder(with: Self.orders2025() + ["9999,C7,2500-01-01,10.00"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.measure(["kpis", "orders.csv", "--period", "week", "--as-of", "2025-12-31"], currentDirectory: folder)
        Self.expectContained(result, status: 0)
        #expect(result.standardError.contains("2500-01-01"), "\(result.standardError)")
    }

    @Test func aPlaceholderDateOf1900WithWeeksCostsOneRowOfCells() throws {
        let folder = try Self.folder(with: Self.orders2025() + ["9999,C7,1900-01-01,10.00"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.measure(["kpis", "orders.csv", "--period", "week", "--format", "csv"], currentDirectory: folder)
        Self.expectContained(result, status: 0)
        #expect(result.peakMemory < 400 << 20, "peak memory \(result.peakMemory >> 20) MB")
    }

    @Test func aPlaceholderDateOf1900LeavesTheWholeReport() throws {
        // 1900-01-01 is more than 50 years before today: a rejected row, so the charts span 2025
        // alone (before, the heat maps were 1,500 ages wide and Cairo refused them).
        let folder = try Self.folder(with: Self.orders2025() + ["9999,C7,1900-01-01,10.00"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.measure(["report", "orders.csv", "--out", "out"], currentDirectory: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("'1900-01-01' is outside the dates the report accepts"))
        #expect(result.peakMemory < 1 << 30, "peak memory \(result.peakMemory >> 20) MB")
        let reports = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(reports.count == 1)
    }

    // MARK: - Bounded reading

    @Test func twoGigabytesOfNULFromAPipeAreRefusedAfterTheFirstBlock() throws {
        let chunk = [UInt8](repeating: 0, count: 1 << 20)
        let sent = Counter()
        let result = try CLIRunner.measure(["kpis", "-"], input: .generator {
            sent.add() <= 2048 ? chunk : nil
        }, timeout: 60)
        Self.expectContained(result, status: 2)
        #expect(result.peakMemory < 256 << 20, "peak memory \(result.peakMemory >> 20) MB")
        #expect(sent.value < 64, "read \(sent.value) MB before refusing")
        #expect(result.standardError.contains("not a text"), "\(result.standardError)")
    }

    @Test func aWorkbookThatInflatesFarBeyondItsSizeIsRefused() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 400 MB of one repeated row in the sheet, packed to well under 4 MB by deflate.
        let script = """
        import sys, zipfile
        row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
        with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
            z.writestr('[Content_Types].xml', '<Types/>')
            z.writestr('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
            z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
            with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=False) as sheet:
                sheet.write(b'<worksheet><sheetData>')
                block = row * 20000
                for _ in range(400_000_000 // len(block)):
                    sheet.write(block)
                sheet.write(b'</sheetData></worksheet>')
        """
        let bomb = folder.appendingPathComponent("bomb.xlsx").path
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = ["-c", script, bomb]
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0)
        let result = try CLIRunner.measure(["kpis", bomb], currentDirectory: folder)
        Self.expectContained(result, status: 2)
        #expect(result.standardError.contains("--max-sheet-mb"), "\(result.standardError)")
        #expect(result.peakMemory < 512 << 20, "peak memory \(result.peakMemory >> 20) MB")
    }

    @Test func aHeaderOfAMillionColumnsIsAShortError() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = (0 ..< 1_000_000).map { "c\($0)" }.joined(separator: ",")
        try (header + "\n1,2,3\n").write(to: folder.appendingPathComponent("wide.csv"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.measure(["kpis", "wide.csv"], timeout: 30, currentDirectory: folder)
        Self.expectContained(result, status: 2)
        #expect(result.standardError.count < 300, "\(result.standardError.count) characters")
        #expect(result.seconds < 10, "\(result.seconds) s")
    }

    /// Read into a table, or into sums (`--sums-from-mb 0`, folded on a second thread).
    @Test(arguments: [[], ["--sums-from-mb", "0"]])
    func aFileTruncatedWhileReadIsNeverASignal(reading: [String]) throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("orders.csv").path
        // About 40 MB: long enough that the run is usually still reading when the file is cut.
        let block = Self.orders2025(rows: 20_000).joined(separator: "\n") + "\n"
        let handle = try #require(FileHandle(forWritingAtPath: { FileManager.default.createFile(atPath: path, contents: nil); return path }()))
        try handle.write(contentsOf: Data("order_id,customer_id,order_date,amount\n".utf8))
        for _ in 0 ..< 60 { try handle.write(contentsOf: Data(block.utf8)) }
        try handle.close()
        let cutter = Thread {
            usleep(150_000)
            _ = truncate(path, 4096)
        }
        cutter.start()
        let result = try CLIRunner.measure(["kpis", path, "--format", "csv"] + reading, timeout: 120)
        #expect(result.signal == nil, "ended by signal \(String(describing: result.signal))")
        #expect(result.status == 0 || result.status == 2, "exit \(result.status): \(result.standardError)")
        if result.status == 2 {
            #expect(result.errorLines.count == 1, "\(result.standardError)")
        }
    }

    @Test func aPipeWithoutAWriterIsRefusedAfterTheWait() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("orders.csv").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let result = try CLIRunner.measure(["kpis", fifo], timeout: 60)
        Self.expectContained(result, status: 2)
        #expect(result.standardError.contains("pipe"), "\(result.standardError)")
    }

    @Test func ordersFromAPipeAreReadLikeAFile() throws {
        let lines = Self.orders2025()
        let text = Array((["order_id,customer_id,order_date,amount"] + lines).joined(separator: "\n").utf8)
        let sent = Counter()
        let piped = try CLIRunner.measure(["kpis", "-", "--format", "csv"], input: .generator { sent.add() == 1 ? text : nil })
        let folder = try Self.folder(with: lines)
        defer { try? FileManager.default.removeItem(at: folder) }
        let direct = try CLIRunner.measure(["kpis", "orders.csv", "--format", "csv"], currentDirectory: folder)
        Self.expectContained(piped, status: 0)
        #expect(piped.standardOutput == direct.standardOutput && !direct.standardOutput.isEmpty)
        // Standard input read into sums: the same KPIs.
        let sentAgain = Counter()
        let summed = try CLIRunner.measure(["kpis", "-", "--format", "csv", "--sums-from-mb", "0"],
                                           input: .generator { sentAgain.add() == 1 ? text : nil })
        Self.expectContained(summed, status: 0)
        #expect(summed.standardOutput == direct.standardOutput)
    }

    // MARK: - Duplicate inputs

    @Test func oneFileUnderTwoNamesOrTwiceItsContentIsReadOnce() throws {
        let folder = try Self.folder(with: Self.orders2025())
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.linkItem(atPath: folder.appendingPathComponent("orders.csv").path,
                                         toPath: folder.appendingPathComponent("link.csv").path)
        try FileManager.default.copyItem(atPath: folder.appendingPathComponent("orders.csv").path,
                                         toPath: folder.appendingPathComponent("copy.csv").path)
        let once = try CLIRunner.measure(["kpis", "orders.csv", "--format", "csv"], currentDirectory: folder)
        let thrice = try CLIRunner.measure(["kpis", "orders.csv", "link.csv", "copy.csv", "--format", "csv"], currentDirectory: folder)
        Self.expectContained(thrice, status: 0)
        #expect(thrice.standardOutput == once.standardOutput)
        #expect(thrice.standardError.contains("link.csv is the same file as orders.csv"), "\(thrice.standardError)")
        #expect(thrice.standardError.contains("copy.csv has the same content as orders.csv"), "\(thrice.standardError)")
    }

    // MARK: - Messages

    @Test func controlCharactersInAFileNameAreEscaped() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.measure(["kpis", "no\nsuch\u{1B}[31mfile\u{7F}\u{85}.csv"], currentDirectory: folder)
        Self.expectContained(result, status: 2)
        #expect(result.standardError.contains(#"no\nsuch\u{1B}[31mfile\u{7F}\u{85}.csv"#), "\(result.standardError)")
    }

    @Test func controlCharactersInAValueAreEscaped() throws {
        let folder = try Self.folder(with: Self.orders2025() + ["9999,C1,\"2025\u{1B}[2J\u{85}-01-01\",10.00"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.measure(["kpis", "orders.csv", "--format", "csv"], currentDirectory: folder)
        Self.expectContained(result, status: 0)
        #expect(result.standardError.contains(#"2025\u{1B}[2J\u{85}-01-01"#), "\(result.standardError)")
    }
}

/// A count shared with a generator's thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Counts one more and returns the new count.
    func add() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
