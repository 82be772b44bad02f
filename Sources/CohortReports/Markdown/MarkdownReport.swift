import CohortCharts
import CohortCore
import CohortIngest

/// The management report as GitHub-flavoured Markdown: headline KPIs, both bridges,
/// the retention and revenue-retention matrices, data quality and the glossary.
///
/// It only formats what `CohortAnalysis` holds; every value from the data
/// (file names, reasons) is escaped.
public struct MarkdownReport {
    public let analysis: CohortAnalysis
    public let rejected: [RejectedRow]
    /// Relative paths of the chart images to show (e.g. `charts/retention.png`); charts not in it are left out.
    public let charts: [ChartKind: String]
    /// Periods shown in the bridge tables (the last ones).
    public var bridgePeriods = 12

    public init(analysis: CohortAnalysis, rejected: [RejectedRow] = [], charts: [ChartKind: String] = [:]) {
        self.analysis = analysis
        self.rejected = rejected
        self.charts = charts
    }

    public func render() -> String {
        [title(), headline(), image(.trends, "KPI trends"), customerBridge(), revenueBridge(),
         matrix("Customer retention by cohort", \.retention, average: \.retention, chart: .retention),
         matrix("Revenue retention by cohort (NRR per cohort)", \.revenueRetention, average: \.revenueRetention, chart: .revenueRetention),
         curves(), dataQuality(), glossary()].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A Markdown image line for a chart, or "" when the report has no such chart.
    private func image(_ kind: ChartKind, _ alternative: String) -> String {
        charts[kind].map { "![\(alternative)](\($0))\n" } ?? ""
    }

    private func curves() -> String {
        let images = [image(.grr, "Gross revenue retention by cohort"), image(.curves, "Retention curves by cohort"),
                      image(.ltv, "Cumulative revenue per customer by cohort")].filter { !$0.isEmpty }
        guard !images.isEmpty else { return "" }
        return "## Gross revenue retention and lifetime value\n\n" + images.joined(separator: "\n")
    }

    private var periodNoun: String { analysis.options.period.rawValue }

    /// The period the headline reports: the last complete one (the last one if none is complete).
    private var headlineIndex: Int {
        analysis.lastCompleteKPIs?.period ?? analysis.kpis.count - 1
    }

    private func title() -> String {
        let input = analysis.input
        let sources = input.sources.isEmpty ? "" : "Source: " + input.sources.map(Self.text).joined(separator: ", ") + " · "
        return """
        # Cohort report \(analysis.kpis[headlineIndex].label)

        \(sources)as of \(analysis.asOf) · \(periodNoun)ly periods · churn window \(analysis.options.churnWindow) · \
        \(NumberText.count(input.rowsRead)) rows read, \(NumberText.count(input.rowsRejected)) rejected · \
        \(NumberText.count(analysis.dataQuality.customersAnalyzed)) customers in \(analysis.cohorts.count) cohorts

        """
    }

    private func headline() -> String {
        let t = headlineIndex
        let year = analysis.options.period.periodsPerYear
        let current = analysis.kpis[t]
        let previous = t > 0 ? analysis.kpis[t - 1] : nil
        let lastYear = t >= year ? analysis.kpis[t - year] : nil
        var lines = ["## Headline KPIs, \(current.label)", ""]
        if analysis.endsWithPartialPeriod {
            lines.append("\(analysis.kpis.last?.label ?? "") is still running (partial up to \(analysis.asOf)); the headline shows the last complete \(periodNoun).")
            lines.append("")
        }
        lines.append("| KPI | \(current.label) | previous \(periodNoun) | a year earlier |")
        lines.append("|---|---:|---:|---:|")
        let rows: [(String, (PeriodKPIs) -> String)] = [
            ("Customer retention rate (CRR)", { NumberText.percent($0.customerRetentionRate) }),
            ("Churn rate", { NumberText.percent($0.churnRate) }),
            ("CRR over 12 \(periodNoun)s", { NumberText.percent($0.customerRetentionRate12) }),
            ("NRR, trailing 12 \(periodNoun)s", { NumberText.percent($0.netRevenueRetention12) }),
            ("GRR, trailing 12 \(periodNoun)s", { NumberText.percent($0.grossRevenueRetention12) }),
            ("Live customers at the end", { NumberText.count($0.customers.end) }),
            ("New customers", { NumberText.count($0.customers.new) }),
            ("Reactivated customers", { NumberText.count($0.customers.reactivated) }),
            ("Revenue", { NumberText.money($0.revenue) }),
            ("Average order value", { NumberText.money($0.averageOrderValue) }),
            ("Repeat purchase rate (12 \(periodNoun)s)", { NumberText.percent($0.repeatPurchaseRate12) }),
            ("Customer lifetime value (CLV)", { NumberText.money($0.customerLifetimeValue) }),
        ]
        for (name, value) in rows {
            lines.append("| \(name) | \(value(current)) | \(previous.map(value) ?? "–") | \(lastYear.map(value) ?? "–") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var bridgeKPIs: ArraySlice<PeriodKPIs> { analysis.kpis.suffix(bridgePeriods) }

    private func customerBridge() -> String {
        let c = analysis.kpis[headlineIndex].customers
        var lines = [
            "## Customer bridge", "",
            image(.customerBridge, "Customer bridge by \(periodNoun)"),
            "\(analysis.kpis[headlineIndex].label): \(NumberText.count(c.start)) customers at the start, \(NumberText.signed(c.new)) new, "
                + "\(NumberText.signed(c.reactivated)) won back, \(NumberText.signed(-c.churned)) churned → \(NumberText.count(c.end)) at the end.",
            "",
            "| \(periodNoun.capitalized) | Start | New | Won back | Churned | End | Churn rate | CRR |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for kpi in bridgeKPIs {
            let b = kpi.customers
            lines.append("| \(label(kpi)) | \(NumberText.count(b.start)) | \(NumberText.signed(b.new)) | \(NumberText.signed(b.reactivated)) "
                + "| \(NumberText.signed(-b.churned)) | \(NumberText.count(b.end)) | \(NumberText.percent(kpi.churnRate)) "
                + "| \(NumberText.percent(kpi.customerRetentionRate)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func revenueBridge() -> String {
        var lines = [
            "## Revenue bridge", "",
            image(.revenueBridge, "Revenue bridge by \(periodNoun)"),
            "Per customer, positive net revenue against the previous \(periodNoun).", "",
            "| \(periodNoun.capitalized) | Start | New | Expansion | Reactivation | Contraction | Churned | End | NRR | GRR |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for kpi in bridgeKPIs {
            let r = kpi.revenueBridge
            lines.append("| \(label(kpi)) | \(NumberText.money(r.start)) | \(NumberText.money(r.new)) | \(NumberText.money(r.expansion)) "
                + "| \(NumberText.money(r.reactivation)) | \(NumberText.money(r.contraction)) | \(NumberText.money(r.churned)) "
                + "| \(NumberText.money(r.end)) | \(NumberText.percent(kpi.netRevenueRetentionMonthly)) "
                + "| \(NumberText.percent(kpi.grossRevenueRetentionMonthly)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func matrix(_ title: String, _ value: KeyPath<CohortCell, Ratio>, average: KeyPath<AgeAverage, Ratio>, chart: ChartKind) -> String {
        let ages = analysis.periods.count
        let letter = MatrixTable.ageLetter(analysis.options.period)
        var lines = [
            "## \(title)", "",
            image(chart, title),
            "Rows are acquisition cohorts, columns the age in \(periodNoun)s (\(letter)0 = acquisition)."
                + (analysis.endsWithPartialPeriod ? " \\* marks the partial \(periodNoun)." : ""),
            "",
            "| Cohort | Customers | " + (0 ..< ages).map { "\(letter)\($0)" }.joined(separator: " | ") + " |",
            "|---|---:|" + String(repeating: "---:|", count: ages),
        ]
        for row in analysis.cohorts {
            let cells = row.cells.map { NumberText.percent($0[keyPath: value], places: 0) + ($0.partial ? "\\*" : "") }
                + Array(repeating: "", count: ages - row.cells.count)
            lines.append("| \(row.label) | \(NumberText.count(row.size)) | " + cells.joined(separator: " | ") + " |")
        }
        let averages = analysis.averages.map { $0.cohorts == 0 ? "" : NumberText.percent($0[keyPath: average], places: 0) }
        lines.append("| **Average** | | " + averages.joined(separator: " | ") + " |")
        return lines.joined(separator: "\n") + "\n"
    }

    private func dataQuality() -> String {
        let quality = analysis.dataQuality
        var lines = ["## Data quality", ""]
        let input = analysis.input
        lines.append("- \(NumberText.count(input.rowsRead)) rows read, \(NumberText.count(input.rowsRejected)) rejected"
            + (input.rowsDuplicated > 0 ? ", \(NumberText.count(input.rowsDuplicated)) skipped as repeats of an earlier file" : "")
            + (rejected.isEmpty ? "." : " (listed in `rejected.csv`)."))
        for row in rejected.prefix(5) {
            lines.append("  - \(Self.text(row.description))")
        }
        for format in input.formats {
            lines.append("- Read \(Self.text(format)).")
        }
        for warning in input.warnings {
            lines.append("- Warning: \(Self.text(warning)).")
        }
        if quality.rowsAfterAsOf > 0 {
            lines.append("- \(NumberText.count(quality.rowsAfterAsOf)) rows dated after the as-of date \(analysis.asOf) are not included.")
        }
        if quality.rowsBeforeAcquisition > 0 {
            lines.append("- \(NumberText.count(quality.rowsBeforeAcquisition)) rows (\(NumberText.money(quality.amountBeforeAcquisition))) are dated before their customer's first purchase and are left out.")
        }
        if quality.customersWithoutPositiveOrder > 0 {
            lines.append("- \(NumberText.count(quality.customersWithoutPositiveOrder)) customers have no order with a positive amount "
                + "(\(NumberText.count(quality.rowsOfCustomersWithoutPositiveOrder)) rows) and are left out.")
        }
        if quality.isClean && rejected.isEmpty && input.rowsDuplicated == 0 { lines.append("- Every row was used.") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func glossary() -> String {
        var lines = ["## Glossary", "", "| Term | Deutsch | Definition |", "|---|---|---|"]
        for term in Glossary.terms {
            lines.append("| \(term.english) | \(term.german) | \(term.definition) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func label(_ kpi: PeriodKPIs) -> String {
        kpi.label + (kpi.partial ? " (partial)" : "")
    }

    /// Escapes text from the data for a Markdown table cell or list item.
    static func text(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\\`*_{}[]<>()#+!|~".contains(character) { result.append("\\") }
            result.append(character == "\n" || character == "\r" ? " " : character)
        }
        return result
    }
}
