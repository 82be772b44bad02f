import Foundation

/// A file attached to a message (`Content-Disposition: attachment`), sent in base64.
///
///     let pdf = try Attachment(fileName: "report.pdf", mediaType: "application/pdf", data: bytes)
public struct Attachment: Hashable, Sendable {
    /// Any Unicode text; written as RFC 2231 `filename*=UTF-8''…` when not plain ASCII.
    public let fileName: String
    /// `type/subtype`, lower case.
    public let mediaType: String
    public let data: Data

    /// Throws `MailError.invalidMediaType` when `mediaType` is not `type/subtype`.
    public init(fileName: String, mediaType: String, data: Data) throws(MailError) {
        self.fileName = fileName
        self.mediaType = try MediaType.checked(mediaType)
        self.data = data
    }
}
