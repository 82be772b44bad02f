/// The file formats a chart can be written in.
public enum ChartFormat: String, Sendable, CaseIterable {
    /// Raster image, drawn at `scale` pixels per point (2 by default, sharp on high-density screens).
    case png
    /// Vector image for the web and the HTML report.
    case svg
    /// Vector document with embedded fonts; several charts make a multi-page file.
    case pdf

    public var fileExtension: String { rawValue }
}
