import Foundation

/// Paths of the files in `Tests/Fixtures/ingest/` (written by its make_fixtures.py).
enum Fixture {
    static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("ingest").path
    }

    static func path(_ name: String) -> String {
        folder + "/" + name
    }
}
