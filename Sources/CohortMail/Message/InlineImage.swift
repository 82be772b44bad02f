import Foundation

/// An image shown inside the HTML body, which refers to it as `cid:<contentID>`; it goes into
/// the message's multipart/related part with `Content-Disposition: inline`.
///
///     let heatMap = try InlineImage(contentID: MailIdentifier("heatmap@report.cohort"),
///                                   fileName: "heatmap.png", mediaType: "image/png", data: png)
///     // HTML: <img src="cid:heatmap@report.cohort" alt="…">
public struct InlineImage: Hashable, Sendable {
    public let contentID: MailIdentifier
    /// Shown by mail programs that list the image as a file; any Unicode text (RFC 2231).
    public let fileName: String
    /// `type/subtype`, lower case.
    public let mediaType: String
    public let data: Data

    /// Throws `MailError.invalidMediaType` when `mediaType` is not `type/subtype`.
    public init(contentID: MailIdentifier, fileName: String, mediaType: String, data: Data) throws(MailError) {
        self.contentID = contentID
        self.fileName = fileName
        self.mediaType = try MediaType.checked(mediaType)
        self.data = data
    }

    /// `cid:<contentID>`, for an `src` attribute.
    public var url: String { "cid:\(contentID.value)" }
}
