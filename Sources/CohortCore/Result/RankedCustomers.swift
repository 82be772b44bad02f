/// A list of customers in rank order (at risk by revenue at stake, lost by lifetime revenue),
/// held as the records in the history's order and the ranking over them: a long list is
/// ranked without moving its records.
public struct RankedCustomers: RandomAccessCollection, Sendable, Equatable {
    private let records: [CustomerRecord]
    /// `records[order[rank]]` is the customer at `rank`.
    private let order: [Int32]

    /// Ranks `records` by `key` (highest first), ties in the records' order.
    init(_ records: [CustomerRecord], by key: [Int64]) {
        precondition(records.count == key.count, "a key per record")
        var keyed = (0 ..< records.count).map { (key: key[$0], position: Int32($0)) }
        keyed.sort { $0.key != $1.key ? $0.key > $1.key : $0.position < $1.position }
        self.records = records
        order = keyed.map(\.position)
    }

    public init() {
        records = []
        order = []
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(rank: Int) -> CustomerRecord { records[Int(order[rank])] }
}
