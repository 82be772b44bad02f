/// Text from the data (segment values, attribute names) shortened for titles, tables and sentences.
/// Escaping for HTML and Markdown is the templates' and `ReportModel.Format`'s job; this only keeps lengths sane.
enum TextSafety {
    static func cut(_ text: String, _ length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }
}
