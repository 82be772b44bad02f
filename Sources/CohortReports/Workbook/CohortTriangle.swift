import CohortCore
import CohortExcel
import CohortVocabulary

/// A cohort matrix as a workbook shows it: a triangle of cohorts (rows) by age (columns), its
/// cells' values and formats, its average row and, for the three ratio matrices, the heat map's
/// color scale.
public enum CohortTriangle: String, Sendable, CaseIterable {
    case retention
    case revenueRetention
    case grossRevenueRetention
    case revenue
    case revenuePerCustomer

    /// The sheet's name.
    func sheetName(_ words: WorkbookWords) -> String {
        switch self {
        case .retention: return words.retentionSheet
        case .revenueRetention: return words.revenueRetentionSheet
        case .grossRevenueRetention: return words.grossRetentionSheet
        case .revenue: return words.revenueSheet
        case .revenuePerCustomer: return words.revenuePerCustomerSheet
        }
    }

    /// The metric's entry of the glossary, whose definition is the note under the triangle (revenue has none).
    var glossaryTerm: GlossaryTerm? {
        switch self {
        case .retention: return .customerRetention
        case .revenueRetention: return .revenueRetention
        case .grossRevenueRetention: return .grossRevenueRetention
        case .revenue: return nil
        case .revenuePerCustomer: return .cumulativeRevenue
        }
    }

    /// The value of one cell.
    func value(_ cell: CohortCell) -> WorkbookValue {
        switch self {
        case .retention: return .percent(cell.retention)
        case .revenueRetention: return .percent(cell.revenueRetention)
        case .grossRevenueRetention: return .percent(cell.grossRevenueRetention)
        case .revenue: return .money(cell.revenue, places: 0)
        case .revenuePerCustomer: return .amount(cell.cumulativeRevenuePerCustomer, places: 2)
        }
    }

    /// The weighted average at one age (METRICS.md), or nil where the matrix has none (revenue is a sum, not a rate).
    func average(_ average: AgeAverage) -> WorkbookValue? {
        switch self {
        case .retention: return .percent(average.retention)
        case .revenueRetention: return .percent(average.revenueRetention)
        case .grossRevenueRetention: return .percent(average.grossRevenueRetention)
        case .revenue: return nil
        case .revenuePerCustomer: return .amount(average.cumulativeRevenuePerCustomer, places: 2)
        }
    }

    /// The heat map's scale on fixed anchors, as in the charts (retention 0–60 %, open at the top;
    /// GRR 0–100 %; NRR red–grey–blue around 100 %, 0–200 %), with the anchor colors halfway to
    /// white so that Excel's black numbers stay readable on every cell; nil for the money triangles.
    var colorStops: (minimum: ExcelColorScale.Stop, midpoint: ExcelColorScale.Stop, maximum: ExcelColorScale.Stop)? {
        // Viridis #440154, #21918C, #FDE725 and the diverging #9E1B32, #F2EDE6, #1F5A96, each mixed 1:1 with white.
        let viridis = (low: ExcelColor(rgb: 0xA180A9), middle: ExcelColor(rgb: 0x90C8C5), high: ExcelColor(rgb: 0xFEF392))
        switch self {
        case .retention:
            return (.init(.number(0), viridis.low), .init(.number(0.3), viridis.middle), .init(.number(0.6), viridis.high))
        case .grossRevenueRetention:
            return (.init(.number(0), viridis.low), .init(.number(0.5), viridis.middle), .init(.number(1), viridis.high))
        case .revenueRetention:
            return (.init(.number(0), ExcelColor(rgb: 0xCE8D98)), .init(.number(1), ExcelColor(rgb: 0xF2EDE6)),
                    .init(.number(2), ExcelColor(rgb: 0x8FACCA)))
        case .revenue, .revenuePerCustomer:
            return nil
        }
    }
}
