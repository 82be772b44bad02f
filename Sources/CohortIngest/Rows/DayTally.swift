import CohortCore

/// How many rows were read per order day, and where the first of them was: what the date
/// warnings need (dates far in the past, dates after today) once the rows themselves are
/// summed away (`SumsBuilder`); a table makes one of its rows for the same warnings.
///
/// One counter per day from the earliest to the latest day seen, grown at either end, so that
/// a row costs an index and an add; a few thousand days in a usual file.
///
///     var tally = DayTally()
///     tally.add(day: 20_500, file: 0, line: 2)
///     tally.first(of: 20_500)   // (file: 0, line: 2)
struct DayTally {
    /// The day of index 0.
    private var base = 0
    private(set) var counts: [Int32] = []
    private var firstFile: [Int32] = []
    private var firstLine: [Int32] = []

    var isEmpty: Bool { counts.isEmpty }

    /// Counts a row of `day` read from line `line` of file number `file`.
    @inline(__always)
    mutating func add(day: Int, file: Int, line: Int) {
        var index = day - base
        if index < 0 || index >= counts.count {
            makeRoom(for: day)
            index = day - base
        }
        if counts[index] == 0 {
            firstFile[index] = Int32(truncatingIfNeeded: file)
            firstLine[index] = Int32(truncatingIfNeeded: line)
        }
        counts[index] += 1
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
            counts = [Int32](repeating: 0, count: 733)
            firstFile = counts
            firstLine = counts
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
