/// Splits the analysed customers by each segment attribute of the table and analyses each
/// segment on its own customers' history (METRICS.md, "Segments").
///
/// A customer's value is read where its first positive order was read (`CustomerHistory.firstPositiveKey`:
/// the order's first row, or the row itself without an order column), or from the customer file.
/// Each segment's history is cut from the whole one (`CustomerHistory(_:customers:)`), so the
/// matrices, KPIs, survival and headline of a segment come from the same builders, over the same
/// periods, as the whole population's.
///
/// Complexity: O(rows) to find each order's first row (row-level attributes with an order column),
/// then O(customers + entries) per attribute, plus the builders on each segment.
struct SegmentBuilder {
    let table: OrderTable
    let history: CustomerHistory
    let periods: [PeriodInfo]
    /// Resolved options (as-of date and churn window set).
    let options: AnalysisOptions
    let window: ChurnWindow
    /// The headline period; nil when only the matrices are computed.
    let headlinePeriod: Int?
    /// The whole population's KPIs and headline (for the comparison's first row); empty / nil without KPIs.
    var kpis: [PeriodKPIs] = []
    var headline: Headline?

    /// Per attribute, the value of each analysed customer: an index into `values`, or −1 for unknown.
    struct Lookup: Sendable {
        var values: [String]
        var valueOfCustomer: [Int32]
    }

    /// Periods of churn summed for the comparison: a year of months (4 quarters, 52 weeks).
    var churnPeriods: Int { options.period.periodsPerYear }

    func build() -> (attributes: [SegmentAttribute], lookups: [Lookup], membership: [[Int32]]) {
        let firstRowOfOrder = table.segments.contains { if case .rows = $0.source { true } else { false } } ? self.firstRowOfOrder() : nil
        var attributes: [SegmentAttribute] = [], lookups: [Lookup] = [], membership: [[Int32]] = []
        for column in table.segments {
            let (lookup, missing) = values(of: column, firstRowOfOrder: firstRowOfOrder)
            var (attribute, members) = split(column, lookup: lookup, missingFromFile: missing)
            if let headlinePeriod, let headline { attribute.all = compare(kpis, headline: headline, headlinePeriod: headlinePeriod) }
            attributes.append(attribute)
            lookups.append(lookup)
            membership.append(members)
        }
        return (attributes, lookups, membership)
    }

    /// Where each customer's orders were first read: an order id's first row up to the as-of date,
    /// and for a customer whose rows share an id with an earlier customer's, its own first row of
    /// that id (orders are per customer, METRICS.md "Input model").
    struct FirstRows {
        let first: [Int32]
        let ofLaterCustomers: [Int64: Int32]
        let customer: [Int32]

        func row(customer owner: Int32, order: Int32) -> Int {
            let row = Int(first[Int(order)])
            if row >= 0 && customer[row] == owner { return row }
            return Int(ofLaterCustomers[Int64(owner) << 32 | Int64(order)] ?? -1)
        }
    }

    /// Each order's first row in reading order up to the as-of date, per customer; nil without an order column.
    private func firstRowOfOrder() -> FirstRows? {
        guard let order = table.order else { return nil }
        let asOf = options.asOf.map { Int32(clamping: $0.dayNumber) } ?? .max
        var first = [Int32](repeating: -1, count: table.orderCount)
        var ofLaterCustomers: [Int64: Int32] = [:]
        for row in order.indices where table.day[row] <= asOf {
            let id = Int(order[row])
            let firstRow = Int(first[id])
            if firstRow < 0 {
                first[id] = Int32(row)
            } else if table.customer[firstRow] != table.customer[row] {
                let key = Int64(table.customer[row]) << 32 | Int64(id)
                if ofLaterCustomers[key] == nil { ofLaterCustomers[key] = Int32(row) }
            }
        }
        return FirstRows(first: first, ofLaterCustomers: ofLaterCustomers, customer: table.customer)
    }

    /// The value of each analysed customer (−1: unknown), and how many the customer file does not name.
    private func values(of column: SegmentColumn, firstRowOfOrder: FirstRows?) -> (Lookup, missing: Int) {
        let empty = column.values.firstIndex(of: "").map(Int32.init) ?? -2
        var valueOfCustomer = [Int32](repeating: -1, count: history.customerCount), missing = 0
        switch column.source {
        case .rows(let ids):
            for index in 0 ..< history.customerCount {
                let key = history.firstPositiveKey[index]
                let row = firstRowOfOrder.map { $0.row(customer: history.customer[index], order: key) } ?? Int(key)
                let id = ids[row]
                valueOfCustomer[index] = id == empty ? -1 : id
            }
        case .customers(let ids):
            for index in 0 ..< history.customerCount {
                let id = ids[Int(history.customer[index])]
                if id < 0 { missing += 1 }
                valueOfCustomer[index] = id < 0 || id == empty ? -1 : id
            }
        }
        return (Lookup(values: column.values, valueOfCustomer: valueOfCustomer), missing)
    }

    /// The segments of one attribute (largest values, other, unknown), and each customer's segment index.
    private func split(_ column: SegmentColumn, lookup: Lookup, missingFromFile: Int) -> (SegmentAttribute, [Int32]) {
        var countOfValue = [Int](repeating: 0, count: column.values.count), unknown = 0
        for id in lookup.valueOfCustomer { if id < 0 { unknown += 1 } else { countOfValue[Int(id)] += 1 } }
        let present = countOfValue.indices.filter { countOfValue[$0] > 0 }
            .sorted { countOfValue[$0] != countOfValue[$1] ? countOfValue[$0] > countOfValue[$1] : column.values[$0] < column.values[$1] }
        let limit = max(1, options.segmentLimit)
        // Gathering a single value in "other" would hide its name for nothing.
        let shown = present.count <= limit + 1 ? present : Array(present.prefix(limit))
        let gathered = present.count - shown.count
        var segmentOfValue = [Int32](repeating: Int32(shown.count), count: column.values.count) // "other" unless shown
        for (segment, id) in shown.enumerated() { segmentOfValue[id] = Int32(segment) }
        let unknownSegment = Int32(shown.count + (gathered > 0 ? 1 : 0))
        let membership = lookup.valueOfCustomer.map { $0 < 0 ? unknownSegment : segmentOfValue[Int($0)] }

        var members = [[Int]](repeating: [], count: Int(unknownSegment) + (unknown > 0 ? 1 : 0))
        for (index, segment) in membership.enumerated() { members[Int(segment)].append(index) }
        var segments: [Segment] = []
        for (position, indices) in members.enumerated() {
            let kind: Segment.Kind = position < shown.count ? .value : (position == shown.count && gathered > 0 ? .other : .unknown)
            segments.append(segment(kind: kind, value: kind == .value ? column.values[shown[position]] : "",
                                    values: kind == .value ? 1 : (kind == .other ? gathered : 0), customers: indices))
        }
        let attribute = SegmentAttribute(name: column.name, fromCustomerFile: { if case .customers = column.source { true } else { false } }(),
                                         segments: segments, distinctValues: present.count, unknownCustomers: unknown,
                                         missingFromCustomerFile: missingFromFile)
        return (attribute, membership)
    }

    /// One segment's analysis on its customers' history, and its comparison figures.
    private func segment(kind: Segment.Kind, value: String, values: Int, customers indices: [Int]) -> Segment {
        let subset = CustomerHistory(history, customers: indices)
        let matrix = CohortMatrixBuilder(history: subset, periods: periods).build()
        var analysis = CohortAnalysis(options: options, asOf: options.asOf ?? periods.last!.lastDay, churnWindow: window, periods: periods,
                                      cohorts: matrix.cohorts, averages: matrix.averages, dataQuality: subset.dataQuality,
                                      input: InputSummary())
        var comparison: SegmentComparison?
        if let headlinePeriod {
            analysis.kpis = PeriodKPIBuilder(history: subset, periods: periods, churnWindow: window.periods, options: options).build()
            analysis.survival = KaplanMeierBuilder(history: subset, periods: periods, churnWindow: window.periods).build()
            let headline = HeadlineBuilder(history: subset, kpis: analysis.kpis, cohorts: matrix.cohorts, kind: options.period)
                .build(period: headlinePeriod)
            analysis.headline = headline
            comparison = compare(analysis.kpis, headline: headline, headlinePeriod: headlinePeriod)
        }
        return Segment(kind: kind, value: value, values: values, customers: indices.count, comparison: comparison, analysis: analysis)
    }

    /// Churn over the year up to the headline period (Σ churned / Σ live at the start), NRR, GRR and first-year revenue per customer.
    private func compare(_ kpis: [PeriodKPIs], headline: Headline, headlinePeriod: Int) -> SegmentComparison {
        let first = max(1, headlinePeriod - churnPeriods + 1)
        var churned = 0, start = 0
        for period in first ... max(first, headlinePeriod) where period < kpis.count {
            churned += kpis[period].customers.churned
            start += kpis[period].customers.start
        }
        let nrr = headline[.nrr], grr = headline[.grr]
        return SegmentComparison(churn: Proportion(churned, of: start), churnPeriods: max(0, headlinePeriod - first + 1),
                                 nrr: nrr?.value, grr: grr?.value, revenueSpan: nrr?.span,
                                 revenuePerCustomer12m: headline[.clv12m]?.value)
    }
}
