import CohortCharts
import CohortCore

extension ReportPDF {
    /// The pages of the contracts and satisfaction sections, when the report has them: MRR movements
    /// with the renewals of the last months, and churn after the NPS answer with its groups.
    var subscriptionSections: [PageDocument.Section] {
        var sections: [PageDocument.Section] = []
        if let contracts = model.contracts {
            let renewals = contracts.renewals
            sections.append(.init(heading: contracts.title, chart: contracts.chart == nil ? .revenueBridge : .mrr,
                                  summary: contracts.sentences, table: [renewals.columns] + renewals.rows.suffix(6).map(\.cells)))
        }
        if let satisfaction = model.satisfaction {
            let groups = satisfaction.groups
            sections.append(.init(heading: satisfaction.title, chart: .npsChurn, summary: satisfaction.sentences + [satisfaction.finding],
                                  table: [groups.columns] + groups.rows.map(\.cells)))
        }
        return sections
    }
}
