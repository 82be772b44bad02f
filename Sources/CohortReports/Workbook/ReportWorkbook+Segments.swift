import CohortCore
import CohortExcel

/// The segment comparison (`--segment-by`): the whole population, then each segment of each attribute.
extension ReportWorkbook {
    /// The columns of `cohort segments --format csv` (SegmentTable), one row per segment: customers, churn
    /// with its 95 % interval, customers kept, NRR, GRR, revenue per customer in the first 12 months;
    /// nil without segments.
    public func segmentSheet() -> ExcelSheet? {
        guard analysis.segments != nil else { return nil }
        let labels = vocabulary.segmentColumns(kind), words = self.words, vocabulary = self.vocabulary
        let rows: [[WorkbookValue]] = SegmentTable.rows(analysis).map { row in
            let churn = row.comparison?.churn
            return [.text(row.label == SegmentedExport.all ? vocabulary.allCustomers : row.label), .count(row.customers),
                    .percent(churn?.value), .percent(churn?.low), .percent(churn?.high), .percent(row.comparison?.customersKept),
                    .percent(row.comparison?.nrr), .percent(row.comparison?.grr), .amount(row.comparison?.revenuePerCustomer12m)]
        }
        return tableSheet(name: vocabulary.segmentsTitle,
                          header: [labels.segment, labels.customers, labels.churn, words.lowerBound, words.upperBound, labels.kept,
                                   labels.nrr, labels.grr, labels.revenuePerCustomer],
                          rows: rows)
    }

    /// The segment comparison alone (`cohort segments --format xlsx`).
    public func segmentsWorkbook() -> ExcelWorkbook {
        workbook(segmentSheet().map { [$0] } ?? [])
    }
}
