import Dispatch
import Foundation

/// Splits work over contiguous index ranges and runs the parts on all cores (the analysis, and
/// exports of many rows).
///
/// The analysis only ever adds integers, so the parts' results are merged in part
/// order and the outcome is the same for any number of parts (tests compare 1 with
/// several on random tables).
///
///     let parts = ParallelWork.parts(for: rows.count)
///     let sums = ParallelWork.map(ParallelWork.ranges(rows.count, parts: parts)) { range in range.reduce(0, +) }
public enum ParallelWork {
    /// Below this many items a part is not worth a thread.
    public static let minimumItemsPerPart = 1 << 16

    /// Parts for sums of floating-point numbers, a fixed number added in order, never one per core:
    /// the order of the additions, and so the result, is the same on any number of cores.
    public static let fixedParts = 8

    /// How many parts `count` items are worth: one per core, fewer for small inputs (a part has at
    /// least `minimumPerPart` items: fewer for items that take longer, such as lines of text).
    public static func parts(for count: Int, minimumPerPart: Int = minimumItemsPerPart,
                             cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        max(1, min(cores, 16, count / minimumPerPart))
    }

    /// `0 ..< count` cut into `parts` contiguous ranges of nearly equal length.
    public static func ranges(_ count: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, parts)
        return (0 ..< parts).map { part in (count * part / parts) ..< (count * (part + 1) / parts) }
    }

    /// `body` applied to each element, concurrently when there is more than one; results in order.
    public static func map<Element, Result>(_ elements: [Element], _ body: (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(body) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        forEach(elements.count) { index in
            results[index] = body(elements[index])
        }
        return results.map { $0! }
    }

    /// Runs `body(part)` for `0 ..< parts`, concurrently when there is more than one.
    ///
    /// `body` must only write memory that no other part touches (its own result slot,
    /// its own range of a buffer): that is what makes the unchecked hand-over to the
    /// threads below sound.
    public static func forEach(_ parts: Int, _ body: (Int) -> Void) {
        guard parts > 1 else {
            if parts == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let work = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in work.value(part) }
        }
    }
}

/// A value handed to other threads by `ParallelWork`, which keeps their writes apart.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
