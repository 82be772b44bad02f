import Foundation

/// A file of the report whose contents are made piece by piece as it is written, for a file too
/// large to hold in memory at once (at-risk.csv and lost.csv of millions of customers).
///
/// `write` hands the pieces to its sink in order; it may be called more than once (the report
/// folder, then the published one), and makes the same bytes each time. A sink that fails keeps
/// its error and ignores the rest.
///
///     let list = StreamedFile { sink in CustomerCSV.write(atRisk, to: sink) }
///     try ReportFolder(parent: output, name: "2026-10-31").publish(files, streamed: ["at-risk.csv": list])
public struct StreamedFile: Sendable {
    public let write: @Sendable (_ sink: (UnsafeRawBufferPointer) -> Void) -> Void

    public init(write: @escaping @Sendable (_ sink: (UnsafeRawBufferPointer) -> Void) -> Void) {
        self.write = write
    }

    /// Contents already in memory.
    public init(_ data: Data) {
        write = { sink in data.withUnsafeBytes(sink) }
    }

    /// All the bytes at once (for a test, or a small file).
    public func data() -> Data {
        var data = Data()
        write { data.append(contentsOf: $0) }
        return data
    }
}
