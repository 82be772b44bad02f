import Foundation

/// Hands out the numbers `0 ..< count` of pieces of work to threads, one at a time as each
/// comes free, and takes their parts back in any order, appending them to `whole` in number
/// order: a part that comes back early waits for those before it. Parts appended are kept, and
/// handed out again with the next numbers, so that their storage is reused.
///
///     let queue = PartQueue(count: 3, whole: [Int]()) { whole, part in whole += part }
///     while var taken = queue.next(emptyPart: []) {   // on each thread
///         taken.part = work(taken.number)
///         queue.finish(taken.number, taken.part)
///     }
///     let all = queue.takeWhole()                      // the parts of 0, 1 and 2, in that order
///
/// A class behind a lock: the threads share it, and each holds the lock only to take a number,
/// or to hand back a part (and append the parts now in order).
final class PartQueue<Part, Whole>: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock`.
    private let lock = NSLock()
    private let count: Int
    private let append: (inout Whole, Part) -> Void
    private var whole: Whole?
    private var nextNumber = 0
    private var nextToAppend = 0
    private var waiting: [Int: Part] = [:]
    private var spare: [Part] = []
    private var failedNumber = Int.max
    private var firstFailure: IngestError?

    init(count: Int, whole: Whole, append: @escaping (inout Whole, Part) -> Void) {
        self.count = count
        self.whole = whole
        self.append = append
    }

    /// The next number and a part to fill: one appended before (to reuse its storage), else
    /// `emptyPart`; nil when every number is taken, or a piece failed.
    func next(emptyPart: @autoclosure () -> Part) -> (number: Int, part: Part)? {
        let taken: (number: Int, spare: Part?)? = lock.withLock {
            guard firstFailure == nil && nextNumber < count else { return nil }
            nextNumber += 1
            return (nextNumber - 1, spare.popLast())
        }
        return taken.map { ($0.number, $0.spare ?? emptyPart()) }
    }

    /// Hands back the part of `number`, and appends the parts now in order.
    func finish(_ number: Int, _ part: Part) {
        lock.withLock {
            waiting[number] = part
            while let part = waiting.removeValue(forKey: nextToAppend) {
                append(&whole!, part)
                spare.append(part)
                nextToAppend += 1
            }
        }
    }

    /// Records that the piece `number` failed: no number is handed out after.
    func fail(_ number: Int, _ error: IngestError) {
        lock.withLock {
            if number < failedNumber { (firstFailure, failedNumber) = (error, number) }
        }
    }

    /// The failure of the lowest number that failed, if any.
    var failure: IngestError? { lock.withLock { firstFailure } }

    /// The parts appended, taken out (the caller holds the only copy, and may change it without
    /// copying it); call once, when no thread uses the queue any more.
    func takeWhole() -> Whole {
        lock.withLock {
            defer { whole = nil }
            return whole!
        }
    }
}
