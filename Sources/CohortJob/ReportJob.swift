import CohortCharts
import CohortCore
import CohortIngest
import CohortReports
import CohortVocabulary
import Foundation

/// One run of cohort as a library: read → check → analyse → render → write → publish.
///
///     let outcome = try ReportJob(options: JobOptions(inputs: ["examples/orders.csv"])).run()
///     outcome.folder          // output/2026-10-31
///
/// Each step is also callable alone (`analyse` for the matrix and KPI commands,
/// `report(fromAnalysisAt:)` for a report rendered from an earlier `analysis.json`). Failures are
/// thrown as values: `IngestError`, `AnalysisError`, `SettingError`, `ReportError`,
/// `ChartError`; nothing is written before the report folder is complete.
public struct ReportJob: Sendable {
    public var options: JobOptions
    /// Hears progress, warnings and phases (see `JobEvent`).
    public var events: (@Sendable (JobEvent) -> Void)?

    public init(options: JobOptions, events: (@Sendable (JobEvent) -> Void)? = nil) {
        self.options = options
        self.events = events
    }

    /// What a whole run made.
    public struct Outcome: Sendable {
        public var analysis: CohortAnalysis
        /// The report folder, `<out>/<as-of>/`.
        public var folder: URL
        /// `<publish>/<period>/`, when published.
        public var published: URL?
        public var timings: JobTimings
        /// report.eml as the SMTP server took it, when `options.mail` names one.
        public var sent: SentMail? = nil
    }

    // MARK: Steps

    /// Reads every input, refuses it when too many rows cannot be read (or any, with `strict`),
    /// and tells of warnings and skipped rows.
    public func read() throws -> OrderReadResult {
        events?(.phase(.reading))
        var result = try orderReader.read(sources: options.inputs)
        try result.check(strict: options.strict, maxRejectedPercent: options.maxRejectedPercent)
        try joinSegments(&result)
        tell(warnings: result.warnings, rejected: result.rejected, rowsRead: result.rowsRead)
        return result
    }

    /// The reader of the order files, telling of its progress.
    var orderReader: OrderReader {
        var readOptions = options.read
        readOptions.asOf = options.analysis.asOf ?? readOptions.asOf
        var reader = OrderReader(options: readOptions)
        if let events { reader.progress = { done, total in events(.bytesRead(done, of: total)) } }
        return reader
    }

    /// Tells of what reading the orders warned of, and of the rows skipped.
    func tell(warnings: [InputWarning], rejected: [RejectedRow], rowsRead: Int) {
        for warning in warnings { events?(.warning(warning)) }
        if let first = rejected.first { events?(.rowsSkipped(count: rejected.count, of: rowsRead, first: first)) }
    }

    /// Takes each `--segment-by` attribute the orders do not have from the customer file, and puts
    /// the attributes in the order asked for; an attribute found nowhere is an `IngestError`.
    func joinSegments(_ result: inout OrderReadResult) throws {
        result.table.segments = try segmentColumns(result.table.segments, customers: result.table, sources: result.sources)
    }

    /// The `--segment-by` attributes in the order asked for: those of the orders (`found`), the others
    /// from the customer file, joined on the customers of `customers` (a table, with rows or without).
    func segmentColumns(_ found: [SegmentColumn], customers: OrderTable, sources: [String]) throws -> [SegmentColumn] {
        let wanted = options.read.segmentColumns
        guard !wanted.isEmpty else { return found }
        var columns = found
        let missing = wanted.filter { name in !columns.contains { $0.name == name } }
        var sources = sources
        if let file = options.customersFile {
            let attributes = try CustomerFileReader(options: options.read).read(file, attributes: wanted.filter { missing.contains($0) })
            columns += attributes.segmentColumns(for: customers)
            sources.append(file)
            if let absent = missing.first(where: { !attributes.names.contains($0) }) {
                throw IngestError.segmentColumnNotFound(name: absent, sources: sources, suggestion: attributes.suggestion(for: absent))
            }
        } else if let absent = missing.first {
            throw IngestError.segmentColumnNotFound(name: absent, sources: sources, suggestion: nil)
        }
        return wanted.compactMap { name in columns.first { $0.name == name } }
    }

    /// The analysis of what was read; `includesKPIs: false` computes the matrices only,
    /// `includesCustomers` adds the customers to act on (statuses, lists, BG/NBD).
    public func analyse(_ read: OrderReadResult, includesKPIs: Bool = true, includesCustomers: Bool = false) throws -> CohortAnalysis {
        events?(.phase(.analysing))
        return try CohortAnalysis(table: read.table, options: analysisOptions, input: read.inputSummary, includesKPIs: includesKPIs,
                                  includesCustomers: includesCustomers)
    }

    /// Reads and analyses, timing both.
    public func analyse(includesKPIs: Bool = true, includesCustomers: Bool = false, timings: inout JobTimings) throws -> CohortAnalysis {
        if let url = databaseURL { return try analyse(database: url, includesKPIs: includesKPIs, includesCustomers: includesCustomers, timings: &timings) }
        // Without the customers to act on, nothing shown names a customer: the ids are only counted.
        if let summed = try readSums(collectsPurchases: includesKPIs && includesCustomers, keepsCustomerIDs: includesCustomers) {
            timings.lap(.read(rows: summed.input.rowsRead))
            events?(.phase(.analysing))
            let input = summed.input
            // Consumed, so that the aggregates' entries become the history's without a copy.
            let analysis = try CohortAnalysis(aggregates: (consume summed).aggregates, options: analysisOptions, input: input, includesKPIs: includesKPIs,
                                              includesCustomers: includesCustomers)
            timings.lap(.analyse)
            return analysis
        }
        let result = try read()
        timings.lap(.read(rows: result.rowsRead))
        let analysis = try analyse(result, includesKPIs: includesKPIs, includesCustomers: includesCustomers)
        timings.lap(.analyse)
        return analysis
    }

    /// Reads and analyses, with every customer's record (every status), for `cohort customers`.
    public func customerRecords() throws -> (analysis: CohortAnalysis, records: CustomerRecords) {
        if let url = databaseURL { return try customerRecords(database: url) }
        if let summed = try readSums(collectsPurchases: true) {
            events?(.phase(.analysing))
            let input = summed.input
            return try CohortAnalysis.withCustomerRecords(aggregates: (consume summed).aggregates, options: analysisOptions, input: input)
        }
        let result = try read()
        events?(.phase(.analysing))
        return try CohortAnalysis.withCustomerRecords(table: result.table, options: analysisOptions, input: result.inputSummary)
    }

    /// The analysis options with the report's currency.
    var analysisOptions: AnalysisOptions {
        var analysisOptions = options.analysis
        analysisOptions.currency = options.look.currency
        return analysisOptions
    }

    /// The whole run: read, analyse, render, write the report folder, publish.
    public func run() throws -> Outcome {
        try options.mail.check()
        var timings = JobTimings()
        let (analysis, atRisk, lost) = try analysisWithCustomerLists(timings: &timings)
        var lists: [String: StreamedFile] = [:]
        if analysis.customers?.listsIncluded == true {
            // Made as they are written: a list of millions of customers never sits in memory as text
            // (with --publish they are made a second time, for the published folder).
            let names = analysis.segments?.map(\.name) ?? [], dialect = options.look.reportCSVDialect
            for (file, list) in [(Self.atRiskFile, atRisk), (Self.lostFile, lost)] {
                lists[file] = StreamedFile { sink in CustomerCSV.write(list, segmentNames: names, dialect: dialect, to: sink) }
            }
        }
        timings.lap(.analyse)
        return try report(analysis, customerLists: lists, timings: timings)
    }

    /// Reads (files, or a database: ReportJob+Database.swift) and analyses with the customer lists.
    private func analysisWithCustomerLists(timings: inout JobTimings) throws -> (CohortAnalysis, RankedCustomers, RankedCustomers) {
        try refuseSubscriptionsWithDatabase()
        if let url = databaseURL { return try analysisWithCustomerLists(database: url, timings: &timings) }
        if options.subscriptions.answers.isEmpty, !options.inputs.isEmpty, let summed = try readSums(collectsPurchases: true) {
            let contracts = options.subscriptions.contracts.isEmpty ? nil : try readContracts()
            timings.lap(.read(rows: summed.input.rowsRead + (contracts?.rowsRead ?? 0)))
            events?(.phase(.analysing))
            let input = contracts.map { summed.input.adding($0.inputSummary) } ?? summed.input
            var (analysis, atRisk, lost) = try CohortAnalysis.withCustomerLists(aggregates: (consume summed).aggregates, options: analysisOptions,
                                                                                input: input)
            try complete(&analysis, with: contracts)
            return (analysis, atRisk, lost)
        }
        let inputs = try readInputs()
        timings.lap(.read(rows: inputs.rowsRead))
        events?(.phase(.analysing))
        var (analysis, atRisk, lost) = try CohortAnalysis.withCustomerLists(table: inputs.orders.table, options: analysisOptions(for: inputs),
                                                                             input: inputs.summary)
        try complete(&analysis, with: inputs)
        return (analysis, atRisk, lost)
    }

    /// Renders, writes and publishes the report of an analysis computed before, without customer lists.
    public func report(from analysis: CohortAnalysis) throws -> Outcome {
        try report(analysis, customerLists: [:], timings: JobTimings())
    }

    /// Renders, writes and publishes the report of an analysis computed before (`analysis.json` at `path`);
    /// the customer lists (at-risk.csv, lost.csv) are copied from its folder when they are there.
    public func report(fromAnalysisAt path: String) throws -> Outcome {
        let analysis = try Self.readAnalysis(path)
        var lists: [String: StreamedFile] = [:]
        if analysis.customers?.listsIncluded == true {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            for name in [Self.atRiskFile, Self.lostFile] {
                if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { lists[name] = StreamedFile(data) }
            }
        }
        return try report(analysis, customerLists: lists, timings: JobTimings())
    }

    /// The full customer lists in the report folder, ready for a CRM import.
    public static let atRiskFile = "at-risk.csv", lostFile = "lost.csv"

    private func report(_ analysis: CohortAnalysis, customerLists: [String: StreamedFile], timings: JobTimings) throws -> Outcome {
        var timings = timings
        try options.mail.check()
        events?(.phase(.drawing))
        var bundle = try self.bundle(for: analysis)
        bundle.attachments = customerLists
        bundle.csvDialect = options.look.reportCSVDialect
        let drawn = try bundle.drawCharts()
        timings.lap(.charts(count: bundle.charts.count))
        let documents = try bundle.documentFiles(svgs: drawn.svgs, segmentSVGs: drawn.segmentSVGs)
        timings.lap(.documents)
        events?(.phase(.writing))
        let files = drawn.files.merging(documents, uniquingKeysWith: { chart, _ in chart })
        let folder = try ReportFolder(parent: URL(fileURLWithPath: options.out), name: analysis.asOf.description)
            .publish(files, streamed: bundle.attachments)
        var published: URL?
        if let publish = options.publish, let period = analysis.headlineKPIs?.label ?? analysis.periods.last?.label {
            published = try Publisher(folder: URL(fileURLWithPath: publish), templates: bundle.templates, settings: bundle.settings)
                .publish(files, streamed: bundle.attachments, period: period, keep: options.keep)
        }
        timings.lap(.write)
        var outcome = Outcome(analysis: analysis, folder: folder, published: published, timings: timings)
        if let message = files[ReportBundle.mailFileName] { outcome.sent = try send(message, folder: folder) }
        return outcome
    }

    /// Everything the report folder holds, in memory.
    public func bundle(for analysis: CohortAnalysis) throws -> ReportBundle {
        var settings = self.settings(for: analysis)
        settings.logo = try options.look.logo.map(Self.readLogo)
        var bundle = ReportBundle(analysis: analysis, settings: settings, chartStyle: chartStyle(sources: analysis.input.sources),
                                  templates: try ReportTemplates(overrides: options.look.templates.map { URL(fileURLWithPath: $0) }))
        bundle.mailAddresses = mailAddresses
        return bundle
    }

    /// The report's language, currency, targets, company and time (without the logo, which is read for a report only).
    public func settings(for analysis: CohortAnalysis) -> ReportSettings {
        let look = options.look
        return ReportSettings(language: look.language, currency: look.currency, targets: look.kpiTargets, company: look.company,
                              generatedAt: options.generatedAt ?? ReportSettings.generationTime(), sources: analysis.input.sources)
    }

    /// How charts look: the report's language, currency, scale, font and target; the source in every subtitle.
    public func chartStyle(sources: [String]) -> ChartStyle {
        let look = options.look
        let source = sources.count == 1 ? URL(fileURLWithPath: sources[0]).lastPathComponent : "\(sources.count) files"
        return ChartStyle(fontFamily: look.font, language: look.language, currency: look.currency, scale: look.scale,
                          retentionTarget: look.retentionTarget, source: sources == ["-"] ? nil : source)
    }

    /// An analysis.json written by `cohort report`; another layout or another file is an `AnalysisFileError`.
    public static func readAnalysis(_ path: String) throws(AnalysisFileError) -> CohortAnalysis {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, detail: "no such file or not readable")
        }
        do {
            return try AnalysisJSON.decode(data)
        } catch let error as AnalysisFileError {
            throw error
        } catch {
            throw .unreadable(path: path, detail: "\(error)")
        }
    }

    /// A logo file as PNG or SVG, by its extension.
    static func readLogo(_ path: String) throws(SettingError) -> Logo {
        let kind: Logo.Kind
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "png": kind = .png
        case "svg": kind = .svg
        default: throw .logo(path: path, readable: true)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .logo(path: path, readable: false) }
        return Logo(kind: kind, data: data)
    }
}
