import CohortCore

/// The color scale of each heat map.
extension MatrixMetric {
    /// The color scale over the values at ages 1 and later (age 0 is 100 % by definition
    /// and drawn neutral): viridis up to the 98th percentile for retention and GRR,
    /// red–grey–blue around 100 % between the 5th and 95th percentiles for NRR, so a few
    /// outliers do not flatten the rest; values beyond take the end colors.
    func colorScale(for analysis: CohortAnalysis) -> ColorScale {
        let sorted = analysis.cohorts.flatMap { row in
            row.cells.dropFirst().filter { !$0.partial }.compactMap { $0[keyPath: cellValue].value }
        }.sorted()
        func percentile(_ share: Double, otherwise fallback: Double) -> Double {
            sorted.isEmpty ? fallback : sorted[Int(Double(sorted.count - 1) * share)]
        }
        switch self {
        case .retention, .grossRevenueRetention:
            let top = AxisTicks.nice(from: 0, to: max(percentile(0.98, otherwise: 1), 0.05), count: 5).last ?? 1
            return .viridis(from: 0, to: self == .retention ? min(top, 1) : top)
        case .revenueRetention:
            let reach = max(1 - percentile(0.05, otherwise: 0.5), percentile(0.95, otherwise: 1.5) - 1, 0.1)
            let extent = AxisTicks.nice(from: 0, to: reach, count: 4).last ?? reach
            return .diverging(from: max(0, 1 - extent), center: 1, to: 1 + extent)
        }
    }
}

/// The heat map's colors for one matrix, for renderers outside Cairo (HTML tables).
///
///     let colors = HeatMapColors(analysis: analysis, metric: .retention)
///     colors.background(for: 0.31)   // "#2A788E"
public struct HeatMapColors: Sendable {
    private let scale: ColorScale

    public init(analysis: CohortAnalysis, metric: MatrixMetric) {
        scale = metric.colorScale(for: analysis)
    }

    /// CSS color of a cell; age 0 and empty cells are neutral grey.
    public func background(for value: Double?, neutral: Bool = false) -> String {
        Self.css(neutral || value == nil ? Palette.neutralCell : scale.color(for: value ?? 0))
    }

    /// Black or white, whichever contrasts more with the cell's background.
    public func text(for value: Double?, neutral: Bool = false) -> String {
        Self.css(ColorScale.textColor(on: neutral || value == nil ? Palette.neutralCell : scale.color(for: value ?? 0)))
    }

    private static func css(_ color: Color) -> String {
        func hex(_ channel: Double) -> String {
            let value = Int((channel * 255).rounded())
            return (value < 16 ? "0" : "") + String(value, radix: 16, uppercase: true)
        }
        return "#" + hex(color.red) + hex(color.green) + hex(color.blue)
    }
}
