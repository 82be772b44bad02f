extension ReportTemplates {
    /// report.html with its table of contents: the page is rendered once to find its sections
    /// (`ReportContents`), then again with `contents` listing them for the navigation.
    public func renderHTMLReport(_ model: ReportModel) throws(ReportError) -> String {
        let draft = try render(model, as: .html)
        var model = model
        model.contents = ReportContents.entries(in: draft)
        return model.contents.isEmpty ? draft : try render(model, as: .html)
    }
}
