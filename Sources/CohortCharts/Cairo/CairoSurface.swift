import CCairo
import Foundation

/// A Cairo drawing surface (PNG image or PDF) whose output is collected in memory.
/// (SVG is written by `SVGContext`, which keeps text as text.)
///
/// Owns the `cairo_surface_t`; it is destroyed in `deinit`. No Cairo pointer
/// leaves this module. PDF output is deterministic: the creation date is fixed unless
/// `setCreationDate` gives one (the report's, from SOURCE_DATE_EPOCH when that is set).
final class CairoSurface {
    /// The files Cairo writes for `cohort`.
    enum Format { case png, pdf }

    let format: Format
    /// Pixels per point for PNG (2 = sharp on high-density screens); 1 for vector formats.
    let scale: Double
    let pointer: OpaquePointer
    private let sink = ByteSink()

    /// `width` and `height` in points are rounded up to whole points, so a 2× PNG is exactly twice a 1× one.
    init(format: Format, width: Double, height: Double, scale: Double = 2) throws(ChartError) {
        let width = width.rounded(.up), height = height.rounded(.up)
        self.format = format
        self.scale = format == .png ? scale : 1
        let opaqueSink = Unmanaged.passUnretained(sink).toOpaque()
        switch format {
        case .png:
            pointer = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32((width * self.scale).rounded(.up)),
                                                 Int32((height * self.scale).rounded(.up)))
        case .pdf:
            pointer = cairo_pdf_surface_create_for_stream(writeToSink, opaqueSink, width, height)
            // A fixed date keeps PDFs byte-identical across runs (reproducible output).
            cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_CREATOR, "cohort")
        }
        try Self.check(cairo_surface_status(pointer))
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    /// Sets the creation date stored in a PDF's metadata (instead of the fixed one).
    func setCreationDate(_ date: Date) {
        guard format == .pdf else { return }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_CREATE_DATE, formatter.string(from: date))
    }

    /// Sets the title stored in a PDF's metadata.
    func setTitle(_ title: String) {
        guard format == .pdf else { return }
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_TITLE, title)
    }

    /// Starts the next PDF page with its own size (the first page is begun by `init`).
    func beginPage(width: Double, height: Double) {
        guard format == .pdf else { return }
        cairo_pdf_surface_set_size(pointer, width.rounded(.up), height.rounded(.up))
    }

    /// Finishes the surface and returns the encoded file.
    func finish() throws(ChartError) -> Data {
        switch format {
        case .png:
            try Self.check(cairo_surface_status(pointer))
            return try PNGEncoder.encode(pointer, scale: scale)
        case .pdf:
            cairo_surface_finish(pointer)
            try Self.check(cairo_surface_status(pointer))
            return sink.data
        }
    }

    static func check(_ status: cairo_status_t) throws(ChartError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .cairo(String(cString: cairo_status_to_string(status)))
    }
}

/// Where Cairo's stream callback appends the bytes of a file.
private final class ByteSink {
    var data = Data()
}

/// Cairo's write callback: appends to the `ByteSink` passed as closure data.
private func writeToSink(_ closure: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
}
