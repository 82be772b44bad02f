import CohortCore
import CohortMail
import Foundation

extension ReportConfiguration {
    /// `mail:` in the configuration: who report.eml goes to and how it is sent.
    ///
    ///     mail:
    ///       to: [controlling@acme.example, "Board <board@acme.example>"]
    ///       from: Cohort reports <reports@acme.example>
    ///       smtp: mail.acme.example:587
    ///       starttls: true
    ///       user: reports
    ///       # password: better in the environment variable COHORT_SMTP_PASSWORD
    ///       # ca_file: certificates/acme-ca.pem
    struct Mail: Decodable {
        var to: AddressList?
        var from: String?
        var smtp: String?
        var user: String?
        var password: String?
        var starttls: Bool?
        var caFile: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case to, from, smtp, user, password, starttls
            case caFile = "ca_file"
        }
    }

    /// `to:` as one address or a list of them.
    struct AddressList: Decodable {
        var addresses: [String]

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { addresses = [one] } else { addresses = try container.decode([String].self) }
        }
    }

    /// Lays `mail:` over `options.mail`; a value that is not an address or a server names its key.
    func applyMail(to options: inout JobOptions) throws(SettingError) {
        guard let mail else { return }
        if let to = mail.to {
            var addresses: [MailAddress] = []
            for text in to.addresses { addresses.append(try MailOptions.address(text, key: "mail.to", file: path)) }
            options.mail.to = addresses
        }
        if let from = mail.from { options.mail.from = try MailOptions.address(from, key: "mail.from", file: path) }
        if let smtp = mail.smtp {
            _ = try MailOptions.server(smtp, key: "mail.smtp", file: path)
            options.mail.smtp = smtp
        }
        options.mail.user = mail.user ?? options.mail.user
        options.mail.password = mail.password ?? options.mail.password
        options.mail.startTLS = mail.starttls ?? options.mail.startTLS
        if let file = mail.caFile {
            options.mail.trustedCertificates = file.hasPrefix("/") ? file
                : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(file).path
        }
    }
}
