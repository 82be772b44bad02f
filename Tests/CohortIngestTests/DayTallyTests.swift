@testable import CohortIngest
import Testing

struct DayTallyTests {
    @Test func batchesCountEachDayAndKeepItsFirstRow() {
        var tally = DayTally()
        // Two batches of file 0, the second from a chunk whose lines count from 1 (offset 100), then
        // one row of file 1. Day 20,000 comes first on line 2; day 19,000 lies far before (the
        // counters grow at the front), day 21,000 far after (they grow at the back).
        let first: [(day: Int32, line: Int32)] = [(20_000, 2), (20_001, 3), (20_000, 4), (19_000, 5)]
        let second: [(day: Int32, line: Int32)] = [(21_000, 1), (20_001, 2), (19_000, 3)]
        for (batch, offset) in [(first, 0), (second, 100)] {
            let days = batch.map(\.day), lines = batch.map(\.line)
            days.withUnsafeBufferPointer { days in
                lines.withUnsafeBufferPointer { lines in tally.add(days: days, lines: lines, lineOffset: offset, file: 0) }
            }
        }
        tally.add(day: 19_500, file: 1, line: 7)
        // Counts by hand: 19,000 twice (lines 5 and 103), 19,500 once, 20,000 twice (2, 4),
        // 20,001 twice (3, 102), 21,000 once (101).
        #expect(tally.days.map { [$0.day, $0.count] } == [[19_000, 2], [19_500, 1], [20_000, 2], [20_001, 2], [21_000, 1]])
        #expect(tally.first(of: 19_000) == (file: 0, line: 5))
        #expect(tally.first(of: 19_500) == (file: 1, line: 7))
        #expect(tally.first(of: 20_000) == (file: 0, line: 2))
        #expect(tally.first(of: 20_001) == (file: 0, line: 3))
        #expect(tally.first(of: 21_000) == (file: 0, line: 101))
        #expect(tally.range == 19_000 ... 21_000)
    }

    @Test func anEmptyBatchCountsNothing() {
        var tally = DayTally()
        tally.add(days: UnsafeBufferPointer(start: nil, count: 0), lines: UnsafeBufferPointer(start: nil, count: 0), lineOffset: 0, file: 0)
        #expect(tally.isEmpty && tally.range == nil && tally.days.isEmpty)
    }
}
