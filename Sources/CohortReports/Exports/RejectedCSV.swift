import CohortCore
import CohortVocabulary

/// Rows that could not be read, as CSV next to the report: where they were, why, and the raw text.
public enum RejectedCSV {
    public static let header = ["source", "line", "column", "reason", "raw_text"]

    /// The reasons are worded in English (scripts read this file; `words` changes that).
    public static func render(_ rows: [RejectedRow], words: any Vocabulary = Language.english.words,
                              dialect: CSVExportDialect = .rfc4180) -> String {
        var text = dialect.header(header)
        for row in rows {
            text += dialect.line([.data(row.source), .integer(row.line), .data(row.column ?? ""),
                                  .data(words.reason(row.reason)), .data(row.rawText)])
        }
        return text
    }
}
