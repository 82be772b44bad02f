import Foundation

/// The content of the PDF management report, already worded and formatted by the
/// reports module; this module only lays it out on A4 pages with Cairo.
///
/// Page 1 is the cover with the headline cards; each section then gets a page with
/// its chart (scaled to fit) and its summary and table.
public struct PageDocument: Sendable {
    /// "Cohort report October 2026".
    public var title: String
    public var company: String?
    /// PNG bytes of the company logo, drawn on the cover.
    public var logoPNG: [UInt8]?
    /// Lines under the title: source, as-of date, settings, rows read, generated at.
    public var subtitleLines: [String]
    /// Shown on the cover when the as-of period is still running.
    public var note: String?
    /// The written summary, a few sentences on the cover between the title and the cards.
    public var summary: [String] = []
    /// "Headline KPIs: October 2026".
    public var cardsHeading: String
    public var cards: [Card]
    public var sections: [Section]
    /// Footer on every page, e.g. "Cohort report October 2026 · Muster GmbH"; page numbers are added.
    public var footer: String
    /// "Page" / "Seite".
    public var pageWord: String
    /// When the report was made, stored in the PDF's metadata (nil: a fixed date).
    public var createdAt: Date?

    public init(title: String, company: String?, logoPNG: [UInt8]?, subtitleLines: [String], note: String?,
                cardsHeading: String, cards: [Card], sections: [Section], footer: String, pageWord: String) {
        self.title = title
        self.company = company
        self.logoPNG = logoPNG
        self.subtitleLines = subtitleLines
        self.note = note
        self.cardsHeading = cardsHeading
        self.cards = cards
        self.sections = sections
        self.footer = footer
        self.pageWord = pageWord
    }

    /// A headline KPI card.
    public struct Card: Sendable {
        public enum Status: String, Sendable { case good, warning, bad, none }
        public var name: String
        /// The figure; empty when there is none (then `note` says why).
        public var value: String
        /// Why there is no value ("needs 24 months of orders, 18 present"); empty otherwise.
        public var note: String = ""
        /// e.g. ["−24.5 pp vs. previous month", "−8.1 pp vs. a year earlier"].
        public var changes: [String]
        /// Per change line: true when it is an improvement, false when worse, nil when unchanged.
        public var improvements: [Bool?]
        public var status: Status
        /// e.g. "○ off target (target 85.0%)"; empty without a target.
        public var statusText: String

        public init(name: String, value: String, changes: [String], improvements: [Bool?], status: Status, statusText: String) {
            self.name = name
            self.value = value
            self.changes = changes
            self.improvements = improvements
            self.status = status
            self.statusText = statusText
        }
    }

    /// One page: a chart with a heading, a few sentences, and optionally a small table.
    public struct Section: Sendable {
        public var heading: String
        public var chart: ChartKind
        public var summary: [String]
        /// First row is the header; keep it to what fits under the chart (e.g. the last 6 periods).
        public var table: [[String]]
        /// For a segment chart: which attribute (index into `CohortAnalysis.segments`).
        public var segmentAttribute: Int

        public init(heading: String, chart: ChartKind, summary: [String], table: [[String]], segmentAttribute: Int = 0) {
            self.heading = heading
            self.chart = chart
            self.summary = summary
            self.table = table
            self.segmentAttribute = segmentAttribute
        }
    }
}
