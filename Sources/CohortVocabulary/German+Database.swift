import CohortDatabase
import CohortIngest

extension German {
    func describe(_ error: DatabaseError) -> String {
        switch error {
        case .invalidURL(let url, let problem):
            let why: String
            switch problem {
            case .scheme: why = "sie muss mit postgresql:// oder postgres:// beginnen"
            case .port(let text): why = "'\(text)' ist keine Portnummer"
            case .severalHosts: why = "mehrere Server werden nicht unterstützt; bitte einen nennen"
            case .parameter(let name):
                why = "unbekannter Parameter '\(name)' (bekannt: sslmode, host, port, user, dbname, connect_timeout, application_name)"
            case .sslMode(let mode): why = "sslmode '\(mode)' ist keiner von disable, prefer, require, verify-ca, verify-full"
            case .encoding: why = "sie ist nicht richtig geschrieben (%-Escapes und [Klammern] um eine IPv6-Adresse prüfen)"
            }
            return "\(url): keine PostgreSQL-URL: \(why)"
        case .passwordInURL(let source):
            return "\(source): die URL enthält ein Passwort; bitte stattdessen in PGPASSWORD oder ~/.pgpass angeben (eine Befehlszeile sehen alle Benutzer des Rechners)"
        case .relationMissing(let source):
            return "\(source): die Bestellungen mit --table NAME oder --query \"SELECT ...\" angeben"
        case .relationTwice(let source):
            return "\(source): --table und --query sind beide angegeben; bitte nur eines"
        case .notAlone(let source):
            return "\(source): eine Datenbank wird allein gelesen; keine Dateien oder weiteren Datenbanken daneben angeben"
        case .notASelect(let source, let start):
            return "\(source): --query muss ein SELECT sein (sie beginnt mit '\(start)'); cohort liest nur"
        case .unreachable(let source, let detail):
            return "\(source): keine Verbindung zum Server: \(detail)"
        case .unknownHost(let source, let host):
            return "\(source): der Server '\(host)' ist nicht bekannt"
        case .loginRefused(let source, let detail):
            return "\(source): der Server hat die Anmeldung abgelehnt: \(detail)"
        case .passwordRequired(let source, let user):
            return "\(source): der Server verlangt das Passwort von '\(user)'; PGPASSWORD setzen oder eine Zeile in ~/.pgpass eintragen"
        case .databaseNotFound(let source, let database):
            return "\(source): es gibt keine Datenbank '\(database)'"
        case .tableNotFound(let source, let table):
            return "\(source): es gibt keine Tabelle oder Sicht '\(table)' (oder der Benutzer darf sie nicht sehen)"
        case .queryRefused(let source, let detail):
            return "\(source): der Server hat die Abfrage abgelehnt: \(detail)"
        case .permissionDenied(let source, let detail):
            return "\(source): keine Berechtigung: \(detail)"
        case .columnNotFound(let source, let role, let name, let suggestion):
            return "\(source): es gibt keine Spalte '\(name)' für \(role.flag)" + suggested(suggestion)
        case .noColumnDetected(let source, let role, let columns, let suggestion):
            return "\(source): keine Spalte für \(roleAccusative(role)) unter \(quotedList(columns))" + suggested(suggestion) + "; mit \(role.flag) angeben"
        case .ambiguousColumn(let source, let role, let candidates):
            return "\(source): die Spalten \(candidates.map { "'\($0)'" }.joined(separator: " und ")) kommen beide für \(roleAccusative(role)) in Frage; "
                + "mit \(role.flag) eine wählen"
        case .duplicateColumn(let source, let name):
            return "\(source): der Spaltenname '\(name)' kommt zweimal vor"
        case .segmentColumnNotFound(let source, let name, let columns):
            return "\(source): es gibt keine Spalte '\(name)' für --segment-by; die Spalten sind \(quotedList(columns))"
        case .wrongColumnType(let source, let column, let role, let type):
            let needed = role == .date ? "ein Datum oder einen Zeitstempel" : "eine Zahl (integer, numeric, real, double precision oder money)"
            return "\(source): die Spalte '\(column)' ist vom Typ \(type) und kann nicht \(roleNominative(role)) sein, dafür braucht es \(needed); "
                + "mit --query umwandeln (z. B. \(role == .date ? "\(column)::date" : "\(column)::numeric"))"
        case .noRows(let source):
            return "\(source): die Tabelle oder Abfrage liefert keine Zeilen"
        case .amountNotInCents(let source, let column, let count, let example):
            return "\(source): Spalte '\(column)': \(count) \(count == 1 ? "Betrag hat" : "Beträge haben") mehr als zwei Nachkommastellen"
                + (example.map { " (z. B. \($0))" } ?? "") + "; mit --query runden (z. B. round(\(column), 2))"
        case .valueOutOfRange(let source, let detail):
            return "\(source): ein Wert kann nicht gelesen werden: \(detail)"
        case .customerIDsDifferInBlanks(let source, let id):
            return "\(source): die Kundennummer '\(id)' steht mit und ohne Leerzeichen darum in der Datenbank, in Dateien wäre das ein Kunde; "
                + "die Nummern mit --query kürzen (btrim)"
        case .tooManyIncompleteRows(let source, let count, let read, let limit, let strict):
            let rows = "\(count) von \(read) Zeilen (\(shareText(count, of: read, decimalMark: ",")))"
            return strict
                ? "\(source): \(rows) \(count == 1 ? "hat" : "haben") keine Kundennummer, kein Datum oder keinen Betrag (--strict lehnt jede ab)"
                : "\(source): \(rows) \(count == 1 ? "hat" : "haben") keine Kundennummer, kein Datum oder keinen Betrag, mehr als die mit --max-rejected erlaubten "
                    + "\(percentText(limit, decimalMark: ",")); sind die Spalten richtig?"
        case .connectionLost(let source, let detail):
            return "\(source): die Verbindung ist beim Lesen der Bestellungen abgebrochen (\(detail)); es wurde nichts geschrieben"
        case .serverError(let source, let code, let detail):
            return "\(source): der Server meldet einen Fehler\(code.map { " (SQLSTATE \($0))" } ?? ""): \(detail)"
        }
    }

    func incompleteRows(source: String, count: Int, read: Int) -> String {
        "\(source): \(count) von \(read) Zeilen \(count == 1 ? "hat" : "haben") keine Kundennummer, kein Datum oder keinen Betrag und \(count == 1 ? "wurde" : "wurden") weggelassen"
    }

    var explainStatementHeading: String { "-- Die Abfrage, die cohort sendet (jede Teilabfrage, die zusammenfasst, gruppiert nach der Kundenspalte):" }
    var explainPlanHeading: String { "-- Der Plan des Servers (EXPLAIN):" }

    func explainWithoutPlan(_ error: DatabaseError) -> String {
        "-- Kein Plan: \(describe(error)); die Spalten gelten wie angegeben (--customer-column, --date-column, --amount-column, "
            + "--order-column), das Datum als Datum und der Betrag als numeric."
    }

    private func roleAccusative(_ role: ColumnRole) -> String {
        switch role {
        case .customer: return "die Kundennummer"
        case .date: return "das Datum"
        case .amount: return "den Betrag"
        case .order: return "die Bestellnummer"
        case .contract: return "die Vertragsnummer"
        case .start: return "den Vertragsbeginn"
        case .end: return "das Vertragsende"
        case .mrr: return "den monatlichen Betrag (MRR)"
        case .score: return "die Bewertung"
        }
    }

    private func roleNominative(_ role: ColumnRole) -> String {
        switch role {
        case .amount: return "der Betrag"
        case .start: return "der Vertragsbeginn"
        case .mrr: return "der monatliche Betrag (MRR)"
        default: return roleAccusative(role)
        }
    }

    private func suggested(_ suggestion: String?) -> String {
        suggestion.map { " (gemeint: '\($0)'?)" } ?? ""
    }

    private func quotedList(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
