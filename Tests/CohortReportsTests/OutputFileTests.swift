import CohortCore
import CohortReports
import Foundation
import Testing

/// `--out FILE`: a plain file is replaced in one step; what is not a plain file is refused and left as it was.
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

    @Test func aLinkAFolderAndAPipeAreRefusedAndLeftAsTheyWere() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv").path, link = folder.appendingPathComponent("link.csv").path
        try Data("old text".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: OutputError.notReplaceable(path: link, kind: .symbolicLink)) { try OutputFile.write(Data("new".utf8), to: link) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(FileManager.default.contents(atPath: target) == Data("old text".utf8))
        #expect(throws: OutputError.notReplaceable(path: folder.path, kind: .folder)) { try OutputFile.write(Data(), to: folder.path) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: OutputError.notReplaceable(path: fifo, kind: .pipe)) { try OutputFile.write(Data("x".utf8), to: fifo) }
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.csv", "pipe", "target.csv"])
    }

    @Test func aFileDroppedBeforeCommitLeavesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let file = try AsideFile(target: folder.appendingPathComponent("orders.csv").path)
            try file.write(Data("half".utf8))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func aFileWhereAFolderShouldBeIsNamed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.txt").path
        try Data("mine".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: OutputError.notAFolder(path: file, kind: .file)) { try OutputFile.write(Data(), to: file + "/kpis.csv") }
        #expect(throws: OutputError.notAFolder(path: file, kind: .file)) {
            try ReportFolder(parent: URL(fileURLWithPath: file + "/reports"), name: "2026-10-31").publish(["analysis.json": Data()])
        }
        #expect(FileManager.default.contents(atPath: file) == Data("mine".utf8))
    }

    @Test func aMissingFolderIsAWriteErrorNamingThePath() throws {
        let path = "/nonexistent-\(UUID().uuidString)/kpis.csv"
        #expect(throws: OutputError.writeFailed(path: path, problem: .missingFolder)) { try OutputFile.write(Data(), to: path) }
    }
}
