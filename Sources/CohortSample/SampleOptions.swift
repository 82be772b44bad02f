/// Settings that control how much sample data is generated, over which months, and from which seed.
///
/// Set either `customers` (generate exactly that many customers with their full history) or
/// `rows` (generate customers until at least that many rows exist, then cut the output to
/// exactly `rows` rows). When both are `nil`, ``SampleOptions/defaultCustomers`` customers are
/// generated; when both are set, `rows` wins because it promises an exact row count.
///
/// Out-of-range values are normalized by ``SampleGenerator`` instead of trapping: negative counts
/// become 0, `months` is clamped to `1...SampleOptions.maximumMonths`, `startYear` to `1...9999`,
/// and a `startMonth` outside `1...12` rolls over into neighbouring years (13 is January of the
/// next year, 0 is December of the previous year).
public struct SampleOptions: Sendable, Equatable {
    /// Number of customers generated when neither `customers` nor `rows` is set.
    public static let defaultCustomers = 2_000

    /// Largest supported number of generated months (about 166 years).
    public static let maximumMonths = 2_000

    /// Number of customers to generate, each with its complete order history.
    public var customers: Int?

    /// Exact number of data rows to write (the header is not counted).
    public var rows: Int?

    /// Number of calendar months covered by the data, starting at `startYear`-`startMonth`.
    public var months: Int

    /// Calendar year of the first generated month.
    public var startYear: Int

    /// Calendar month (1 = January) of the first generated month.
    public var startMonth: Int

    /// Seed of the pseudo-random generator; the same options always produce the same bytes.
    public var seed: UInt64

    /// Creates options; the defaults cover November 2023 through October 2026 with 2,000 customers.
    public init(
        customers: Int? = nil,
        rows: Int? = nil,
        months: Int = 36,
        startYear: Int = 2023,
        startMonth: Int = 11,
        seed: UInt64 = 42
    ) {
        self.customers = customers
        self.rows = rows
        self.months = months
        self.startYear = startYear
        self.startMonth = startMonth
        self.seed = seed
    }
}
