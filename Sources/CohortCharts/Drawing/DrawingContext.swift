/// What a chart draws on: a path, its fill and stroke, clipping, transforms and text.
///
/// `CairoContext` implements it for PNG and PDF, `SVGContext` for SVG (text as `<text>`,
/// measured with Cairo, so the layout is the same in every format). The calls follow
/// Cairo's model: a path is built in user space (mapped through the current transform as it
/// is built), then filled, stroked or made the clip; `save` and `restore` keep and bring back
/// color, line style, font, transform and clip.
protocol DrawingContext: AnyObject {
    func save()
    func restore()

    func setColor(_ color: Color)
    func setLineWidth(_ width: Double)
    /// Dashes of the given on/off lengths; an empty list draws solid lines.
    func setDash(_ pattern: [Double])
    func setRoundCaps(_ round: Bool)

    func moveTo(_ x: Double, _ y: Double)
    func lineTo(_ x: Double, _ y: Double)
    func closePath()
    func rectangle(_ rect: Rect)
    func circle(centerX: Double, centerY: Double, radius: Double)
    /// A rectangle with rounded corners as the current path (fill or stroke it afterwards).
    func roundedRectangle(_ rect: Rect, radius: Double)

    /// Fills the current path and clears it.
    func fill()
    /// Fills the current path and keeps it (to stroke it next).
    func fillPreserve()
    /// Strokes the current path and clears it.
    func stroke()
    /// Restricts drawing to the current path (until `restore`) and clears it.
    func clip()

    func translate(_ x: Double, _ y: Double)
    func rotate(_ radians: Double)
    func scale(_ x: Double, _ y: Double)

    func setFont(size: Double, bold: Bool)
    /// The advance width of `text` in the current font.
    func textWidth(_ text: String) -> Double
    /// Ascent and descent of the current font (above and below the baseline).
    func fontMetrics() -> (ascent: Double, descent: Double)
    /// Draws `text` in the current font and color with its baseline at `y`, anchored at `x` by `align`.
    func showText(_ text: String, x: Double, y: Double, align: ChartCanvas.HorizontalAlignment)

    /// Paints `image` scaled into `rect` (the caller keeps the aspect ratio).
    func draw(_ image: CairoImage, in rect: Rect)
}
