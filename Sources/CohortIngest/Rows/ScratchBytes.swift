/// A growable byte buffer at a stable address, for fields that must be rewritten
/// before they are parsed (a quoted CSV field with doubled quotes inside).
///
/// A class because it owns memory: the buffer is released in `deinit`. The bytes
/// returned by `collapsingDoubledQuotes(_:)` stay valid until its next call.
final class ScratchBytes {
    private var storage: UnsafeMutableBufferPointer<UInt8>

    init(capacity: Int = 256) {
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// `raw` with every `""` collapsed to `"`.
    func collapsingDoubledQuotes(_ raw: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if storage.count < raw.count {
            storage.deallocate()
            storage = .allocate(capacity: raw.count * 2)
        }
        var count = 0
        var previousWasQuote = false
        for byte in raw {
            if byte == UInt8(ascii: "\"") && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = byte == UInt8(ascii: "\"")
            storage[count] = byte
            count += 1
        }
        return UnsafeBufferPointer(rebasing: storage[0 ..< count])
    }
}
