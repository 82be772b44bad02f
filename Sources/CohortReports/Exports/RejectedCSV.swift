import CohortIngest

/// Rows that could not be read, as CSV next to the report: where they were, why, and the raw text.
public enum RejectedCSV {
    public static let header = ["source", "line", "column", "reason", "raw_text"]

    public static func render(_ rows: [RejectedRow]) -> String {
        var text = CSVField.line(header)
        for row in rows {
            text += CSVField.line([CSVField.data(row.source), String(row.line), CSVField.data(row.column ?? ""),
                                   CSVField.data(row.reason), CSVField.data(row.rawText)])
        }
        return text
    }
}
