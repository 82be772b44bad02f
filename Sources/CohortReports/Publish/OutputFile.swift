import CohortCore
import Foundation

/// One output file (`--out FILE` of a command, `cohort init`'s configuration) written whole or
/// not at all, through an `AsideFile`: created in a private folder beside its destination,
/// then renamed onto it.
///
/// Only a regular file is replaced: a device or pipe (`/dev/null`, a FIFO), a socket, a folder
/// or a symbolic link at the path is refused with `OutputError.notReplaceable`, and stays as it was.
///
///     try OutputFile.write(workbookData, to: "kpis.xlsx")
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        let file = try AsideFile(target: path)
        try file.write(data)
        try file.commit()
    }

    /// The same, for contents made as they are written (`StreamedFile`).
    public static func write(_ contents: StreamedFile, to path: String) throws(OutputError) {
        let file = try AsideFile(target: path)
        var failure: OutputError?
        contents.write { bytes in
            do throws(OutputError) { try file.write(bytes) } catch { failure = error }
            return failure == nil
        }
        if let failure { throw failure }
        try file.commit()
    }
}
