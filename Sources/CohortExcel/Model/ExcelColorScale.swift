/// A conditional color scale over a range: each cell is colored by where its value lies
/// between two or three stops, as in the heat maps of the charts.
///
///     ExcelColorScale(range: ExcelRange(rows: 1...12, columns: 2...14),
///                     minimum: .init(.lowest, ExcelColor(rgb: 0xF8696B)),
///                     midpoint: .init(.percentile(50), ExcelColor(rgb: 0xFFEB84)),
///                     maximum: .init(.highest, ExcelColor(rgb: 0x63BE7B)))
public struct ExcelColorScale: Sendable, Hashable {
    /// Where a stop of the scale lies.
    public enum Threshold: Sendable, Hashable {
        /// The lowest value in the range.
        case lowest
        /// The highest value in the range.
        case highest
        /// A fixed value (0.5 for 50% in a percent-formatted range).
        case number(Double)
        /// A share of the way from the lowest to the highest value, 0–100.
        case percent(Double)
        /// A percentile of the values in the range, 0–100.
        case percentile(Double)
    }

    /// A threshold and the color that cells at it get.
    public struct Stop: Sendable, Hashable {
        public var threshold: Threshold
        public var color: ExcelColor

        public init(_ threshold: Threshold, _ color: ExcelColor) {
            self.threshold = threshold
            self.color = color
        }
    }

    public var range: ExcelRange
    public var minimum: Stop
    /// The middle stop of a three-color scale; `nil` for two colors.
    public var midpoint: Stop?
    public var maximum: Stop

    public init(range: ExcelRange, minimum: Stop, midpoint: Stop? = nil, maximum: Stop) {
        self.range = range
        self.minimum = minimum
        self.midpoint = midpoint
        self.maximum = maximum
    }
}
