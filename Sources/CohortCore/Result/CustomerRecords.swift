/// Every analysed customer's record in the history's order (`cohort customers`), each made when
/// it is read (`CustomerRecordMaker`): millions of customers are held as the analysis's columns,
/// not as records.
///
///     let (analysis, records) = try CohortAnalysis.withCustomerRecords(table: table)
///     let atRisk = records.ranked(status: .atRisk, by: .revenueAtStake)   // 4 bytes a customer
///     for record in atRisk.prefix(20) { print(record.id) }
public struct CustomerRecords: RandomAccessCollection, Sendable, Equatable {
    private let maker: CustomerRecordMaker?

    init(_ maker: CustomerRecordMaker) {
        self.maker = maker
    }

    public init() {
        maker = nil
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { maker?.count ?? 0 }
    public subscript(index: Int) -> CustomerRecord { maker!.record(index) }

    /// What `ranked` ranks by: the record's money of that name.
    public enum RankingKey: Sendable {
        /// `revenueAtStake`, zero for a customer not at risk.
        case revenueAtStake
        case revenueLifetime
        case revenue12m
    }

    /// The customers with `status` (everyone when nil), by `key` (highest first), then by id.
    public func ranked(status: CustomerStatus?, by key: RankingKey) -> RankedCustomers {
        guard let maker else { return RankedCustomers() }
        let columns = maker.columns
        var keyed: [(key: Int64, idPrefix: UInt64, index: Int32, ascii: Bool)] = []
        for index in 0 ..< maker.count where status == nil || columns.status[index] == status {
            let money = switch key {
            case .revenueAtStake: columns.status[index] == .atRisk ? columns.trailing[index] : 0
            case .revenueLifetime: columns.lifetime[index]
            case .revenue12m: columns.trailing[index]
            }
            let (idPrefix, ascii) = Self.prefix(of: maker.id(index))
            keyed.append((money, idPrefix, Int32(index), ascii))
        }
        // Ties by id: most are told apart by the ids' first 8 bytes as a number, the rest as strings.
        keyed.sort { left, right in
            if left.key != right.key { return left.key > right.key }
            if left.ascii && right.ascii && left.idPrefix != right.idPrefix { return left.idPrefix < right.idPrefix }
            return maker.id(Int(left.index)) < maker.id(Int(right.index))
        }
        return RankedCustomers(ranked: keyed.map(\.index), record: maker.record)
    }

    /// The first 8 bytes of an ASCII id as a big-endian number, zeros after a shorter id, and
    /// whether the id is ASCII. Two ASCII ids whose numbers differ are ordered as the numbers
    /// are: bytes compare as the strings' characters do, and a shorter id that begins a longer
    /// one comes first either way. Ids that are not ASCII compare as strings only.
    static func prefix(of id: String) -> (number: UInt64, ascii: Bool) {
        var number: UInt64 = 0, count = 0
        for byte in id.utf8 {
            guard byte < 0x80 else { return (0, false) }
            if count < 8 { number |= UInt64(byte) << UInt64(56 - 8 * count) }
            count += 1
        }
        return (number, true)
    }

    /// Equal when they hold the same records in the same order.
    public static func == (left: CustomerRecords, right: CustomerRecords) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }
}
