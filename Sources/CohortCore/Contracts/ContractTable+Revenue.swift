extension ContractTable {
    /// The contracts as revenue rows, so that every matrix, KPI, bridge, survival curve and customer
    /// list of a report runs on MRR when there are no orders (METRICS.md, "cohort's reading"): one
    /// row per customer and month with MRR > 0 at its end, dated on the day it is read on (the
    /// month's last day, or the as-of date in a partial as-of month), its amount that MRR.
    ///
    /// With these rows x_i(t) is the MRR at the end of month t, activity is MRR > 0, and with a
    /// churn window of 1 month the customer and revenue bridges are the MRR movements.
    ///
    ///     let table = try contracts.revenueTable(asOf: asOf)
    ///     let analysis = try CohortAnalysis(table: table, options: AnalysisOptions(asOf: asOf, churnWindow: 1))
    ///
    /// Complexity: O(contracts + customers × months).
    public func revenueTable(asOf: CivilDate) throws(ContractError) -> OrderTable {
        let monthly = try MonthlyMRR(contracts: self, asOfDay: asOf.dayNumber)
        var customer: [Int32] = [], day: [Int32] = [], amount: [Int64] = []
        for index in 0 ..< monthly.customers.count {
            for month in 0 ..< monthly.monthCount {
                let value = monthly.value(customer: index, month: month)
                guard value > 0 else { continue }
                customer.append(monthly.customers[index])
                day.append(Int32(monthly.evaluationDay[month]))
                amount.append(value)
            }
        }
        var table = OrderTable(customer: customer, day: day, amount: amount, order: nil, customerIDs: customerIDs, orderCount: 0)
        table.segments = segmentsOfRows(customer, asOfDay: asOf.dayNumber)
        return table
    }

    /// The segment columns for revenue rows of these customers: every row carries the value of its
    /// customer's earliest contract started by the as-of date (then the first in the file), so that
    /// the value on a customer's first positive row is that contract's (METRICS.md, "Input model").
    private func segmentsOfRows(_ rowCustomers: [Int32], asOfDay: Int) -> [SegmentColumn] {
        guard !segments.isEmpty else { return [] }
        var earliest = [Int](repeating: -1, count: customerCount)
        for row in 0 ..< rowCount where Int(start[row]) <= asOfDay {
            let customer = Int(self.customer[row])
            if earliest[customer] < 0 || start[row] < start[earliest[customer]] { earliest[customer] = row }
        }
        return segments.map { column in
            guard case .rows(let ids) = column.source else { return column }
            return SegmentColumn(name: column.name, values: column.values, source: .rows(rowCustomers.map { ids[earliest[Int($0)]] }))
        }
    }
}
