import CCairo

/// Text with Cairo's toy font API: one family, regular or bold, measured in points.
extension CairoContext {
    func setFont(size: Double, bold: Bool = false) {
        cairo_select_font_face(pointer, fontFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(pointer, size)
    }

    /// The advance width of `text` in the current font.
    func textWidth(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(pointer, text, &extents)
        return extents.x_advance
    }

    /// Ascent and descent of the current font (above and below the baseline).
    func fontMetrics() -> (ascent: Double, descent: Double) {
        var extents = cairo_font_extents_t()
        cairo_font_extents(pointer, &extents)
        return (extents.ascent, extents.descent)
    }

    /// Draws `text` with its baseline at `y`, starting, centred or ending at `x`.
    func showText(_ text: String, x: Double, y: Double, align: ChartCanvas.HorizontalAlignment) {
        let left: Double
        switch align {
        case .left: left = x
        case .center: left = x - textWidth(text) / 2
        case .right: left = x - textWidth(text)
        }
        moveTo(left, y)
        cairo_show_text(pointer, text)
    }
}
