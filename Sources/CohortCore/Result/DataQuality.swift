/// What the analysis left out, and why (METRICS.md: shown as data-quality warnings).
public struct DataQuality: Sendable, Codable, Equatable {
    /// Rows that entered the matrices and KPIs.
    public var rowsAnalyzed: Int = 0
    /// Rows dated after the as-of date (they do not exist for this report).
    public var rowsAfterAsOf: Int = 0
    /// Rows dated before their customer's acquisition period (e.g. a refund booked before the first purchase).
    public var rowsBeforeAcquisition: Int = 0
    public var amountBeforeAcquisition: Money = .zero
    /// Customers with no order of positive amount up to the as-of date.
    public var customersWithoutPositiveOrder: Int = 0
    public var rowsOfCustomersWithoutPositiveOrder: Int = 0
    /// Customers with a cohort (in the matrices).
    public var customersAnalyzed: Int = 0

    public init() {}

    /// Adds what another part of the customers left out (`rowsAfterAsOf` and `customersAnalyzed` are the whole's).
    mutating func add(_ part: DataQuality) {
        rowsAnalyzed += part.rowsAnalyzed
        rowsBeforeAcquisition += part.rowsBeforeAcquisition
        amountBeforeAcquisition.minorUnits += part.amountBeforeAcquisition.minorUnits
        customersWithoutPositiveOrder += part.customersWithoutPositiveOrder
        rowsOfCustomersWithoutPositiveOrder += part.rowsOfCustomersWithoutPositiveOrder
    }

    /// True when nothing was left out.
    public var isClean: Bool {
        rowsAfterAsOf == 0 && rowsBeforeAcquisition == 0 && customersWithoutPositiveOrder == 0
    }
}
