import CohortCharts
import CohortCore
import CohortVocabulary

/// "Segments" as a report shows it: per attribute a comparison table, a sentence, the curves and the small multiples.
public struct SegmentsSection: Sendable {
    public let title: String
    public let attributes: [SegmentAttributeSection]
}

/// One attribute's part of the segments section.
public struct SegmentAttributeSection: Sendable {
    /// "segments-1": the HTML anchor.
    public let id: String
    /// The attribute's name (from the data, escaped for the format).
    public let heading: String
    /// Best and worst segment when their intervals do not overlap, else that none differs clearly.
    public let sentence: String
    /// Customers without a value (and those the customer file does not name); nil when every customer has one.
    public let note: String?
    public let columns: [String]
    /// The whole population first, then each segment.
    public let rows: [[String]]
    public let curves: ChartReference?
    public let heatMaps: ChartReference?
}

extension ReportModel {
    static func segmentsSection(_ analysis: CohortAnalysis, text: ReportText, charts: [[ChartKind: ChartReference]],
                                currency: String, format: Format) -> SegmentsSection? {
        guard let attributes = analysis.segments, !attributes.isEmpty else { return nil }
        let words = text.words
        let labels = words.segmentColumns(analysis.options.period)
        func row(_ label: String, customers: Int, _ comparison: SegmentComparison?) -> [String] {
            let churn = comparison?.churn
            return [format.escape(label), words.count(customers), text.percent(churn?.value),
                    churn?.interval.map { "\(words.percent($0.low))–\(words.percent($0.high))" } ?? "–",
                    text.percent(comparison?.customersKept), text.percent(comparison?.nrr), text.percent(comparison?.grr),
                    comparison?.revenuePerCustomer12m.map { words.money($0, currency: currency) } ?? "–",
                    comparison?.predictedCLV12m.map { words.money($0, currency: currency) } ?? "–"]
        }
        let sections = attributes.enumerated().map { index, attribute in
            SegmentAttributeSection(
                id: "segments-\(index + 1)", heading: format.escape(TextSafety.cut(attribute.name, 60)),
                sentence: format.escape(text.segmentSentence(attribute)),
                note: words.unknownSegmentNote(attribute: TextSafety.cut(attribute.name, 40), unknown: attribute.unknownCustomers,
                                               missingFromFile: attribute.missingFromCustomerFile).map(format.escape),
                columns: [labels.segment, labels.customers, labels.churn, labels.interval, labels.kept, labels.nrr, labels.grr,
                          labels.revenuePerCustomer, labels.predictedCLV],
                rows: [row(words.allCustomers, customers: analysis.dataQuality.customersAnalyzed, attribute.all)]
                    + attribute.segments.map { row(text.segmentLabel($0), customers: $0.customers, $0.comparison) },
                curves: index < charts.count ? charts[index][.segmentCurves] : nil,
                heatMaps: index < charts.count ? charts[index][.segmentHeatMaps] : nil)
        }
        return SegmentsSection(title: words.segmentsTitle, attributes: sections)
    }
}
