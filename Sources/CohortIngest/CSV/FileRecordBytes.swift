/// The file behind the bytes `CSVRecords` reads (`FileBytes`): read on ahead of the records,
/// and given back behind them once nothing points there any more.
struct FileRecordBytes {
    let file: FileBytes
    /// Where the records' bytes start in the file (after a byte-order mark).
    let offset: Int
    /// Waits until the ids handed over for interning are interned, and returns the first id
    /// byte still waiting to be handed over (nil: none): bytes before it may be given back.
    let barrier: () -> UnsafeRawPointer?
}
