@testable import CohortIngest
import Foundation
import Testing

/// Reading a file with `pread` into private memory: a file that shrinks while it is read is an
/// error of its own, never a signal; the bytes read are the file's.
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

    /// Pages given back behind the reader are moved ahead of it and read into again (on Linux):
    /// every byte read is still the file's, and a page given back reads as zeros.
    @Test func pagesMovedAheadHoldTheBytesReadIntoThem() throws {
        let size = 40 << 20
        // Bytes 0, 1, ..., 250 over and over: a huge page (2 MiB = 8,355 × 251 + 47) starts 47
        // further on in the cycle than the one before, so a page read into twice, or not at all, shows.
        func expected(_ offset: Int) -> UInt8 { UInt8(offset % 251) }
        let cycle = Data((0 ..< 251).map { UInt8($0) })
        var contents = Data(capacity: size + 251)
        while contents.count < size { contents.append(cycle) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-moved-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: contents.prefix(size)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputFiles.open(path) { _ throws(IngestError) in }
        var checked = 0
        // As CSVRecords reads: a record at a time (here about 1 MiB, so that reads end inside a huge
        // page), the file read 5 MiB ahead, pages given back 8 MiB behind.
        let step = (1 << 20) + 4099
        for offset in stride(from: 0, to: size, by: step) {
            try input.fill(upTo: offset + (5 << 20) + 777)
            for position in stride(from: offset, to: min(offset + step, size), by: 509) + [offset] {
                #expect(input.bytes[position] == expected(position), "byte \(position)")
                checked += 1
            }
            if offset >= 8 << 20 { input.release(before: offset - (8 << 20)) }
        }
        #expect(checked > 80_000)
        #expect(input.released >= 30 << 20)
        #expect(input.bytes[0] == 0 && input.bytes[(2 << 20) + 7] == 0) // given back: zeros, as after MADV_DONTNEED
        #expect(input.bytes[size - 1] == expected(size - 1))
        #if os(Linux)
        #expect(input.movedPages > 8) // about one a step of 2 MiB: 40 MiB less the first 12
        #endif
    }

    @Test func aFolderAndAMissingFileAreRefused() throws {
        #expect(throws: IngestError.cannotRead(source: "/", reason: .isFolder)) { _ = try InputFiles.open("/") { _ throws(IngestError) in } }
        #expect(throws: IngestError.cannotRead(source: "no-such.csv", reason: .noSuchFile)) {
            _ = try InputFiles.open("no-such.csv") { _ throws(IngestError) in }
        }
    }
}
