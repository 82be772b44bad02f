import CohortReports
import Foundation
import Testing

/// `--out FILE`: a plain file is replaced in one step; what is not a plain file is written through, never replaced.
struct OutputFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aPlainFileIsReplacedWholeWithNothingLeftBeside() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kpis.xlsx").path
        try OutputFile.write(Data("first".utf8), to: path)
        try OutputFile.write(Data("second, longer".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("second, longer".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["kpis.xlsx"])
    }

    @Test func aLinkIsWrittenThroughAndAFolderRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv").path, link = folder.appendingPathComponent("link.csv").path
        try Data("old text that is long".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try OutputFile.write(Data("new".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(FileManager.default.contents(atPath: target) == Data("new".utf8))
        #expect(throws: ReportError.write(folder.path, "it is a folder")) { try OutputFile.write(Data(), to: folder.path) }
    }

    @Test func aPipeIsWrittenIntoNotReplaced() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Received()
        let reader = Thread {
            // Opening a pipe for reading waits for the writer, and reading ends when it closes.
            let descriptor = open(fifo, O_RDONLY)
            var data = Data(), buffer = [UInt8](repeating: 0, count: 4096)
            while descriptor >= 0 {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                data.append(contentsOf: buffer[..<count])
            }
            if descriptor >= 0 { close(descriptor) }
            received.set(data)
        }
        reader.start()
        try OutputFile.write(Data("through the pipe".utf8), to: fifo)
        while received.value == nil { usleep(1_000) }
        #expect(received.value == Data("through the pipe".utf8))
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?
        var value: Data? { lock.withLock { data } }
        func set(_ data: Data) { lock.withLock { self.data = data } }
    }
}
