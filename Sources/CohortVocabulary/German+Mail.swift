import CohortCore
import CohortMail

extension German {
    func mailSubject(company: String?, title: String, figure: String?) -> String {
        [company, title, figure].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    func mailFigure(_ key: HeadlineKey, value: String, change: String?) -> String {
        let figure: String
        switch key {
        case .activeCustomers: figure = value == "1" ? "1 aktiver Kunde" : "\(value) aktive Kunden"
        case .churnRate: figure = "Abwanderung \(value)"
        case .customersKept: figure = "gehaltene Kunden \(value)"
        case .revenue: figure = "Umsatz \(value)"
        case .nrr: figure = "NRR \(value)"
        case .grr: figure = "GRR \(value)"
        case .clv12m: figure = "Umsatz je Kunde \(value)"
        case .averageOrderValue: figure = "durchschnittliche Bestellung \(value)"
        }
        return change.map { "\(figure) (\($0))" } ?? figure
    }

    func mailAttachmentNote(file: String) -> String {
        "Der vollständige Bericht hängt als \(file) an: jedes Diagramm mit seiner Tabelle, auf A4-Seiten."
    }

    func mailHeatMapInHTML(title: String) -> String {
        "\(title): in der HTML-Fassung dieser Nachricht und im angehängten Bericht."
    }

    func mailFooter(generated: String, sources: String) -> String {
        sources.isEmpty ? "Erstellt mit cohort am \(generated)." : "Erstellt mit cohort am \(generated) aus \(sources)."
    }

    func describe(_ error: MailError) -> String {
        switch error {
        case .invalidAddress(let text): return "'\(text)' ist keine E-Mail-Adresse"
        case .invalidIdentifier(let text): return "'\(text)' ist keine Nachrichtenkennung (links@rechts)"
        case .invalidMediaType(let text): return "'\(text)' ist kein Medientyp (typ/untertyp)"
        case .invalidEndpoint(let text): return "'\(text)' ist kein Server als HOST:PORT"
        case .noRecipients: return "es gibt keinen Empfänger"
        case .unreadableCertificates(let path, let reason): return "die Zertifikate in \(path) können nicht gelesen werden: \(reason)"
        case .passwordWithoutTLS:
            return "das Passwort ginge unverschlüsselt über das Netz; --smtp-starttls verwenden (starttls: true unter mail:)"
        case .cannotConnect(_, _, let reason):
            switch reason {
            case .refused: return "Verbindung abgelehnt"
            case .hostNotFound: return "Rechner nicht gefunden"
            case .unreachable: return "Netz nicht erreichbar"
            case .other(let text): return "keine Verbindung: \(text)"
            }
        case .timedOut(_, let step):
            return step == .connect ? "der Verbindungsaufbau dauerte zu lange" : "keine Antwort in der erlaubten Zeit (Schritt: \(stepName(step)))"
        case .connectionClosed(_, let step): return "der Server hat die Verbindung geschlossen (Schritt: \(stepName(step)))"
        case .transportFailed(_, let step, let reason): return "\(reason) (Schritt: \(stepName(step)))"
        case .malformedReply(_, let step, let text): return "die Antwort ist kein SMTP (Schritt: \(stepName(step))): '\(text)'"
        case .rejected(_, let step, let reply):
            let answer = "\(reply.code) \(reply.text)"
            switch step {
            case .authentication: return "Anmeldung fehlgeschlagen: \(answer)"
            case .recipient(let address): return "Empfänger <\(address)> abgelehnt: \(answer)"
            case .mailFrom(let address): return "Absender <\(address)> abgelehnt: \(answer)"
            case .message: return "Nachricht abgelehnt: \(answer)"
            default: return "vom Server abgelehnt (Schritt: \(stepName(step))): \(answer)"
            }
        case .startTLSNotOffered: return "der Server bietet kein STARTTLS an"
        case .tlsFailed(_, let reason):
            switch reason {
            case .certificateNotVerified:
                return "TLS fehlgeschlagen: dem Zertifikat des Servers wird nicht vertraut (ca_file unter mail: nennt eine vertrauenswürdige CA)"
            case .nameMismatch: return "TLS fehlgeschlagen: das Zertifikat des Servers lautet auf einen anderen Namen"
            case .other(let text): return "TLS fehlgeschlagen: \(text)"
            }
        case .authenticationNotOffered(_, let offered):
            return offered.isEmpty ? "der Server bietet keine Anmeldung (AUTH) an"
                : "der Server bietet keine Anmeldung an, die cohort beherrscht (AUTH PLAIN oder LOGIN), nur \(offered.joined(separator: ", "))"
        case .messageTooLarge(_, let size, let limit):
            return "die Nachricht (\(count(size / 1024)) KB) ist größer, als der Server annimmt (\(count(limit / 1024)) KB)"
        }
    }

    private func stepName(_ step: SMTPStep) -> String {
        switch step {
        case .connect: return "Verbindungsaufbau"
        case .greeting: return "Begrüßung"
        case .hello: return "EHLO"
        case .startTLS: return "STARTTLS"
        case .authentication(let mechanism): return "AUTH \(mechanism)"
        case .mailFrom(let address): return "MAIL FROM <\(address)>"
        case .recipient(let address): return "RCPT TO <\(address)>"
        case .data: return "DATA"
        case .message: return "Nachricht"
        case .quit: return "QUIT"
        }
    }

    func mailNotSent(server: String, reason: String, folder: String) -> String {
        "report.eml wurde nicht an \(server) gesendet: \(reason); der Bericht liegt in \(folder)"
    }

    func mailSent(recipients: [String], server: String) -> String {
        "report.eml an \(recipients.joined(separator: ", ")) über \(server) gesendet."
    }
}
