import CAtomicSwap
import CohortCore
import Foundation

/// Writes a report's files so that readers never see a half-written report, and replaces
/// nothing but a report folder cohort wrote.
///
/// Every file is written into a private staging folder next to the target (made by `mkdtemp`,
/// files created with `O_EXCL|O_NOFOLLOW`), then the folder is renamed into place. An existing
/// report of the same name is swapped with the new one in one step (Linux `renameat2` with
/// `RENAME_EXCHANGE`), so there is no moment without a report; where the file system cannot
/// swap, the old one is moved aside just before. Whatever else stands at the target (a user's
/// file or folder, a link, a device) is refused with an `OutputError` and left alone: a report
/// folder is recognised by its content (`OutputTarget.isReportFolder`). If anything fails, the
/// staging folder is removed and the old report stays. Leftovers of a killed run are removed by
/// the next one.
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

    /// Removes what a killed run left next to the target: its staging folder (a real folder of
    /// this user's, never a link), and puts back an earlier report it had moved aside but not replaced.
    private func recoverFromInterruptedRuns(_ manager: FileManager) {
        let siblings = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for sibling in siblings where sibling.hasPrefix(".\(name).partial-") {
            let path = parent.appendingPathComponent(sibling).path
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid() else { continue }
            try? manager.removeItem(atPath: path)
        }
        for sibling in siblings where sibling.hasPrefix(".\(name).previous-") {
            let aside = parent.appendingPathComponent(sibling).path
            guard OutputTarget.isReportFolder(aside) else { continue }
            if OutputTarget.kind(at: destination.path) != nil { try? manager.removeItem(atPath: aside) } else { rename(aside, destination.path) }
        }
    }

    /// Throws unless the destination is free or a report folder cohort wrote.
    func requireReplaceableDestination() throws(OutputError) {
        let path = destination.path
        switch OutputTarget.kind(at: path) {
        case nil: return
        case .folder?: if !OutputTarget.isReportFolder(path) { throw .notWrittenByCohort(path: path) }
        case .file?: throw .notWrittenByCohort(path: path)
        case let kind?: throw .notReplaceable(path: path, kind: kind)
        }
    }

    /// Writes `files` (file name → contents; names may hold folders, `charts/retention.png`) and
    /// the `streamed` ones (made as they are written), and moves them into place in one rename.
    @discardableResult
    public func publish(_ files: [String: Data], streamed: [String: StreamedFile] = [:]) throws -> URL {
        let manager = FileManager.default
        try makeParent()
        recoverFromInterruptedRuns(manager)
        try requireReplaceableDestination()
        let staging = try makeStaging()
        let previous = parent.appendingPathComponent(".\(name).previous-" + staging.suffix(6), isDirectory: true).path
        do {
            try write(files.mapValues(StreamedFile.init).merging(streamed, uniquingKeysWith: { made, _ in made }), into: staging)
            let hadPrevious = OutputTarget.kind(at: destination.path) != nil
            if hadPrevious {
                try requireReplaceableDestination()
                if cohort_exchange_paths(staging, destination.path) == 0 {
                    // The new report is in place; the staging folder now holds the old one.
                    try? manager.removeItem(atPath: staging)
                    return destination
                }
                guard rename(destination.path, previous) == 0 else { throw OutputError.writeFailed(path: destination.path, problem: OutputTarget.problem()) }
            }
            guard rename(staging, destination.path) == 0 else {
                let problem = OutputTarget.problem()
                if hadPrevious { rename(previous, destination.path) }
                throw OutputError.writeFailed(path: destination.path, problem: problem)
            }
            if hadPrevious { try? manager.removeItem(atPath: previous) }
            return destination
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    /// The parent folder, with the folders above it, as `mkdir -p`; a file (or anything but a
    /// folder) on the way is refused, naming it.
    private func makeParent() throws(OutputError) {
        var path = ""
        for component in parent.standardizedFileURL.path.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + component
            var status = stat()
            if stat(path, &status) == 0 { // following links: a link to a folder is a folder
                if status.st_mode & S_IFMT != S_IFDIR { throw .notAFolder(path: path, kind: OutputTarget.kind(at: path) ?? .file) }
                continue
            }
            if mkdir(path, 0o777) != 0, errno != EEXIST { throw .writeFailed(path: path, problem: OutputTarget.problem()) }
        }
    }

    /// `.<name>.partial-XXXXXX` beside the destination, by `mkdtemp`.
    private func makeStaging() throws(OutputError) -> String {
        var template = Array("\(parent.path)/.\(name).partial-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .writeFailed(path: destination.path, problem: OutputTarget.problem())
        }
        return String(cString: made)
    }

    /// Creates every file new in `staging` (and its subfolders), then gives the folder the
    /// permissions a folder made by `mkdir` would have (mkdtemp makes it 0700).
    private func write(_ files: [String: StreamedFile], into staging: String) throws(OutputError) {
        for (fileName, contents) in files.sorted(by: { $0.key < $1.key }) {
            let components = fileName.split(separator: "/").map(String.init)
            guard !components.isEmpty, !components.contains(".."), !components.contains(".") else { continue }
            var folder = staging
            for component in components.dropLast() {
                folder += "/" + component
                if mkdir(folder, 0o777) != 0, errno != EEXIST || OutputTarget.kind(at: folder) != .folder {
                    throw .writeFailed(path: destination.path, problem: OutputTarget.problem())
                }
            }
            try AsideFile.create(folder + "/" + components.last!, with: contents, reportedAs: destination.path)
        }
        let mask = umask(0)
        umask(mask)
        if chmod(staging, 0o777 & ~mask) != 0 { throw .writeFailed(path: destination.path, problem: OutputTarget.problem()) }
    }
}
