/// Every analysed customer's status at the as-of date, its orders, revenue and gap, and the
/// BG/NBD and Gamma-Gamma predictions (METRICS.md, "Customers to act on", "Predictive CLV").
///
/// Live means live at the end of the as-of period (active in one of its last W periods); new and
/// won back refer to the headline period. Statuses and numbers are kept in plain columns; a
/// `CustomerRecord` (with its id) is made only when a list is read (`CustomerRecordMaker`).
///
/// Complexity: O(history entries + listed customers · log), plus the model fit (grouped patterns).
struct CustomerActionsBuilder {
    private(set) var history: CustomerHistory
    let purchases: CustomerPurchases
    let periods: [PeriodInfo]
    let customerIDs: [String]
    let churnWindow: Int
    let headlinePeriod: Int
    let asOfDay: Int
    let kind: PeriodKind
    let grossMargin: Double?
    /// Per segment attribute, each customer's value (shown in its record).
    var segments: [SegmentBuilder.Lookup] = []

    /// How much later than the expected gap a live customer's last order may be before it is at risk.
    static let overdueFactor = 1.5
    /// Fewer customers who bought on a second day are not modelled (as Gamma-Gamma's `GammaGammaFit.minimumRepeatBuyers`):
    /// four parameters fitted to a handful of histories run to their limits and predict nothing.
    static let minimumRepeatBuyers = GammaGammaFit.minimumRepeatBuyers
    /// The bounds of `CustomerActions.stakeByOverdue`, in multiples of the expected gap.
    static let overdueBounds = [1.5, 2, 3, 5]

    /// Per customer (in the history's order): status, money, gap, and whether it was lost within the last year.
    struct Columns {
        var status: [CustomerStatus]
        var lifetime: [Int64]
        var trailing: [Int64]
        var orders: [Int32]
        var expectedGap: [Double?]
        var recentlyLost: [Bool]
    }

    func columns() -> Columns {
        precondition(history.hasEntries, "the columns are made before the history's entries are dropped")
        let lastPeriod = periods.count - 1, year = kind.periodsPerYear
        let medianGap = purchases.medianGapOverAll
        let count = history.customerCount
        var columns = Columns(status: [CustomerStatus](repeating: .lost, count: count), lifetime: [Int64](repeating: 0, count: count),
                              trailing: [Int64](repeating: 0, count: count), orders: [Int32](repeating: 0, count: count),
                              expectedGap: [Double?](repeating: nil, count: count), recentlyLost: [Bool](repeating: false, count: count))
        for index in 0 ..< count {
            let cohort = Int(history.cohort[index])
            var lifetime: Int64 = 0, trailing: Int64 = 0, orders: Int32 = 0, lastActive = cohort
            var activeInHeadline = false, liveBeforeHeadline = false
            for entry in history.entries(of: index) {
                let p = Int(history.period[entry])
                lifetime += history.netRevenue[entry]
                if p > lastPeriod - year { trailing += history.netRevenue[entry] }
                guard history.positiveOrders[entry] > 0 else { continue }
                orders += history.positiveOrders[entry]
                lastActive = p
                if p == headlinePeriod { activeInHeadline = true }
                if p < headlinePeriod && p >= headlinePeriod - churnWindow { liveBeforeHeadline = true }
            }
            let expectedGap = purchases.medianGap[index] ?? medianGap
            let live = lastActive > lastPeriod - churnWindow
            let status: CustomerStatus
            if cohort == headlinePeriod {
                status = .new
            } else if activeInHeadline && !liveBeforeHeadline {
                status = .wonBack
            } else if live {
                let overdue = expectedGap.map { Double(asOfDay - Int(purchases.lastDay[index])) > Self.overdueFactor * $0 } ?? false
                status = overdue ? .atRisk : .active
            } else {
                status = .lost
            }
            columns.status[index] = status
            columns.lifetime[index] = lifetime
            columns.trailing[index] = trailing
            columns.orders[index] = orders
            columns.expectedGap[index] = expectedGap
            // Lost within the last year: still live at the end of the period a year before the as-of period.
            columns.recentlyLost[index] = status == .lost && lastActive > lastPeriod - year - churnWindow
        }
        return columns
    }

    /// Drops the history's entries once the columns are made from them: the fit and the records
    /// read per-customer columns only, and a fit of millions of customers needs the memory.
    mutating func removeEntries() {
        history.removeEntries()
    }

    /// BG/NBD and Gamma-Gamma on every customer's purchase days, or why there is no fit.
    func predict() -> (PredictiveCLVResult?, PredictionProblem?) {
        let repeatBuyers = purchases.purchaseDays.lazy.filter { $0 > 1 }.count
        if repeatBuyers == 0 { return (nil, .noRepeatPurchases) }
        if repeatBuyers < Self.minimumRepeatBuyers { return (nil, .tooFewRepeatBuyers) }
        let summaries = (0 ..< purchases.count).map { index in
            PurchaseSummary(purchaseDays: Int(purchases.purchaseDays[index]), firstDay: Int(purchases.firstDay[index]),
                            lastDay: Int(purchases.lastDay[index]), repeatValue: purchases.repeatValue[index])
        }
        do {
            return (try PredictiveCLV.fit(summaries, asOfDay: asOfDay, horizonWeeks: 52, grossMargin: grossMargin), nil)
        } catch .noRepeatPurchases {
            return (nil, .noRepeatPurchases)
        } catch {
            return (nil, .unfit)
        }
    }

    /// What the customers' records are made from, once the columns and the fit are there.
    func recordMaker(_ columns: Columns, prediction: PredictiveCLVResult?) -> CustomerRecordMaker {
        CustomerRecordMaker(customerIDs: customerIDs, customer: history.customer, cohort: history.cohort, firstDay: purchases.firstDay,
                            lastDay: purchases.lastDay, cohortLabels: periods.map(\.label), columns: columns, prediction: prediction,
                            segments: segments, asOfDay: asOfDay)
    }

    /// The customers `include` keeps, by `money` (highest first), then in the history's order:
    /// their indices, whose records are made as the list is read (`RankedCustomers`).
    func ranked(_ maker: CustomerRecordMaker, include: (Int) -> Bool, by money: [Int64]) -> RankedCustomers {
        var indices: [Int32] = [], keys: [Int64] = []
        for index in 0 ..< history.customerCount where include(index) {
            indices.append(Int32(index))
            keys.append(money[index])
        }
        return RankedCustomers(indices, by: keys, record: maker.record)
    }

    /// The summary the analysis keeps: counts, revenue at stake and where it sits, the first rows of each list, the fit;
    /// and the full at-risk and recently lost lists, for the report's CSV files; from the columns and the fit.
    func actions(_ columns: Columns, _ fit: (PredictiveCLVResult?, PredictionProblem?), lists scope: CustomerListScope)
        -> (actions: CustomerActions, atRisk: RankedCustomers, lost: RankedCustomers) {
        let (prediction, problem) = fit
        let count = history.customerCount
        let counts = CustomerStatus.allCases.map { status in StatusCount(status: status, customers: columns.status.lazy.filter { $0 == status }.count) }
        var buckets = zip(Self.overdueBounds, Self.overdueBounds.dropFirst().map(Optional.some) + [nil]).map {
            OverdueBucket(from: $0, to: $1, customers: 0, revenueAtStake: .zero)
        }
        var stake: Int64 = 0
        for index in 0 ..< count where columns.status[index] == .atRisk {
            let multiple = Double(asOfDay - Int(purchases.lastDay[index])) / max(columns.expectedGap[index] ?? 1, 1)
            let bucket = buckets.lastIndex { multiple > $0.from } ?? 0
            buckets[bucket].customers += 1
            buckets[bucket].revenueAtStake.minorUnits += columns.trailing[index]
            stake += columns.trailing[index]
        }
        var atRisk = RankedCustomers(), lost = RankedCustomers(), wonBack = RankedCustomers()
        if scope != .none {
            let maker = recordMaker(columns, prediction: prediction)
            atRisk = ranked(maker, include: { columns.status[$0] == .atRisk }, by: columns.trailing)
            lost = ranked(maker, include: { columns.recentlyLost[$0] }, by: columns.lifetime)
            wonBack = ranked(maker, include: { columns.status[$0] == .wonBack }, by: columns.trailing)
        }
        let limit = CustomerActions.listLimit
        let actions = CustomerActions(
            counts: counts, revenueAtStake: Money(minorUnits: stake), stakeByOverdue: buckets, medianGapDays: purchases.medianGapOverAll,
            lostWithinYear: columns.recentlyLost.lazy.filter { $0 }.count,
            listsIncluded: scope != .none, atRisk: Array(atRisk.prefix(limit)), lost: Array(lost.prefix(limit)),
            wonBack: Array(wonBack.prefix(limit)), prediction: prediction.map { Self.summary(of: $0) }, predictionProblem: problem)
        return (actions, atRisk, lost)
    }

    /// Per segment (by `membership`, each customer's segment index): at-risk customers, their revenue at stake,
    /// and the mean predicted CLV (nil without a fit).
    func segmentFigures(_ membership: [Int32], segmentCount: Int, _ columns: Columns, _ prediction: PredictiveCLVResult?)
        -> [(atRisk: Int, revenueAtStake: Money, meanPredictedCLV: Double?)] {
        var atRisk = [Int](repeating: 0, count: segmentCount), stake = [Int64](repeating: 0, count: segmentCount)
        var clv = [Double](repeating: 0, count: segmentCount), counted = [Int](repeating: 0, count: segmentCount)
        for index in membership.indices {
            let segment = Int(membership[index])
            if columns.status[index] == .atRisk {
                atRisk[segment] += 1
                stake[segment] += columns.trailing[index]
            }
            if let value = prediction?.predictedCLV[index] ?? nil {
                clv[segment] += value
                counted[segment] += 1
            }
        }
        return (0 ..< segmentCount).map { segment in
            (atRisk[segment], Money(minorUnits: stake[segment]), counted[segment] > 0 ? clv[segment] / Double(counted[segment]) : nil)
        }
    }

    private static func summary(of result: PredictiveCLVResult) -> PredictionSummary {
        let alive = result.probabilityAlive.reduce(0, +)
        let values = result.predictedCLV.compactMap { $0 }
        let total = values.isEmpty ? nil : values.reduce(0, +)
        return PredictionSummary(bgnbd: result.bgnbd, gammaGamma: result.gammaGamma, customers: result.bgnbd.customers,
                                 repeatBuyers: result.repeatBuyers, frequencyValueCorrelation: result.frequencyValueCorrelation,
                                 warnings: result.warnings,
                                 meanPredictedCLV: total.flatMap { result.bgnbd.customers > 0 ? $0 / Double(result.bgnbd.customers) : nil },
                                 totalPredictedCLV: total, expectedAlive: alive)
    }
}

/// Which customer lists an analysis keeps.
public enum CustomerListScope: String, Sendable, Codable {
    /// No ids anywhere (`--no-customer-lists`): counts, revenue at stake and the fit only.
    case none
    /// The report's lists: at risk, lost within the last year, won back.
    case report
}
