import CohortCore
import CohortReports
import Foundation
import Testing

struct ReportFolderTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func publishReplacesAnEarlierReportAndLeavesNothingAside() throws {
        let parent = try temporaryDirectory()
        let folder = ReportFolder(parent: parent, name: "2026-10-31")
        try folder.publish(["report.md": Data("old".utf8), "old-only.txt": Data(), "analysis.json": Data()])
        try folder.publish(["report.md": Data("new".utf8), "charts/a.txt": Data("a".utf8), "analysis.json": Data()])
        #expect(try String(contentsOf: folder.destination.appendingPathComponent("report.md"), encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: folder.destination.appendingPathComponent("old-only.txt").path))
        #expect(FileManager.default.fileExists(atPath: folder.destination.appendingPathComponent("charts/a.txt").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["2026-10-31"])
    }

    /// A file made as it is written lands whole, beside the files held in memory.
    @Test func aStreamedFileIsWrittenPieceByPiece() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let list = StreamedFile { sink in
            for line in ["customer_id\n", "A\n", "B\n"] { _ = Data(line.utf8).withUnsafeBytes(sink) }
        }
        let folder = try ReportFolder(parent: parent, name: "2026-10-31").publish(["analysis.json": Data()], streamed: ["at-risk.csv": list])
        #expect(try String(contentsOf: folder.appendingPathComponent("at-risk.csv"), encoding: .utf8) == "customer_id\nA\nB\n")
        #expect(list.data() == Data("customer_id\nA\nB\n".utf8)) // made anew on every call
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["analysis.json", "at-risk.csv"])
    }

    @Test func whatCohortDidNotWriteIsNeitherReplacedNorDeleted() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = ReportFolder(parent: parent, name: "2026-10")
        // A user's file, a user's folder (no analysis.json), a link to a report folder elsewhere.
        try Data("notes".utf8).write(to: folder.destination)
        #expect(throws: OutputError.notWrittenByCohort(path: folder.destination.path)) { try folder.publish(["analysis.json": Data()]) }
        #expect(FileManager.default.contents(atPath: folder.destination.path) == Data("notes".utf8))
        try FileManager.default.removeItem(at: folder.destination)
        try FileManager.default.createDirectory(at: folder.destination, withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: folder.destination.appendingPathComponent("mine.txt"))
        #expect(throws: OutputError.notWrittenByCohort(path: folder.destination.path)) { try folder.publish(["analysis.json": Data()]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.destination.path) == ["mine.txt"])
        try FileManager.default.removeItem(at: folder.destination)
        let elsewhere = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try Data("old".utf8).write(to: elsewhere.appendingPathComponent("analysis.json"))
        try FileManager.default.createSymbolicLink(atPath: folder.destination.path, withDestinationPath: elsewhere.path)
        #expect(throws: OutputError.notReplaceable(path: folder.destination.path, kind: .symbolicLink)) { try folder.publish(["analysis.json": Data()]) }
        #expect(FileManager.default.contents(atPath: elsewhere.appendingPathComponent("analysis.json").path) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["2026-10"])
    }

    @Test func theFolderGetsTheUsualPermissionsNotMkdtemps() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let destination = try ReportFolder(parent: parent, name: "2026-10").publish(["analysis.json": Data()])
        let mask = umask(0)
        umask(mask)
        var status = stat()
        #expect(stat(destination.path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o777 & ~mask)
    }

    @Test func aFailedWriteKeepsTheEarlierReport() throws {
        let parent = try temporaryDirectory()
        let folder = ReportFolder(parent: parent, name: "2026-10-31")
        try folder.publish(["report.md": Data("old".utf8), "analysis.json": Data()])
        // A file name that cannot be created (a path through an existing file) makes the build fail midway.
        #expect(throws: (any Error).self) {
            try folder.publish(["a.md": Data("new".utf8), "a.md/inside.md": Data()])
        }
        #expect(try String(contentsOf: folder.destination.appendingPathComponent("report.md"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["2026-10-31"])
    }
}

struct ReportFolderRecoveryTests {
    @Test func leftoversOfAKilledRunAreCleanedUpOrRestored() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-recover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        // A run killed after moving the old report aside: the report is missing, its copy is hidden.
        let aside = parent.appendingPathComponent(".2026-10.previous-1-2")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: aside.appendingPathComponent("report.md"))
        try Data().write(to: aside.appendingPathComponent("analysis.json")) // what makes it a report folder of cohort's
        try FileManager.default.createDirectory(at: parent.appendingPathComponent(".2026-10.partial-1-2"), withIntermediateDirectories: true)
        let folder = ReportFolder(parent: parent, name: "2026-10")
        try folder.publish(["report.md": Data("new".utf8)])
        #expect(try String(contentsOf: folder.destination.appendingPathComponent("report.md"), encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["2026-10"])
    }
}
