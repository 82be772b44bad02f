import CohortCore
import Foundation

extension OrderReader {
    /// Reads one order file into order lines summed per customer, order and day (`OrderSums`)
    /// instead of a table of its rows: the same rows read and set aside, the same warnings, and
    /// memory that follows the orders. Nil when the sources name several distinct files (rows
    /// repeated across files are found in a table, `read(sources:)`), or a file smaller than
    /// `minimumBytes` (or standard input, of no size known before it is read) when that is above 0.
    /// `beforeReading` is called once it is settled that the file is read into sums, before it is opened.
    public func readSums(sources: [String], minimumBytes: Int = 0, beforeReading: () -> Void = {}) throws(IngestError) -> OrderSumsReadResult? {
        let (files, repeats) = InputFiles.distinct(try InputFiles.expand(sources))
        guard files.count == 1, let file = files.first else { return nil }
        if minimumBytes > 0 { guard let size = InputFiles.size(of: file), size >= minimumBytes else { return nil } }
        beforeReading()
        var builder = try SumsBuilder(segmentColumns: options.segmentColumns, concurrent: concurrentInterning, spillDirectory: spillDirectory,
                                      partitionShift: spillPartitionShift, chunkBytes: chunkBytes, keepsCustomerIDs: keepsCustomerIDs)
        let size = InputFiles.size(of: file)
        let input = try InputFiles.open(file, mapsFile: true) { head throws(IngestError) in try checkHead(head, source: file) }
        let reportProgress = progress.map { progress in { (offset: Int) in progress(offset, size ?? 0) } }
        let (format, fileWarnings) = try builder.reading { builder throws(IngestError) in
            try read(input, source: file, progress: reportProgress, into: &builder)
        }
        progress?(size ?? input.count, size ?? 0)
        let warnings = dateWarnings(builder.days, sources: files) + outOfRangeWarnings(builder.rejected) + repeats + fileWarnings
        var result = OrderSumsReadResult(sums: try builder.sums(), rejected: builder.rejected, rowsRead: builder.rowsRead, sources: files,
                                         formats: [format], warnings: warnings)
        result.chunks = builder.chunks
        return result
    }
}

extension OrderReader {
    /// `TMPDIR` when set; else /var/tmp, which is on disk where /tmp may be a file system in
    /// memory (tmpfs, the default on some systems), so that the spill does not take the memory it
    /// saves; else /tmp.
    static func defaultSpillDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let directory = environment["TMPDIR"], !directory.isEmpty { return directory }
        return access("/var/tmp", W_OK | X_OK) == 0 ? "/var/tmp" : "/tmp"
    }
}
