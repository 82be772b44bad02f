import CohortCore
import CohortVocabulary

/// Rows that could not be read, as CSV next to the report: where they were, why, and the raw text.
public enum RejectedCSV {
    public static let header = ["source", "line", "column", "reason", "raw_text"]

    /// The reasons are worded in English (scripts read this file; `words` changes that).
    public static func render(_ rows: [RejectedRow], words: any Vocabulary = Language.english.words) -> String {
        var text = CSVField.line(header)
        for row in rows {
            text += CSVField.line([CSVField.data(row.source), String(row.line), CSVField.data(row.column ?? ""),
                                   CSVField.data(words.reason(row.reason)), CSVField.data(row.rawText)])
        }
        return text
    }
}
