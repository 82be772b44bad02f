@testable import CohortIngest
import Dispatch
import Testing

/// The queue that hands out the partitions of `OrderSums.aggregates` to threads: every number
/// once, parts appended in number order whatever order they come back in, and the failure of
/// the lowest number kept.
@Suite struct PartQueueTests {
    /// Parts handed back as 3, 1, 0, 4, 2: nothing is appended until 0 is back, then 0 and 1,
    /// and the rest as each gap closes.
    @Test func partsAreAppendedInNumberOrder() {
        let log = AppendLog()
        let queue = PartQueue(count: 5, whole: [Int]()) { whole, part in
            whole.append(part)
            log.appended.append(part)
        }
        var numbers: [Int] = []
        while let taken = queue.next(emptyPart: -1) { numbers.append(taken.number) }
        #expect(numbers == [0, 1, 2, 3, 4])
        var appendedAfterEach: [[Int]] = []
        for number in [3, 1, 0, 4, 2] {
            queue.finish(number, 10 * number)
            appendedAfterEach.append(log.appended)
        }
        #expect(appendedAfterEach == [[], [], [0, 10], [0, 10], [0, 10, 20, 30, 40]])
        #expect(queue.takeWhole() == [0, 10, 20, 30, 40])
    }

    /// A part appended is handed out again (with the next number), so that its storage is reused.
    @Test func appendedPartsAreHandedOutAgain() {
        let queue = PartQueue(count: 3, whole: 0) { whole, part in whole += part }
        let first = queue.next(emptyPart: 7)
        #expect(first?.number == 0 && first?.part == 7)
        queue.finish(0, 5)
        let second = queue.next(emptyPart: 7)
        #expect(second?.number == 1 && second?.part == 5)
    }

    /// After a failure no number is handed out; of two failures, the lower number's is kept.
    @Test func theLowestFailureIsKept() {
        let queue = PartQueue(count: 10, whole: 0) { whole, part in whole += part }
        for _ in 0 ..< 4 { _ = queue.next(emptyPart: 0) }
        queue.fail(3, .outOfMemory(bytes: 3))
        queue.fail(1, .outOfMemory(bytes: 1))
        queue.fail(2, .outOfMemory(bytes: 2))
        #expect(queue.failure == .outOfMemory(bytes: 1))
        #expect(queue.next(emptyPart: 0) == nil)
    }

    /// Four threads taking 1,000 numbers and handing back each number's square: every number
    /// once, the squares in order (sum of k² for k < 1000 = 999·1000·1999/6 = 332,833,500).
    @Test func manyThreadsGiveEveryPartOnceInOrder() {
        let queue = PartQueue(count: 1_000, whole: [Int]()) { whole, part in whole.append(part) }
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            while var taken = queue.next(emptyPart: 0) {
                taken.part = taken.number * taken.number
                queue.finish(taken.number, taken.part)
            }
        }
        let whole = queue.takeWhole()
        #expect(whole == (0 ..< 1_000).map { $0 * $0 })
        #expect(whole.reduce(0, +) == 332_833_500)
    }
}

/// What a queue's append closure was called with, in order (one thread calls it at a time).
private final class AppendLog: @unchecked Sendable {
    var appended: [Int] = []
}
