/// The system could not give the memory a table needs (`mmap` failed); reading stops with
/// `IngestError.outOfMemory`.
struct MemoryError: Error, Equatable {
    /// The bytes asked for.
    let bytes: Int
}
