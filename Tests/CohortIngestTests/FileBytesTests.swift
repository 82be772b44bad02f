@testable import CohortIngest
import Foundation
import Testing

/// Reading a file with `pread` into private memory, or mapping a large order file: a file
/// that shrinks while it is read is an error of its own, never a signal; the bytes read are the file's.
struct FileBytesTests {
    private func file(size: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-bytes-\(UUID().uuidString).csv").path
        let bytes = (0 ..< size).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    @Test func aFileTruncatedWhileReadIsAnError() throws {
        let path = try file(size: 12 << 20)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputFiles.open(path) { _ throws(IngestError) in }
        try input.fill(upTo: 1 << 16)
        #expect(input.filled >= 1 << 16 && input.filled < input.count)
        #expect(truncate(path, 5 << 20) == 0)
        #expect(throws: IngestError.changedWhileRead(source: path)) { try input.fillAll() }
        // What was read before stays readable: no SIGBUS.
        #expect(input.bytes[0] == UInt8(ascii: "a") && input.bytes[27] == UInt8(ascii: "b"))
    }

    @Test func theBytesAreTheFilesAndPagesGivenBackAreReadAgain() throws {
        let path = try file(size: 20 << 20)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputFiles.open(path) { _ throws(IngestError) in }
        try input.fillAll()
        #expect(input.bytes[(20 << 20) - 1] == UInt8(ascii: "a") + UInt8(((20 << 20) - 1) % 26))
        input.release(before: 10 << 20)
        #expect(input.released > 0 && input.released <= 10 << 20)
        #expect(input.reread(100 ..< 104) == [UInt8(ascii: "w"), UInt8(ascii: "x"), UInt8(ascii: "y"), UInt8(ascii: "z")]) // 100 % 26 = 22: 'w'
    }

    /// Huge pages given back are moved ahead, where the file is read next (Linux 5.7 and later):
    /// 8 MiB read, the first 6 MiB given back and moved to 8 ..< 14 MiB; reading on fills them
    /// with the file's bytes, and the pages given back read as zeros.
    @Test func pagesGivenBackAreMovedAheadAndReadInto() throws {
        let size = 20 << 20
        let path = try file(size: size)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputFiles.open(path) { _ throws(IngestError) in }
        try input.fill(upTo: 8 << 20)
        #expect(input.filled == 8 << 20)
        input.release(before: 6 << 20)
        #expect(input.released == 6 << 20)
        if Self.kernelMovesPages { #expect(input.movedAheadEnd == 14 << 20) }
        try input.fillAll()
        let expected = { (offset: Int) in UInt8(ascii: "a") + UInt8(offset % 26) }
        for offset in stride(from: 6 << 20, to: size, by: 4093) { #expect(input.bytes[offset] == expected(offset)) }
        for offset in [8 << 20, (14 << 20) - 1, 14 << 20, size - 1] { #expect(input.bytes[offset] == expected(offset)) }
        #expect(input.bytes[0] == 0 && input.bytes[(6 << 20) - 1] == 0)
    }

    /// Past what is read, the memory may hold pages moved ahead (here the first 6 MiB, full of
    /// quotes, moved to 30 ..< 36 MiB): the tokenizer of the records looks at no byte there. A
    /// quote opened on a record's second line and never closed is refused on that line, as it
    /// is when nothing was moved; read into the moved quotes, it would close there, and the
    /// error would name the record's first line.
    @Test func theRecordsLookAtNothingPastWhatIsRead() throws {
        let size = 48 << 20, start = 8 << 20
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: size)
        let quoted = Array("a,\"q\"\n".utf8)
        for offset in stride(from: 0, to: start - quoted.count, by: quoted.count) { bytes.replaceSubrange(offset ..< offset + quoted.count, with: quoted) }
        let record = Array("K,\"a\nb\",\"".utf8) // the last field's quote opens on the record's second line
        bytes.replaceSubrange(start ..< start + record.count, with: record)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-ahead-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputFiles.open(path) { _ throws(IngestError) in }
        try input.fill(upTo: 30 << 20)
        input.release(before: 6 << 20)
        if Self.kernelMovesPages { #expect(input.movedAheadEnd == 36 << 20 && input.bytes[30 << 20] == UInt8(ascii: "a")) }
        var records = CSVRecords(source: path, tokenizer: CSVTokenizer(bytes: input.bytes, delimiter: UInt8(ascii: ",")),
                                 file: FileRecordBytes(file: input, offset: 0, barrier: { nil }))
        records.move(to: start, line: 1)
        #expect(throws: IngestError.recordTooLong(source: path, line: 2, megabytes: 16)) {
            _ = try records.nextRecord(into: FieldList())
        }
    }

    #if os(Linux)
    /// A large order file is mapped (`mapsFile`), a block at a time: the bytes are the file's,
    /// and pages given back are the file's again when read (not zeros, as read ones are).
    @Test func aMappedFileHasTheFilesBytes() throws {
        let size = 40 << 20
        let path = try file(size: size)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputFiles.open(path, mapsFile: true) { _ throws(IngestError) in }
        try input.fill(upTo: 1 << 16)
        #expect(input.filled == FileBytes.blockSize) // one block mapped, not the whole file
        try input.fillAll()
        #expect(input.filled == size)
        let expected = { (offset: Int) in UInt8(ascii: "a") + UInt8(offset % 26) }
        for offset in stride(from: 0, to: size, by: 4093) { #expect(input.bytes[offset] == expected(offset)) }
        input.release(before: 10 << 20)
        #expect(input.released == 10 << 20)
        #expect(input.bytes[100] == expected(100) && input.bytes[size - 1] == expected(size - 1))
        try input.checkUnchanged()
    }

    /// A mapped file that another program truncates while it is read: reading a page past its new
    /// end raises SIGBUS, which the guard turns into zeros, and the file is reported as changed.
    @Test func aMappedFileTruncatedWhileReadIsAnError() throws {
        let path = try file(size: 40 << 20)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputFiles.open(path, mapsFile: true) { _ throws(IngestError) in }
        try input.fill(upTo: 12 << 20)
        try input.checkUnchanged()
        #expect(truncate(path, 5 << 20) == 0)
        #expect(input.bytes[6 << 20] == 0) // past the new end: zeros, not SIGBUS
        #expect(input.bytes[27] == UInt8(ascii: "b")) // before it: the file's (27 % 26 = 1)
        #expect(throws: IngestError.changedWhileRead(source: path)) { try input.checkUnchanged() }
        #expect(throws: IngestError.changedWhileRead(source: path)) { try input.fillAll() }
    }

    /// End to end: an order file truncated after it was mapped whole and before its rows are read
    /// is refused as changed, not read as rows of zeros (and not stopped by SIGBUS): no later
    /// `fill(upTo:)` notices it, the reader's check at the end does.
    @Test func anOrderFileTruncatedWhileReadIsRefused() throws {
        let row = Array("SO-100,2026-03-01,C7,12.50\n".utf8)
        var bytes = Array("order_id,order_date,customer_id,amount\n".utf8)
        bytes.reserveCapacity(36 << 20)
        while bytes.count < 36 << 20 { bytes += row }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-cut-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputFiles.open(path, mapsFile: true) { _ throws(IngestError) in }
        try input.fillAll()
        #expect(truncate(path, 20 << 20) == 0)
        let reader = OrderReader(options: ReadOptions())
        var builder = try TableBuilder(findsDuplicates: false, concurrentInterning: false, segmentColumns: [])
        #expect(throws: IngestError.changedWhileRead(source: path)) {
            _ = try builder.reading { builder throws(IngestError) in try reader.read(input, source: path, progress: nil, into: &builder) }
        }
    }
    #endif

    /// Whether this system's kernel is Linux 5.7 or later (`MREMAP_DONTUNMAP`).
    private static var kernelMovesPages: Bool {
        #if os(Linux)
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let parts = release.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        return parts.count == 2 && (parts[0], parts[1]) >= (5, 7)
        #else
        return false
        #endif
    }

    @Test func aFolderAndAMissingFileAreRefused() throws {
        #expect(throws: IngestError.cannotRead(source: "/", reason: .isFolder)) { _ = try InputFiles.open("/") { _ throws(IngestError) in } }
        #expect(throws: IngestError.cannotRead(source: "no-such.csv", reason: .noSuchFile)) {
            _ = try InputFiles.open("no-such.csv") { _ throws(IngestError) in }
        }
    }
}
