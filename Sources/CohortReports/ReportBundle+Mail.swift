import CohortCharts
import Foundation

extension ReportBundle {
    /// The name of the message in the report folder.
    public static let mailFileName = ReportMail.fileName

    /// The heat map in report.eml is drawn at one pixel per point: about 1,100 pixels wide for
    /// three years of monthly cohorts, readable at its size in a mail program's reading pane, and
    /// under half the bytes of the 2× PNG in `charts/`.
    static let mailChartScale = 1.0

    /// report.eml: the summary, the headline cards and the retention heat map, with `pdf` attached.
    func mail(_ html: ReportModel, pdf: Data) throws -> Data {
        var heatMap: Data?
        if charts.contains(.retention) {
            var style = chartStyle
            style.scale = Self.mailChartScale
            heatMap = try ChartRenderer(analysis: analysis, style: style).render(.retention, as: .png)
        }
        return try ReportMail(analysis: analysis, settings: settings, model: html, addresses: mailAddresses,
                              heatMapPNG: heatMap, pdf: pdf, templates: templates).message().rendered()
    }
}
