import CohortCore
import CohortDatabase
import CohortIngest
import CohortReports
import CohortVocabulary
import Foundation

/// Everything one run needs, from the files to read to the folder the report goes to.
///
/// The CLI fills it from the configuration file (`apply(_:relativeTo:)`) and then from
/// its flags, which win; tests build it directly.
///
///     var options = JobOptions(inputs: ["examples/orders.csv"])
///     options.analysis.churnWindow = 3
///     let outcome = try ReportJob(options: options).run()
public struct JobOptions: Sendable {
    /// Order files (patterns expanded when reading; "-" is standard input).
    public var inputs: [String]
    /// Columns and whatever reading should not detect.
    public var read: ReadOptions
    /// With a `postgresql://` input: the table or query, and whether the database sums the orders.
    public var database = DatabaseReadOptions()
    /// A customer file with segment attributes (`--customers`), joined on the customer id.
    public var customersFile: String?
    /// Fail on the first row that cannot be read.
    public var strict: Bool
    /// Fail when more than this percentage of rows cannot be read.
    public var maxRejectedPercent: Double
    public var analysis: AnalysisOptions
    public var look: ReportLook
    /// The folder that receives `<as-of>/`.
    public var out: String
    /// A shared folder to publish into as `<period>/`, with `index.html`.
    public var publish: String?
    /// With `publish`: keep only the newest N periods.
    public var keep: Int?
    /// The "generated" time the report shows; nil: `SOURCE_DATE_EPOCH` when set, else now.
    public var generatedAt: Date?
    /// Sender, recipients and server of report.eml; by default it is written as a draft and not sent.
    public var mail = MailOptions()
    /// Contract lists and survey answers beside (or instead of) the orders.
    public var subscriptions = SubscriptionInputs()
    /// From what size on one order file is read into sums per customer, order and day instead
    /// of a table of its rows (`ReportJob.readSums`): the analysis is the same; sums take a third
    /// to a sixth of the table's memory, and from about 5 million rows on no more time (less on
    /// most files; a table is as fast or faster below). 256 MiB by default; 0 sums every file,
    /// `Int.max` none.
    public var sumsFromBytes = 256 << 20

    public init(inputs: [String] = [], read: ReadOptions = ReadOptions(), strict: Bool = false, maxRejectedPercent: Double = 1,
                analysis: AnalysisOptions = AnalysisOptions(), look: ReportLook = ReportLook(), out: String = "output",
                publish: String? = nil, keep: Int? = nil) {
        self.inputs = inputs
        self.read = read
        self.strict = strict
        self.maxRejectedPercent = maxRejectedPercent
        self.analysis = analysis
        self.look = look
        self.out = out
        self.publish = publish
        self.keep = keep
        generatedAt = nil
    }
}

/// How a report looks and speaks: language, currency, targets, branding, chart scale and font.
public struct ReportLook: Sendable {
    public var language: Language
    /// ISO code of the amounts' currency; amounts marked otherwise are warned of.
    public var currency: String
    /// Target of the customer retention rate over 12 months (the target line of the trends chart).
    public var retentionTarget: Double
    /// Targets of the headline figures (`--target churn_rate=0.05`): traffic lights on the cards.
    public var targets: [HeadlineKey: Double]
    public var company: String?
    /// A PNG or SVG file.
    public var logo: String?
    /// A folder with report.html.mustache, report.md.mustache or index.html.mustache.
    public var templates: String?
    /// PNG pixels per point.
    public var scale: Double
    public var font: String
    /// How the report folder's CSV files are written; nil: `excel-de` for a German report, else `rfc4180`.
    public var csvDialect: CSVExportDialect?

    public init(language: Language = .english, currency: String = "EUR", retentionTarget: Double = 0.85,
                targets: [HeadlineKey: Double] = [:], company: String? = nil, logo: String? = nil, templates: String? = nil,
                scale: Double = 2, font: String = "DejaVu Sans") {
        self.language = language
        self.currency = currency
        self.retentionTarget = retentionTarget
        self.targets = targets
        self.company = company
        self.logo = logo
        self.templates = templates
        self.scale = scale
        self.font = font
    }

    /// The targets of the headline figures.
    public var kpiTargets: KPITargets { KPITargets(targets) }

    /// Sets a target by its key: a headline figure's (`churn_rate`, `customers_kept`, `nrr`, ...),
    /// `crr_12` for the retention target line, or an earlier name (`nrr_12`, `grr_12`, `aov`).
    /// False when the key names no target.
    @discardableResult
    public mutating func setTarget(_ key: String, _ value: Double) -> Bool {
        switch key {
        case "crr_12": retentionTarget = value
        case "nrr_12": targets[.nrr] = value
        case "grr_12": targets[.grr] = value
        case "aov": targets[.averageOrderValue] = value
        default:
            guard let figure = HeadlineKey(rawValue: key) else { return false }
            targets[figure] = value
        }
        return true
    }

    /// The keys `setTarget` takes, for messages.
    public static let targetKeys = HeadlineKey.allCases.map(\.rawValue) + ["crr_12"]
}
