import CohortCharts
import CohortCore
import CohortVocabulary
import Foundation

/// Publishes reports into a shared folder, one subfolder per period, with an index page.
///
/// Each report is built aside and renamed into `folder/<period>/` in one step
/// (`ReportFolder`), so readers never see half a report; earlier periods stay;
/// `index.html` is rewritten (also by rename) to list every published period with
/// its headline KPIs; `keep` prunes the oldest. Anything that fails before the
/// rename leaves the folder exactly as it was. Nothing cohort did not write is replaced
/// or deleted: a period entry that is not a report folder (`OutputTarget.isReportFolder`)
/// is refused, and pruning removes report folders only.
///
///     let published = try Publisher(folder: URL(fileURLWithPath: "/srv/intranet/cohorts"), templates: templates, settings: settings)
///         .publish(files, period: "2026-10", keep: 24)
public struct Publisher: Sendable {
    public let folder: URL
    public let templates: ReportTemplates
    public let settings: ReportSettings

    public init(folder: URL, templates: ReportTemplates, settings: ReportSettings) {
        self.folder = folder
        self.templates = templates
        self.settings = settings
    }

    /// Publishes one report's files (and the `streamed` ones, `ReportFolder.publish`) as `folder/<period>/`; returns that folder.
    @discardableResult
    public func publish(_ files: [String: Data], streamed: [String: StreamedFile] = [:], period: String, keep: Int? = nil) throws -> URL {
        guard Self.isPeriodName(period) else { throw ReportError.publish(folder.path, "'\(period)' is not a period name") }
        try requireReplaceableIndex()
        let destination = try ReportFolder(parent: folder, name: period).publish(files, streamed: streamed)
        if let keep { try prune(keeping: keep) }
        try writeIndex()
        return destination
    }

    /// The published periods, oldest first (folder names like 2026-10, 2026-Q3, 2026-W09).
    public func publishedPeriods() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { Self.isPeriodName($0) && OutputTarget.isReportFolder(folder.appendingPathComponent($0).path) }.sorted()
    }

    /// Removes all but the newest `keep` periods.
    func prune(keeping keep: Int) throws {
        for period in publishedPeriods().dropLast(max(keep, 1)) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(period))
        }
    }

    /// Throws unless `index.html` is free, or a regular file in a folder that holds published reports
    /// (cohort's index); checked before anything is written, so a refusal leaves the folder as it was.
    func requireReplaceableIndex() throws(OutputError) {
        let index = folder.appendingPathComponent("index.html").path
        try OutputTarget.requireReplaceableFile(index)
        if OutputTarget.kind(at: index) == .file && publishedPeriods().isEmpty { throw .notWrittenByCohort(path: index) }
    }

    /// Rewrites `index.html` from the published reports' `analysis.json`.
    func writeIndex() throws {
        let decoder = JSONDecoder()
        let reports: [(String, CohortAnalysis)] = publishedPeriods().compactMap { period in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(period)/analysis.json").path),
                  let analysis = try? decoder.decode(CohortAnalysis.self, from: data) else { return nil }
            return (period, analysis)
        }
        let model = IndexModel(reports: reports, settings: settings)
        let html = Data(try templates.render(model, as: .index).utf8)
        let index = folder.appendingPathComponent("index.html").path
        // Written aside (mkdtemp, O_EXCL|O_NOFOLLOW), then renamed over the old index in one step.
        try OutputFile.write(html, to: index)
    }

    /// `2026-10`, `2026-Q3` or `2026-W09`: the only names published folders get.
    static func isPeriodName(_ name: String) -> Bool {
        name.range(of: #"^[0-9]{4}-([0-9]{2}|Q[1-4]|W[0-9]{2})$"#, options: .regularExpression) != nil
    }
}

/// What `index.html` shows: one row per published period, newest first.
public struct IndexModel: Sendable {
    public let lang: String
    public let title: String
    public let company: String?
    public let generatedAt: String
    public let labels: ReportLabels
    public let columns: [String]
    public let entries: [IndexEntry]

    init(reports: [(String, CohortAnalysis)], settings: ReportSettings) {
        let words = settings.language.words
        let kind = reports.last?.1.options.period ?? .month
        labels = words.reportLabels(kind)
        lang = settings.language.code
        title = labels.publishedReports
        company = settings.company
        let text = ReportText(language: settings.language, currency: settings.currency, kind: kind)
        generatedAt = words.timestamp(settings.generatedAt)
        let keys: [HeadlineKey] = [.activeCustomers, .churnRate, .customersKept, .revenue, .nrr, .averageOrderValue]
        let columns = keys.map { words.headlineLabel($0, span: nil, kind) }
        self.columns = columns
        var entries: [IndexEntry] = []
        var previous: Headline?
        for (period, analysis) in reports {
            guard let headline = analysis.headline else { continue }
            let values = zip(keys, columns).map { key, column -> IndexValue in
                let now = headline[key]?.value
                let before = previous?[key]?.value
                let trend = text.trend(from: before, to: now, higherIsBetter: key.higherIsBetter)
                let arrow = before == nil || now == nil || trend == "same" ? "" : ((now ?? 0) > (before ?? 0) ? "▲" : "▼")
                return IndexValue(label: column, text: text.value(now, key.unit), arrow: arrow, trend: trend)
            }
            entries.append(IndexEntry(period: text.periodName(analysis.periods[headline.period]), link: "\(period)/report.html",
                                      asOf: words.longDate(analysis.asOf), values: values))
            previous = headline
        }
        self.entries = entries.reversed()
    }
}

public struct IndexEntry: Sendable {
    public let period: String
    public let link: String
    public let asOf: String
    public let values: [IndexValue]
}

public struct IndexValue: Sendable {
    /// The column's heading: "Active customers" (a narrow screen shows it beside the value).
    public let label: String
    public let text: String
    /// "▲", "▼" or "" against the period published before.
    public let arrow: String
    /// "better", "worse" or "same".
    public let trend: String
}
