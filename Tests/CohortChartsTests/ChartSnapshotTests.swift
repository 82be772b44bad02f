import CohortCharts
import Foundation
import Testing

/// Golden images: each chart of the fixture is compared byte for byte with a PNG in
/// `__Snapshots__/` that was looked at once and approved. Rendering is deterministic
/// (unhinted fonts, fixed PDF dates), so any difference is a change to review: the
/// new rendering is written next to the test run's temporary files for a look.
///
/// To approve a deliberate change: `COHORT_RECORD_SNAPSHOTS=1 swift test --filter ChartSnapshotTests`,
/// then look at every changed PNG before committing it.
struct ChartSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    @Test(arguments: ChartKind.allCases)
    func chartMatchesItsApprovedImage(_ kind: ChartKind) throws {
        let rendered = try ChartFixture.renderer(for: kind).render(kind, as: .png)
        let reference = Self.folder.appendingPathComponent("\(kind.fileName).png")
        if ProcessInfo.processInfo.environment["COHORT_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try rendered.write(to: reference)
            return
        }
        let approved = try #require(FileManager.default.contents(atPath: reference.path),
                                    "no approved image for \(kind): record it with COHORT_RECORD_SNAPSHOTS=1 and look at it")
        if rendered != approved {
            let actual = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-snapshot-\(kind.fileName).png")
            try rendered.write(to: actual)
            Issue.record("\(kind) differs from its approved image; the new rendering is at \(actual.path)")
        }
    }
}
