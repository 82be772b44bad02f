import CohortCore
import CohortMail
import Foundation

/// Who report.eml is from and to, and the SMTP server that sends it once the report folder is
/// published (`--mail-to`, `--mail-from`, `--smtp`, `--smtp-user`, `--smtp-starttls`, or `mail:`
/// in the configuration; the password from `COHORT_SMTP_PASSWORD` or `mail: password:`).
///
///     var options = JobOptions(inputs: ["orders.csv"])
///     options.mail.to = [try MailAddress("board@acme.example")]
///     options.mail.from = try MailAddress("reports@acme.example")
///     options.mail.smtp = "mail.acme.example:587"
///     options.mail.startTLS = true
///
/// Without `smtp` nothing is sent, and report.eml is a draft without recipients.
public struct MailOptions: Sendable, Equatable {
    /// The recipients; all go into `To:`.
    public var to: [MailAddress]
    public var from: MailAddress?
    /// `host:port` of the server that sends the message; nil: report.eml is written only.
    public var smtp: String?
    /// Log in as this user (AUTH PLAIN or LOGIN), over TLS or to this machine only.
    public var user: String?
    public var password: String?
    /// Upgrade the connection with STARTTLS before logging in and sending.
    public var startTLS: Bool
    /// A PEM file of certificates to trust for STARTTLS (a company's own CA); nil for the system's.
    public var trustedCertificates: String?

    public init(to: [MailAddress] = [], from: MailAddress? = nil, smtp: String? = nil, user: String? = nil,
                password: String? = nil, startTLS: Bool = false, trustedCertificates: String? = nil) {
        self.to = to
        self.from = from
        self.smtp = smtp
        self.user = user
        self.password = password
        self.startTLS = startTLS
        self.trustedCertificates = trustedCertificates
    }

    /// The environment variable the SMTP password is read from (never from a flag, which
    /// other users of the machine could see in the process list).
    public static let passwordVariable = "COHORT_SMTP_PASSWORD"

    /// Whether the report is sent after it is published.
    public var sends: Bool { smtp != nil }

    /// Refuses settings that cannot work together, naming what is missing: recipients without
    /// a server, a server without recipients or sender, a user without a password.
    public func check() throws(SettingError) {
        if !to.isEmpty && smtp == nil { throw .missing(setting: "--smtp", neededBy: "--mail-to") }
        guard smtp != nil else { return }
        if to.isEmpty { throw .missing(setting: "--mail-to", neededBy: "--smtp") }
        if from == nil { throw .missing(setting: "--mail-from", neededBy: "--smtp") }
        if user != nil && password == nil { throw .missing(setting: Self.passwordVariable, neededBy: "--smtp-user") }
    }

    /// The client's settings; nil when nothing is sent.
    public func smtpSettings() throws(SettingError) -> SMTPSettings? {
        guard let smtp else { return nil }
        var settings = try Self.server(smtp, key: "--smtp", file: nil)
        settings.startTLS = startTLS
        settings.trustedCertificates = trustedCertificates
        if let user { settings.credentials = SMTPCredentials(user: user, password: password ?? "") }
        return settings
    }

    /// "host:port" as the messages name the server.
    var serverName: String { smtp ?? "" }

    // MARK: Parsing settings

    /// An address as `local@domain` or `Name <local@domain>` (the name may be in double quotes).
    /// - Parameters: key, file: where the value comes from, for the error.
    public static func address(_ text: String, key: String, file: String? = nil) throws(SettingError) -> MailAddress {
        var address = Substring(text.trimmingCharacters(in: .whitespaces)), name: String?
        if address.hasSuffix(">"), let open = address.lastIndex(of: "<") {
            var display = address[..<open].trimmingCharacters(in: .whitespaces)
            if display.count >= 2 && display.hasPrefix("\"") && display.hasSuffix("\"") { display = String(display.dropFirst().dropLast()) }
            name = display.isEmpty ? nil : display
            address = address[address.index(after: open) ..< address.index(before: address.endIndex)]
        }
        do {
            return try MailAddress(String(address), displayName: name)
        } catch {
            throw .invalidValue(file: file, key: key, value: text, expected: .emailAddress)
        }
    }

    /// `host:port` or `[IPv6]:port`, checked.
    public static func server(_ text: String, key: String, file: String? = nil) throws(SettingError) -> SMTPSettings {
        do {
            return try SMTPSettings(endpoint: text)
        } catch {
            throw .invalidValue(file: file, key: key, value: text, expected: .smtpServer)
        }
    }
}
