import CohortCore

extension German: SegmentVocabulary {
    var segmentsTitle: String { "Segmente" }

    func segmentColumns(_ kind: PeriodKind) -> SegmentColumnLabels {
        let noun = periodNoun(kind, plural: false)
        return SegmentColumnLabels(segment: "Segment", customers: "Kunden", churn: "Abwanderung je \(noun)", interval: "95-%-Intervall",
                            kept: "Gehalten je \(noun)", nrr: "NRR", grr: "GRR", revenuePerCustomer: "Umsatz je Kunde, erste 12 Monate",
                            predictedCLV: "Erwarteter CLV 12 Monate", atRisk: "Gefährdet")
    }

    var allCustomers: String { "Alle Kunden" }
    func otherSegment(values: Int) -> String { "Sonstige (\(count(values)) Werte)" }
    var unknownSegment: String { "(unbekannt)" }
    func segmentCurvesTitle(attribute: String) -> String { "Kundenbindung nach \(attribute)" }
    func segmentHeatMapsTitle(attribute: String) -> String { "Kundenbindung nach Kohorte, je \(attribute)" }
    func segmentHeatMapsCaption(minimumCohort: Int) -> String {
        "Kohorten nach unten, Alter nach rechts; Farben wie in der Heatmap der Kundenbindung (0 bis 60 % und mehr); Kohorten unter \(count(minimumCohort)) Kunden blass."
    }

    func segmentCustomers(_ value: Int) -> String { "\(count(value)) \(value == 1 ? "Kunde" : "Kunden")" }

    func segmentSentence(attribute: String, best: SegmentMention?, worst: SegmentMention?, segments: Int, periods: Int) -> String {
        guard let best, let worst else {
            return segments < 2 ? "Nach \(attribute) fallen alle Kunden in ein Segment."
                : "Nach \(attribute) unterscheidet sich die Abwanderung keines Segments deutlich von der eines anderen: die 95-%-Intervalle "
                    + "überlappen sich (Abwanderung über die letzten \(count(periods)) Perioden)."
        }
        return "Nach \(attribute) hält \(best.label) seine Kunden am besten (Abwanderung \(best.churn) je Periode, 95-%-Intervall "
            + "\(best.low)–\(best.high)) und \(worst.label) am schlechtesten (\(worst.churn), \(worst.low)–\(worst.high)); die Intervalle "
            + "überlappen sich nicht, der Unterschied ist also belastbar (Abwanderung über die letzten \(count(periods)) Perioden)."
    }

    func unknownSegmentNote(attribute: String, unknown: Int, missingFromFile: Int) -> String? {
        guard unknown > 0 else { return nil }
        let missing = missingFromFile > 0 ? " (\(count(missingFromFile)) davon fehlen in der Kundendatei)" : ""
        return "\(count(unknown)) \(unknown == 1 ? "Kunde hat" : "Kunden haben") keinen Wert für \(attribute)\(missing)."
    }
}
