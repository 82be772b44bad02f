import CohortCore

extension English: SegmentVocabulary {
    var segmentsTitle: String { "Segments" }

    func segmentColumns(_ kind: PeriodKind) -> SegmentColumnLabels {
        let noun = periodNoun(kind, plural: false)
        return SegmentColumnLabels(segment: "Segment", customers: "Customers", churn: "Churn per \(noun)", interval: "95 % interval",
                            kept: "Kept per \(noun)", nrr: "NRR", grr: "GRR", revenuePerCustomer: "Revenue per customer, first 12 months",
                            predictedCLV: "Predicted CLV 12 months", atRisk: "At risk")
    }

    var allCustomers: String { "All customers" }
    func otherSegment(values: Int) -> String { "Other (\(count(values)) values)" }
    var unknownSegment: String { "(unknown)" }
    func segmentCurvesTitle(attribute: String) -> String { "Customer retention by \(attribute)" }
    func segmentHeatMapsTitle(attribute: String) -> String { "Customer retention by cohort, per \(attribute)" }
    func segmentHeatMapsCaption(minimumCohort: Int) -> String {
        "Cohorts down, age across; colors as in the retention heat map (0 to 60 % and more); cohorts under \(count(minimumCohort)) customers faded."
    }

    func segmentCustomers(_ value: Int) -> String { "\(count(value)) \(value == 1 ? "customer" : "customers")" }

    func segmentSentence(attribute: String, best: SegmentMention?, worst: SegmentMention?, segments: Int, periods: Int) -> String {
        guard let best, let worst else {
            return segments < 2 ? "By \(attribute), all customers fall into one segment."
                : "By \(attribute), no segment's churn differs clearly from another's: their 95 % intervals overlap "
                    + "(churn summed over the last \(count(periods)) periods)."
        }
        return "By \(attribute), \(best.label) keeps its customers best (churn \(best.churn) per period, 95 % interval \(best.low)–\(best.high)) "
            + "and \(worst.label) worst (\(worst.churn), \(worst.low)–\(worst.high)); the intervals do not overlap, so the difference is real "
            + "(churn summed over the last \(count(periods)) periods)."
    }

    func unknownSegmentNote(attribute: String, unknown: Int, missingFromFile: Int) -> String? {
        guard unknown > 0 else { return nil }
        let missing = missingFromFile > 0 ? " (\(count(missingFromFile)) of them are not in the customer file)" : ""
        return "\(count(unknown)) \(unknown == 1 ? "customer has" : "customers have") no \(attribute)\(missing)."
    }
}
