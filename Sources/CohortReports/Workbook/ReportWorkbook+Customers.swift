import CohortCore
import CohortExcel

/// The customer lists: at risk, lost and won back.
extension ReportWorkbook {
    /// The lists the analysis keeps (the first `CustomerActions.listLimit` of each), one sheet each,
    /// with a note above when a list is longer than what it shows; none when the report leaves
    /// customer lists out (`--no-customer-lists`) or has no customers to act on.
    public func customerListSheets() -> [ExcelSheet] {
        guard let customers = analysis.customers, customers.listsIncluded else { return [] }
        let words = self.words, labels = vocabulary.customerWords()
        let lists: [(name: String, status: CustomerStatus, records: [CustomerRecord], total: Int, none: String)] = [
            (words.atRiskSheet, .atRisk, customers.atRisk, customers.count(.atRisk), labels.noneAtRisk),
            (words.lostSheet, .lost, customers.lost, customers.lostWithinYear, labels.noneLost),
            (words.wonBackSheet, .wonBack, customers.wonBack, customers.count(.wonBack), labels.noneWonBack),
        ]
        return lists.map { list in
            var note: String?
            if list.records.isEmpty {
                note = list.none
            } else if list.records.count < list.total {
                note = vocabulary.listExcerpt(shown: list.records.count, of: list.total, file: fullListFiles[list.status])
            }
            return customerSheet(name: list.name, records: list.records, note: note)
        }
    }

    /// One row per customer, in the order given, with the columns of at-risk.csv: (segment,) id, status, cohort,
    /// first and last order (dates), orders, revenue, days since the last order, the usual gap,
    /// revenue at stake, P(alive) and the model's expectations.
    public func customerSheet(name: String, records: [CustomerRecord], note: String? = nil) -> ExcelSheet {
        let words = self.words, labels = vocabulary.customerWords(), vocabulary = self.vocabulary
        // With segments, each customer's segment comes first, as in at-risk.csv.
        let segmentNames = analysis.segments?.map(\.name) ?? []
        let segment: [String] = segmentNames.isEmpty ? [] : [vocabulary.segmentColumns(kind).segment]
        let header = segment + [labels.customer, words.status, labels.cohort, words.firstOrder, labels.lastOrder, labels.orders,
                                labels.lifetimeRevenue, labels.revenue12m, labels.daysSince, labels.usualGap, labels.atStake,
                                labels.probabilityAlive, words.expectedOrders, words.expectedOrderValue, labels.predictedCLV]
        let rows: [[WorkbookValue]] = records.map { record in
            (segmentNames.isEmpty ? [] : [.text(SegmentedExport.label(ofCustomer: record, names: segmentNames))]) + [.text(record.id), .text(vocabulary.status(record.status)), .text(record.cohort), .date(record.firstOrder),
             .date(record.lastOrder), .count(record.positiveOrders), .money(record.revenueLifetime), .money(record.revenue12m),
             .count(record.daysSinceLastOrder), .decimal(record.expectedGapDays, places: 1), record.revenueAtStake.map { .money($0) } ?? .empty,
             .percent(record.probabilityAlive), .decimal(record.expectedOrders12m, places: 2), .amount(record.expectedOrderValue),
             .amount(record.predictedCLV12m)]
        }
        return tableSheet(name: name, header: header, rows: rows, note: note)
    }
}
