import CohortCore
import CohortJob
import Foundation
import Testing

/// A run that reads its one order file into sums (`sumsFromBytes` 0) writes the same report, byte
/// for byte, as a run that reads it into a table of rows (`sumsFromBytes` `Int.max`): with segments from the orders
/// and from a customer file, contracts beside the orders, and an as-of date inside the data.
struct SummedReadTests {
    @Test(arguments: [nil, "2026-03-31"])
    func summedAndTableReadsWriteTheSameReport(asOf: String?) throws {
        let folder = try ReportJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let customers = try Self.writeCustomerFile(in: folder)
        func run(keepsRows: Bool) throws -> [String: Data] {
            var options = ReportJobTests.options(out: folder.appendingPathComponent(keepsRows ? "rows" : "sums"))
            options.sumsFromBytes = keepsRows ? .max : 0
            options.read.segmentColumns = ["company_size", "tier"]
            options.customersFile = customers
            options.subscriptions.contracts = [ReportJobTests.root.appendingPathComponent("examples/contracts.csv").path]
            options.analysis.asOf = asOf.flatMap(CivilDate.init(iso:))
            let outcome = try ReportJob(options: options).run()
            #expect(outcome.analysis.segments?.count == 2)
            #expect(outcome.analysis.contracts != nil)
            return try ReportJobTests.files(in: outcome.folder)
        }
        let rows = try run(keepsRows: true), sums = try run(keepsRows: false)
        #expect(rows.keys.sorted() == sums.keys.sorted())
        #expect(rows.keys.contains("analysis.json") && rows.keys.contains("at-risk.csv") && rows.keys.contains("report.xlsx"))
        for (path, data) in rows {
            #expect(sums[path] == data, "\(path) differs")
        }
    }

    /// The matrix, KPI and customer commands' steps: the same analysis and records both ways.
    @Test func analysesAndCustomerRecordsAreTheSame() throws {
        var options = ReportJobTests.options(out: FileManager.default.temporaryDirectory.appendingPathComponent("unused"))
        options.analysis.period = .week
        options.sumsFromBytes = 0
        var rowsOptions = options
        rowsOptions.sumsFromBytes = .max
        var timings = JobTimings()
        for (includesKPIs, includesCustomers) in [(false, false), (true, false), (true, true)] {
            let sums = try ReportJob(options: options).analyse(includesKPIs: includesKPIs, includesCustomers: includesCustomers, timings: &timings)
            let rows = try ReportJob(options: rowsOptions).analyse(includesKPIs: includesKPIs, includesCustomers: includesCustomers, timings: &timings)
            #expect(sums == rows, "KPIs \(includesKPIs), customers \(includesCustomers)")
        }
        let sums = try ReportJob(options: options).customerRecords(), rows = try ReportJob(options: rowsOptions).customerRecords()
        #expect(sums.analysis == rows.analysis)
        #expect(sums.records == rows.records)
        #expect(sums.records.count > 1_000)
    }

    /// A customer file with a `tier` for most customers of the example (every 7th left out, so that some are unknown).
    static func writeCustomerFile(in folder: URL) throws -> String {
        let orders = try String(contentsOf: ReportJobTests.root.appendingPathComponent("examples/orders.csv"), encoding: .utf8)
        var seen = Set<Substring>(), lines = ["customer_id,tier"]
        for line in orders.split(separator: "\n").dropFirst() {
            let customer = line.split(separator: ",")[1]
            guard seen.insert(customer).inserted, let number = Int(customer.dropFirst()), number % 7 != 0 else { continue }
            lines.append("\(customer),\(["gold", "silver", "bronze"][number % 3])")
        }
        let path = folder.appendingPathComponent("customers.csv").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
