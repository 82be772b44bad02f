/// The system could not give the memory a table needs (`mmap` failed); reading stops with
/// `IngestError.outOfMemory`.
struct MemoryError: Error, Equatable {
    /// The bytes asked for.
    let bytes: Int
}

extension IngestError {
    /// The result of `body`, whose tables may fail to get their memory: a `MemoryError` stops
    /// reading as `.outOfMemory`, the one conversion every builder makes.
    @inline(__always)
    static func orOutOfMemory<Result>(_ body: () throws(MemoryError) -> Result) throws(IngestError) -> Result {
        do { return try body() } catch { throw .outOfMemory(bytes: error.bytes) }
    }
}
