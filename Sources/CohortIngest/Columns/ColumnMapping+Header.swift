extension ColumnMapping {
    /// Which of `names` holds the customer, date, amount and order id, found exactly as in a file's
    /// header (`ColumnDetector`): named columns matched after normalization, the others detected by
    /// their usual names. For sources other than files, such as a database table's columns.
    ///
    ///     try ColumnMapping().columnIndices(in: ["id", "kunde", "datum", "betrag"], source: "db")
    ///     // (customer: 1, date: 2, amount: 3, order: nil)
    ///
    /// Throws the `IngestError` a file with this header would give (line 1).
    public func columnIndices(in names: [String], source: String) throws(IngestError) -> (customer: Int, date: Int, amount: Int, order: Int?) {
        let columns = try ColumnDetector(source: source, header: names).resolve(self)
        return (columns.customer, columns.date, columns.amount, columns.order)
    }
}
