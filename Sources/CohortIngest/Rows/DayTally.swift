import CohortCore

/// How many rows were read per order day, and where the first of them was: what the date
/// warnings need (dates far in the past, dates after today) once the rows themselves are
/// summed away (`SumsBuilder`); a table makes one of its rows for the same warnings.
///
/// One counter per day from the earliest to the latest day seen, grown at either end, so that
/// a row costs an index and an add; a few thousand days in a usual file. Rows come a batch at a
/// time (`add(days:lines:lineOffset:file:)`): the counters grow once per batch, and are written
/// through buffers.
///
///     var tally = DayTally()
///     tally.add(day: 20_500, file: 0, line: 2)
///     tally.first(of: 20_500)   // (file: 0, line: 2)
struct DayTally {
    /// The day of index 0.
    private var base = 0
    private var counts: [Int] = []
    private var firstFile: [Int32] = []
    private var firstLine: [Int32] = []

    var isEmpty: Bool { counts.isEmpty }

    /// Counts a row of `day` read from line `line` of file number `file`.
    mutating func add(day: Int, file: Int, line: Int) {
        let day = Int32(truncatingIfNeeded: day), line = Int32(truncatingIfNeeded: line)
        withUnsafePointer(to: day) { day in
            withUnsafePointer(to: line) { line in
                add(days: UnsafeBufferPointer(start: day, count: 1), lines: UnsafeBufferPointer(start: line, count: 1), lineOffset: 0, file: file)
            }
        }
    }

    /// Counts rows of `days` read from `lines` (each `lineOffset` on) of file number `file`, in
    /// order: as many calls of `add(day:file:line:)` would.
    mutating func add(days: UnsafeBufferPointer<Int32>, lines: UnsafeBufferPointer<Int32>, lineOffset: Int, file: Int) {
        guard let earliest = days.min(), let latest = days.max() else { return }
        for day in [Int(earliest), Int(latest)] where day < base || day - base >= counts.count { makeRoom(for: day) }
        let base = base, file = Int32(truncatingIfNeeded: file)
        counts.withUnsafeMutableBufferPointer { counts in
            firstFile.withUnsafeMutableBufferPointer { firstFile in
                firstLine.withUnsafeMutableBufferPointer { firstLine in
                    for row in days.indices {
                        let index = Int(days[row]) - base
                        if counts[index] == 0 {
                            firstFile[index] = file
                            firstLine[index] = Int32(truncatingIfNeeded: Int(lines[row]) + lineOffset)
                        }
                        counts[index] += 1
                    }
                }
            }
        }
    }

    /// Where the first row of a day was read (a day with rows).
    func first(of day: Int) -> (file: Int, line: Int) {
        (Int(firstFile[day - base]), Int(firstLine[day - base]))
    }

    /// The days with rows, earliest first, with their counts.
    var days: [(day: Int, count: Int)] {
        counts.indices.compactMap { counts[$0] > 0 ? (base + $0, Int(counts[$0])) : nil }
    }

    /// The earliest and latest day with rows; nil without rows.
    var range: ClosedRange<Int>? {
        guard let first = counts.firstIndex(where: { $0 > 0 }), let last = counts.lastIndex(where: { $0 > 0 }) else { return nil }
        return base + first ... base + last
    }

    /// Grows the counters to cover `day` (and a year more on that side, to grow seldom).
    private mutating func makeRoom(for day: Int) {
        guard !counts.isEmpty else {
            base = day - 366
            counts = [Int](repeating: 0, count: 733)
            firstFile = [Int32](repeating: 0, count: 733)
            firstLine = firstFile
            return
        }
        if day < base {
            let added = base - day + 366
            counts.insert(contentsOf: repeatElement(0, count: added), at: 0)
            firstFile.insert(contentsOf: repeatElement(0, count: added), at: 0)
            firstLine.insert(contentsOf: repeatElement(0, count: added), at: 0)
            base -= added
        } else {
            let added = day - base - counts.count + 1 + 366
            counts.append(contentsOf: repeatElement(0, count: added))
            firstFile.append(contentsOf: repeatElement(0, count: added))
            firstLine.append(contentsOf: repeatElement(0, count: added))
        }
    }
}
