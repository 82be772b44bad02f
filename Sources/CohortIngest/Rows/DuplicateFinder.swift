/// Finds rows of a later file that repeat a row of an earlier one: same order id,
/// customer, date and amount (overlapping monthly exports).
///
/// Only rows with an order id take part: without one, two equal rows may well be
/// two purchases. Rows are compared as integers (interned ids, day numbers, cents).
/// Within one file nothing is a duplicate (an order may have two equal lines); a
/// later file's k-th copy of a line is a duplicate when an earlier file had at least k.
///
///     var finder = DuplicateFinder()
///     finder.remember(januaryRows)
///     finder.duplicates(among: februaryRows)   // [(row, original)] for lines January already had
///
/// Complexity: O(rows) expected, one hash lookup per row.
struct DuplicateFinder {
    /// One order line, as integers.
    struct Key: Hashable {
        var order: Int32
        var customer: Int32
        var day: Int32
        var amount: Int64
    }

    /// A table row and its key.
    typealias Line = (row: Int, key: Key)

    private struct Earlier {
        /// The most copies of the line one file had.
        var copies: Int32
        /// The table row of its first copy.
        var firstRow: Int
    }

    private var earlier: [Key: Earlier] = [:]

    /// The lines that repeat earlier files, each with the row it repeats.
    func duplicates(among lines: [Line]) -> [(row: Int, original: Int)] {
        guard !earlier.isEmpty else { return [] }
        var found: [(row: Int, original: Int)] = []
        var copiesHere: [Key: Int32] = [:]
        for line in lines {
            guard let entry = earlier[line.key] else { continue }
            let copy = copiesHere[line.key, default: 0] + 1
            copiesHere[line.key] = copy
            if copy <= entry.copies { found.append((line.row, entry.firstRow)) }
        }
        return found
    }

    /// Remembers the lines of a file that has been read (its duplicates already removed).
    mutating func remember(_ lines: [Line]) {
        var copiesHere: [Key: Int32] = [:]
        for line in lines {
            let copies = copiesHere[line.key, default: 0] + 1
            copiesHere[line.key] = copies
            if var entry = earlier[line.key] {
                if copies > entry.copies {
                    entry.copies = copies
                    earlier[line.key] = entry
                }
            } else {
                earlier[line.key] = Earlier(copies: copies, firstRow: line.row)
            }
        }
    }
}
