import Foundation

/// Writes a report's files so that readers never see a half-written report.
///
/// Every file is written into a hidden temporary folder next to the target,
/// then the folder is renamed into place; an existing report of the same name is
/// moved aside first and removed only after the new one is in place. If anything
/// fails, the temporary folder is removed and the old report stays.
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

    /// Writes `files` (file name → contents) and moves them into place in one rename.
    @discardableResult
    public func publish(_ files: [String: Data]) throws -> URL {
        let manager = FileManager.default
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
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
