import CohortMail
import CohortReports
import Foundation

extension ReportJob {
    /// Who report.eml is from and to: the recipients only when it is sent (otherwise it is a draft).
    var mailAddresses: ReportMailAddresses {
        ReportMailAddresses(from: options.mail.from, to: options.mail.sends ? options.mail.to : [])
    }

    /// Sends report.eml, exactly the bytes written into the report folder, when `options.mail`
    /// names a server; nil when it does not. Called after the folder is published.
    ///
    /// Blocks until the server has taken the message or refused it (each step waits at most
    /// 30 seconds). A failure is a `MailDeliveryError`; the folder stays as it is.
    func send(_ message: Data, folder: URL) throws -> SentMail? {
        guard let settings = try options.mail.smtpSettings(), let from = options.mail.from else { return nil }
        events?(.phase(.sending))
        let server = options.mail.serverName
        do {
            let reply = try SMTPClient(settings: settings).send(message, envelope: SMTPEnvelope(from: from, recipients: options.mail.to))
            return SentMail(recipients: options.mail.to, server: server, reply: reply)
        } catch {
            throw MailDeliveryError(server: server, folder: folder, reason: error)
        }
    }
}
