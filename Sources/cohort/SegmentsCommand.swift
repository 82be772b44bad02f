import ArgumentParser
import CohortCore
import CohortJob
import CohortReports

struct SegmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Compare segments: customers, churn with its 95 % interval, customers kept, NRR, GRR and first-year revenue per customer.",
        discussion: """
        Customers are split by the value of a column on their first order (--segment-by), or by a customer \
        file (--customers). The largest segments are shown, the rest gathered as other. A difference in \
        churn is a finding only where the 95 % intervals do not overlap.

        Examples:
          cohort segments orders.csv --segment-by industry
          cohort segments orders.csv --segment-by plan --customers customers.csv --format csv
          cohort segments orders.csv --segment-by industry --format xlsx --out segments.xlsx
          cohort segments orders.csv --segment-by country --segment-by company_size --segment-limit 5
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var segments: SegmentOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var look: LookOptions

    @Option(help: "table (the terminal), csv, json or xlsx.")
    var format: OutputFormat = .table

    @OptionGroup var export: ExportOptions

    func validate() throws {
        if segments.segmentBy.isEmpty { throw ValidationError("Name the column to split by with --segment-by, e.g. --segment-by industry.") }
    }

    func run() throws {
        var options = JobOptions.fromEnvironment()
        input.apply(to: &options)
        segments.apply(to: &options)
        analysis.apply(to: &options)
        look.apply(to: &options)
        try options.requireInputs()
        try export.refuseBinaryOnTerminal(format)
        let language = options.look.language
        try CommandRun(language: language, quiet: progress.quiet) { events in
            let job = ReportJob(options: options, events: events)
            let (result, _) = try job.customerRecords()
            switch format {
            case .csv: try export.deliver(SegmentTable.csv(result, dialect: export.dialect(locale: look.locale)))
            case .json: try export.deliver(try AnalysisJSON.encode(SegmentsExport(asOf: result.asOf, attributes: result.segments ?? [])))
            case .table: try export.deliver(SegmentTable.text(result, words: language.words, currency: options.look.currency))
            case .xlsx: try export.deliver(ReportWorkbook(analysis: result, settings: job.settings(for: result)).segmentsWorkbook(), words: language.words)
            }
        }
    }

    /// The comparison without each segment's full analysis.
    private struct SegmentsExport: Encodable {
        var asOf: CivilDate
        var attributes: [Attribute]

        init(asOf: CivilDate, attributes: [SegmentAttribute]) {
            self.asOf = asOf
            self.attributes = attributes.map { attribute in
                Attribute(name: attribute.name, all: attribute.all, unknownCustomers: attribute.unknownCustomers,
                          missingFromCustomerFile: attribute.missingFromCustomerFile,
                          segments: attribute.segments.map {
                              Entry(segment: SegmentedExport.label($0), kind: $0.kind, values: $0.values, customers: $0.customers,
                                    comparison: $0.comparison)
                          })
            }
        }

        struct Attribute: Encodable {
            var name: String
            var all: SegmentComparison?
            var unknownCustomers: Int
            var missingFromCustomerFile: Int
            var segments: [Entry]
        }

        struct Entry: Encodable {
            var segment: String
            var kind: Segment.Kind
            var values: Int
            var customers: Int
            var comparison: SegmentComparison?
        }
    }
}
