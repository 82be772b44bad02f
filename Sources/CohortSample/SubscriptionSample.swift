/// Contracts and survey answers that belong to the orders `SampleGenerator` writes with the same
/// options: the same customers (`C000001`, …), contracts that cover the stretches in which a customer
/// buys and renew while it keeps buying (most on time, some early, some late within a 30-day grace
/// period, some at a higher or lower MRR, the last one not), and NPS answers whose scores lean towards
/// detractors for customers who stop buying within the year after the answer.
///
///     let sample = SubscriptionSample(options: SampleOptions(seed: 42))
///     let contracts = sample.contractsCSV()   // contract_id,customer_id,start,end,mrr
///     let answers = sample.answersCSV()       // customer_id,date,score
///
/// Deterministic: the same options always give the same bytes. Nothing is dated after the last
/// day of the generated months (a renewal agreed later is not known yet).
public struct SubscriptionSample: Sendable {
    public let options: SampleOptions

    public init(options: SampleOptions) {
        self.options = options
    }

    public static let contractColumns = ["contract_id", "customer_id", "start", "end", "mrr"]
    public static let answerColumns = ["customer_id", "date", "score"]

    /// One customer's purchases: the days of its orders (sorted) and their total in cents.
    private struct Purchases {
        var days: [Int] = []
        var cents: Int64 = 0
    }

    private struct Contract {
        var customer: Int
        var start: Int
        var end: Int?
        var cents: Int64
    }

    /// The contracts as CSV, ordered by start day, then customer.
    public func contractsCSV() -> [UInt8] {
        let (calendar, customers) = histories()
        var contracts: [Contract] = []
        for (customer, purchases) in customers.enumerated() where !purchases.days.isEmpty {
            var rng = SplitMix64(seed: options.seed ^ 0x5EED_C0_417AC7, stream: UInt64(customer))
            guard rng.nextBool(probability: SubscriptionModel.subscriberShare) else { continue }
            let running = rng.nextBool(probability: SubscriptionModel.runningShare)
            let months = max(1.0, Double(purchases.days.last! - purchases.days.first! + 30) / 30.4)
            let monthly = Double(purchases.cents) / months * SubscriptionModel.mrrShare
            var cents = Self.roundedMRR(monthly)
            for stretch in Self.stretches(purchases.days) {
                contracts += running
                    ? [runningContract(customer, stretch, cents: cents, calendar: calendar)]
                    : terms(customer, stretch, cents: &cents, rng: &rng, calendar: calendar)
            }
        }
        contracts.sort { ($0.start, $0.customer) < ($1.start, $1.customer) }
        var text = Self.contractColumns.joined(separator: ",") + "\n"
        for (index, contract) in contracts.enumerated() {
            text += "V-\(Self.padded(index + 1, 6)),C\(Self.padded(SampleGenerator.firstCustomerNumber + contract.customer, 6)),"
                + "\(date(contract.start, calendar)),\(contract.end.map { date($0, calendar) } ?? ""),\(Self.decimal(contract.cents))\n"
        }
        return Array(text.utf8)
    }

    /// The survey answers as CSV, ordered by day, then customer.
    public func answersCSV() -> [UInt8] {
        let (calendar, customers) = histories()
        let lastDay = calendar.dayCount - 1
        var answers: [(day: Int, customer: Int, score: Int)] = []
        for (customer, purchases) in customers.enumerated() where !purchases.days.isEmpty {
            var rng = SplitMix64(seed: options.seed ^ 0x5EED_0A_25E7, stream: UInt64(customer))
            let last = purchases.days.last!
            var day = purchases.days.first! + SubscriptionModel.firstSurvey
            while day <= min(last + 45, lastDay) {
                if rng.nextBool(probability: SubscriptionModel.responseRate) {
                    let leaving = last < day + SubscriptionModel.leavingWithin && last + 60 < lastDay
                    let group = rng.pick(cumulative: leaving ? SubscriptionModel.leavingGroups : SubscriptionModel.stayingGroups)
                    let score: Int
                    switch group {
                    case 0: score = rng.pick(cumulative: SubscriptionModel.detractorScores)
                    case 1: score = 7 + rng.nextInt(below: 2)
                    default: score = 9 + rng.pick(cumulative: SubscriptionModel.promoterScores)
                    }
                    answers.append((day, customer, score))
                }
                day += SubscriptionModel.surveyInterval
            }
        }
        answers.sort { ($0.day, $0.customer) < ($1.day, $1.customer) }
        var text = Self.answerColumns.joined(separator: ",") + "\n"
        for answer in answers {
            text += "C\(Self.padded(SampleGenerator.firstCustomerNumber + answer.customer, 6)),\(date(answer.day, calendar)),\(answer.score)\n"
        }
        return Array(text.utf8)
    }

    // MARK: - Contracts of one stretch

    /// Terms that renew while the customer keeps buying; the last one ends unrenewed (or runs past the last day).
    private func terms(_ customer: Int, _ stretch: (first: Int, last: Int), cents: inout Int64, rng: inout SplitMix64,
                       calendar: CalendarTable) -> [Contract] {
        let lastDay = calendar.dayCount - 1
        var contracts: [Contract] = []
        var start = stretch.first
        let term = SubscriptionModel.termMonths[rng.pick(cumulative: SubscriptionModel.termCumulative)]
        while start <= lastDay {
            let end = addingMonths(term, to: start, calendar: calendar) - 1
            contracts.append(Contract(customer: customer, start: start, end: end, cents: cents))
            guard end < lastDay, stretch.last > end + SubscriptionModel.renewalMargin else { break }
            switch rng.pick(cumulative: SubscriptionModel.renewalTimingCumulative) {
            case 1:
                // Early: a new term signed to start some days before the old one ends, in the same month.
                let dayOfMonth = end - monthStart(of: end, calendar: calendar) + 1
                start = dayOfMonth > 5 ? end - 2 - rng.nextInt(below: min(18, dayOfMonth - 3)) : end + 1
            case 2: start = end + 2 + rng.nextInt(below: 29) // late, within the grace period: 2 to 30 days
            default: start = end + 1
            }
            switch rng.pick(cumulative: SubscriptionModel.renewalPriceCumulative) {
            case 1: cents = Self.roundedMRR(Double(cents) * rng.nextDouble(from: 1.1, to: 1.3))
            case 2: cents = Self.roundedMRR(Double(cents) * rng.nextDouble(from: 0.75, to: 0.9))
            default: break
            }
        }
        return contracts
    }

    /// A monthly subscription: from the first order to the end of the month after the last one, or running.
    private func runningContract(_ customer: Int, _ stretch: (first: Int, last: Int), cents: Int64, calendar: CalendarTable) -> Contract {
        let lastDay = calendar.dayCount - 1
        let cancelled = addingMonths(2, to: monthStart(of: stretch.last, calendar: calendar), calendar: calendar) - 1
        return Contract(customer: customer, start: stretch.first, end: cancelled >= lastDay - 60 ? nil : cancelled, cents: cents)
    }

    // MARK: - Orders per customer

    /// Every customer's positive order days and total, by the number the orders file prints (minus one).
    private func histories() -> (CalendarTable, [Purchases]) {
        let generator = SampleGenerator(options: options)
        let calendar = CalendarTable(startYear: generator.startYear, startMonth: generator.startMonth, months: generator.months)
        var log = generator.simulate(calendar: calendar)
        log.renumberCustomersByFirstOrder(dayCount: calendar.dayCount)
        var customers = [Purchases](repeating: Purchases(), count: log.customerCount)
        let amounts = log.amounts
        for event in log.events where !event.isRefund {
            let customer = Int(event.customer)
            customers[customer].days.append(Int(event.day))
            for line in 0 ..< event.rowCount { customers[customer].cents += amounts[event.amountStart + line] }
        }
        for index in customers.indices { customers[index].days.sort() }
        return (calendar, customers)
    }

    /// Runs of order days without a gap longer than `SubscriptionModel.stretchGap`.
    private static func stretches(_ days: [Int]) -> [(first: Int, last: Int)] {
        var result: [(first: Int, last: Int)] = []
        for day in days {
            if let last = result.last, day - last.last <= SubscriptionModel.stretchGap {
                result[result.count - 1].last = day
            } else {
                result.append((day, day))
            }
        }
        return result
    }

    // MARK: - Days and text

    /// The day `months` calendar months after `day` (the same day of the month, or the month's last day).
    private func addingMonths(_ months: Int, to day: Int, calendar: CalendarTable) -> Int {
        let (year, month, dayOfMonth) = civil(day, calendar)
        let total = year * 12 + month - 1 + months
        let (newYear, newMonth) = (total / 12, total % 12 + 1)
        let civilDay = CalendarTable.daysFromCivil(year: newYear, month: newMonth,
                                                   day: min(dayOfMonth, CalendarTable.daysInMonth(year: newYear, month: newMonth)))
        return civilDay - firstCivilDay(calendar)
    }

    private func monthStart(of day: Int, calendar: CalendarTable) -> Int {
        let (_, _, dayOfMonth) = civil(day, calendar)
        return day - dayOfMonth + 1
    }

    private func firstCivilDay(_ calendar: CalendarTable) -> Int {
        let generator = SampleGenerator(options: options)
        return CalendarTable.daysFromCivil(year: generator.startYear, month: generator.startMonth, day: 1)
    }

    /// Year, month and day of a day of the generated period (it may lie after the period).
    private func civil(_ day: Int, _ calendar: CalendarTable) -> (Int, Int, Int) {
        // Howard Hinnant's civil_from_days.
        let z = day + firstCivilDay(calendar) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth)
    }

    private func date(_ day: Int, _ calendar: CalendarTable) -> String {
        let (year, month, dayOfMonth) = civil(day, calendar)
        return "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(dayOfMonth, 2))"
    }

    /// Cents rounded to whole tens of the currency, within `SubscriptionModel.mrrRange`.
    private static func roundedMRR(_ cents: Double) -> Int64 {
        let tens = Int64((cents / 1000).rounded()) * 1000
        return min(max(tens, SubscriptionModel.mrrRange.lowerBound), SubscriptionModel.mrrRange.upperBound)
    }

    private static func decimal(_ cents: Int64) -> String { "\(cents / 100).\(padded(Int(cents % 100), 2))" }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
