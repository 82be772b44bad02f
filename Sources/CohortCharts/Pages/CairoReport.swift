import CCairo

// The few Cairo calls the A4 report needs beyond what charts use: scaling a whole
// chart onto a page, rounded boxes, a PNG logo read from memory, PDF bookmarks.

extension CairoContext {
    func scale(_ x: Double, _ y: Double) { cairo_scale(pointer, x, y) }

    /// A rectangle with rounded corners as the current path (fill or stroke it afterwards).
    func roundedRectangle(_ rect: Rect, radius: Double) {
        let radius = max(0, min(radius, rect.width / 2, rect.height / 2))
        guard radius > 0 else { return rectangle(rect) }
        cairo_new_sub_path(pointer)
        cairo_arc(pointer, rect.maxX - radius, rect.minY + radius, radius, -Double.pi / 2, 0)
        cairo_arc(pointer, rect.maxX - radius, rect.maxY - radius, radius, 0, Double.pi / 2)
        cairo_arc(pointer, rect.minX + radius, rect.maxY - radius, radius, Double.pi / 2, Double.pi)
        cairo_arc(pointer, rect.minX + radius, rect.minY + radius, radius, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(pointer)
    }

    /// Paints `image` scaled into `rect` (the caller keeps the aspect ratio).
    func draw(_ image: CairoImage, in rect: Rect) {
        guard image.width > 0, image.height > 0 else { return }
        save()
        translate(rect.x, rect.y)
        scale(rect.width / image.width, rect.height / image.height)
        cairo_set_source_surface(pointer, image.pointer, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(pointer), CAIRO_FILTER_GOOD)
        cairo_rectangle(pointer, 0, 0, image.width, image.height)
        cairo_fill(pointer)
        restore()
    }
}

extension CairoSurface {
    /// A top-level PDF bookmark to a page (1-based), shown in the viewer's sidebar.
    func addOutline(_ title: String, page: Int) {
        guard format == .pdf else { return }
        cairo_pdf_surface_add_outline(pointer, Int32(CAIRO_PDF_OUTLINE_ROOT), title, "page=\(page)", cairo_pdf_outline_flags_t(rawValue: 0))
    }
}

/// A bitmap decoded from PNG bytes in memory, e.g. a company logo.
///
/// Owns the `cairo_surface_t` and destroys it in `deinit`.
final class CairoImage {
    let pointer: OpaquePointer
    /// The PNG file it was read from (an SVG embeds it as it is).
    let png: [UInt8]
    /// Size in pixels (drawn as points, then scaled by the caller).
    let width: Double
    let height: Double

    /// Throws when the bytes are not a PNG Cairo can read.
    convenience init(png bytes: [UInt8]) throws(ChartError) {
        let source = PNGByteSource(bytes)
        let surface = cairo_image_surface_create_from_png_stream(readFromPNGSource, Unmanaged.passUnretained(source).toOpaque())
        // Cairo returns an error surface (never NULL) when the PNG cannot be read.
        let status = surface.map { cairo_surface_status($0) } ?? CAIRO_STATUS_NO_MEMORY
        guard let surface, status == CAIRO_STATUS_SUCCESS else {
            if let surface { cairo_surface_destroy(surface) }
            throw .cairo("the logo is not a readable PNG (\(String(cString: cairo_status_to_string(status))))")
        }
        self.init(surface: surface, png: bytes)
    }

    private init(surface: OpaquePointer, png: [UInt8]) {
        pointer = surface
        self.png = png
        width = Double(cairo_image_surface_get_width(surface))
        height = Double(cairo_image_surface_get_height(surface))
    }

    deinit {
        cairo_surface_destroy(pointer)
    }
}

/// PNG bytes read front to back by Cairo's read callback.
private final class PNGByteSource {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// Cairo's read callback: copies the next `length` bytes, or fails at the end of the data.
private func readFromPNGSource(_ closure: UnsafeMutableRawPointer?, _ data: UnsafeMutablePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<PNGByteSource>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
    source.bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        data.update(from: base + source.offset, count: count)
    }
    source.offset += count
    return CAIRO_STATUS_SUCCESS
}
