/// A list of customers in rank order (at risk by revenue at stake, lost by lifetime revenue),
/// held as the customers' indices in rank order: each `CustomerRecord` is made when it is read
/// (`CustomerRecordMaker`), so a list of millions of customers takes 4 bytes a customer, and a
/// long list is ranked without moving records.
public struct RankedCustomers: RandomAccessCollection, Sendable, Equatable {
    /// `record(Int(order[rank]))` is the customer at `rank`.
    private let order: [Int32]
    private let record: @Sendable (Int) -> CustomerRecord

    /// Ranks the customers `indices` by `key` (highest first), ties in the order of `indices`;
    /// `record` makes the record of an index.
    init(_ indices: [Int32], by key: [Int64], record: @escaping @Sendable (Int) -> CustomerRecord) {
        precondition(indices.count == key.count, "a key per customer")
        var keyed = (0 ..< indices.count).map { (key: key[$0], position: Int32($0)) }
        keyed.sort { $0.key != $1.key ? $0.key > $1.key : $0.position < $1.position }
        order = keyed.map { indices[Int($0.position)] }
        self.record = record
    }

    /// The customers `ranked` (indices, in rank order); `record` makes the record of an index.
    init(ranked: [Int32], record: @escaping @Sendable (Int) -> CustomerRecord) {
        order = ranked
        self.record = record
    }

    public init() {
        order = []
        record = { _ in preconditionFailure("an empty list has no customer") }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }
    public subscript(rank: Int) -> CustomerRecord { record(Int(order[rank])) }

    /// Equal when they list the same records in the same order.
    public static func == (left: RankedCustomers, right: RankedCustomers) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }
}
