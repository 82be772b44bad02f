import ArgumentParser
import CohortCore
import CohortJob
import CohortMail
import Foundation

/// Who report.eml goes to and the server that sends it, for `cohort report`; the password comes
/// from the environment (`COHORT_SMTP_PASSWORD`) or the configuration, never from a flag.
struct MailFlags: ParsableArguments {
    @Option(name: .customLong("mail-to"),
            help: ArgumentHelp("Send report.eml to this address once the report is written (repeatable; needs --smtp and --mail-from).",
                               valueName: "address"))
    var mailTo: [String] = []

    @Option(name: .customLong("mail-from"), help: ArgumentHelp("Sender of report.eml, e.g. 'Reports <reports@acme.example>'.", valueName: "address"))
    var mailFrom: String?

    @Option(name: .customLong("smtp"), help: ArgumentHelp("The SMTP server that sends report.eml.", valueName: "host:port"))
    var smtp: String?

    @Option(name: .customLong("smtp-user"),
            help: ArgumentHelp("Log in to the SMTP server as this user; the password comes from COHORT_SMTP_PASSWORD (or mail: password:).",
                               valueName: "user"))
    var smtpUser: String?

    @Flag(name: .customLong("smtp-starttls"), help: "Encrypt the connection with STARTTLS before logging in and sending.")
    var smtpStartTLS = false

    /// Lays the flags over `options.mail` (after the configuration), and the password from the environment.
    func apply(to options: inout JobOptions, environment: [String: String]) throws(SettingError) {
        if !mailTo.isEmpty {
            var addresses: [MailAddress] = []
            for text in mailTo { addresses.append(try MailOptions.address(text, key: "--mail-to")) }
            options.mail.to = addresses
        }
        if let mailFrom { options.mail.from = try MailOptions.address(mailFrom, key: "--mail-from") }
        if let smtp {
            _ = try MailOptions.server(smtp, key: "--smtp")
            options.mail.smtp = smtp
        }
        options.mail.user = smtpUser ?? options.mail.user
        if smtpStartTLS { options.mail.startTLS = true }
        if let password = environment[MailOptions.passwordVariable], !password.isEmpty { options.mail.password = password }
    }
}
