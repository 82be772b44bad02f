import CohortMail
import Foundation

/// report.eml could not be sent; the report folder was published before and stays as it is.
/// The CLI words it as one line naming the server and the reason, and exits with status 1.
public struct MailDeliveryError: Error, Equatable, Sendable {
    /// `host:port` as given.
    public var server: String
    /// The published report folder, which holds report.eml.
    public var folder: URL
    /// Why the send failed, as the mail module tells it.
    public var reason: MailError

    public init(server: String, folder: URL, reason: MailError) {
        self.server = server
        self.folder = folder
        self.reason = reason
    }
}
