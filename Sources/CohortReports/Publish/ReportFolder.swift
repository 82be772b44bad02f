import CAtomicSwap
import Foundation

/// Writes a report's files so that readers never see a half-written report.
///
/// Every file is written into a hidden temporary folder next to the target, then
/// the folder is renamed into place. An existing report of the same name is swapped
/// with the new one in one step (Linux `renameat2` with `RENAME_EXCHANGE`), so there
/// is no moment without a report; where the file system cannot swap, the old one is
/// moved aside just before. If anything fails, the temporary folder is removed and
/// the old report stays. Leftovers of a killed run are removed by the next one.
///
///     let folder = try ReportFolder(parent: URL(fileURLWithPath: "output"), name: "2026-10-31")
///         .publish(["report.md": Data(markdown.utf8)])
public struct ReportFolder: Sendable {
    public let parent: URL
    public let name: String

    public init(parent: URL, name: String) {
        self.parent = parent
        self.name = name
    }

    /// The folder the report ends up in.
    public var destination: URL { parent.appendingPathComponent(name, isDirectory: true) }

    /// Removes what a killed run left next to the target: its staging folder, and puts back
    /// an earlier report it had moved aside but not replaced.
    private func recoverFromInterruptedRuns(_ manager: FileManager) throws {
        let siblings = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for sibling in siblings where sibling.hasPrefix(".\(name).partial-") {
            try? manager.removeItem(at: parent.appendingPathComponent(sibling))
        }
        for sibling in siblings where sibling.hasPrefix(".\(name).previous-") {
            let aside = parent.appendingPathComponent(sibling)
            if manager.fileExists(atPath: destination.path) { try? manager.removeItem(at: aside) } else { try manager.moveItem(at: aside, to: destination) }
        }
    }

    /// Writes `files` (file name → contents) and moves them into place in one rename.
    @discardableResult
    public func publish(_ files: [String: Data]) throws -> URL {
        let manager = FileManager.default
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        try recoverFromInterruptedRuns(manager)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))"
        let staging = parent.appendingPathComponent(".\(name).partial-\(token)", isDirectory: true)
        let previous = parent.appendingPathComponent(".\(name).previous-\(token)", isDirectory: true)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for (fileName, contents) in files.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(fileName)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url)
            }
            let hadPrevious = manager.fileExists(atPath: destination.path)
            if hadPrevious && cohort_exchange_paths(staging.path, destination.path) == 0 {
                // The new report is in place; the staging folder now holds the old one.
                try? manager.removeItem(at: staging)
                return destination
            }
            if hadPrevious { try manager.moveItem(at: destination, to: previous) }
            do {
                try manager.moveItem(at: staging, to: destination)
            } catch {
                if hadPrevious { try? manager.moveItem(at: previous, to: destination) }
                throw error
            }
            if hadPrevious { try? manager.removeItem(at: previous) }
            return destination
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }
}
