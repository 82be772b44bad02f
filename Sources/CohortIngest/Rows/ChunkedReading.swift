import CohortCore
import Dispatch
import Foundation

/// Reads the rows of a large CSV file in chunks on several threads at once, and hands them over
/// to be folded (`SumsBuilder`) exactly as if they had been read in order: the same rows, lines,
/// rejected rows, customers numbered as first read.
///
/// The file is cut after the first line break `chunkBytes` on from where the chunk before starts,
/// and each chunk is read on a thread of its own with a copy of the reader (`RowReader.forChunk`)
/// into batches of its own (`ChunkRows`), counting its lines from 1. The chunks are taken in in
/// order: a chunk counts only when it was read as reading in order would have read it, that is
/// when the chunk before ended exactly where it starts (a line break inside a quoted field is no
/// place to start), it ran into no unclosed quote and not past the bytes read, and the reader's
/// conventions (decimal separator, date order) were the same throughout and no row had to wait
/// for one. A chunk that does not count is read again in order, on this thread, from where the
/// chunk before ended; if rows then wait for a convention, the rest of the file is read in order.
///
///     let reading = ChunkedReading(chunkBytes: 8 << 20, folding: folding)
///     try reading.read(&rows, &records, into: &builder)
///     try rows.read(&records, into: &builder)  // what is left in order (nothing, unless rows waited)
///
/// Memory: the chunks read at once and their batches, and at most two chunks' batches waiting to
/// be folded; pages of the file behind them are given back as the chunks are taken in.
struct ChunkedReading {
    /// Bytes of the file per chunk (about: a chunk ends at a line break).
    let chunkBytes: Int
    let folding: SumsFolding
    /// Chunks read at once, at most: two parsed while the folding thread works, and one ready.
    /// More would not help: the folding is one thread, and it keeps up with about two.
    static let chunksInFlight = 3
    /// The default chunk: large enough that taking a chunk in costs little, small enough that
    /// chunks read at once take little memory.
    static let defaultChunkBytes = 8 << 20

    /// One chunk: read on another thread, then taken in here. `@unchecked Sendable`: its results
    /// are written by the thread that reads it, before `done` is signalled, and read only after.
    private final class Chunk: @unchecked Sendable {
        let start: Int
        let end: Int
        let bytes: UnsafeBufferPointer<UInt8>
        let delimiter: UInt8
        /// The reader as it stood when the chunk was started (its conventions).
        let template: RowReader
        private let folding: SumsFolding
        private(set) var reader: RowReader
        private(set) var batches: [SumsBatch] = []
        private(set) var rejected: [RejectedRow] = []
        private(set) var rowsRead = 0
        /// Where the record after its last one starts, and the line breaks up to there.
        private(set) var position = 0
        private(set) var lineBreaks = 0
        /// Whether the chunk was read to its end without an unclosed quote or running past its bytes.
        private(set) var complete = false
        let done = DispatchSemaphore(value: 0)

        init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, start: Int, end: Int, template: RowReader, folding: SumsFolding) {
            self.bytes = bytes
            self.delimiter = delimiter
            self.start = start
            self.end = end
            self.template = template
            self.folding = folding
            reader = template
        }

        func read(fileSize: Int) {
            var records = ChunkRecords(bytes: bytes, delimiter: delimiter, start: start, end: end)
            var rows = ChunkRows(folding: folding)
            do {
                try reader.read(&records, into: &rows)
                complete = !records.failed && !(records.runsPastBytes && bytes.count < fileSize)
            } catch {
                complete = false
            }
            batches = rows.finish()
            rejected = rows.rejected
            rowsRead = rows.rowsRead
            position = records.position
            lineBreaks = records.lineBreaks
            done.signal()
        }
    }

    /// Reads the rest of `records` (a file's, from a record's start) into `builder`, and leaves
    /// `records` where reading goes on in order: at the end, or where rows began to wait for a convention.
    func read(_ rows: inout RowReader, _ records: inout CSVRecords, into builder: inout SumsBuilder) throws(IngestError) {
        guard let file = records.file else { return }
        let bytes = records.bytes
        var position = records.position, line = records.line
        var planned = position
        var inFlight: [Chunk] = []

        /// Starts chunks until enough are being read.
        func startChunks(template: RowReader) throws(IngestError) {
            while inFlight.count < Self.chunksInFlight && planned < bytes.count {
                let start = planned
                let end = try boundary(after: start + chunkBytes, in: bytes, file: file)
                // Room for a last record of 4 MiB past the end (a longer one has the chunk read again in order).
                let limit = min(bytes.count, end + CSVRecords.lookAhead)
                try file.file.fill(upTo: file.offset + limit)
                let chunk = Chunk(bytes: UnsafeBufferPointer(start: bytes.baseAddress, count: limit), delimiter: records.delimiter,
                                  start: start, end: end, template: template.forChunk(), folding: folding)
                let fileSize = bytes.count
                DispatchQueue.global().async { chunk.read(fileSize: fileSize) }
                inFlight.append(chunk)
                planned = end
            }
        }

        do {
            try startChunks(template: rows)
            while !inFlight.isEmpty {
                let chunk = inFlight.removeFirst()
                chunk.done.wait()
                if chunk.start == position && chunk.complete && rows.readsAlike(chunk.template) && chunk.template.readsAlike(chunk.reader) {
                    builder.take(chunk.batches, rejected: chunk.rejected, rowsRead: chunk.rowsRead, lineOffset: line - 1)
                    // The chunks before folded, before the next one is taken in: at most two wait to be folded.
                    folding.waitForBacklog(atMost: chunk.batches.count)
                    rows.absorb(chunk.reader, lineOffset: line - 1)
                    position = chunk.position
                    line += chunk.lineBreaks
                } else {
                    folding.giveBack(chunk.batches)
                    builder.chunks.readAgain += 1
                    records.move(to: position, line: line)
                    records.stop(at: chunk.end)
                    try rows.read(&records, into: &builder)
                    records.stop(at: nil)
                    position = records.position
                    line = records.line
                    guard rows.canReadInChunks else { break }
                }
                records.noteProgress(position)
                release(before: min(position, inFlight.first?.start ?? position), in: bytes, file: file)
                try startChunks(template: rows)
            }
        } catch {
            drain(&inFlight)
            throw error
        }
        drain(&inFlight)
        records.move(to: position, line: line)
    }

    /// Where the chunk from about `offset` ends: after the first line break there (the end of
    /// the bytes when there is none before the longest record).
    private func boundary(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: FileRecordBytes) throws(IngestError) -> Int {
        guard offset < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        let searched = min(bytes.count, offset + ReadLimits.maximumRecordBytes)
        try file.file.fill(upTo: file.offset + searched)
        guard let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), searched - offset) else { return searched }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
    }

    /// Gives back the pages of the file before `offset`, or before the first byte a batch not
    /// folded yet points to.
    private func release(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: FileRecordBytes) {
        guard let base = bytes.baseAddress else { return }
        var end = offset
        if let waiting = folding.firstInputByteInUse { end = min(end, UnsafeRawPointer(base).distance(to: waiting)) }
        file.file.release(before: file.offset + end)
    }

    /// Waits for the chunks still being read, and puts their batches back.
    private func drain(_ inFlight: inout [Chunk]) {
        for chunk in inFlight {
            chunk.done.wait()
            folding.giveBack(chunk.batches)
        }
        inFlight.removeAll()
    }
}
