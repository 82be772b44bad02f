import CCairo

/// A Cairo drawing context on one surface: paths, colors, lines and clipping.
///
/// Owns the `cairo_t` and destroys it in `deinit`. Coordinates are in points;
/// PNG surfaces are scaled here, so charts never think about pixels.
final class CairoContext: DrawingContext {
    let pointer: OpaquePointer
    /// The font family of `setFont`, e.g. "DejaVu Sans".
    let fontFamily: String

    init(surface: CairoSurface, fontFamily: String) throws(ChartError) {
        pointer = cairo_create(surface.pointer)
        self.fontFamily = fontFamily
        try CairoSurface.check(cairo_status(pointer))
        if surface.scale != 1 { cairo_scale(pointer, surface.scale, surface.scale) }
        // Unhinted metrics: text measures the same in PNG, SVG and PDF, and at every scale.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(pointer, options)
        cairo_font_options_destroy(options)
        cairo_set_line_join(pointer, CAIRO_LINE_JOIN_ROUND)
    }

    deinit {
        cairo_destroy(pointer)
    }

    func save() { cairo_save(pointer) }
    func restore() { cairo_restore(pointer) }

    func setColor(_ color: Color) {
        cairo_set_source_rgba(pointer, color.red, color.green, color.blue, color.alpha)
    }

    func setLineWidth(_ width: Double) { cairo_set_line_width(pointer, width) }

    /// Dashes of the given on/off lengths; an empty list draws solid lines.
    func setDash(_ pattern: [Double]) {
        pattern.withUnsafeBufferPointer { cairo_set_dash(pointer, $0.baseAddress, Int32($0.count), 0) }
    }

    func setRoundCaps(_ round: Bool) {
        cairo_set_line_cap(pointer, round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
    }

    func moveTo(_ x: Double, _ y: Double) { cairo_move_to(pointer, x, y) }
    func lineTo(_ x: Double, _ y: Double) { cairo_line_to(pointer, x, y) }
    func closePath() { cairo_close_path(pointer) }
    func rectangle(_ rect: Rect) { cairo_rectangle(pointer, rect.x, rect.y, rect.width, rect.height) }

    func circle(centerX: Double, centerY: Double, radius: Double) {
        cairo_new_sub_path(pointer)
        cairo_arc(pointer, centerX, centerY, radius, 0, 2 * Double.pi)
    }

    func fill() { cairo_fill(pointer) }
    func fillPreserve() { cairo_fill_preserve(pointer) }
    func stroke() { cairo_stroke(pointer) }

    /// Restricts drawing to the current path (until `restore`).
    func clip() { cairo_clip(pointer) }

    func translate(_ x: Double, _ y: Double) { cairo_translate(pointer, x, y) }
    func rotate(_ radians: Double) { cairo_rotate(pointer, radians) }

    /// Ends the current PDF page; drawing continues on the next.
    func showPage() { cairo_show_page(pointer) }

    /// Throws the context's first error, if drawing failed anywhere.
    func checkStatus() throws(ChartError) {
        try CairoSurface.check(cairo_status(pointer))
    }

    /// Paints the whole surface (within the clip) with a color.
    func paint(_ color: Color) {
        setColor(color)
        cairo_paint(pointer)
    }
}
