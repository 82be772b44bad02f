import CohortCore

/// How one column writes its values (its decimal separator, its day/month order):
/// given on the command line, proven by a value of the data, or not known yet.
///
/// A convention is settled by the first value that only one choice can read
/// (`1.234,56` proves a decimal comma, `13/04/2026` day first) and holds for the
/// rest of the file; values that contradict it are rejected with the evidence
/// that settled it (`ConventionEvidence`), so that a message can name it.
struct Convention<Value: Equatable>: Equatable {
    private(set) var value: Value?
    /// Why the convention holds; nil while it is open.
    private(set) var evidence: ConventionEvidence?

    init(given: Value?) {
        value = given
        evidence = given == nil ? nil : .given
    }

    var isSettled: Bool { value != nil }

    /// Settles an open convention on the evidence of `text` on `line`.
    mutating func settle(_ value: Value, line: Int, text: String) {
        guard self.value == nil else { return }
        self.value = value
        evidence = .proven(line: line, text: text)
    }

    /// Settles an open convention at the end of the file, on the evidence of the whole column.
    mutating func settleAtEnd(_ value: Value, evidence: ConventionEvidence) {
        guard self.value == nil else { return }
        self.value = value
        self.evidence = evidence
    }
}
