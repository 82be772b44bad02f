import CohortIngest

/// The columns of a table or query that hold the customer, date, amount, order id and segment,
/// found as in a file's header and checked for their types.
///
///     let columns = try SourceColumns(columns: described, mapping: ColumnMapping(), segment: nil, source: "postgresql://...")
///     columns.amount.name   // "amount"
///
/// Types: the date must be a date or timestamp, the amount an integer, numeric, floating-point or
/// money column; customer, order and segment may be of any type (compared as stored, shown as text).
public struct SourceColumns: Sendable, Equatable {
    public var customer: SourceColumn
    public var date: SourceColumn
    public var amount: SourceColumn
    public var order: SourceColumn?
    /// The columns of `--segment-by` found in the source, in the order asked for.
    public var segments: [SourceColumn]
    /// The `--segment-by` names the source does not have (a customer file may hold them).
    public var missingSegments: [String] = []

    public init(customer: SourceColumn, date: SourceColumn, amount: SourceColumn, order: SourceColumn? = nil, segments: [SourceColumn] = []) {
        self.customer = customer
        self.date = date
        self.amount = amount
        self.order = order
        self.segments = segments
    }

    /// `typeName` names a column's type for a message (the server's `format_type`, for the types `SourceColumn` does not know).
    /// `segments`: the `--segment-by` names, matched exactly, else ignoring case; those not found are
    /// refused, or with `segmentsMayBeMissing` (a customer file may hold them) listed in `missingSegments`.
    public init(columns: [SourceColumn], mapping: ColumnMapping, segments segmentNames: [String] = [], segmentsMayBeMissing: Bool = false,
                source: String,
                typeName: (SourceColumn) -> String = { $0.typeName ?? "type \($0.typeOID)" }) throws(DatabaseError) {
        let indices: (customer: Int, date: Int, amount: Int, order: Int?)
        do {
            indices = try mapping.columnIndices(in: columns.map(\.name), source: source)
        } catch {
            throw Self.databaseError(error, source: source)
        }
        customer = columns[indices.customer]
        date = columns[indices.date]
        amount = columns[indices.amount]
        order = indices.order.map { columns[$0] }
        segments = []
        for name in segmentNames {
            guard let found = columns.first(where: { $0.name == name }) ?? columns.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                guard segmentsMayBeMissing else { throw .segmentColumnNotFound(source: source, name: name, columns: columns.map(\.name)) }
                missingSegments.append(name)
                continue
            }
            segments.append(SourceColumn(name: name, typeOID: found.typeOID, column: found.name))
        }
        guard date.kind.isDate else { throw .wrongColumnType(source: source, column: date.name, role: .date, type: typeName(date)) }
        guard amount.kind.isAmount else { throw .wrongColumnType(source: source, column: amount.name, role: .amount, type: typeName(amount)) }
    }

    /// A column problem as a file would have it, said of the database (no line number).
    static func databaseError(_ error: IngestError, source: String) -> DatabaseError {
        switch error {
        case .columnNotFound(_, _, let role, let name, let suggestion):
            return .columnNotFound(source: source, role: role, name: name, suggestion: suggestion)
        case .noColumnDetected(_, _, let role, let header, let suggestion):
            return .noColumnDetected(source: source, role: role, columns: header, suggestion: suggestion)
        case .ambiguousColumn(_, _, let role, let candidates):
            return .ambiguousColumn(source: source, role: role, candidates: candidates)
        case .duplicateColumn(_, _, let name):
            return .duplicateColumn(source: source, name: name)
        default:
            return .serverError(source: source, code: nil, detail: "\(error)")
        }
    }
}
