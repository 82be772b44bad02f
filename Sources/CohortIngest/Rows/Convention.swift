/// How one column writes its values (its decimal separator, its day/month order):
/// given on the command line, proven by a value of the data, or not known yet.
///
/// A convention is settled by the first value that only one choice can read
/// (`1.234,56` proves a decimal comma, `13/04/2026` day first) and holds for the
/// rest of the file; values that contradict it are rejected with a reason naming
/// the value that settled it.
struct Convention<Value: Equatable>: Equatable {
    /// Why the convention holds.
    enum Origin: Equatable {
        case given
        case proven(line: Int, text: String)
        /// Settled at the end of the file by the column as a whole.
        case column(Wording)
    }

    private(set) var value: Value?
    private(set) var origin: Origin?

    init(given: Value?) {
        value = given
        origin = given == nil ? nil : .given
    }

    var isSettled: Bool { value != nil }

    /// Settles an open convention on the evidence of `text` on `line`.
    mutating func settle(_ value: Value, line: Int, text: String) {
        guard self.value == nil else { return }
        self.value = value
        origin = .proven(line: line, text: text)
    }

    /// Settles an open convention at the end of the file, on the evidence of the whole column.
    mutating func settleAtEnd(_ value: Value, reason: Wording) {
        guard self.value == nil else { return }
        self.value = value
        origin = .column(reason)
    }

    /// "as '1.234,56' on line 3 shows; use --decimal if that is wrong", for rejection reasons.
    func because(option: String) -> Wording {
        switch origin {
        case .given?:
            return Wording("as given with \(option)", german: "wie mit \(option) angegeben")
        case .proven(let line, let text)?:
            return Wording("as '\(text)' on line \(line) shows; use \(option) if that is wrong",
                           german: "wie '\(text)' in Zeile \(line) zeigt; \(option), falls das nicht stimmt")
        case .column(let reason)?:
            return Wording("\(reason.english); use \(option) if that is wrong", german: "\(reason.german); \(option), falls das nicht stimmt")
        case nil:
            return Wording("", german: "")
        }
    }
}
