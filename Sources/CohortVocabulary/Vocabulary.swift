import CohortCore
import CohortIngest

/// Every word the product shows a reader, in one language: number and date conventions,
/// chart texts, report labels and sentences, the glossary, why rows were rejected and
/// what went wrong.
///
/// Code below the renderers returns facts (`RejectReason`, `InputWarning`, `IngestError`,
/// `CohortAnalysis`); the renderers turn them into words only through a `Vocabulary`.
/// Each language implements every requirement in one file (`English.swift`,
/// `German.swift`), so a missing word fails to compile; `Language.registered` lists them.
///
///     let words = Language.german.words
///     words.describe(row)            // "orders.csv:17: Spalte 'Betrag': '12,5O' ist keine Zahl"
///     words.percent(0.853)           // "85,3 %"
///     words.periodName(period, .month) // "Oktober 2026"
///
/// Formatting built on the conventions (`percent`, `money`, `count`, ...) is shared, in
/// `Vocabulary+Numbers.swift`.
public protocol Vocabulary: Sendable, PageVocabulary, SegmentVocabulary, MailVocabulary, CommandVocabulary, WorkbookVocabulary, ContractVocabulary,
    DatabaseVocabulary, OutputVocabulary, InputLimitVocabulary {
    // MARK: Language and conventions

    /// ISO 639-1 code: "en".
    var code: String { get }
    /// The language's name in itself: "English", "Deutsch".
    var name: String { get }
    /// The language whose names a glossary shows beside this one's (English beside German, German beside others).
    var partnerCode: String { get }
    /// "." / ",".
    var decimalMark: String { get }
    /// "," / ".".
    var groupingMark: String { get }
    /// A number with its percent sign: "85.3%" / "85,3 %".
    func percentText(_ number: String) -> String
    /// An amount with its sign and currency symbol: "−€1,234" / "−1.234 €".
    func moneyText(sign: String, number: String, symbol: String) -> String
    /// Suffix of millions and thousands in compact amounts: "M", "k" / " Mio.", " Tsd.".
    var millionSuffix: String { get }
    var thousandSuffix: String { get }
    /// Percentage points after a number: " pp" / " Pp.".
    var pointsSuffix: String { get }
    var monthNames: [String] { get }
    var shortMonthNames: [String] { get }
    /// "31 October 2026" / "31. Oktober 2026".
    func longDate(_ date: CivilDate) -> String
    /// "2026-11-23 18:45 UTC" / "23.11.2026, 18:45 UTC" (`time` is "18:45 UTC").
    func timestamp(_ date: CivilDate, time: String) -> String

    // MARK: Periods

    /// "month"/"months" / "Monat"/"Monate".
    func periodNoun(_ kind: PeriodKind, plural: Bool) -> String
    /// "October 2026", "week 9, 2026", "Q3 2026" / "Oktober 2026", "KW 9/2026", "3. Quartal 2026".
    func periodName(_ period: PeriodInfo, _ kind: PeriodKind) -> String
    /// "monthly periods" / "Monatsperioden".
    func periodAdjective(_ kind: PeriodKind) -> String
    /// "monthly" / "monatlich".
    func periodly(_ kind: PeriodKind) -> String
    /// "M", "W", "Q" before an age number.
    func ageLetter(_ kind: PeriodKind) -> String
    /// "last 24 of 60 months" / "letzte 24 von 60 Monaten".
    func lastPeriods(_ shown: Int, of total: Int, _ kind: PeriodKind) -> String

    // MARK: Input: how files were read, why rows were set aside, warnings

    /// "'12,5O' is not a number".
    func reason(_ reason: RejectReason) -> String
    /// "column 'Betrag': " before a reason.
    func columnPrefix(_ column: String) -> String
    /// "orders.csv: CSV, Windows-1252, ';' delimited, decimal comma (detected), 3 rows".
    func describe(_ format: SourceFormat) -> String
    /// One line per warning.
    func describe(_ warning: InputWarning) -> String

    // MARK: Errors (one line each; the CLI prefixes "cohort: error: ")

    func describe(_ error: IngestError) -> String
    func describe(_ error: AnalysisError) -> String
    /// What a recognized non-text file is and what to do instead.
    func explain(_ signature: FileSignature) -> String
    func describe(_ error: SettingError) -> String
    func describe(_ error: AnalysisFileError) -> String
    /// "3 of 1,200 rows could not be read and were skipped; first: orders.csv:17: ...".
    func rowsSkipped(_ count: Int, of read: Int, first: RejectedRow) -> String

    // MARK: Chart texts

    func matrixTitle(_ metric: MatrixMetric) -> String
    var retentionCurvesTitle: String { get }
    var customerBridgeTitle: String { get }
    var revenueBridgeTitle: String { get }
    var trendsTitle: String { get }
    var ltvTitle: String { get }
    var survivalTitle: String { get }
    var stillLive: String { get }
    var confidenceBand: String { get }
    func churnWindow(_ window: Int) -> String
    func halfChurned(by age: String) -> String
    func survivalCaption(customers: String, censored: String, partial: Bool) -> String
    var cohort: String { get }
    var customers: String { get }
    var customersWord: String { get }
    var average: String { get }
    var weightedAverage: String { get }
    var partialPeriod: String { get }
    var asOf: String { get }
    var cohortsWord: String { get }
    var target: String { get }
    var new: String { get }
    var reactivated: String { get }
    var churned: String { get }
    var expansion: String { get }
    var contraction: String { get }
    var reactivation: String { get }
    /// "months since first purchase".
    func ageAxis(_ kind: PeriodKind) -> String
    var noPeriods: String { get }
    /// Legend of the neutral age-0 column: "acquisition period (100%)".
    var acquisitionPeriodHundred: String { get }
    var valuesInPercent: String { get }
    /// The bridge's net line: "Net change (end − start)" / "Net change in revenue".
    func bridgeNetChange(revenue: Bool) -> String
    /// The unit line above a bridge's value axis.
    func bridgeCaption(revenue: Bool, _ kind: PeriodKind) -> String
    /// "Oct 25: 348 → 419 customers (net +71)".
    func bridgeCustomersSummary(period: String, start: String, end: String, net: String) -> String
    func bridgeRevenueSummary(period: String, start: String, end: String, net: String) -> String
    func trendChurnTitle(_ kind: PeriodKind) -> String
    var trendChurnRate: String { get }
    var trendYearTitle: String { get }
    var trendYearCRR: String { get }
    var trendNRR: String { get }
    var trendGRR: String { get }
    func trendTargetLegend(_ target: String) -> String
    func trendHundredPercent(_ hundred: String) -> String
    func trendNeedsHistory(covered: Int, _ kind: PeriodKind) -> String
    var trendStartsLate: String { get }
    func trendNeedsTwoPeriods(_ kind: PeriodKind) -> String
    var trendNoOrders: String { get }
    var trendAOVTitle: String { get }
    var trendAOV: String { get }
    var olderCohortsLegend: String { get }
    /// "4 most recent cohorts (Jun 25 – Sep 25)", "Cohorts" when every cohort is drawn.
    func recentCohortsLegend(_ labels: [String], all: Bool) -> String
    func thinAverage(_ cohorts: Int) -> String
    var retentionAxisTitle: String { get }
    func revenuePerCustomerAxisTitle(symbol: String) -> String
    func ageZeroNote(brokenAbove limit: String?, _ kind: PeriodKind) -> String
    var ltvNote: String { get }
    /// What the curves leave out: the partial period and cohorts without a complete period after acquisition.
    func notDrawn(partialPeriod: Bool, cohorts labels: [String]) -> String?
    func nothingToDraw(_ kind: PeriodKind) -> String
    /// The revenue-at-stake chart: title, subtitle count, bucket labels ("2–3× the usual gap", "over 5×"), ends and caption.
    var stakeTitle: String { get }
    func atRiskCount(_ count: Int) -> String
    var nobodyAtRisk: String { get }
    func overdueBucket(from: String, to: String?) -> String
    func customersCount(_ count: Int) -> String
    func stakeCaption(total: String) -> String
    /// Where most of the revenue at stake sits: "The largest share, €889,653 of €2,685,150, is with 77 customers 2–3× their usual gap overdue."
    func stakeDescription(largest: String, amount: String, total: String, customers: Int) -> String

    // MARK: Customers to act on

    /// "At risk", "Lost", …
    func status(_ status: CustomerStatus) -> String
    /// Words of the customer section and its tables.
    func customerWords() -> CustomerWords
    /// "312 customers are at risk …, with €123,456 … at stake; 1,234 are lost; 12 were won back in October 2026."
    func customerSummary(atRisk: Int, stake: String, lost: Int, lostWithinYear: Int, wonBack: Int, period: String) -> String
    /// What the predicted CLV means, or why there is none.
    func predictionSentence(customers: Int, total: String?, perCustomer: String?, observedFirstYear: String?, problem: PredictionProblem?) -> String
    /// Warnings about the model fit.
    func describe(_ warning: PredictiveWarning) -> String
    /// The fit in one line: "BG/NBD r = 0.243, α = 4.414, … (log-likelihood −9,582.4); … 2,357 customers, 1,411 repeat buyers …".
    func modelFit(bgnbd: String, bgnbdLikelihood: String, gammaGamma: String?, gammaGammaLikelihood: String?, customers: Int,
                  repeatBuyers: Int, correlation: String?) -> String

    // MARK: Report

    /// Every fixed text of a report (templates read them as `labels.*`).
    func reportLabels(_ kind: PeriodKind) -> ReportLabels
    /// A headline card's label: "Customers kept", "Net revenue retention (over 9 months)".
    func headlineLabel(_ key: HeadlineKey, span: Int?, _ kind: PeriodKind) -> String
    /// Why a headline figure is missing: "needs 24 months of orders, 18 present".
    func missingFigure(_ missing: MissingFigure, _ kind: PeriodKind) -> String
    /// "A customer counts as lost after 8 months without an order: 92 % of the 1,234 repeat orders came within 8 months of the one before."
    func churnWindowReason(_ window: ChurnWindow, _ kind: PeriodKind) -> String
    /// One sentence of the written summary; money in `currency`.
    func sentence(_ fact: SummaryFact, _ kind: PeriodKind, currency: String) -> String
    /// Legend of faded cohorts: "fewer than 30 customers (faded)".
    func smallCohorts(below minimum: Int) -> String
    /// Legend of the dashed part of the average LTV curve.
    func fewCohorts(below minimum: Int) -> String
    /// "on target", "close to target", "off target", "no value".
    func trafficLight(_ light: TrafficLight) -> String
    /// "on target (target 85.0%)".
    func status(_ word: String, target: String) -> String
    /// "October 2026 is still running (data up to 15 October 2026); the headline reports September 2026, ...".
    func partialNote(running: String, asOf: String, headline: String) -> String
    /// Alternative text of each chart, with its key numbers.
    func retentionDescription(cohorts: String, firstPeriod: String, afterYear: String, _ kind: PeriodKind) -> String
    func revenueRetentionDescription(cohorts: String, afterYear: String, _ kind: PeriodKind) -> String
    func grossRetentionDescription(cohorts: String, afterYear: String, _ kind: PeriodKind) -> String
    func customerBridgeDescription(_ kind: PeriodKind) -> String
    func revenueBridgeDescription(_ kind: PeriodKind) -> String
    var trendsDescription: String { get }
    func ltvDescription(perCustomerAfterYear: String) -> String
    func survivalDescription(window: Int, afterYear: String, medianAge: Int?, _ kind: PeriodKind) -> String
    /// "October 2026: 312 customers at the start, +41 new, +9 won back, −37 churned → 325 at the end."
    func customerSentence(period: String, start: String, new: String, wonBack: String, churned: String, end: String) -> String
    func revenueSentence(period: String, start: String, new: String, expansion: String, reactivation: String,
                         contraction: String, churned: String, end: String) -> String

    // MARK: Data quality (report)

    /// "1,200 rows read, 3 rejected, 2 skipped as repeats of an earlier file (listed in rejected.csv)."
    func rowsReadLine(read: String, rejected: String, repeats: String?, listed: Bool) -> String
    /// "Read orders.csv: CSV, ..." / "Gelesen: ...".
    func formatLine(_ format: String) -> String
    func warningLine(_ warning: String) -> String
    func rowsAfterAsOf(_ count: String) -> String
    func rowsBeforeAcquisition(_ count: String, amount: String) -> String
    func customersWithoutPositiveOrder(_ count: String, rows: String) -> String
    var everyRowUsed: String { get }

    // MARK: Glossary

    /// A metric of METRICS.md: its name and its definition in this language.
    func glossary(_ term: GlossaryTerm) -> (name: String, definition: String)
}
