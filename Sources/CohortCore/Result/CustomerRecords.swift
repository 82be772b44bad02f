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
        var keyed: [(key: Int64, index: Int32)] = []
        for index in 0 ..< maker.count where status == nil || columns.status[index] == status {
            let money = switch key {
            case .revenueAtStake: columns.status[index] == .atRisk ? columns.trailing[index] : 0
            case .revenueLifetime: columns.lifetime[index]
            case .revenue12m: columns.trailing[index]
            }
            keyed.append((money, Int32(index)))
        }
        keyed.sort { $0.key != $1.key ? $0.key > $1.key : maker.id(Int($0.index)) < maker.id(Int($1.index)) }
        return RankedCustomers(ranked: keyed.map(\.index), record: maker.record)
    }

    /// Equal when they hold the same records in the same order.
    public static func == (left: CustomerRecords, right: CustomerRecords) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }
}
