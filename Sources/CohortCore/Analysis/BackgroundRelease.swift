import Dispatch

/// Frees large values on another thread once the analysis no longer needs them: the history and
/// its source hold millions of entries and customer ids, and freeing them took 10 to 20 ms of the
/// main thread at the end of each analysis of a large file (1.7 million ids alone, 10 ms), while
/// the output waited.
///
///     BackgroundRelease.drop(consume history)   // the main thread goes on at once
///
/// The value must not be used again by the caller (pass it with `consume`): the other thread then
/// holds its last reference, and the memory is freed there.
enum BackgroundRelease {
    static func drop<Value>(_ value: consuming Value) {
        let box = Box(consume value)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
    }

    /// The value, handed over whole: a class, so that the closure holds one reference and the
    /// value's own storage is released only when that reference goes, on the other thread.
    private final class Box<Value>: @unchecked Sendable {
        // @unchecked: no thread reads the value; the box only carries it to where it is freed.
        let value: Value
        init(_ value: consuming Value) { self.value = value }
    }
}
