import CohortSample
import Foundation
import Testing

/// Samples shared by several tests, generated once per test run.
private enum Samples {
    /// The default sample (2,000 customers, November 2023 to October 2026).
    static let standard = ParsedSample(bytes: SampleGenerator(options: SampleOptions()).generateBytes())

    /// A 50,000-row sample for statistics.
    static let large = ParsedSample(bytes: SampleGenerator(options: SampleOptions(rows: 50_000)).generateBytes())
}

/// A proleptic Gregorian calendar in UTC, used to validate dates independently of the generator.
private let utcCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return calendar
}()

/// Returns the `Date` for an ISO `YYYY-MM-DD` string if it is a real calendar date, else `nil`.
private func validDate(_ text: String) -> Date? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    let components = DateComponents(year: year, month: month, day: day)
    guard let date = utcCalendar.date(from: components) else { return nil }
    let roundTrip = utcCalendar.dateComponents([.year, .month, .day], from: date)
    guard roundTrip.year == year, roundTrip.month == month, roundTrip.day == day else { return nil }
    return date
}

/// Returns the first and last day (as `YYYY-MM-DD`) of a period of `months` months.
private func periodBounds(startYear: Int, startMonth: Int, months: Int) throws -> (first: String, last: String) {
    let start = try #require(utcCalendar.date(from: DateComponents(year: startYear, month: startMonth, day: 1)))
    let end = try #require(utcCalendar.date(byAdding: DateComponents(month: months, day: -1), to: start))
    func iso(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
    return (iso(start), iso(end))
}

/// Returns whole days from `earlier` to `later`.
private func daysBetween(_ earlier: Date, _ later: Date) -> Int {
    Int((later.timeIntervalSince(earlier) / 86_400).rounded())
}

@Suite("SampleGenerator")
struct SampleGeneratorTests {
    @Test func sameOptionsProduceIdenticalBytes() {
        let options = SampleOptions(customers: 300, seed: 7)
        let first = SampleGenerator(options: options).generateBytes()
        let second = SampleGenerator(options: options).generateBytes()
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func differentSeedsProduceDifferentBytes() {
        let first = SampleGenerator(options: SampleOptions(customers: 300, seed: 7)).generateBytes()
        let second = SampleGenerator(options: SampleOptions(customers: 300, seed: 8)).generateBytes()
        #expect(first != second)
    }

    @Test func headerIsExact() {
        #expect(Samples.standard.header == "order_id,customer_id,order_date,amount,country,industry,company_size")
        #expect(Samples.standard.hasCleanLineEnds)
        #expect(Samples.standard.malformedLines.isEmpty)
    }

    @Test(arguments: [5_000, 1, 7, 12_345])
    func rowsOptionGivesExactlyThatManyRows(rows: Int) {
        let generator = SampleGenerator(options: SampleOptions(rows: rows))
        var summary: SampleSummary?
        var bytes: [UInt8] = []
        summary = generator.generate { bytes.append(contentsOf: $0) }
        let parsed = ParsedSample(bytes: bytes)
        #expect(parsed.rows.count == rows)
        #expect(parsed.malformedLines.isEmpty)
        #expect(summary?.rows == rows)
    }

    @Test func zeroRowsOrCustomersGiveOnlyTheHeader() {
        for options in [SampleOptions(rows: 0), SampleOptions(customers: 0)] {
            var bytes: [UInt8] = []
            let summary = SampleGenerator(options: options).generate { bytes.append(contentsOf: $0) }
            let parsed = ParsedSample(bytes: bytes)
            #expect(parsed.header == "order_id,customer_id,order_date,amount,country,industry,company_size")
            #expect(parsed.rows.isEmpty)
            #expect(summary == SampleSummary(rows: 0, customers: 0, orders: 0, refunds: 0))
        }
    }

    @Test func customersOptionGivesExactlyThatManyCustomers() {
        let parsed = ParsedSample(bytes: SampleGenerator(options: SampleOptions(customers: 250)).generateBytes())
        #expect(Set(parsed.rows.map(\.customerID)).count == 250)
    }

    @Test func summaryMatchesTheWrittenRows() {
        var bytes: [UInt8] = []
        let summary = SampleGenerator(options: SampleOptions()).generate { bytes.append(contentsOf: $0) }
        let rows = ParsedSample(bytes: bytes).rows
        #expect(summary.rows == rows.count)
        #expect(summary.customers == Set(rows.map(\.customerID)).count)
        #expect(summary.customers == SampleOptions.defaultCustomers)
        #expect(summary.orders == Set(rows.filter { !$0.isCreditNote }.map(\.orderID)).count)
        #expect(summary.refunds == rows.filter(\.isCreditNote).count)
    }

    @Test func chunkedOutputEqualsGenerateBytes() {
        let generator = SampleGenerator(options: SampleOptions(rows: 40_000, seed: 3))
        var joined: [UInt8] = []
        var chunkSizes: [Int] = []
        _ = generator.generate { chunk in
            chunkSizes.append(chunk.count)
            joined.append(contentsOf: chunk)
        }
        #expect(joined == generator.generateBytes())
        #expect(chunkSizes.count >= 2)  // about 2.3 MB of CSV, handed out in ~1 MB chunks
        #expect(chunkSizes.allSatisfy { $0 > 0 && $0 <= 1_100_000 })
    }

    @Test func writeErrorsArePropagated() {
        struct DiskFull: Error {}
        let generator = SampleGenerator(options: SampleOptions(customers: 10))
        #expect(throws: DiskFull.self) {
            _ = try generator.generate { _ in throw DiskFull() }
        }
    }

    @Test func datesAreRealAndInsideTheGeneratedMonths() throws {
        let bounds = try periodBounds(startYear: 2023, startMonth: 11, months: 36)
        #expect(bounds == ("2023-11-01", "2026-10-31"))
        for date in Set(Samples.standard.rows.map(\.date)) {
            #expect(validDate(date) != nil, "not a calendar date: \(date)")
            #expect(date >= bounds.first && date <= bounds.last, "outside the period: \(date)")
        }
    }

    @Test func customStartAndLengthAreRespected() throws {
        // February 2024 has a leap day; 13 months end in February 2025.
        let options = SampleOptions(customers: 400, months: 13, startYear: 2024, startMonth: 2, seed: 5)
        let rows = ParsedSample(bytes: SampleGenerator(options: options).generateBytes()).rows
        let bounds = try periodBounds(startYear: 2024, startMonth: 2, months: 13)
        let dates = Set(rows.map(\.date))
        for date in dates {
            #expect(validDate(date) != nil, "not a calendar date: \(date)")
            #expect(date >= bounds.first && date <= bounds.last, "outside the period: \(date)")
        }
        #expect(dates.contains { $0.hasPrefix("2024-02") })
        #expect(dates.contains { $0.hasPrefix("2025-02") })
    }

    @Test func startMonthOutsideTheYearRollsOver() {
        let rolled = SampleGenerator(options: SampleOptions(customers: 50, months: 6, startYear: 2023, startMonth: 13))
        let plain = SampleGenerator(options: SampleOptions(customers: 50, months: 6, startYear: 2024, startMonth: 1))
        #expect(rolled.generateBytes() == plain.generateBytes())
    }

    @Test func everyMonthGetsNewCustomers() {
        var firstMonth: [String: String] = [:]
        for row in Samples.standard.rows where !row.isCreditNote {
            let month = String(row.date.prefix(7))
            if let known = firstMonth[row.customerID], known <= month { continue }
            firstMonth[row.customerID] = month
        }
        #expect(Set(firstMonth.values).count == 36)
    }

    @Test func amountsHaveExactlyTwoDecimalsAndSensibleSigns() {
        for row in Samples.large.rows {
            guard let cents = row.cents else {
                Issue.record("malformed amount: \(row.amount)")
                continue
            }
            if row.isCreditNote {
                #expect(cents < 0, "credit note with non-negative amount: \(row.amount)")
            } else {
                #expect(cents >= 2_000 && cents <= 2_000_000, "invoice line out of range: \(row.amount)")
            }
        }
    }

    @Test func idsAndAttributesHaveTheExpectedFormat() {
        let countries: Set = ["DE", "AT", "CH", "NL", "FR", "PL", "IT", "US"]
        let industries: Set = [
            "Manufacturing", "Wholesale", "Retail", "IT Services", "Healthcare", "Construction", "Logistics",
        ]
        let sizes: Set = ["1-9", "10-49", "50-249", "250+"]
        for row in Samples.standard.rows {
            #expect(
                ParsedSample.matches(row.orderID, prefix: "SO-", digits: 8)
                    || ParsedSample.matches(row.orderID, prefix: "CR-", digits: 8),
                "bad order id: \(row.orderID)"
            )
            #expect(ParsedSample.matches(row.customerID, prefix: "C", digits: 6), "bad customer id: \(row.customerID)")
            #expect(countries.contains(row.country))
            #expect(industries.contains(row.industry))
            #expect(sizes.contains(row.companySize))
        }
    }

    @Test func customerAttributesNeverChange() {
        var attributes: [String: [String]] = [:]
        for row in Samples.large.rows {
            let current = [row.country, row.industry, row.companySize]
            if let known = attributes[row.customerID] {
                #expect(known == current, "attributes of \(row.customerID) changed")
            } else {
                attributes[row.customerID] = current
            }
        }
    }

    @Test func countryAndSizeMixLookRealistic() {
        var countryOf: [String: String] = [:]
        var sizeOf: [String: String] = [:]
        for row in Samples.standard.rows {
            countryOf[row.customerID] = row.country
            sizeOf[row.customerID] = row.companySize
        }
        let customers = Double(countryOf.count)
        let germanShare = Double(countryOf.values.filter { $0 == "DE" }.count) / customers
        #expect(germanShare > 0.38 && germanShare < 0.52)
        let smallShare = Double(sizeOf.values.filter { $0 == "1-9" }.count) / customers
        let largeShare = Double(sizeOf.values.filter { $0 == "250+" }.count) / customers
        #expect(smallShare > largeShare)
    }

    @Test func refundsAreAboutOnePercentOfRows() {
        let rows = Samples.large.rows
        let share = Double(rows.filter(\.isCreditNote).count) / Double(rows.count)
        #expect(share >= 0.005 && share <= 0.02, "refund share \(share)")
    }

    @Test func refundsFollowAnOrderOfTheSameCustomerWithinTwentyDays() throws {
        let rows = Samples.large.rows
        var orderDates: [String: [Date]] = [:]
        for row in rows where !row.isCreditNote {
            orderDates[row.customerID, default: []].append(try #require(validDate(row.date)))
        }
        for row in rows where row.isCreditNote {
            let refundDate = try #require(validDate(row.date))
            let candidates = orderDates[row.customerID] ?? []
            #expect(
                candidates.contains { (0...20).contains(daysBetween($0, refundDate)) },
                "credit note \(row.orderID) has no order of \(row.customerID) in the 20 days before"
            )
        }
    }

    @Test func orderLinesShareCustomerAndDateAndAreContiguous() {
        var seen: Set<String> = []
        var previous: ParsedSample.Row?
        var linesInOrder = 0
        for row in Samples.large.rows {
            if let previous, previous.orderID == row.orderID {
                #expect(row.customerID == previous.customerID, "\(row.orderID) spans customers")
                #expect(row.date == previous.date, "\(row.orderID) spans dates")
                linesInOrder += 1
                #expect(!row.isCreditNote, "credit note \(row.orderID) has several rows")
                #expect(linesInOrder <= 4, "\(row.orderID) has more than 4 lines")
            } else {
                #expect(!seen.contains(row.orderID), "\(row.orderID) is split into separate runs")
                seen.insert(row.orderID)
                linesInOrder = 1
            }
            previous = row
        }
        let orders = Samples.large.rows.filter { !$0.isCreditNote }
        let orderCount = Set(orders.map(\.orderID)).count
        let linesPerOrder = Double(orders.count) / Double(orderCount)
        #expect(linesPerOrder > 1.1 && linesPerOrder < 2.0, "lines per order \(linesPerOrder)")
    }

    @Test func rowsAreSortedByDateThenOrderID() {
        for (earlier, later) in zip(Samples.large.rows, Samples.large.rows.dropFirst()) {
            #expect(
                (earlier.date, earlier.orderID) <= (later.date, later.orderID),
                "\(earlier.orderID) \(earlier.date) before \(later.orderID) \(later.date)"
            )
        }
    }

    @Test func retentionDropsEarlyAndFlattens() {
        // Cohort = month of a customer's first order; active = at least one order in a month.
        var monthIndex: [String: Int] = [:]
        var activeMonths: [String: Set<Int>] = [:]
        for row in Samples.standard.rows where !row.isCreditNote {
            let month = String(row.date.prefix(7))
            let index = monthIndex[month] ?? monthIndex.count
            monthIndex[month] = index
            activeMonths[row.customerID, default: []].insert(index)
        }
        func retention(age: Int) -> Double {
            var active = 0
            var eligible = 0
            for months in activeMonths.values {
                guard let first = months.min(), first + age < 36 else { continue }
                eligible += 1
                if months.contains(first + age) { active += 1 }
            }
            return Double(active) / Double(max(eligible, 1))
        }
        let month1 = retention(age: 1)
        let month6 = retention(age: 6)
        let month12 = retention(age: 12)
        #expect(month1 > 0.2 && month1 < 0.6, "month-1 retention \(month1)")
        #expect(month12 > 0.05 && month12 < month6 && month6 < month1)
        // The first month loses more than the five months from 1 to 6 together: an early drop.
        #expect(1 - month1 > month1 - month6)
    }

    @Test func newCustomersGrowOverTime() {
        var firstMonth: [String: String] = [:]
        for row in Samples.standard.rows where !row.isCreditNote && firstMonth[row.customerID] == nil {
            firstMonth[row.customerID] = String(row.date.prefix(7))
        }
        let firstYear = firstMonth.values.filter { $0 < "2024-11" }.count
        let lastYear = firstMonth.values.filter { $0 >= "2025-11" }.count
        #expect(Double(lastYear) > 1.3 * Double(firstYear), "first year \(firstYear), last year \(lastYear)")
    }

    @Test func defaultSampleStaysSmall() {
        #expect(Samples.standard.bytes.count < 2_000_000)
        #expect(Samples.standard.rows.count > 5_000)
    }
}
