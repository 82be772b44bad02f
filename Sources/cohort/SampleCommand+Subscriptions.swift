import CohortReports
import CohortSample
import Foundation

extension SampleCommand {
    /// Writes `--contracts` and `--nps`, each aside and renamed into place.
    func writeSubscriptions() throws {
        let sample = SubscriptionSample(options: SampleOptions(customers: customers, rows: rows, months: months, seed: seed))
        if let contracts {
            let bytes = sample.contractsCSV()
            try Self.write(bytes, to: contracts)
            Terminal.note("Wrote \(bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } - 1) contracts to \(contracts)")
        }
        if let nps {
            let bytes = sample.answersCSV()
            try Self.write(bytes, to: nps)
            Terminal.note("Wrote \(bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } - 1) survey answers to \(nps)")
        }
    }

    /// Written aside (a private folder, O_EXCL|O_NOFOLLOW), then renamed: no half-written file under the final name,
    /// and nothing but a regular file replaced.
    private static func write(_ bytes: [UInt8], to path: String) throws {
        try OutputFile.write(Data(bytes), to: path)
    }
}
