import CohortCore
import CohortVocabulary

/// The segment comparison (`cohort segments`): the whole population first, then each segment of each attribute.
///
/// The CSV header is a contract: `segment,customers,churn_rate,churn_rate_low,churn_rate_high,customers_kept,nrr,grr,clv_12m`
/// (rates as fractions with 4 decimals, `clv_12m` — revenue per customer in the first 12 months — with 2; an undefined
/// value empty). Churn is churned / live at the start over the last year of periods, with its 95 % Wilson interval.
public enum SegmentTable {
    public static let header = ["segment", "customers", "churn_rate", "churn_rate_low", "churn_rate_high", "customers_kept", "nrr", "grr", "clv_12m"]

    /// The rows: label, customers, comparison (nil without KPIs).
    public static func rows(_ analysis: CohortAnalysis) -> [(label: String, customers: Int, comparison: SegmentComparison?)] {
        guard let attributes = analysis.segments else { return [] }
        let whole = (SegmentedExport.all, analysis.dataQuality.customersAnalyzed, attributes.first?.all)
        return [whole] + SegmentedExport.segments(of: analysis).map { ($0.label, $0.segment.customers, $0.segment.comparison) }
    }

    public static func csv(_ analysis: CohortAnalysis, dialect: CSVExportDialect = .rfc4180) -> String {
        var text = dialect.header(header)
        for row in rows(analysis) {
            let churn = row.comparison?.churn
            text += dialect.line([
                .data(row.label), .integer(row.customers),
                .number(churn.map { Ratio($0.count, over: $0.total).formatted(places: 4) } ?? ""),
                .number(fraction(churn?.low)), .number(fraction(churn?.high)),
                .number(churn.map { Ratio($0.total - $0.count, over: $0.total).formatted(places: 4) } ?? ""),
                .number(fraction(row.comparison?.nrr)), .number(fraction(row.comparison?.grr)),
                .number(row.comparison?.revenuePerCustomer12m.map { Ratio($0).formatted(places: 2) } ?? ""),
            ])
        }
        return text
    }

    /// The comparison for the terminal, in `words`' language.
    public static func text(_ analysis: CohortAnalysis, words: any Vocabulary, currency: String) -> String {
        let labels = words.segmentColumns(analysis.options.period)
        var table = TextTable(header: [labels.segment, labels.customers, labels.churn, labels.interval, labels.kept, labels.nrr, labels.grr,
                                       labels.revenuePerCustomer, labels.predictedCLV],
                              rightAligned: [false] + Array(repeating: true, count: 8))
        func percent(_ value: Double?) -> String { value.map { words.percent($0) } ?? "–" }
        func money(_ value: Double?) -> String { value.map { words.money($0, currency: currency) } ?? "–" }
        for row in rows(analysis) {
            let comparison = row.comparison
            let interval = comparison?.churn.interval.map { "\(words.percent($0.low))–\(words.percent($0.high))" } ?? "–"
            table.append([TerminalText.inert(row.label == SegmentedExport.all ? words.allCustomers : row.label), words.count(row.customers),
                          percent(comparison?.churn.value), interval, percent(comparison?.customersKept), percent(comparison?.nrr),
                          percent(comparison?.grr), money(comparison?.revenuePerCustomer12m), money(comparison?.predictedCLV12m)])
        }
        return table.render()
    }

    private static func fraction(_ value: Double?) -> String { value.map { Ratio($0).formatted(places: 4) } ?? "" }
}
