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
        try folder.publish(["report.md": Data("old".utf8), "old-only.txt": Data()])
        try folder.publish(["report.md": Data("new".utf8), "charts/a.txt": Data("a".utf8)])
        #expect(try String(contentsOf: folder.destination.appendingPathComponent("report.md"), encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: folder.destination.appendingPathComponent("old-only.txt").path))
        #expect(FileManager.default.fileExists(atPath: folder.destination.appendingPathComponent("charts/a.txt").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["2026-10-31"])
    }

    @Test func aFailedWriteKeepsTheEarlierReport() throws {
        let parent = try temporaryDirectory()
        let folder = ReportFolder(parent: parent, name: "2026-10-31")
        try folder.publish(["report.md": Data("old".utf8)])
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
        try FileManager.default.createDirectory(at: parent.appendingPathComponent(".2026-10.partial-1-2"), withIntermediateDirectories: true)
        let folder = ReportFolder(parent: parent, name: "2026-10")
        try folder.publish(["report.md": Data("new".utf8)])
        #expect(try String(contentsOf: folder.destination.appendingPathComponent("report.md"), encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["2026-10"])
    }
}
