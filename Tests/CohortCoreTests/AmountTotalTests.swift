import CohortCore
import Testing

/// The one check that keeps every sum of money exact: the magnitudes of all amounts fit `Int64`.
struct AmountTotalTests {
    private func table(_ amounts: [Int64]) -> OrderTable {
        var table = OrderTable()
        for (index, amount) in amounts.enumerated() {
            let customer = table.internCustomer("C\(index)")
            table.append(customer: customer, day: CivilDate(year: 2026, month: 1, day: 5)!.dayNumber, amount: amount, order: nil)
        }
        return table
    }

    @Test func magnitudesUpToInt64MaxFit() {
        // (2^62) + (2^62 − 1) = 2^63 − 1 = Int64.max: fits exactly.
        #expect(table([1 << 62, (1 << 62) - 1]).amountTotalFits)
        // A refund counts by its magnitude: 2^62 + |−2^62| = 2^63 > Int64.max.
        #expect(!table([1 << 62, -(1 << 62)]).amountTotalFits)
        #expect(!table([Int64.min]).amountTotalFits)
        #expect(table([]).amountTotalFits)
    }

    @Test func anAnalysisOfAmountsBeyondIt() throws {
        // 100 × 10^17 minor units (10^15 units each, the most a file may hold) = 10^19 > 9.22 × 10^18.
        #expect(throws: AnalysisError.amountTotalTooLarge) {
            _ = try CohortAnalysis(table: table(Array(repeating: 99_999_999_999_999_999, count: 100)))
        }
        // 92 such amounts, 9.2 × 10^18, still fit: the analysis runs and the sum is exact.
        let analysis = try CohortAnalysis(table: table(Array(repeating: 99_999_999_999_999_999, count: 92)))
        let expected: Int64 = 9_199_999_999_999_999_908 // 92 × 99,999,999,999,999,999
        #expect(analysis.cohorts.first?.cells.first?.revenue == Money(minorUnits: expected))
    }
}
