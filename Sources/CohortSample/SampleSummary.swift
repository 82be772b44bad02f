/// Counts describing one generated sample, returned after the CSV has been written.
public struct SampleSummary: Sendable, Equatable {
    /// Number of data rows written (invoice lines plus credit notes; the header is not counted).
    public var rows: Int

    /// Number of distinct customers that appear in the output.
    public var customers: Int

    /// Number of distinct sales orders (`SO-` ids); an order may span several rows.
    public var orders: Int

    /// Number of credit-note rows (`CR-` ids, negative amounts).
    public var refunds: Int

    /// Creates a summary from its four counts.
    public init(rows: Int, customers: Int, orders: Int, refunds: Int) {
        self.rows = rows
        self.customers = customers
        self.orders = orders
        self.refunds = refunds
    }
}
