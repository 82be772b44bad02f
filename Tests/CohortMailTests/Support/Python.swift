import Foundation

/// Runs the Python helpers in `Tests/CohortMailTests/Scripts/` with a python3 that has the
/// modules they need.
enum Python {
    /// The first python3 that imports all of `modules`: Debian's `/usr/bin/python3` first
    /// (where `apt-get install python3-aiosmtpd` puts aiosmtpd), then each one on PATH.
    static func interpreter(importing modules: [String] = []) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/bin/python3"] + path.split(separator: ":").map { "\($0)/python3" }
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate).inserted {
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            let check = modules.isEmpty ? "pass" : "import " + modules.joined(separator: ", ")
            if let result = try? Command.run(candidate, ["-c", check]), result.status == 0 { return candidate }
        }
        return nil
    }

    /// `Tests/CohortMailTests/Scripts/<name>`.
    static func script(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts").appendingPathComponent(name).path
    }
}
