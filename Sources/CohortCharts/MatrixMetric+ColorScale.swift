import CohortCore

/// The color scale of each heat map.
extension MatrixMetric {
    /// The color scale, on fixed anchors so that two monthly reports can be compared cell by cell
    /// (the same value has the same color in every run): retention viridis from 0 to 60 %, open at the
    /// top ("≥ 60 %"); GRR viridis from 0 to 100 % (it cannot exceed 100 %); NRR red–grey–blue
    /// around 100 % from 0 to 200 %, open at the top ("≥ 200 %"), so that 7 % and 20 % differ.
    /// Age 0 is 100 % by definition and drawn neutral.
    func colorScale(for analysis: CohortAnalysis) -> ColorScale {
        switch self {
        case .retention: return .viridis(from: 0, to: 0.6)
        case .grossRevenueRetention: return .viridis(from: 0, to: 1)
        case .revenueRetention: return .diverging(from: 0, center: 1, to: 2)
        }
    }

    /// True when values above the scale's top take its top color (the legend says "≥").
    var isOpenAtTheTop: Bool { self != .grossRevenueRetention }
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

    /// CSS color of a cell; age 0 and empty cells are neutral grey; a small cohort's cells are `faded`.
    public func background(for value: Double?, neutral: Bool = false, faded: Bool = false) -> String {
        Self.css(color(for: value, neutral: neutral, faded: faded))
    }

    /// Black or white, whichever contrasts more with the cell's background.
    public func text(for value: Double?, neutral: Bool = false, faded: Bool = false) -> String {
        Self.css(ColorScale.textColor(on: color(for: value, neutral: neutral, faded: faded)))
    }

    private func color(for value: Double?, neutral: Bool, faded: Bool) -> Color {
        let color = neutral || value == nil ? Palette.neutralCell : scale.color(for: value ?? 0)
        return faded && !neutral ? color.mixed(with: Palette.background, 0.6) : color
    }

    private static func css(_ color: Color) -> String {
        func hex(_ channel: Double) -> String {
            let value = Int((channel * 255).rounded())
            return (value < 16 ? "0" : "") + String(value, radix: 16, uppercase: true)
        }
        return "#" + hex(color.red) + hex(color.green) + hex(color.blue)
    }
}
