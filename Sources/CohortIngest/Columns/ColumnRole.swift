/// A field the analysis needs from the input, with the header names that usually hold it.
public enum ColumnRole: String, Sendable, CaseIterable {
    case customer
    case date
    case amount
    case order

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
                    "datum", "bestelldatum", "auftragsdatum", "rechnungsdatum", "belegdatum", "buchungsdatum"]
        case .amount:
            return ["amount", "revenue", "total", "ordertotal", "netamount", "sales", "value", "linetotal",
                    "betrag", "umsatz", "nettobetrag", "nettoumsatz", "umsatznetto", "rechnungsbetrag", "gesamtbetrag", "wert"]
        case .order:
            return ["orderid", "order", "orderno", "ordernumber", "invoiceid", "invoice", "invoiceno", "invoicenumber",
                    "transactionid", "bestellnummer", "bestellnr", "auftragsnummer", "auftragsnr", "rechnungsnummer",
                    "rechnungsnr", "belegnummer", "belegnr"]
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
