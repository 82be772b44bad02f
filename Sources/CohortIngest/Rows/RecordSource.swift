/// Records (rows of fields) for `RowReader`: a CSV file's tokenizer or a worksheet's cells.
///
/// Fields are byte ranges into `bytes`, so that the row loop reads every kind of input
/// the same way, without a `String` per field.
protocol RecordSource {
    /// The bytes every field points into.
    var bytes: UnsafeBufferPointer<UInt8> { get }
    /// Reads the next record's fields into `fields`; nil at the end.
    mutating func nextRecord(into fields: FieldList) throws(IngestError) -> RecordPosition?
    /// Reads every field of `record`, one read before, into `fields`, none skipped whatever
    /// their `storedLimit`: for the rare checks that look past the columns read.
    func allFields(of record: RecordPosition, into fields: FieldList)
    /// The record as it stood in the input, for rejected.csv.
    func rawText(of record: RecordPosition) -> String
}
