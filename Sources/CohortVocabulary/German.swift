import CohortCore
import CohortIngest

/// Every word of the product in German.
struct German: Vocabulary {
    // MARK: Language and conventions

    let code = "de"
    let name = "Deutsch"
    let partnerCode = "en"
    let decimalMark = ","
    let groupingMark = "."
    func percentText(_ number: String) -> String { "\(number) %" }
    func moneyText(sign: String, number: String, symbol: String) -> String { "\(sign)\(number) \(symbol)" }
    let millionSuffix = " Mio."
    let thousandSuffix = " Tsd."
    let pointsSuffix = " Pp."
    let monthNames = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                      "November", "Dezember"]
    let shortMonthNames = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
    func longDate(_ date: CivilDate) -> String { "\(date.day). \(monthNames[date.month - 1]) \(date.year)" }
    func timestamp(_ date: CivilDate, time: String) -> String {
        "\(date.day < 10 ? "0" : "")\(date.day).\(date.month < 10 ? "0" : "")\(date.month).\(date.year), \(time)"
    }

    // MARK: Periods

    func periodNoun(_ kind: PeriodKind, plural: Bool) -> String {
        switch kind {
        case .month: return plural ? "Monate" : "Monat"
        case .week: return plural ? "Wochen" : "Woche"
        case .quarter: return plural ? "Quartale" : "Quartal"
        }
    }

    /// "Monaten", "Wochen", "Quartalen": after "in", "von".
    private func periodDative(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "Monaten"
        case .week: return "Wochen"
        case .quarter: return "Quartalen"
        }
    }

    func periodName(_ period: PeriodInfo, _ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "\(monthNames[period.firstDay.month - 1]) \(period.firstDay.year)"
        case .week:
            let (week, year) = isoWeek(of: period)
            return "KW \(week)/\(year)"
        case .quarter: return "\((period.firstDay.month - 1) / 3 + 1). Quartal \(period.firstDay.year)"
        }
    }

    func periodAdjective(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "Monatsperioden"
        case .week: return "Wochenperioden (ISO-Wochen)"
        case .quarter: return "Quartalsperioden"
        }
    }

    func periodly(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "monatlich"
        case .week: return "wöchentlich"
        case .quarter: return "quartalsweise"
        }
    }

    func ageLetter(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "M"
        case .week: return "W"
        case .quarter: return "Q"
        }
    }

    func lastPeriods(_ shown: Int, of total: Int, _ kind: PeriodKind) -> String {
        "letzte \(shown) von \(total) \(periodDative(kind))"
    }

    // MARK: Input

    func reason(_ reason: RejectReason) -> String {
        switch reason {
        case .fieldCount(let found, let header): return "hat \(found) Felder, die Kopfzeile hat \(header)"
        case .emptyDate: return "das Datum ist leer"
        case .notADate(let text, let order?, let evidence?):
            if evidence == .given {
                return "'\(text)' ist kein Datum in der Reihenfolge \(orderName(order)) \(because(evidence, option: "--date-format"))"
            }
            return "'\(text)' ist kein Datum in der Reihenfolge \(orderName(order)) dieser Spalte, \(because(evidence, option: "--date-format"))"
        case .notADate(let text, _, _):
            return "'\(text)' ist kein Datum (erwartet JJJJ-MM-TT, TT.MM.JJJJ, TT/MM/JJJJ oder MM/TT/JJJJ)"
        case .emptyAmount: return "der Betrag ist leer"
        case .tooManyDecimals(let text): return "'\(text)' hat mehr als 2 Nachkommastellen"
        case .notANumber(let text): return "'\(text)' ist keine Zahl"
        case .separatorMismatch(let text, let separator, let evidence):
            return "'\(text)' passt nicht zum \(separatorName(separator)) dieser Spalte, \(because(evidence, option: "--decimal"))"
        case .emptyCustomer: return "die Kundennummer ist leer"
        case .repeats(let original): return "wiederholt \(original.source):\(original.line) (gleiche Bestellnummer, Kunde, Datum und Betrag)"
        case .amountTooLarge(let text): return amountTooLarge(text)
        case .dateOutOfRange(let text, let earliest, let latest): return dateOutOfRange(text, earliest: earliest, latest: latest)
        case .endBeforeStart, .negativeMRR, .emptyScore, .notAScore: return contractReason(reason)
        }
    }

    private func because(_ evidence: ConventionEvidence, option: String) -> String {
        switch evidence {
        case .given: return "wie mit \(option) angegeben"
        case .proven(let line, let text): return "wie '\(text)' in Zeile \(line) zeigt; \(option), falls das nicht stimmt"
        case .wholeAmountsBesideGroups(let grouping):
            return "wie ganze Beträge ohne '\(grouping.rawValue)' neben Dreiergruppen von Ziffern danach zeigen; \(option), falls das nicht stimmt"
        }
    }

    private func orderName(_ order: DateOrder) -> String {
        switch order {
        case .dayMonthYear: return "Tag zuerst (TT/MM/JJJJ)"
        case .monthDayYear: return "Monat zuerst (MM/TT/JJJJ)"
        case .yearMonthDay: return "Jahr zuerst (JJJJ-MM-TT)"
        }
    }

    private func separatorName(_ separator: DecimalSeparator) -> String {
        separator == .point ? "Dezimalpunkt" : "Dezimalkomma"
    }

    func columnPrefix(_ column: String) -> String { "Spalte '\(column)': " }

    func describe(_ format: SourceFormat) -> String {
        var parts = [format.sheet.map { "Excel-Blatt '\($0)'" } ?? "CSV"]
        if let encoding = format.encoding { parts.append(encoding) }
        if let delimiter = format.delimiter {
            parts.append(delimiter == UInt8(ascii: "\t") ? "getrennt durch Tabulator" : "getrennt durch '\(String(decoding: [delimiter], as: UTF8.self))'")
        }
        if let separator = format.decimalSeparator {
            parts.append("\(separatorName(separator)) (\(format.decimalSeparatorGiven ? "angegeben" : "erkannt"))")
        }
        if let order = format.dateOrder, order != .yearMonthDay {
            let how = format.dateOrderGiven ? "angegeben" : "erkannt"
            parts.append("Datum " + orderName(order).replacingOccurrences(of: ")", with: ", \(how))"))
        }
        parts.append("\(format.rows) \(format.rows == 1 ? "Zeile" : "Zeilen")")
        return "\(format.source): " + parts.joined(separator: ", ")
    }

    func describe(_ warning: InputWarning) -> String {
        switch warning {
        case .duplicateRows(let count, let first):
            return count == 1
                ? "1 Zeile wiederholt eine Zeile einer früheren Datei und wurde übersprungen (gleiche Bestellnummer, Kunde, Datum und Betrag): \(first.source):\(first.line)"
                : "\(count) Zeilen wiederholen Zeilen einer früheren Datei und wurden übersprungen (gleiche Bestellnummer, Kunde, Datum und Betrag); erste: \(first.source):\(first.line)"
        case .datesFarInPast(let count, let latest, let earliest, let at):
            return "\(count) \(count == 1 ? "Zeile ist" : "Zeilen sind") mehr als \(InputWarning.farPastYears) Jahre vor der letzten Bestellung (\(latest)) datiert; "
                + "die früheste, \(earliest), steht in \(at.source):\(at.line): ein Platzhalterdatum oder ein Tippfehler?"
        case .datesInFuture(let count, let today, let latest, let at):
            return "\(count) \(count == 1 ? "Zeile ist" : "Zeilen sind") nach heute (\(today)) datiert, die späteste \(latest) in \(at.source):\(at.line); "
                + "ohne --as-of reicht der Bericht bis zu diesem Datum"
        case .currencyDiffers(let source, let mark, let count, let line, let expected):
            return "\(source):\(line): \(count) \(count == 1 ? "Betrag ist" : "Beträge sind") mit '\(mark)' ausgezeichnet, die Währung des Berichts ist aber "
                + "\(expected) (--currency); sie werden addiert, wie sie sind"
        case .mixedCurrencies(let source, let marks):
            let list = marks.map { "'\($0.mark)' \($0.count)×" }.joined(separator: ", ")
            return "\(source): Beträge sind mit verschiedenen Währungen ausgezeichnet (\(list)); sie werden addiert, wie sie sind"
        case .datesOutOfRange(let count, let earliest, let latest, let first):
            return datesOutOfRange(count: count, earliest: earliest, latest: latest, first: describe(first))
        case .sameInputTwice(let source, let original, let sameFile):
            return sameInputTwice(source: source, original: original, sameFile: sameFile)
        case .incompleteRows(let source, let count, let read):
            return incompleteRows(source: source, count: count, read: read)
        }
    }

    // MARK: Errors

    func describe(_ error: IngestError) -> String {
        switch error {
        case .cannotRead(let source, let reason):
            let why: String
            switch reason {
            case .noSuchFile: why = "die Datei gibt es nicht"
            case .isFolder: why = "das ist ein Ordner, keine Datei"
            case .unreadable: why = "keine Leseberechtigung oder nicht lesbar"
            }
            return "\(source): die Datei kann nicht gelesen werden: \(why)"
        case .noMatchingFile(let pattern):
            return "\(pattern): keine Datei passt zu diesem Muster"
        case .emptyFile(let source):
            return "\(source): die Datei ist leer"
        case .noDataRows(let source):
            return "\(source): die Datei hat eine Kopfzeile, aber keine Datenzeilen"
        case .binaryFile(let source):
            return "\(source): das ist keine Textdatei (CSV); komprimierte oder binäre Dateien erst entpacken oder als CSV exportieren"
        case .notText(let source, let signature):
            return "\(source): \(explain(signature))"
        case .unknownEncoding(let source, let line, let byte):
            return "\(source):\(line): unbekannte Zeichenkodierung (Byte 0x\(String(byte, radix: 16, uppercase: true)) ist weder UTF-8 noch Windows-1252); "
                + "die Datei als UTF-8 speichern oder die Kodierung mit --encoding angeben"
        case .unterminatedQuote(let source, let line):
            return "\(source):\(line): ein Feld in Anführungszeichen beginnt hier und endet nie (ein schließendes \" fehlt)"
        case .columnNotFound(let source, let line, let role, let name, let suggestion):
            return "\(source):\(line): es gibt keine Spalte '\(name)' für \(role.flag)" + didYouMean(suggestion)
        case .noColumnDetected(let source, let line, let role, let header, let suggestion):
            let columns = header.prefix(20).map { "'\($0)'" }.joined(separator: ", ") + (header.count > 20 ? ", …" : "")
            return "\(source):\(line): keine Spalte für \(roleName(role)) unter \(columns)" + didYouMean(suggestion) + "; mit \(role.flag) angeben"
        case .ambiguousColumn(let source, let line, let role, let candidates):
            let names = candidates.map { "'\($0)'" }.joined(separator: " und ")
            return "\(source):\(line): die Spalten \(names) kommen beide für \(roleName(role)) in Frage; eine mit \(role.flag) wählen"
        case .duplicateColumn(let source, let line, let name):
            return "\(source):\(line): der Spaltenname '\(name)' steht zweimal in der Kopfzeile"
        case .ambiguousDateOrder(let source, let line, let column, let text, let dayFirst, let monthFirst):
            return "\(source):\(line): Spalte '\(column)': '\(text)' kann \(dayFirst) (Tag zuerst) oder \(monthFirst) (Monat zuerst) sein "
                + "und kein Datum der Datei entscheidet es; --date-format DD/MM/YYYY oder --date-format MM/DD/YYYY angeben"
        case .ambiguousDecimalSeparator(let source, let line, let column, let text):
            let separator = text.contains(",") && !text.contains(".") ? "," : "."
            return "\(source):\(line): Spalte '\(column)': in '\(text)' kann '\(separator)' Dezimaltrennzeichen oder Tausenderpunkt sein, "
                + "und kein Betrag der Datei entscheidet es; --decimal , oder --decimal . angeben"
        case .sheetNotFound(let source, let name, let sheets):
            return "\(source): es gibt kein Blatt '\(name)'; die Arbeitsmappe hat " + sheets.map { "'\($0)'" }.joined(separator: ", ")
        case .emptySheet(let source, let sheet):
            return "\(source): das Blatt '\(sheet)' ist leer"
        case .unreadableWorkbook(let source, let reason):
            return "\(source): die Excel-Arbeitsmappe kann nicht gelesen werden: \(workbookProblem(reason))"
        case .rejectedRow(let row):
            return "\(describe(row)) (--strict lässt keine fehlerhafte Zeile zu)"
        case .tooManyRejected(let rejected, let read, let limit, let first):
            let share = Double(rejected) / Double(max(read, 1)) * 100
            return "\(rejected) von \(read) Zeilen (\(plainPercent(share))) konnten nicht gelesen werden, mehr als die mit --max-rejected "
                + "erlaubten \(plainPercent(limit)); vermutlich sind die Spalten falsch zugeordnet. Erste: \(describe(first))"
        case .segmentColumnNotFound(let name, let sources, let suggestion):
            return "keine Spalte '\(name)' zum Segmentieren in \(sources.joined(separator: ", "))\(didYouMean(suggestion)); "
                + "eine Spalte der Bestellungen angeben oder eine Kundendatei mit dieser Spalte über --customers"
        case .outOfMemory(let bytes):
            return "zu wenig Speicher: das System hat \(bytes >> 20) MB zum Lesen der Bestellungen verweigert (die Kennungstabellen oder ein Teil einer großen Datei); andere Programme schließen oder weniger Dateien auf einmal lesen"
        case .cannotSpill(let directory, let reason):
            return "die Bestellzeilen einer großen Datei lassen sich nicht im temporären Verzeichnis \(directory) ablegen: \(reason); TMPDIR auf ein Laufwerk mit Platz setzen (etwa 24 Byte je Zeile)"
        case .tooManyColumns(let source, let line, let count, let limit):
            return tooManyColumns(source: source, line: line, count: count, limit: limit)
        case .recordTooLong(let source, let line, let megabytes):
            return recordTooLong(source: source, line: line, megabytes: megabytes)
        case .changedWhileRead(let source):
            return changedWhileRead(source: source)
        case .noWriter(let source, let seconds):
            return noWriter(source: source, seconds: seconds)
        }
    }

    private func roleName(_ role: ColumnRole) -> String {
        switch role {
        case .customer: return "die Kundennummer"
        case .date: return "das Datum"
        case .amount: return "den Betrag"
        case .order: return "die Bestellnummer"
        case .start, .end, .mrr, .contract, .score: return contractRoleName(role)
        }
    }

    private func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (gemeint: '\($0)'?)" } ?? ""
    }

    private func plainPercent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)".replacingOccurrences(of: ".", with: ",")
        return "\(text) %"
    }

    private func workbookProblem(_ problem: WorkbookProblem) -> String {
        switch problem {
        case .damagedArchive(let damage):
            let what: String
            switch damage {
            case .tooShort: what = "zu kurz"
            case .noCentralDirectory: what = "kein zentrales Verzeichnis"
            case .centralDirectoryOutOfBounds: what = "zentrales Verzeichnis außerhalb der Datei"
            case .centralDirectoryEntry: what = "Eintrag im zentralen Verzeichnis"
            case .entryName: what = "Name eines Eintrags"
            case .localHeader(let part): what = "lokaler Kopf von \(part)"
            }
            return "das ZIP-Archiv ist beschädigt (\(what))"
        case .zip64: return "es ist ein ZIP64-Archiv (über 4 GB), das nicht unterstützt wird"
        case .encrypted(let part): return "\(part) ist verschlüsselt (eine Arbeitsmappe mit Kennwort)"
        case .partCutOff(let part): return "das ZIP-Archiv ist beschädigt (\(part) ist abgeschnitten)"
        case .partTooLarge(let part, let megabytes): return partTooLarge(part: part, megabytes: megabytes)
        case .unsupportedMethod(let part, let method): return "\(part) ist mit der ZIP-Methode \(method) gepackt, die nicht unterstützt wird"
        case .cannotUnpack(let part): return "\(part) ist beschädigt und lässt sich nicht entpacken"
        case .noWorksheet: return "sie hat kein Arbeitsblatt"
        case .missingPart(let part): return "der Teil \(part) fehlt"
        case .missingSharedString(let part, let row, let index): return "\(part): Zeile \(row) verweist auf den gemeinsamen Text \(index), den es nicht gibt"
        case .notUTF8(let part, let line): return "\(part) ist kein gültiges XML (ein Byte, das nicht UTF-8 ist, in Zeile \(line))"
        case .invalidXML(let part, let line): return "\(part) ist kein gültiges XML (Zeile \(line))"
        }
    }

    func describe(_ error: AnalysisError) -> String {
        switch error {
        case .noRows:
            return "die Eingabe enthält keine Bestellzeilen"
        case .noRowsUpToAsOf(let asOf):
            return "keine Bestellung ist am oder vor dem Stichtag \(asOf) datiert"
        case .noPositiveOrders:
            return "kein Kunde hat eine Bestellung mit positivem Betrag, also gibt es keine Kohorte"
        case .invalidChurnWindow(let window):
            return "das Abwanderungsfenster muss 1 oder mehr Perioden umfassen, nicht \(window)"
        case .invalidGrossMargin(let margin):
            return "die Rohertragsmarge muss zwischen 0 und 1 liegen (0,35 = 35 %), nicht \(margin)"
        case .amountTotalTooLarge:
            return amountTotalTooLarge
        }
    }

    func explain(_ signature: FileSignature) -> String {
        switch signature {
        case .zip: return "das ist ein ZIP-Archiv, weder CSV noch eine Excel-Arbeitsmappe; erst entpacken"
        case .gzip: return "das ist eine mit gzip komprimierte Datei, kein CSV; erst entpacken (gunzip)"
        case .bzip2: return "das ist eine mit bzip2 komprimierte Datei, kein CSV; erst entpacken (bunzip2)"
        case .xz: return "das ist eine mit xz komprimierte Datei, kein CSV; erst entpacken (unxz)"
        case .zstd: return "das ist eine mit zstd komprimierte Datei, kein CSV; erst entpacken (unzstd)"
        case .sevenZip: return "das ist ein 7-Zip-Archiv, kein CSV; erst entpacken"
        case .rar: return "das ist ein RAR-Archiv, kein CSV; erst entpacken"
        case .compoundDocument:
            return "das ist eine Excel-97–2003-Arbeitsmappe (.xls) oder eine Arbeitsmappe mit Kennwort; als .xlsx ohne Kennwort oder als CSV speichern"
        case .openDocumentSpreadsheet: return "das ist eine OpenDocument-Tabelle (.ods); als .xlsx oder CSV speichern"
        case .pdf: return "das ist ein PDF-Dokument, kein CSV; die Bestellungen stattdessen als CSV oder .xlsx exportieren"
        }
    }

    func describe(_ error: SettingError) -> String {
        switch error {
        case .unreadableFile(let path): return "\(path): die Konfigurationsdatei kann nicht gelesen werden"
        case .notYAML(let file, let detail): return "\(file): kein gültiges YAML: \(detail)"
        case .wrongType(let file, let key, let detail): return "\(file): '\(key)': \(detail)"
        case .invalidValue(let file, let key, let value, let expected):
            let place = file.map { "\($0): '\(key)'" } ?? key
            return "\(place): '\(value)' ist \(expectation(expected))"
        case .logo(let path, let readable):
            return readable ? "das Logo muss eine .png- oder .svg-Datei sein, nicht \(path)" : "das Logo \(path) kann nicht gelesen werden"
        case .missing(let setting, let neededBy): return "\(neededBy) braucht auch \(setting)"
        case .notWithDatabase(let setting): return "\(setting) geht nur mit Bestelldateien, noch nicht mit Bestellungen aus einer Datenbank"
        }
    }

    private func expectation(_ expected: SettingExpectation) -> String {
        switch expected {
        case .period: return "keine Periode: month, week oder quarter"
        case .date: return "kein Datum wie 31.10.2026 oder 2026-10-31"
        case .language(let codes): return "keine Sprache: " + codes.joined(separator: " oder ")
        case .wholeNumber(let least): return "keine ganze Zahl ab \(least)"
        case .churnWindow: return "weder auto noch eine ganze Zahl von Perioden ab 1"
        case .fraction: return "kein Anteil zwischen 0 und 1, z. B. 0.35"
        case .percentage: return "kein Prozentsatz zwischen 0 und 100"
        case .positive(let maximum): return "keine Zahl über 0 und höchstens \(plainNumber(maximum))"
        case .delimiter: return "kein einzelnes Zeichen; , ; tab oder | verwenden"
        case .encoding: return "keine bekannte Kodierung; utf-8, utf-16, utf-16be, windows-1252 oder iso-8859-1 verwenden"
        case .decimalSeparator: return "kein Dezimaltrennzeichen; , oder . verwenden"
        case .dateFormat: return "keine Reihenfolge von Tag, Monat und Jahr; z. B. DD/MM/YYYY, MM/DD/YYYY oder YYYY-MM-DD verwenden"
        case .target(let keys): return "kein KPI-Ziel; die KPIs sind " + keys.joined(separator: ", ")
        case .emailAddress: return "keine E-Mail-Adresse wie berichte@muster.example oder 'Name <berichte@muster.example>'"
        case .smtpServer: return "kein SMTP-Server als HOST:PORT, z. B. mail.muster.example:587"
        case .existingFile: return "keine vorhandene Datei; diesen Schlüssel auf die eigenen Bestellexporte ändern"
        case .oneOf(let names): return "keiner von " + names.joined(separator: ", ")
        }
    }

    private func plainNumber(_ value: Double) -> String { value == value.rounded() ? "\(Int(value))" : "\(value)" }

    func describe(_ error: AnalysisFileError) -> String {
        switch error {
        case .schemaVersion(let found, let supported):
            return found > supported
                ? "die Analyse stammt von einem neueren cohort (Aufbau \(found); dieses liest \(supported)); cohort aktualisieren oder den Bericht aus den Bestellungen erstellen"
                : "die Analyse stammt von einem älteren cohort (Aufbau \(found); dieses liest \(supported)); den Bericht erneut aus den Bestellungen erstellen"
        case .unreadable(let path, let detail): return "\(path): keine von cohort geschriebene analysis.json (\(detail))"
        }
    }

    func rowsSkipped(_ count: Int, of read: Int, first: RejectedRow) -> String {
        "\(count) von \(read) Zeilen konnten nicht gelesen werden und wurden übersprungen; erste: \(describe(first))"
    }

    // MARK: Charts

    func matrixTitle(_ metric: MatrixMetric) -> String {
        switch metric {
        case .retention: return "Kundenbindung je Kohorte"
        case .revenueRetention: return "Umsatzbindung je Kohorte (NRR)"
        case .grossRevenueRetention: return "Bruttoumsatzbindung je Kohorte (GRR)"
        }
    }

    let retentionCurvesTitle = "Bindungskurven"
    let customerBridgeTitle = "Kundenbrücke"
    let revenueBridgeTitle = "Umsatzbrücke"
    let trendsTitle = "KPI-Verlauf"
    let ltvTitle = "Kumulierter Umsatz je Kunde (LTV-Kurven)"
    let survivalTitle = "Noch im Kundenbestand (Kaplan-Meier)"
    let stillLive = "noch im Bestand (bis zur ersten Abwanderung)"
    let confidenceBand = "95-%-Konfidenzband (Greenwood)"
    func churnWindow(_ window: Int) -> String { "Abwanderungsfenster \(window)" }
    func halfChurned(by age: String) -> String { "die Hälfte ist bis \(age) abgewandert" }
    func survivalCaption(customers: String, censored: String, partial: Bool) -> String {
        "Anteil der \(customers) Kunden, die im jeweiligen Alter seit dem Erstkauf noch im Bestand sind, jeder bis zur ersten "
            + "Abwanderung verfolgt; \(censored) aus zu jungen Kohorten zählen bis zur letzten vollständigen Periode (zensiert)."
            + (partial ? " In der unvollständigen Periode gewonnene Kunden zählen noch nicht." : "")
    }
    let cohort = "Kohorte"
    let customers = "Kunden"
    let customersWord = "Kunden"
    let average = "Durchschnitt"
    let weightedAverage = "Durchschnitt (gewichtet nach Kohortengröße)"
    let partialPeriod = "unvollständige Periode (Stichtag darin)"
    let asOf = "Stand"
    let cohortsWord = "Kohorten"
    let target = "Ziel"
    let new = "Neu"
    let reactivated = "Zurückgewonnen"
    let churned = "Abgewandert"
    let expansion = "Ausweitung"
    let contraction = "Rückgang"
    let reactivation = "Reaktivierung"
    func ageAxis(_ kind: PeriodKind) -> String { "\(periodNoun(kind, plural: true)) seit Erstkauf" }
    let noPeriods = "Keine Perioden zum Anzeigen"
    let acquisitionPeriodHundred = "Erstkaufperiode (100 %)"
    let valuesInPercent = "Werte in %"

    func bridgeNetChange(revenue: Bool) -> String { revenue ? "Nettoveränderung des Umsatzes" : "Nettoveränderung (Ende − Anfang)" }

    func bridgeCaption(revenue: Bool, _ kind: PeriodKind) -> String {
        guard revenue else { return "Kunden je \(periodNoun(kind, plural: false)): gewonnen (+), verloren (−)" }
        switch kind {
        case .month: return "Umsatzveränderung gegenüber dem Vormonat, nach Bewegung"
        case .week: return "Umsatzveränderung gegenüber der Vorwoche, nach Bewegung"
        case .quarter: return "Umsatzveränderung gegenüber dem Vorquartal, nach Bewegung"
        }
    }

    func bridgeCustomersSummary(period: String, start: String, end: String, net: String) -> String {
        "\(period): \(start) → \(end) Kunden (netto \(net))"
    }

    func bridgeRevenueSummary(period: String, start: String, end: String, net: String) -> String {
        "\(period): \(start) → \(end) Umsatz (netto \(net))"
    }

    func trendChurnTitle(_ kind: PeriodKind) -> String { "Abwanderung je \(periodNoun(kind, plural: false))" }
    let trendChurnRate = "Abwanderungsrate"
    let trendYearTitle = "Bindung über 12 Monate: letzte 12 Monate gegenüber den 12 davor"
    let trendYearCRR = "CRR (Kunden, die wieder kauften)"
    let trendNRR = "NRR (Umsatz inkl. Ausweitung)"
    let trendGRR = "GRR (Umsatz ohne Ausweitung)"
    func trendTargetLegend(_ target: String) -> String { "\(target) für CRR" }
    func trendHundredPercent(_ hundred: String) -> String { "\(hundred) = Vorjahresumsatz gehalten" }
    func trendNeedsHistory(covered: Int, _ kind: PeriodKind) -> String {
        "Werte über 12 Monate brauchen 2 Jahre Historie; die Daten umfassen \(covered) \(periodNoun(kind, plural: covered != 1))"
    }
    let trendStartsLate = "Werte über 12 Monate erst nach 2 Jahren Historie"
    func trendNeedsTwoPeriods(_ kind: PeriodKind) -> String {
        "Braucht mindestens 2 \(periodNoun(kind, plural: true)) Daten (Abwanderung bezieht sich auf den Bestand zum Vorperiodenende)"
    }
    let trendNoOrders = "Keine Bestellungen mit positivem Betrag"
    let trendAOVTitle = "Durchschnittlicher Bestellwert"
    let trendAOV = "Umsatz je Bestellung (ohne Gutschriften)"
    let olderCohortsLegend = "Ältere Kohorten"

    func recentCohortsLegend(_ labels: [String], all: Bool) -> String {
        let count = labels.count
        if all { return count == 1 ? "Kohorte" : "Kohorten" }
        guard let first = labels.first, let last = labels.last, count > 1 else {
            return "Jüngste Kohorte" + (labels.first.map { " (\($0))" } ?? "")
        }
        return "\(count) jüngste Kohorten (\(first) – \(last))"
    }

    func thinAverage(_ cohorts: Int) -> String { "Durchschnitt aus weniger als \(cohorts) Kohorten" }
    let retentionAxisTitle = "Kunden mit Kauf in der Periode, in % der Kohorte"
    func revenuePerCustomerAxisTitle(symbol: String) -> String { "Kumulierter Umsatz je Kunde der Kohorte, in \(symbol)" }

    func ageZeroNote(brokenAbove limit: String?, _ kind: PeriodKind) -> String {
        guard let limit else { return "Alter 0 = Erstkaufperiode (per Definition 100 %)." }
        return "Alter 0 = Erstkaufperiode (per Definition 100 %); die Achse ist oberhalb von \(limit) unterbrochen, damit Unterschiede ab "
            + "\(periodNoun(kind, plural: false)) 1 sichtbar bleiben."
    }

    let ltvNote = "Gesamter Umsatz einer Kohorte bis zum jeweiligen Alter (abzüglich Gutschriften), geteilt durch ihre Kundenzahl; Alter 0 = Erstkaufperiode."

    func notDrawn(partialPeriod: Bool, cohorts labels: [String]) -> String? {
        let list = labels.count <= 3 ? labels.joined(separator: ", ") : "\(labels.count) Kohorten"
        let partial = "die unvollständige Periode (Stichtag darin)"
        let young = "\(list) (noch ohne vollständige Folgeperiode)"
        switch (partialPeriod, labels.isEmpty) {
        case (false, true): return nil
        case (true, true): return "Nicht eingezeichnet: \(partial)."
        case (false, false): return "Nicht eingezeichnet: \(young)."
        case (true, false): return "Nicht eingezeichnet: \(partial) sowie \(young)."
        }
    }

    func nothingToDraw(_ kind: PeriodKind) -> String { "Noch keine Kohorte hat nach dem Erstkauf eine vollständige Periode." }

    // MARK: Customers to act on

    let stakeTitle = "Gefährdeter Umsatz: Kunden mit Abwanderungsgefahr nach Überfälligkeit"
    func atRiskCount(_ count: Int) -> String { "\(self.count(count)) gefährdet" }
    let nobodyAtRisk = "Kein Kunde ist abwanderungsgefährdet"
    func overdueBucket(from: String, to: String?) -> String {
        to.map { "\(from)–\($0)× der üblichen Pause" } ?? "über \(from)× der üblichen Pause"
    }
    func customersCount(_ count: Int) -> String { "\(self.count(count)) \(count == 1 ? "Kunde" : "Kunden")" }
    func stakeCaption(total: String) -> String {
        "Umsatz der letzten 12 Monate von Kunden im Bestand, deren letzte Bestellung mehr als das 1,5-Fache ihrer üblichen Pause zurückliegt (eigener Median bei 3 oder mehr Kauftagen, sonst der aller Kunden); insgesamt \(total)."
    }

    func stakeDescription(largest: String, amount: String, total: String, customers: Int) -> String {
        "Der größte Teil des gefährdeten Umsatzes, \(amount) von \(total), liegt bei \(customersCount(customers)) mit \(largest): "
            + "je länger überfällig, desto seltener holt ein Anruf sie noch zurück."
    }

    func status(_ status: CustomerStatus) -> String {
        switch status {
        case .new: return "Neukunde"
        case .wonBack: return "Zurückgewonnen"
        case .atRisk: return "Abwanderungsgefahr"
        case .active: return "Aktiv"
        case .lost: return "Verloren"
        }
    }

    func customerWords() -> CustomerWords {
        CustomerWords(title: "Kunden mit Handlungsbedarf", atRiskHeading: "Abwanderungsgefahr, nach gefährdetem Umsatz",
                      lostHeading: "In den letzten 12 Monaten verloren, nach Umsatz insgesamt", wonBackHeading: "In dieser Periode zurückgewonnen", customer: "Kunde",
                      cohort: "Kohorte", lastOrder: "Letzte Bestellung", daysSince: "Tage seitdem", usualGap: "Übliche Pause (Tage)",
                      revenue12m: "Umsatz 12 Monate", atStake: "Gefährdet", lifetimeRevenue: "Umsatz insgesamt", orders: "Bestellungen",
                      probabilityAlive: "P(aktiv)", predictedCLV: "Erwarteter CLV 12 Monate",
                      modelHeading: "Erwarteter Kundenwert (BG/NBD und Gamma-Gamma)", noneAtRisk: "Kein Kunde ist abwanderungsgefährdet.",
                      noneLost: "Kein Kunde ist verloren.", noneWonBack: "In dieser Periode wurde kein Kunde zurückgewonnen.",
                      noneInList: "Kein Kunde in dieser Liste.",
                      listsLeftOut: "Kundenlisten sind in diesem Bericht nicht enthalten (--no-customer-lists).",
                      fullLists: "Die vollständigen Listen stehen in at-risk.csv und lost.csv neben diesem Bericht, bereit für den Import ins CRM.")
    }

    func customerSummary(atRisk: Int, stake: String, lost: Int, lostWithinYear: Int, wonBack: Int, period: String) -> String {
        let risk = atRisk == 0 ? "Kein Kunde ist abwanderungsgefährdet"
            : "\(count(atRisk)) \(atRisk == 1 ? "Kunde ist" : "Kunden sind") abwanderungsgefährdet (im Bestand, aber die letzte Bestellung "
                + "liegt mehr als das 1,5-Fache der üblichen Pause zurück), mit \(stake) Umsatz der letzten 12 Monate"
        return risk + "; \(count(lost)) \(lost == 1 ? "ist" : "sind") verloren (davon \(count(lostWithinYear)) in den letzten 12 Monaten) und "
            + "\(count(wonBack)) \(wonBack == 1 ? "wurde" : "wurden") \(period.hasPrefix("KW") ? "in" : "im") \(period) zurückgewonnen."
    }

    func predictionSentence(customers: Int, total: String?, perCustomer: String?, observedFirstYear: String?, problem: PredictionProblem?) -> String {
        switch problem {
        case .noRepeatPurchases?: return "Keine Vorhersage des Kundenwerts: noch hat kein Kunde an einem zweiten Tag gekauft, das Modell hat nichts zu lernen."
        case .unfit?: return "Keine Vorhersage des Kundenwerts: die Kaufverläufe lassen sich nicht anpassen."
        case .tooFewRepeatBuyers?: return "Keine Vorhersage des Kundenwerts: weniger als 10 Kunden haben an einem zweiten Tag gekauft, zu wenige, um einen Kaufrhythmus zu lernen."
        case nil: break
        }
        guard let total, let perCustomer else {
            return "Das BG/NBD-Modell schätzt, welche der \(count(customers)) Kunden noch aktiv sind; ihre Bestellwerte ließen sich nicht modellieren (zu wenige Wiederkäufer), daher gibt es keinen erwarteten CLV."
        }
        return "Die Modelle BG/NBD und Gamma-Gamma erwarten von den \(count(customers)) Kunden \(total) in den nächsten 12 Monaten, im Schnitt \(perCustomer) je Kunde"
            + (observedFirstYear.map { ", gegenüber bisher \($0) je Kunde in den ersten 12 Monaten" } ?? "")
            + ". Das ist eine Vorhersage aus dem Kaufrhythmus jedes Kunden (nicht abgezinst), kein Versprechen."
    }

    func modelFit(bgnbd: String, bgnbdLikelihood: String, gammaGamma: String?, gammaGammaLikelihood: String?, customers: Int,
                  repeatBuyers: Int, correlation: String?) -> String {
        "Anpassung: BG/NBD \(bgnbd) (Log-Likelihood \(bgnbdLikelihood))"
            + (gammaGamma.map { "; Gamma-Gamma \($0) (Log-Likelihood \(gammaGammaLikelihood ?? "–"))" } ?? "")
            + "; \(count(customers)) Kunden, \(count(repeatBuyers)) Wiederkäufer"
            + (correlation.map { "; Korrelation von Kaufhäufigkeit und Bestellwert \($0)" } ?? "") + "."
    }

    func describe(_ warning: PredictiveWarning) -> String {
        switch warning {
        case .bgnbdNotConverged(let iterations): return "die BG/NBD-Anpassung konvergierte nicht in \(iterations) Iterationen; die Zahlen sind grob"
        case .gammaGammaNotConverged(let iterations): return "die Gamma-Gamma-Anpassung konvergierte nicht in \(iterations) Iterationen; es gibt keine Vorhersage des Bestellwerts"
        case .parameterAtLimit(let parameter, let value):
            return "der Modellparameter \(parameter.rawValue) lief bis \(parameterValue(value)); die Daten passen kaum zum Modell (sehr wenige oder sehr regelmäßige Wiederkäufe)"
        case .gammaGammaQNotAboveOne(let q): return "die Gamma-Gamma-Anpassung ergab q = \(parameterValue(q)) (≤ 1), ohne mittleren Bestellwert; es gibt keine Vorhersage des Bestellwerts"
        case .tooFewRepeatBuyers(let count): return "nur \(count) Wiederkäufer: zu wenige, um Bestellwerte zu modellieren"
        case .frequencyValueCorrelation(let r):
            return "Bestellwert und Kaufhäufigkeit hängen zusammen (r = \(decimal(r, places: 2))); Gamma-Gamma setzt voraus, dass nicht, daher ist der CLV grob"
        case .customersAfterAsOf(let count): return "\(count) Kunden kauften erst nach dem Stichtag und bleiben im Modell außen vor"
        case .expectedPurchasesImprecise(let count): return "die erwarteten Käufe von \(count) Kunden sind Näherungen"
        }
    }

    // MARK: Report

    func reportLabels(_ kind: PeriodKind) -> ReportLabels {
        let noun = periodNoun(kind, plural: false)
        return ReportLabels(
            reportTitle: "Kohortenbericht", source: "Quelle", asOf: "Stand", generated: "erstellt", rowsRead: "Zeilen gelesen",
            rowsRejected: "abgewiesen", customersInCohorts: "Kunden in Kohorten", headline: "Kennzahlen auf einen Blick",
            previousPeriod: "ggü. Vor\(noun.lowercased())", yearEarlier: "ggü. Vorjahr", target: "Ziel", onTarget: "im Ziel",
            nearTarget: "knapp am Ziel", offTarget: "nicht im Ziel", noTarget: "kein Ziel", customerBridge: "Kundenbrücke",
            revenueBridge: "Umsatzbrücke", revenueBridgeNote: "Je Kunde: positiver Nettoumsatz gegenüber der Vorperiode.",
            period: noun, start: "Beginn", new: "Neu", reactivated: "Zurückgewonnen", churned: "Abgewandert", end: "Ende",
            churnRate: "Abwanderungsrate", retentionRate: "Bindungsrate", expansion: "Ausweitung", contraction: "Rückgang",
            reactivation: "Reaktivierung", nrr: "NRR", grr: "GRR", matrices: "Kohorten", cohort: "Kohorte", customers: "Kunden",
            average: "Durchschnitt",
            matrixNote: "Zeilen sind Kohorten nach Erstkaufperiode, Spalten das Alter in \(periodDative(kind)) (0 = Erstkauf). Der Durchschnitt gewichtet nach Kohortengröße, ohne unvollständige Zellen.",
            partialMark: "* unvollständige Periode (der Stichtag liegt darin)", trends: "Verlauf", lifetimeValue: "Kundenwert",
            dataQuality: "Datenqualität", glossary: "Glossar", term: "Begriff", otherLanguage: "English", definition: "Definition",
            contents: "Inhalt", publishedReports: "Veröffentlichte Kohortenberichte", generatedBy: "Erstellt mit cohort", page: "Seite", summary: "Zusammenfassung")
    }

    func headlineLabel(_ key: HeadlineKey, span: Int?, _ kind: PeriodKind) -> String {
        func over(_ span: Int?) -> String {
            guard let span else { return "" }
            return span == kind.periodsPerYear ? " (\(span) \(periodNoun(kind, plural: true)))" : " (über \(span) \(periodNoun(kind, plural: span != 1)))"
        }
        switch key {
        case .activeCustomers: return "Aktive Kunden"
        case .churnRate: return "Abwanderung"
        case .customersKept: return "Gehaltene Kunden"
        case .revenue: return "Umsatz"
        case .nrr: return "Nettoumsatzbindung" + over(span)
        case .grr: return "Bruttoumsatzbindung" + over(span)
        case .clv12m:
            let ages = span ?? kind.periodsPerYear
            return ages == 1 ? "Umsatz je Kunde, erste\(kind == .week ? "" : "r") \(periodNoun(kind, plural: false))"
                : "Umsatz je Kunde, erste \(ages) \(periodNoun(kind, plural: true))"
        case .averageOrderValue: return "Durchschnittlicher Bestellwert"
        }
    }

    func missingFigure(_ missing: MissingFigure, _ kind: PeriodKind) -> String {
        switch missing {
        case .needsPeriods(let needed, let present):
            return "braucht \(needed) \(periodNoun(kind, plural: true)) Bestellungen, \(present) vorhanden"
        case .noCustomersAtStart: return "kein Kundenbestand zu Periodenbeginn"
        case .noOrders: return "keine Bestellungen in der Periode"
        case .noBaseRevenue: return "kein Umsatz im Zeitraum davor"
        case .needsCohorts(let needed, let present):
            return "braucht \(needed) Kohorten mit vollständiger Folgeperiode, \(present) vorhanden"
        }
    }

    /// "1 Monat", "8 Monaten": after "nach", "innerhalb von".
    private func periodsDative(_ count: Int, _ kind: PeriodKind) -> String {
        "\(count) " + (count == 1 ? periodNoun(kind, plural: false) : periodDative(kind))
    }

    func churnWindowReason(_ window: ChurnWindow, _ kind: PeriodKind) -> String {
        let span = periodsDative(window.periods, kind)
        let lost = "Ein Kunde gilt nach \(span) ohne Bestellung als verloren"
        guard window.fromData else { return lost + " (mit --churn-window festgelegt)." }
        guard window.repeatPurchases > 0 else {
            return lost + ": noch hat kein Kunde in zwei verschiedenen \(periodDative(kind)) bestellt."
        }
        let share = percent(Double(window.repeatPurchasesWithin) / Double(window.repeatPurchases), places: 0)
        return lost + ": \(share) der \(count(window.repeatPurchases)) Wiederholungskäufe kamen innerhalb von \(span) nach dem vorigen."
    }

    /// "einen Monat", "eine Woche", "ein Quartal" (accusative, before "zuvor").
    private func onePeriod(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "einen Monat"
        case .week: return "eine Woche"
        case .quarter: return "ein Quartal"
        }
    }

    /// "Im Oktober 2026", "In KW 9/2026", "Im 3. Quartal 2026".
    private func inPeriod(_ period: PeriodInfo, _ kind: PeriodKind) -> String {
        (kind == .week ? "In " : "Im ") + periodName(period, kind)
    }

    func sentence(_ fact: SummaryFact, _ kind: PeriodKind, currency: String) -> String {
        func money(_ value: Money) -> String { self.money(value.units, currency: currency) }
        func signed(_ value: Money) -> String { (value.minorUnits > 0 ? "+" : value.minorUnits < 0 ? "−" : "") + money(Money(minorUnits: abs(value.minorUnits))) }
        func compared(_ now: Double, _ then: Double?, _ when: String) -> String? {
            guard let then, then != 0 else { return nil }
            let change = (now - then) / abs(then)
            if abs(change) < 0.0005 { return "etwa so viel wie \(when)" }
            return "\(percent(abs(change))) \(change > 0 ? "mehr" : "weniger") als \(when)"
        }
        func joined(_ parts: [String?]) -> String {
            let parts = parts.compactMap { $0 }
            return parts.isEmpty ? "" : ", " + parts.joined(separator: " und ")
        }
        func against(_ target: Double?, _ status: TrafficLight) -> String {
            guard let target else { return "" }
            switch status {
            case .good: return ", im Ziel von \(percent(target))"
            case .warning: return ", knapp am Ziel von \(percent(target))"
            case .bad: return ", unter dem Ziel von \(percent(target))"
            case .none: return ""
            }
        }
        let before = "\(onePeriod(kind)) zuvor"
        switch fact {
        case .churnWindow(let window):
            return churnWindowReason(window, kind)
        case .activeCustomers(let period, let customers, let previous, let yearAgo):
            return "Ende \(periodName(period, kind)) waren \(count(customers)) Kunden aktiv"
                + joined([compared(Double(customers), previous.map(Double.init), before),
                          compared(Double(customers), yearAgo.map(Double.init), "ein Jahr zuvor")]) + "."
        case .churn(let period, let rate, let previous, let kept, let target, let status):
            return "\(inPeriod(period, kind)) sind \(percent(rate)) der zu Beginn aktiven Kunden abgewandert"
                + (previous.map { " (\(before): \(percent($0)))" } ?? "") + ", gehalten wurden also \(percent(kept))" + against(target, status) + "."
        case .revenue(_, let revenue, let previous, let yearAgo, let churned):
            let change = joined([compared(revenue.units, previous?.units, before), compared(revenue.units, yearAgo?.units, "ein Jahr zuvor")])
            let previousRevenue: String
            switch kind {
            case .month: previousRevenue = "des Vormonatsumsatzes"
            case .week: previousRevenue = "des Vorwochenumsatzes"
            case .quarter: previousRevenue = "des Vorquartalsumsatzes"
            }
            let lost = churned.minorUnits > 0 ? "; abgewanderte Kunden nahmen \(money(churned)) \(previousRevenue) mit" : ""
            return "Der Umsatz betrug \(money(revenue))" + change + lost + "."
        case .drivers(let movement, let amount, let cohort, let cohortChange):
            let name: String
            switch movement {
            case .new: name = "Neukunden"
            case .expansion: name = "Ausweitung"
            case .contraction: name = "Rückgang"
            case .churned: name = "Abwanderung"
            case .reactivation: name = "zurückgewonnene Kunden"
            }
            var text = "Größte Umsatzbewegung: \(name) (\(signed(amount)))"
            if let cohort, let cohortChange { text += "; unter den früheren Kohorten veränderte sich die von \(cohort) am stärksten (\(signed(cohortChange)))" }
            return text + "."
        case .revenueRetention(let nrr, let grr, let window, let target, let status):
            return "In den letzten \(window) \(periodDative(kind)) behielten die Kunden der \(window) \(periodNoun(kind, plural: true)) davor "
                + "\(percent(nrr)) ihres Umsatzes mit Ausweitung (NRR) und \(percent(grr)) ohne (GRR)" + against(target, status) + "."
        case .tooShort(let periods):
            return "Die Daten umfassen bisher \(periods) \(periodNoun(kind, plural: periods != 1)); für eine Zusammenfassung braucht es mehr Historie."        case .segmentDifference(let attribute, let best, let worst):
            func mention(_ segment: Segment) -> SegmentMention {
                let label: String
                switch segment.kind {
                case .value: label = segment.value.count > 40 ? String(segment.value.prefix(39)) + "…" : segment.value
                case .other: label = otherSegment(values: segment.values)
                case .unknown: label = unknownSegment
                }
                let churn = segment.comparison?.churn
                return SegmentMention(label: label, churn: churn?.value.map { percent($0) } ?? "–", low: churn?.low.map { percent($0) } ?? "–",
                                      high: churn?.high.map { percent($0) } ?? "–")
            }
            return segmentSentence(attribute: attribute, best: mention(best), worst: mention(worst), segments: 2,
                                   periods: best.comparison?.churnPeriods ?? 0)
        }
    }

    func smallCohorts(below minimum: Int) -> String { "weniger als \(minimum) Kunden (blass)" }
    func fewCohorts(below minimum: Int) -> String { "Durchschnitt aus weniger als \(minimum) Kohorten (gestrichelt)" }

    func trafficLight(_ light: TrafficLight) -> String {
        switch light {
        case .good: return "im Ziel"
        case .warning: return "knapp am Ziel"
        case .bad: return "nicht im Ziel"
        case .none: return "kein Wert"
        }
    }

    func status(_ word: String, target: String) -> String { "\(word) (Ziel \(target))" }

    func partialNote(running: String, asOf: String, headline: String) -> String {
        "\(running) läuft noch (Daten bis \(asOf)); die Kennzahlen zeigen \(headline), die letzte vollständige Periode."
    }

    func retentionDescription(cohorts: String, firstPeriod: String, afterYear: String, _ kind: PeriodKind) -> String {
        "\(cohorts) Kohorten; im Schnitt kaufen \(firstPeriod) einer Kohorte in der ersten Periode nach dem Erstkauf wieder, \(afterYear) nach einem Jahr."
    }

    func revenueRetentionDescription(cohorts: String, afterYear: String, _ kind: PeriodKind) -> String {
        "\(cohorts) Kohorten; im Schnitt erreicht der Umsatz einer Kohorte nach einem Jahr \(afterYear) der Erstkaufperiode."
    }

    func grossRetentionDescription(cohorts: String, afterYear: String, _ kind: PeriodKind) -> String {
        "\(cohorts) Kohorten; im Schnitt bleiben nach einem Jahr \(afterYear) des Erstkaufumsatzes, ohne Mehrumsatz."
    }

    func customerBridgeDescription(_ kind: PeriodKind) -> String {
        "Neue, zurückgewonnene und abgewanderte Kunden je Periode, mit der Nettoveränderung."
    }

    func revenueBridgeDescription(_ kind: PeriodKind) -> String {
        "Umsatzbewegungen je Periode: neu, Ausweitung, Reaktivierung, Rückgang und abgewandert, mit der Nettoveränderung."
    }

    let trendsDescription = "Abwanderungsrate je Periode, Kundenbindung über 12 Monate gegen das Ziel mit NRR und GRR, und durchschnittlicher Bestellwert."

    func ltvDescription(perCustomerAfterYear: String) -> String {
        "Kumulierter Umsatz je Kunde nach Kohorte und Alter; im Schnitt \(perCustomerAfterYear) je Kunde nach einem Jahr."
    }

    func survivalDescription(window: Int, afterYear: String, medianAge: Int?, _ kind: PeriodKind) -> String {
        guard let medianAge else {
            return "Anteil der Kunden, die nach so vielen Perioden seit dem Erstkauf noch im Bestand sind (Abwanderungsfenster \(window)); \(afterYear) nach einem Jahr."
        }
        return "Die Hälfte der Kunden ist bis Periode \(medianAge) nach dem Erstkauf abgewandert; \(afterYear) bleiben ein Jahr im Bestand (Kaplan-Meier, Abwanderungsfenster \(window))."
    }

    func customerSentence(period: String, start: String, new: String, wonBack: String, churned: String, end: String) -> String {
        "\(period): \(start) Kunden zu Beginn, \(new) neu, \(wonBack) zurückgewonnen, \(churned) abgewandert → \(end) am Ende."
    }

    func revenueSentence(period: String, start: String, new: String, expansion: String, reactivation: String,
                         contraction: String, churned: String, end: String) -> String {
        "\(period): Umsatz \(start) zu Beginn, \(new) neu, \(expansion) Ausweitung, \(reactivation) Reaktivierung, \(contraction) Rückgang, \(churned) abgewandert → \(end) am Ende."
    }

    // MARK: Data quality

    func rowsReadLine(read: String, rejected: String, repeats: String?, listed: Bool) -> String {
        "\(read) Zeilen gelesen, \(rejected) abgewiesen" + (repeats.map { ", \($0) als Wiederholung einer früheren Datei übersprungen" } ?? "")
            + (listed ? " (aufgeführt in rejected.csv)." : ".")
    }

    func formatLine(_ format: String) -> String { "Gelesen: \(format)." }
    func warningLine(_ warning: String) -> String { "Warnung: \(warning)." }
    func rowsAfterAsOf(_ count: String) -> String { "\(count) Zeilen nach dem Stichtag sind nicht enthalten." }
    func rowsBeforeAcquisition(_ count: String, amount: String) -> String {
        "\(count) Zeilen (\(amount)) liegen vor dem Erstkauf ihres Kunden und bleiben außen vor."
    }
    func customersWithoutPositiveOrder(_ count: String, rows: String) -> String {
        "\(count) Kunden haben keine Bestellung mit positivem Betrag (\(rows) Zeilen) und bleiben außen vor."
    }
    let everyRowUsed = "Alle Zeilen wurden verwendet."

    // MARK: Glossary

    func glossary(_ term: GlossaryTerm) -> (name: String, definition: String) {
        switch term {
        case .activeCustomer:
            return ("Aktiver Kunde",
                    "Ein Kunde mit mindestens einer Bestellung mit positivem Betrag in der Periode. Eine Periode nur mit Gutschriften zählt zum Umsatz, nicht zur Aktivität.")
        case .cohort:
            return ("Kohorte",
                    "Die Kunden mit derselben ersten aktiven Periode (Erstkauf); die Kohortengröße n ist ihre Anzahl.")
        case .age:
            return ("Alter",
                    "Perioden seit dem Erstkauf: Periode − Kohortenperiode (0 = Erstkaufperiode).")
        case .asOfDate:
            return ("Stichtag, unvollständige Periode",
                    "Der letzte abgedeckte Tag (Standard: das jüngste Bestelldatum). Eine Periode, die ihn enthält, aber nicht mit ihm endet, ist unvollständig: gezeigt, markiert und aus Durchschnitten und Trends herausgenommen.")
        case .customerRetention:
            return ("Kundenbindung je Kohorte",
                    "Aktive Kunden der Kohorte in der Periode ÷ Kohortengröße. Der Durchschnitt über Kohorten gewichtet nach Größe: Σ aktiv ÷ Σ Größe über vollständige Zellen.")
        case .unboundedRetention:
            return ("Unbegrenzte Kundenbindung",
                    "Kunden der Kohorte, die in der Periode oder einer späteren bis zum Stichtag aktiv waren ÷ Kohortengröße.")
        case .revenueRetention:
            return ("Umsatzbindung je Kohorte (NRR)",
                    "Nettoumsatz der Kohorte in der Periode ÷ ihr Nettoumsatz in der Erstkaufperiode (Gutschriften eingerechnet).")
        case .grossRevenueRetention:
            return ("Bruttoumsatzbindung je Kohorte (GRR)",
                    "Σ über die Kunden der Kohorte von min(Umsatz jetzt, Umsatz beim Erstkauf) ÷ Umsatz beim Erstkauf; Mehrumsatz zählt nicht, daher nie über 100 %.")
        case .cumulativeRevenue:
            return ("Kumulierter Umsatz je Kunde (LTV-Kurve)",
                    "Nettoumsatz der Kohorte vom Erstkauf bis zu diesem Alter ÷ Kohortengröße.")
        case .churnWindow:
            return ("Kundenbestand, Abwanderungsfenster",
                    "Ein Kunde zählt am Periodenende zum Bestand, wenn er in mindestens einer der letzten W Perioden aktiv war (W = Abwanderungsfenster, Standard 1).")
        case .kaplanMeier:
            return ("Kaplan-Meier-Bindungskurve",
                    "Der Anteil der Kunden, die so viele Perioden nach dem Erstkauf noch im Bestand sind, jeder bis zur ersten Abwanderung verfolgt; ein Kunde einer zu jungen Kohorte wird am Stichtag zensiert. Das 95-%-Band nach der Greenwood-Formel (survival.csv).")
        case .customerMovements:
            return ("Neukunden, zurückgewonnene, abgewanderte Kunden",
                    "Neu: in der Periode gewonnen. Zurückgewonnen: aktiv, am Ende der Vorperiode nicht im Bestand, nicht neu. Abgewandert: am Ende der Vorperiode im Bestand, am Ende dieser nicht. Ende = Beginn + neu + zurückgewonnen − abgewandert.")
        case .churnRate:
            return ("Abwanderungsrate",
                    "Abgewanderte Kunden ÷ Kundenbestand zu Periodenbeginn.")
        case .customerRetentionRate:
            return ("Kundenbindungsrate (CRR)",
                    "(Bestand am Ende − Neukunden) ÷ Bestand zu Beginn. Zurückgewonnene zählen als gehalten, deshalb steht die Kundenbrücke immer daneben.")
        case .customerRetentionRate12:
            return ("Jährliche Kundenbindungsrate",
                    "Kunden mit positiver Bestellung im vorletzten Jahr, die auch im letzten Jahr bestellt haben ÷ erstere. Braucht zwei Jahre Historie.")
        case .winBackRate:
            return ("Rückgewinnungsquote",
                    "Zurückgewonnene Kunden ÷ früher gewonnene Kunden, die am Ende der Vorperiode nicht im Bestand waren.")
        case .revenueBridge:
            return ("Umsatzbrücke",
                    "Je Kunde positiver Nettoumsatz dieser Periode gegenüber der vorigen, aufgeteilt in neu, Ausweitung, Rückgang, abgewandert und Reaktivierung; Beginn plus Bewegungen ergibt das Ende.")
        case .netRevenueRetention12:
            return ("Nettoumsatzbindung (NRR), rollierend 12 Monate",
                    "Umsatz der letzten 12 Monate der Kunden, die in den 12 Monaten davor gekauft haben ÷ ihr Umsatz in jenen 12 Monaten. Braucht 24 Monate Historie.")
        case .grossRevenueRetention12:
            return ("Bruttoumsatzbindung (GRR), rollierend 12 Monate",
                    "Wie NRR, aber jeder Kunde zählt höchstens mit seinem früheren Umsatz: Σ min(aktuell, Basis) ÷ Σ Basis.")
        case .monthlyRevenueRetention:
            return ("Monatliche NRR / GRR, Umsatz-Abwanderungsrate",
                    "Dasselbe für eine Periode gegenüber der vorigen. Umsatz-Abwanderungsrate = −(abgewandert + Rückgang) ÷ Vorperiodenumsatz = 1 − monatliche GRR.")
        case .averageOrderValue:
            return ("Bestellungen, durchschnittlicher Bestellwert",
                    "Zeilen mit derselben Bestellnummer sind eine Bestellung; sie ist positiv, wenn ihre Summe über 0 liegt. Bestellwert = Summe positiver Bestellungen ÷ ihre Anzahl.")
        case .repeatPurchaseRate:
            return ("Wiederkaufsrate",
                    "Kunden mit zwei oder mehr positiven Bestellungen in den letzten 12 Perioden ÷ Kunden mit mindestens einer.")
        case .purchaseFrequency:
            return ("Kauffrequenz",
                    "Positive Bestellungen der letzten 12 Perioden ÷ Kunden mit mindestens einer ÷ Anzahl Perioden: Bestellungen je Kunde und Periode.")
        case .averageLifespan:
            return ("Durchschnittliche Kundenlebensdauer",
                    "1 ÷ mittlere Abwanderungsrate der letzten 12 vollständigen Perioden, in Perioden.")
        case .customerLifetimeValue:
            return ("Kundenwert (CLV), einfach",
                    "Durchschnittlicher Bestellwert × Kauffrequenz × Kundenlebensdauer (× Rohertragsmarge, falls angegeben), über die letzten 12 Perioden.")
        }
    }
}
