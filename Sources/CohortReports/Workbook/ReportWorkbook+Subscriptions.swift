import CohortCore
import CohortExcel

/// The contracts and satisfaction of a report (`--contracts`, `--nps`): MRR movements and renewals
/// by month, as mrr.csv holds them, and the NPS by period, as nps.csv.
extension ReportWorkbook {
    /// One row per month: customers at the end, the MRR bridge, ARR and the renewals; nil without contracts.
    public func mrrSheet() -> ExcelSheet? {
        guard let contracts = analysis.contracts else { return nil }
        let labels = vocabulary.contractWords()
        let rows: [[WorkbookValue]] = contracts.months.map { month in
            let m = month.mrr, r = month.renewals
            return [.text(month.label + (month.partial ? "*" : "")), .count(month.customers.end), .money(m.start), .money(m.new),
                    .money(m.expansion), .money(m.reactivation), .money(m.contraction), .money(m.churned), .money(m.end),
                    .money(month.arr), .count(r.due), .count(r.renewed), .percent(r.rate), .money(r.mrrDue), .money(r.mrrRenewed),
                    .percent(r.mrrRate)]
        }
        return tableSheet(name: labels.contractsTitle,
                          header: [labels.month, labels.customers, labels.mrrStart, labels.new, labels.expansion, labels.reactivation,
                                   labels.contraction, labels.churned, labels.mrrEnd, labels.arr, labels.due, labels.renewed,
                                   labels.renewalRate, labels.mrrDue, labels.mrrRenewed, labels.mrrRenewalRate],
                          rows: rows)
    }

    /// One row per period: answers, promoters, passives, detractors and the NPS; nil without answers.
    public func npsSheet() -> ExcelSheet? {
        guard let satisfaction = analysis.satisfaction else { return nil }
        let labels = vocabulary.contractWords()
        let rows: [[WorkbookValue]] = satisfaction.byPeriod.map { row in
            [.text(row.label + (row.partial ? "*" : "")), .count(row.nps.answers), .count(row.nps.promoters), .count(row.nps.passives),
             .count(row.nps.detractors), .decimal(row.nps.score.value, places: 1)]
        }
        return tableSheet(name: labels.satisfactionTitle,
                          header: [labels.period, labels.answers, labels.promoters, labels.passives, labels.detractors, labels.nps],
                          rows: rows)
    }
}
