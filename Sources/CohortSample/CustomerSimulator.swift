/// Simulates one customer's life: attributes, acquisition, monthly orders, churn, reactivation
/// and refunds.
///
/// Every customer uses its own random stream derived from the seed and its index, so customer
/// `n` always gets the same history no matter how many customers are generated in total.
struct CustomerSimulator {
    /// The generated period.
    let calendar: CalendarTable

    /// The distribution of acquisition months.
    let acquisition: AcquisitionCurve

    /// The run's seed.
    let seed: UInt64

    /// Largest number of orders one customer places in one month.
    private static let maximumOrdersPerMonth = 20

    /// Simulates customer number `index` and appends the customer and its events to `log`.
    func simulate(customer index: Int, into log: inout EventLog) {
        var rng = SplitMix64(seed: seed, stream: UInt64(truncatingIfNeeded: index))
        let size = rng.pick(cumulative: SampleModel.companySizeCumulative)
        let country = rng.pick(cumulative: SampleModel.countryCumulative)
        let industry = rng.pick(cumulative: SampleModel.industryCumulative)
        let customer = log.addCustomer(attributes: SampleModel.attributeCombination(
            country: country, industry: industry, companySize: size
        ))

        let profile = Profile(size: size, rng: &rng)
        let firstMonth = acquisition.sampleMonth(using: &rng)
        var month = firstMonth
        var tenure = 0  // months since acquisition or the latest reactivation
        var lineAmounts: [Int64] = []
        lineAmounts.reserveCapacity(4)

        while month < calendar.monthCount {
            let monthStart = calendar.monthStartDays[month]
            let monthEnd = calendar.monthStartDays[month + 1] - 1
            let seasonal = SampleModel.orderSeasonality[calendar.calendarMonths[month]]
            let valueLevel = profile.lineCentsMedian * profile.expansion(monthsSinceAcquisition: month - firstMonth)

            var firstDay = monthStart
            var orderCount: Int
            if month == firstMonth {
                // Acquisition: the first order opens the cohort; later orders this month follow it.
                firstDay = businessDay(in: monthStart...monthEnd, rng: &rng)
                let remainingShare = Double(monthEnd - firstDay + 1) / Double(monthEnd - monthStart + 1)
                orderCount = 1 + rng.nextPoisson(
                    mean: 0.6 * profile.orderRate * seasonal * remainingShare,
                    limit: CustomerSimulator.maximumOrdersPerMonth - 1
                )
            } else {
                orderCount = rng.nextPoisson(
                    mean: profile.orderRate * seasonal,
                    limit: CustomerSimulator.maximumOrdersPerMonth
                )
                if tenure == 0 {
                    orderCount = max(orderCount, 1)  // a reactivated customer returns by ordering
                }
            }

            for orderNumber in 0..<orderCount {
                let day = month == firstMonth && orderNumber == 0
                    ? firstDay
                    : businessDay(in: firstDay...monthEnd, rng: &rng)
                let lines = 1 + rng.pick(cumulative: SampleModel.lineCountCumulative[size])
                lineAmounts.removeAll(keepingCapacity: true)
                var total: Int64 = 0
                for _ in 0..<lines {
                    let cents = lineCents(median: valueLevel, rng: &rng)
                    lineAmounts.append(cents)
                    total += cents
                }
                log.addOrder(customer: customer, day: day, lineAmounts: lineAmounts)
                if rng.nextBool(probability: SampleModel.refundProbability) {
                    addRefund(of: total, orderDay: day, customer: customer, log: &log, rng: &rng)
                }
            }

            // Churn at the end of the month; some churned customers return after a pause.
            if rng.nextBool(probability: profile.churnHazard(tenure: tenure)) {
                guard rng.nextBool(probability: SampleModel.reactivationProbability) else { break }
                let gaps = SampleModel.reactivationGap
                month += 1 + gaps.lowerBound + rng.nextInt(below: gaps.count)
                tenure = 0
            } else {
                month += 1
                tenure += 1
            }
        }
    }

    /// Draws a day in `range`, mostly avoiding weekends the way B2B ordering does.
    private func businessDay(in range: ClosedRange<Int>, rng: inout SplitMix64) -> Int {
        var day = range.lowerBound
        for _ in 0..<3 {
            day = range.lowerBound + rng.nextInt(below: range.count)
            if !calendar.isWeekend[day] || !rng.nextBool(probability: SampleModel.weekendAvoidance) {
                return day
            }
        }
        return day
    }

    /// Draws one invoice-line value in cents, log-normal around `median`, rounded to 10 cents.
    private func lineCents(median: Double, rng: inout SplitMix64) -> Int64 {
        let bounds = SampleModel.lineCentsRange
        let value = median * DeterministicMath.exp(0.55 * rng.nextNormal())
        let clamped = min(max(value, bounds.lowerBound), bounds.upperBound)
        return Int64((clamped / 10).rounded()) * 10
    }

    /// Appends a full or partial credit note for an order of `total` cents, 0–20 days later.
    private func addRefund(
        of total: Int64, orderDay: Int, customer: UInt32, log: inout EventLog, rng: inout SplitMix64
    ) {
        var cents = total
        if !rng.nextBool(probability: SampleModel.fullRefundShare) {
            let share = rng.nextDouble(from: 0.1, to: 0.9)
            cents = max(1, Int64((Double(total) * share).rounded()))
        }
        let delay = rng.nextInt(below: SampleModel.maximumRefundDelay + 1)
        let day = min(orderDay + delay, calendar.dayCount - 1)
        log.addRefund(customer: customer, day: day, cents: cents)
    }

    /// The per-customer behaviour drawn once at acquisition.
    private struct Profile {
        /// Company-size band index.
        let size: Int

        /// Mean orders per active month.
        let orderRate: Double

        /// Median invoice-line value in cents at acquisition.
        let lineCentsMedian: Double

        /// Monthly relative change of order values (expansion or contraction).
        let monthlyExpansion: Double

        /// Individual multiplier on the churn hazard.
        let churnScale: Double

        /// Draws a profile for a customer of company-size band `size`.
        init(size: Int, rng: inout SplitMix64) {
            self.size = size
            orderRate = SampleModel.monthlyOrderRate[size] * DeterministicMath.exp(0.45 * rng.nextNormal())
            lineCentsMedian = SampleModel.medianLineCents[size] * DeterministicMath.exp(0.6 * rng.nextNormal())
            monthlyExpansion = rng.nextDouble(from: -0.012, to: 0.025)
            churnScale = rng.nextDouble(from: 0.8, to: 1.2)
        }

        /// Returns the multiplier on order values after `months` months as a customer.
        func expansion(monthsSinceAcquisition months: Int) -> Double {
            min(max(1.0 + monthlyExpansion * Double(months), 0.5), 2.5)
        }

        /// Returns the probability of churning at the end of a month with the given tenure.
        func churnHazard(tenure: Int) -> Double {
            let longRun = SampleModel.longRunChurnHazard[size]
            let early = SampleModel.earlyChurnHazard
            let base = tenure < early.count
                ? max(early[tenure] * SampleModel.earlyChurnScale[size], longRun)
                : longRun
            return min(base * churnScale, 0.95)
        }
    }
}
