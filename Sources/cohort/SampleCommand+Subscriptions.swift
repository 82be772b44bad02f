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

    /// Writes aside, then renames: no half-written file under the final name.
    private static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }
}
