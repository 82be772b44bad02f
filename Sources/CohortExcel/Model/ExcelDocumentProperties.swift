import Foundation

/// The document properties stored in a workbook (File > Info in Excel).
///
/// `created` is written into the file; it defaults to a fixed date so that the same
/// workbook gives the same bytes. Pass the report's date for a meaningful one.
///
///     ExcelDocumentProperties(title: "Cohort retention", author: "cohort", created: reportDate)
public struct ExcelDocumentProperties: Sendable, Hashable {
    /// 2000-01-01T00:00:00Z, the creation date when none is given (as for the PDF charts).
    public static let reproducibleCreationDate = Date(timeIntervalSince1970: 946_684_800)

    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var keywords: String?
    public var comments: String?
    /// Stored with whole seconds, in UTC.
    public var created: Date

    public init(title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
                keywords: String? = nil, comments: String? = nil,
                created: Date = ExcelDocumentProperties.reproducibleCreationDate) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.keywords = keywords
        self.comments = comments
        self.created = created
    }
}
