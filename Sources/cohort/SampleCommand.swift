import ArgumentParser
import CohortReports
import CohortSample
import Foundation

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write deterministic synthetic order data (CSV) for trying cohort out and for benchmarks.",
        discussion: """
        Customers are acquired with growth and seasonality, buy repeatedly, churn (mostly early), \
        sometimes come back; about 1 % of orders are refunded. The same options always give the same file.

        Examples:
          cohort sample --out orders.csv
          cohort sample --rows 1000000 --seed 7 --out big.csv
          cohort sample --customers 500 --months 24 | cohort matrix -
          cohort sample --out orders.csv --contracts contracts.csv --nps nps.csv
        """)

    @Option(help: "Number of customers (default 2000 unless --rows is given).")
    var customers: Int?

    @Option(help: "Exact number of data rows to write instead of a customer count.")
    var rows: Int?

    @Option(help: "Months of history.")
    var months: Int = 36

    @Option(help: "Random seed; the same seed gives the same file.")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Output file (default: standard output).", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Also write contracts of the same customers (contract_id, customer_id, start, end, mrr).", valueName: "file"))
    var contracts: String?

    @Option(help: ArgumentHelp("Also write NPS survey answers of the same customers (customer_id, date, score).", valueName: "file"))
    var nps: String?

    @OptionGroup var locale: LocaleOption

    func validate() throws {
        if customers != nil && rows != nil { throw ValidationError("Give --customers or --rows, not both.") }
        if let customers, customers < 1 { throw ValidationError("--customers must be 1 or more.") }
        if let rows, rows < 1 { throw ValidationError("--rows must be 1 or more.") }
        guard (1 ... 600).contains(months) else { throw ValidationError("--months must be between 1 and 600.") }
    }

    func run() throws {
        let generator = SampleGenerator(options: SampleOptions(customers: customers, rows: rows, months: months, seed: seed))
        let words = locale.language.words
        try CommandRun(language: locale.language, quiet: true).failingCleanly {
            try writeSubscriptions()
            guard let out else {
                let summary = generator.generate { Terminal.write(Data($0)) }
                Terminal.note(words.sampleSummary(rows: summary.rows, customers: summary.customers))
                return
            }
            // Written aside (a private folder, O_EXCL|O_NOFOLLOW), then renamed: no half-written file under the final
            // name, and nothing but a regular file replaced.
            let file = try AsideFile(target: out)
            let summary = try generator.generate { try file.write($0) }
            try file.commit()
            Terminal.note(words.sampleWritten(rows: summary.rows, customers: summary.customers, orders: summary.orders,
                                              refunds: summary.refunds, to: out))
        }
    }
}
