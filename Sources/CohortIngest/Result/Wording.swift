/// A phrase in both languages of the reports, for text that ingestion writes and a
/// German report shows (why a row was rejected, and what settled a column's convention).
///
///     Wording("the date is empty", german: "das Datum ist leer")
public struct Wording: Sendable, Equatable {
    public var english: String
    public var german: String

    public init(_ english: String, german: String) {
        self.english = english
        self.german = german
    }
}
