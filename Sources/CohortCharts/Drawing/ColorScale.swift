/// Maps a value to a color by interpolating between evenly spaced anchor colors.
///
/// `viridis` is perceptually uniform and readable with every common color-vision
/// deficiency (matplotlib's default map); `diverging` runs red → light grey → blue,
/// centred on a meaningful value (100 % revenue retention).
///
///     let scale = ColorScale.viridis(from: 0, to: 0.6)
///     scale.color(for: 0.3)   // the middle of viridis, a teal
struct ColorScale {
    let lower: Double
    let upper: Double
    /// The value drawn with the middle anchor (diverging maps), or nil for a linear map.
    let center: Double?
    let anchors: [Color]

    /// Sequential: `lower` gets the darkest color, `upper` the lightest.
    static func viridis(from lower: Double, to upper: Double) -> ColorScale {
        ColorScale(lower: lower, upper: upper, center: nil, anchors: [
            0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725,
        ].map { Color(hex: $0) })
    }

    /// Diverging around `center`: below it red, above it blue, at it light grey.
    static func diverging(from lower: Double, center: Double, to upper: Double) -> ColorScale {
        ColorScale(lower: lower, upper: upper, center: center, anchors: [
            0x9E1B32, 0xD6604D, 0xF4A582, 0xF2EDE6, 0x92C5DE, 0x4393C3, 0x1F5A96,
        ].map { Color(hex: $0) })
    }

    /// The color of `value`, clamped to the scale's range.
    func color(for value: Double) -> Color {
        let position = fraction(of: value)
        let scaled = position * Double(anchors.count - 1)
        let index = min(Int(scaled), anchors.count - 2)
        return anchors[index].mixed(with: anchors[index + 1], scaled - Double(index))
    }

    /// Where `value` sits along the color bar, 0 at `lower` and 1 at `upper`.
    func fraction(of value: Double) -> Double {
        guard upper > lower else { return 0.5 }
        let clamped = min(max(value, lower), upper)
        guard let center, center > lower, center < upper else { return (clamped - lower) / (upper - lower) }
        return clamped < center ? 0.5 * (clamped - lower) / (center - lower) : 0.5 + 0.5 * (clamped - center) / (upper - center)
    }

    /// Black or white, whichever reads better on `background` (by WCAG contrast). One of the
    /// two always reaches at least √21 ≈ 4.58 : 1, above the 4.5 : 1 of WCAG AA.
    static func textColor(on background: Color) -> Color {
        let luminance = background.luminance
        let contrastWithBlack = (luminance + 0.05) / 0.05
        let contrastWithWhite = 1.05 / (luminance + 0.05)
        return contrastWithBlack >= contrastWithWhite ? .black : .white
    }
}
