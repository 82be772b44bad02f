extension UnsafeMutablePointer {
    /// New room for `capacity` elements in place of this room, which is freed; nothing is kept
    /// (for scratch buffers of trivial values that grow).
    func replaced(capacity: Int) -> UnsafeMutablePointer {
        deallocate()
        return .allocate(capacity: capacity)
    }
}
