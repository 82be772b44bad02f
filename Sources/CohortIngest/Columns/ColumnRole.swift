/// A field the analysis needs from the input, with the header names that usually hold it.
public enum ColumnRole: String, Sendable, CaseIterable {
    case customer
    case date
    case amount
    case order
    /// Contracts: first day covered, last day covered, monthly recurring revenue, contract id.
    case start
    case end
    case mrr
    case contract
    /// Survey answers: the score from 0 to 10.
    case score

    /// The command-line flag that names this column explicitly.
    public var flag: String { "--\(rawValue)-column" }

    /// Header names (normalized: lower case, letters and digits only) recognized
    /// for this role, in English and German.
    var knownNames: Set<String> {
        switch self {
        case .customer:
            return ["customerid", "customer", "customerno", "customernumber", "clientid", "client", "accountid", "account",
                    "buyerid", "userid", "kunde", "kundennummer", "kundennr", "kundenid", "debitor", "debitornummer",
                    "debitorennummer", "debitorennr"]
        case .date:
            return ["orderdate", "date", "invoicedate", "purchasedate", "transactiondate", "createdat", "orderedat",
                    "datum", "bestelldatum", "auftragsdatum", "rechnungsdatum", "belegdatum", "buchungsdatum",
                    "answerdate", "surveydate", "responsedate", "answeredat", "respondedat", "submittedat",
                    "antwortdatum", "umfragedatum", "befragungsdatum"]
        case .amount:
            return ["amount", "revenue", "total", "ordertotal", "netamount", "sales", "value", "linetotal",
                    "betrag", "umsatz", "nettobetrag", "nettoumsatz", "umsatznetto", "rechnungsbetrag", "gesamtbetrag", "wert"]
        case .order:
            return ["orderid", "order", "orderno", "ordernumber", "invoiceid", "invoice", "invoiceno", "invoicenumber",
                    "transactionid", "bestellnummer", "bestellnr", "auftragsnummer", "auftragsnr", "rechnungsnummer",
                    "rechnungsnr", "belegnummer", "belegnr"]
        case .start:
            return ["start", "startdate", "contractstart", "contractstartdate", "begin", "begindate", "validfrom", "from",
                    "servicestart", "subscriptionstart", "termstart", "vertragsbeginn", "vertragsstart", "beginn", "startdatum",
                    "laufzeitbeginn", "gueltigab", "leistungsbeginn"]
        case .end:
            return ["end", "enddate", "contractend", "contractenddate", "validto", "validuntil", "to", "until", "serviceend",
                    "subscriptionend", "termend", "vertragsende", "ende", "enddatum", "laufzeitende", "gueltigbis", "leistungsende"]
        case .mrr:
            return ["mrr", "monthlyrecurringrevenue", "monthlyamount", "monthlyfee", "monthlyprice", "monthlyvalue", "monthlyrevenue",
                    "monatlicherbetrag", "monatsbetrag", "monatlichegebuehr", "monatsgebuehr", "monatsbeitrag", "monatlicherumsatz",
                    "monatsumsatz", "mrreur"]
        case .contract:
            return ["contractid", "contract", "contractno", "contractnumber", "subscriptionid", "subscription", "vertrag",
                    "vertragsnummer", "vertragsnr", "vertragsid", "abonummer", "abonnementnummer"]
        case .score:
            return ["score", "npsscore", "nps", "rating", "recommendation", "likelihoodtorecommend", "bewertung",
                    "punkte", "punktzahl", "npswert", "empfehlung", "weiterempfehlung"]
        }
    }

    /// Lower case, umlauts folded, letters and digits only: "Kunden-Nr." → "kundennr".
    static func normalize(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            default: if character.isLetter || character.isNumber { result.append(character) }
            }
        }
        return result
    }
}
