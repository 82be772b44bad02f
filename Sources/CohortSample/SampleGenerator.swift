/// Generates deterministic, realistic-looking B2B order data as CSV for examples and benchmarks.
///
/// The output has the columns `order_id,customer_id,order_date,amount,country,industry,company_size`,
/// LF line endings and rows sorted by date and then order id. Sales orders (`SO-00100001`) may span
/// up to four invoice-line rows; credit notes (`CR-00010001`) are single rows with negative amounts.
/// The same ``SampleOptions`` always produce byte-identical output on every platform.
///
/// Generation happens in two phases: every customer is simulated into a compact in-memory event
/// log (about 20 bytes per row), then the log is ordered by day with a counting sort and written
/// out. Order numbers are assigned in output order and customer numbers by first order date, so
/// both increase with time like in a real system.
public struct SampleGenerator: Sendable {
    /// The options as given by the caller.
    public let options: SampleOptions

    /// Column names of the generated CSV, in order.
    public static let columns = [
        "order_id", "customer_id", "order_date", "amount", "country", "industry", "company_size",
    ]

    /// Number of the first sales order (`SO-00100001`).
    static let firstOrderNumber = 100_001

    /// Number of the first credit note (`CR-00010001`).
    static let firstCreditNoteNumber = 10_001

    /// Number of the first customer (`C000001`).
    static let firstCustomerNumber = 1

    /// Approximate size of the chunks passed to the `write` closure.
    static let chunkSize = 1 << 20

    /// Most rows reserved up front; larger runs grow their arrays on demand.
    static let reservationLimit = 64_000_000

    /// How much data to generate, after normalizing the options.
    private enum Volume: Equatable {
        /// Exactly this many customers, each with its full history.
        case customers(Int)
        /// Exactly this many data rows.
        case rows(Int)
    }

    /// The normalized amount of data to generate.
    private let volume: Volume

    /// The normalized number of months.
    let months: Int

    /// The normalized first year.
    let startYear: Int

    /// The normalized first month (1...12).
    let startMonth: Int

    /// Creates a generator; invalid option values are normalized as described on ``SampleOptions``.
    public init(options: SampleOptions) {
        self.options = options
        let countLimit = Int(UInt32.max) - 1
        if let rows = options.rows {
            volume = .rows(min(max(rows, 0), countLimit))
        } else {
            volume = .customers(min(max(options.customers ?? SampleOptions.defaultCustomers, 0), countLimit))
        }
        months = min(max(options.months, 1), SampleOptions.maximumMonths)
        // Roll months outside 1...12 into neighbouring years, then keep every date at four digits.
        let (yearCarry, monthIndex) = (options.startMonth - 1).quotientAndRemainder(dividingBy: 12)
        let carriedYear = monthIndex < 0 ? yearCarry - 1 : yearCarry
        startMonth = monthIndex < 0 ? monthIndex + 13 : monthIndex + 1
        let latestStartYear = 9_999 - (months + 11) / 12
        let (year, overflow) = options.startYear.addingReportingOverflow(carriedYear)
        startYear = overflow ? latestStartYear : min(max(year, 1), latestStartYear)
    }

    /// The CSV header line, including its line feed.
    static var headerBytes: [UInt8] {
        Array((columns.joined(separator: ",") + "\n").utf8)
    }

    /// Writes the whole CSV (header and rows) by calling `write` with chunks of about 1 MB.
    ///
    /// The buffer passed to `write` is only valid during the call and is reused afterwards.
    /// - Returns: counts of the rows, customers, orders and credit notes written.
    public func generate(write: (UnsafeRawBufferPointer) throws -> Void) rethrows -> SampleSummary {
        let calendar = CalendarTable(startYear: startYear, startMonth: startMonth, months: months)
        var log = simulate(calendar: calendar)
        log.renumberCustomersByFirstOrder(dayCount: calendar.dayCount)
        log.sortChronologically(dayCount: calendar.dayCount, seed: options.seed)

        var writer = CSVChunkWriter(
            chunkSize: SampleGenerator.chunkSize, calendar: calendar, suffixes: AttributeSuffixTable()
        )
        try writer.append(SampleGenerator.headerBytes, write: write)

        let amounts = log.amounts
        var nextOrderNumber = SampleGenerator.firstOrderNumber
        var nextCreditNoteNumber = SampleGenerator.firstCreditNoteNumber
        var orderCount = 0
        var refundCount = 0

        for event in log.events {
            let documentNumber: Int
            if event.isRefund {
                documentNumber = nextCreditNoteNumber
                nextCreditNoteNumber += 1
                refundCount += 1
            } else {
                documentNumber = nextOrderNumber
                nextOrderNumber += 1
                orderCount += 1
            }
            for line in 0..<event.rowCount {
                writer.appendRow(
                    isCreditNote: event.isRefund,
                    documentNumber: documentNumber,
                    customerNumber: SampleGenerator.firstCustomerNumber + Int(event.customer),
                    day: Int(event.day),
                    cents: amounts[event.amountStart + line],
                    attributes: Int(event.attributes)
                )
                if writer.isFull {
                    try writer.flush(write: write)
                }
            }
        }
        try writer.flush(write: write)

        return SampleSummary(
            rows: log.rowCount,
            customers: log.customerCount,
            orders: orderCount,
            refunds: refundCount
        )
    }

    /// Returns the whole CSV (header and rows) as bytes; meant for tests and small samples.
    public func generateBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        _ = generate { chunk in
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }

    /// Simulates customers until the requested number of customers or rows is reached.
    func simulate(calendar: CalendarTable) -> EventLog {
        let simulator = CustomerSimulator(
            calendar: calendar,
            acquisition: AcquisitionCurve(calendar: calendar, seed: options.seed),
            seed: options.seed
        )
        var log = EventLog()
        switch volume {
        case .customers(let count):
            log.reserveCapacity(rows: min(count, SampleGenerator.reservationLimit / 8) * 8)
            for customer in 0..<count {
                simulator.simulate(customer: customer, into: &log)
            }
        case .rows(let rows):
            log.reserveCapacity(rows: min(rows, SampleGenerator.reservationLimit))
            var customer = 0
            while log.rowCount < rows {
                simulator.simulate(customer: customer, into: &log)
                customer += 1
            }
            log.truncate(toRows: rows)
        }
        return log
    }
}
