import Foundation

/// A file of the report whose contents are made piece by piece as it is written, for a file too
/// large to hold in memory at once (at-risk.csv and lost.csv of millions of customers).
///
/// `write` hands the pieces to its sink in order, and stops making them when the sink returns
/// false (a write failed: the writer keeps the error). It may be called more than once (the
/// report folder, then the published one), and makes the same bytes each time.
///
///     let list = StreamedFile { sink in CustomerCSV.write(atRisk, to: sink) }
///     try ReportFolder(parent: output, name: "2026-10-31").publish(files, streamed: ["at-risk.csv": list])
public struct StreamedFile: Sendable {
    /// Takes a piece, and says whether to go on.
    public typealias Sink = (UnsafeRawBufferPointer) -> Bool

    public let write: @Sendable (_ sink: Sink) -> Void

    public init(write: @escaping @Sendable (_ sink: Sink) -> Void) {
        self.write = write
    }

    /// Contents already in memory.
    public init(_ data: Data) {
        write = { sink in _ = data.withUnsafeBytes(sink) }
    }

    /// All the bytes at once (for a test, or a small file).
    public func data() -> Data {
        var data = Data()
        write { bytes in
            data.append(contentsOf: bytes)
            return true
        }
        return data
    }
}
