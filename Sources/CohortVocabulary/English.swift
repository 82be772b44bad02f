import CohortCore
import CohortIngest

/// Every word of the product in English.
struct English: Vocabulary {
    // MARK: Language and conventions

    let code = "en"
    let name = "English"
    let partnerCode = "de"
    let decimalMark = "."
    let groupingMark = ","
    func percentText(_ number: String) -> String { "\(number)%" }
    func moneyText(sign: String, number: String, symbol: String) -> String { "\(sign)\(symbol)\(number)" }
    let millionSuffix = "M"
    let thousandSuffix = "k"
    let pointsSuffix = " pp"
    let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
    let shortMonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func longDate(_ date: CivilDate) -> String { "\(date.day) \(monthNames[date.month - 1]) \(date.year)" }
    func timestamp(_ date: CivilDate, time: String) -> String { "\(date) \(time)" }

    // MARK: Periods

    func periodNoun(_ kind: PeriodKind, plural: Bool) -> String {
        switch kind {
        case .month: return plural ? "months" : "month"
        case .week: return plural ? "weeks" : "week"
        case .quarter: return plural ? "quarters" : "quarter"
        }
    }

    func periodName(_ period: PeriodInfo, _ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "\(monthNames[period.firstDay.month - 1]) \(period.firstDay.year)"
        case .week:
            let (week, year) = isoWeek(of: period)
            return "week \(week), \(year)"
        case .quarter: return "Q\((period.firstDay.month - 1) / 3 + 1) \(period.firstDay.year)"
        }
    }

    func periodAdjective(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "monthly periods"
        case .week: return "weekly periods (ISO weeks)"
        case .quarter: return "quarterly periods"
        }
    }

    func periodly(_ kind: PeriodKind) -> String {
        switch kind {
        case .month: return "monthly"
        case .week: return "weekly"
        case .quarter: return "quarterly"
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
        "last \(shown) of \(total) \(periodNoun(kind, plural: true))"
    }

    // MARK: Input

    func reason(_ reason: RejectReason) -> String {
        switch reason {
        case .fieldCount(let found, let header): return "has \(found) fields, the header has \(header)"
        case .emptyDate: return "the date is empty"
        case .notADate(let text, let order?, let evidence?):
            if evidence == .given { return "'\(text)' is not a date in the order \(order.rawValue) \(because(evidence, option: "--date-format"))" }
            return "'\(text)' is not a date in the \(orderName(order)) order of this column, \(because(evidence, option: "--date-format"))"
        case .notADate(let text, _, _):
            return "'\(text)' is not a date (expected YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY)"
        case .emptyAmount: return "the amount is empty"
        case .tooManyDecimals(let text): return "'\(text)' has more than 2 decimal places"
        case .notANumber(let text): return "'\(text)' is not a number"
        case .separatorMismatch(let text, let separator, let evidence):
            return "'\(text)' does not fit the \(separatorName(separator)) of this column, \(because(evidence, option: "--decimal"))"
        case .emptyCustomer: return "the customer id is empty"
        case .repeats(let original): return "repeats \(original.source):\(original.line) (same order id, customer, date and amount)"
        case .amountTooLarge(let text): return amountTooLarge(text)
        case .dateOutOfRange(let text, let earliest, let latest): return dateOutOfRange(text, earliest: earliest, latest: latest)
        case .endBeforeStart, .negativeMRR, .emptyScore, .notAScore: return contractReason(reason)
        }
    }

    /// "as '1.234,56' on line 3 shows; use --decimal if that is wrong".
    private func because(_ evidence: ConventionEvidence, option: String) -> String {
        switch evidence {
        case .given: return "as given with \(option)"
        case .proven(let line, let text): return "as '\(text)' on line \(line) shows; use \(option) if that is wrong"
        case .wholeAmountsBesideGroups(let grouping):
            return "as whole amounts without '\(grouping.rawValue)' beside groups of three digits after it show; use \(option) if that is wrong"
        }
    }

    private func orderName(_ order: DateOrder) -> String {
        switch order {
        case .dayMonthYear: return "day first (DD/MM/YYYY)"
        case .monthDayYear: return "month first (MM/DD/YYYY)"
        case .yearMonthDay: return "year first (YYYY-MM-DD)"
        }
    }

    private func separatorName(_ separator: DecimalSeparator) -> String {
        separator == .point ? "decimal point" : "decimal comma"
    }

    func columnPrefix(_ column: String) -> String { "column '\(column)': " }

    func describe(_ format: SourceFormat) -> String {
        var parts = [format.sheet.map { "Excel sheet '\($0)'" } ?? "CSV"]
        if let encoding = format.encoding { parts.append(encoding) }
        if let delimiter = format.delimiter {
            parts.append(delimiter == UInt8(ascii: "\t") ? "tab delimited" : "'\(String(decoding: [delimiter], as: UTF8.self))' delimited")
        }
        if let separator = format.decimalSeparator {
            parts.append("\(separatorName(separator)) (\(format.decimalSeparatorGiven ? "given" : "detected"))")
        }
        if let order = format.dateOrder, order != .yearMonthDay {
            let how = format.dateOrderGiven ? "given" : "detected"
            parts.append("dates " + orderName(order).replacingOccurrences(of: ")", with: ", \(how))"))
        }
        parts.append("\(format.rows) \(format.rows == 1 ? "row" : "rows")")
        return "\(format.source): " + parts.joined(separator: ", ")
    }

    func describe(_ warning: InputWarning) -> String {
        switch warning {
        case .duplicateRows(let count, let first):
            return count == 1
                ? "1 row repeats a row of an earlier file and was skipped (same order id, customer, date and amount); first: \(first.source):\(first.line) \(reason(first.reason))"
                : "\(count) rows repeat rows of an earlier file and were skipped (same order id, customer, date and amount); first: \(first.source):\(first.line) \(reason(first.reason))"
        case .datesFarInPast(let count, let latest, let earliest, let at):
            return "\(count) \(count == 1 ? "row is" : "rows are") dated more than \(InputWarning.farPastYears) years before the latest order (\(latest)); "
                + "the earliest, \(earliest), is at \(at.source):\(at.line): a placeholder date or a typo?"
        case .datesInFuture(let count, let today, let latest, let at):
            return "\(count) \(count == 1 ? "row is" : "rows are") dated after today (\(today)), the latest \(latest) at \(at.source):\(at.line); "
                + "without --as-of the report runs up to that date"
        case .currencyDiffers(let source, let mark, let count, let line, let expected):
            return "\(source):\(line): \(count) \(count == 1 ? "amount is" : "amounts are") marked '\(mark)' but the report's currency is "
                + "\(expected) (--currency); they are added up as they are"
        case .mixedCurrencies(let source, let marks):
            let list = marks.map { "'\($0.mark)' \($0.count)×" }.joined(separator: ", ")
            return "\(source): amounts are marked with different currencies (\(list)); they are added up as they are"
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
            case .noSuchFile: why = "no such file"
            case .isFolder: why = "it is a folder, not a file"
            case .unreadable: why = "permission denied or unreadable"
            }
            return "\(source): cannot read the file: \(why)"
        case .noMatchingFile(let pattern):
            return "\(pattern): no file matches this pattern"
        case .emptyFile(let source):
            return "\(source): the file is empty"
        case .noDataRows(let source):
            return "\(source): the file has a header but no data rows"
        case .binaryFile(let source):
            return "\(source): this is not a text (CSV) file; compressed or binary files must be unpacked or exported as CSV first"
        case .notText(let source, let signature):
            return "\(source): \(explain(signature))"
        case .unknownEncoding(let source, let line, let byte):
            return "\(source):\(line): unknown text encoding (byte 0x\(String(byte, radix: 16, uppercase: true)) is neither UTF-8 nor Windows-1252 text); "
                + "save the file as UTF-8 or name its encoding with --encoding"
        case .unterminatedQuote(let source, let line):
            return "\(source):\(line): a quoted field starts here and never ends (a missing closing \")"
        case .columnNotFound(let source, let line, let role, let name, let suggestion):
            return "\(source):\(line): there is no column '\(name)' for \(role.flag)" + didYouMean(suggestion)
        case .noColumnDetected(let source, let line, let role, let header, let suggestion):
            let columns = header.prefix(20).map { "'\($0)'" }.joined(separator: ", ") + (header.count > 20 ? ", …" : "")
            return "\(source):\(line): no \(role.rawValue) column found among \(columns)" + didYouMean(suggestion) + "; name it with \(role.flag)"
        case .ambiguousColumn(let source, let line, let role, let candidates):
            let names = candidates.map { "'\($0)'" }.joined(separator: " and ")
            return "\(source):\(line): columns \(names) could both be the \(role.rawValue) column; choose one with \(role.flag)"
        case .duplicateColumn(let source, let line, let name):
            return "\(source):\(line): the column name '\(name)' appears twice in the header"
        case .ambiguousDateOrder(let source, let line, let column, let text, let dayFirst, let monthFirst):
            return "\(source):\(line): column '\(column)': '\(text)' could be \(dayFirst) (day first) or \(monthFirst) (month first) "
                + "and no date in the file tells which; add --date-format DD/MM/YYYY or --date-format MM/DD/YYYY"
        case .ambiguousDecimalSeparator(let source, let line, let column, let text):
            let separator = text.contains(",") && !text.contains(".") ? "," : "."
            return "\(source):\(line): column '\(column)': in '\(text)' the '\(separator)' could be the decimal separator or group thousands, "
                + "and no amount in the file tells which; add --decimal , or --decimal ."
        case .sheetNotFound(let source, let name, let sheets):
            return "\(source): there is no sheet '\(name)'; the workbook has " + sheets.map { "'\($0)'" }.joined(separator: ", ")
        case .emptySheet(let source, let sheet):
            return "\(source): the sheet '\(sheet)' is empty"
        case .unreadableWorkbook(let source, let reason):
            return "\(source): cannot read the Excel workbook: \(workbookProblem(reason))"
        case .rejectedRow(let row):
            return "\(describe(row)) (--strict refuses any bad row)"
        case .tooManyRejected(let rejected, let read, let limit, let first):
            let share = Double(rejected) / Double(max(read, 1)) * 100
            return "\(rejected) of \(read) rows (\(plainPercent(share))) could not be read, more than the \(plainPercent(limit)) allowed "
                + "by --max-rejected; the column mapping is probably wrong. First: \(describe(first))"
        case .segmentColumnNotFound(let name, let sources, let suggestion):
            return "no column '\(name)' to segment by in \(sources.joined(separator: ", "))\(didYouMean(suggestion)); "
                + "name a column of the orders, or give a customer file that has it with --customers"
        case .outOfMemory(let bytes):
            return "not enough memory: the system refused \(bytes >> 20) MB for reading the orders (the id tables, or a partition of a large file); close other programs or read fewer files at once"
        case .cannotSpill(let directory, let reason):
            return "cannot keep the order lines of a large file in the temporary directory \(directory): \(reason); set TMPDIR to a disk with room (about 24 bytes per row)"
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

    private func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// "1.5 %", "2 %": a share in messages, to one decimal.
    private func plainPercent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) %" : "\(rounded) %"
    }

    private func workbookProblem(_ problem: WorkbookProblem) -> String {
        switch problem {
        case .damagedArchive(let damage):
            let what: String
            switch damage {
            case .tooShort: what = "too short"
            case .noCentralDirectory: what = "no central directory"
            case .centralDirectoryOutOfBounds: what = "central directory out of bounds"
            case .centralDirectoryEntry: what = "central directory entry"
            case .entryName: what = "entry name"
            case .localHeader(let part): what = "local header of \(part)"
            }
            return "the ZIP archive is damaged (\(what))"
        case .zip64: return "it is a ZIP64 archive (over 4 GB), which is not supported"
        case .encrypted(let part): return "\(part) is encrypted (a password-protected workbook)"
        case .partCutOff(let part): return "the ZIP archive is damaged (\(part) is cut off)"
        case .partTooLarge(let part, let megabytes): return partTooLarge(part: part, megabytes: megabytes)
        case .unsupportedMethod(let part, let method): return "\(part) is packed with ZIP method \(method), which is not supported"
        case .cannotUnpack(let part): return "\(part) is damaged and cannot be unpacked"
        case .noWorksheet: return "it has no worksheet"
        case .missingPart(let part): return "the part \(part) is missing"
        case .missingSharedString(let part, let row, let index): return "\(part): row \(row) points to shared string \(index), which does not exist"
        case .notUTF8(let part, let line): return "\(part) is not valid XML (a byte that is not UTF-8 on line \(line))"
        case .invalidXML(let part, let line): return "\(part) is not valid XML (line \(line))"
        }
    }

    func describe(_ error: AnalysisError) -> String {
        switch error {
        case .noRows:
            return "the input has no order rows"
        case .noRowsUpToAsOf(let asOf):
            return "no order is dated on or before the as-of date \(asOf)"
        case .noPositiveOrders:
            return "no customer has an order with a positive amount, so there is no cohort to report"
        case .invalidChurnWindow(let window):
            return "churn window must be 1 or more periods, not \(window)"
        case .invalidGrossMargin(let margin):
            return "gross margin must be between 0 and 1 (0.35 = 35 %), not \(margin)"
        case .amountTotalTooLarge:
            return amountTotalTooLarge
        }
    }

    func explain(_ signature: FileSignature) -> String {
        switch signature {
        case .zip: return "this is a ZIP archive, not CSV or an Excel workbook; unpack it first"
        case .gzip: return "this is a gzip-compressed file, not CSV; unpack it first (gunzip)"
        case .bzip2: return "this is a bzip2-compressed file, not CSV; unpack it first (bunzip2)"
        case .xz: return "this is an xz-compressed file, not CSV; unpack it first (unxz)"
        case .zstd: return "this is a zstd-compressed file, not CSV; unpack it first (unzstd)"
        case .sevenZip: return "this is a 7-Zip archive, not CSV; unpack it first"
        case .rar: return "this is a RAR archive, not CSV; unpack it first"
        case .compoundDocument:
            return "this is an Excel 97–2003 workbook (.xls) or a password-protected workbook; save it as .xlsx without a password, or as CSV"
        case .openDocumentSpreadsheet: return "this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV"
        case .pdf: return "this is a PDF document, not CSV; export the orders as CSV or .xlsx instead"
        }
    }

    func describe(_ error: SettingError) -> String {
        switch error {
        case .unreadableFile(let path): return "\(path): cannot read the configuration file"
        case .notYAML(let file, let detail): return "\(file): not valid YAML: \(detail)"
        case .wrongType(let file, let key, let detail): return "\(file): '\(key)': \(detail)"
        case .invalidValue(let file, let key, let value, let expected):
            let place = file.map { "\($0): '\(key)'" } ?? key
            return "\(place): '\(value)' is not \(expectation(expected))"
        case .logo(let path, let readable):
            return readable ? "the logo must be a .png or .svg file, not \(path)" : "cannot read the logo \(path)"
        case .missing(let setting, let neededBy): return "\(neededBy) needs \(setting) to be set as well"
        case .notWithDatabase(let setting): return "\(setting) works with order files only, not yet with orders from a database"
        }
    }

    private func expectation(_ expected: SettingExpectation) -> String {
        switch expected {
        case .period: return "a period: month, week or quarter"
        case .date: return "a date like 2026-10-31 or 31.10.2026"
        case .language(let codes): return "a language: " + codes.joined(separator: " or ")
        case .wholeNumber(let least): return "a whole number of \(least) or more"
        case .churnWindow: return "auto or a whole number of periods of 1 or more"
        case .fraction: return "a fraction from 0 to 1, e.g. 0.35"
        case .percentage: return "a percentage from 0 to 100"
        case .positive(let maximum): return "a number above 0 and at most \(plainNumber(maximum))"
        case .delimiter: return "one character; use , ; tab or |"
        case .encoding: return "a known encoding; use utf-8, utf-16, utf-16be, windows-1252 or iso-8859-1"
        case .decimalSeparator: return "a decimal separator; use , or ."
        case .dateFormat: return "the order of day, month and year; use e.g. DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD"
        case .target(let keys): return "a KPI target; the KPIs are " + keys.joined(separator: ", ")
        case .emailAddress: return "an email address like reports@acme.example or 'Name <reports@acme.example>'"
        case .smtpServer: return "an SMTP server as HOST:PORT, e.g. mail.acme.example:587"
        case .existingFile: return "a file that exists; edit this key to name your order exports"
        case .oneOf(let names): return "one of " + names.joined(separator: ", ")
        }
    }

    private func plainNumber(_ value: Double) -> String { value == value.rounded() ? "\(Int(value))" : "\(value)" }

    func describe(_ error: AnalysisFileError) -> String {
        switch error {
        case .schemaVersion(let found, let supported):
            return found > supported
                ? "the analysis was written by a newer cohort (layout \(found); this one reads \(supported)); update cohort or run the report from the orders"
                : "the analysis was written by an older cohort (layout \(found); this one reads \(supported)); run the report from the orders again"
        case .unreadable(let path, let detail): return "\(path): not an analysis.json written by cohort (\(detail))"
        }
    }

    func rowsSkipped(_ count: Int, of read: Int, first: RejectedRow) -> String {
        "\(count) of \(read) rows could not be read and were skipped; first: \(describe(first))"
    }

    // MARK: Charts

    func matrixTitle(_ metric: MatrixMetric) -> String {
        switch metric {
        case .retention: return "Customer retention by cohort"
        case .revenueRetention: return "Revenue retention by cohort (NRR)"
        case .grossRevenueRetention: return "Gross revenue retention by cohort (GRR)"
        }
    }

    let retentionCurvesTitle = "Retention curves"
    let customerBridgeTitle = "Customer bridge"
    let revenueBridgeTitle = "Revenue bridge"
    let trendsTitle = "KPI trends"
    let ltvTitle = "Cumulative revenue per customer (LTV curves)"
    let survivalTitle = "Customers still live (Kaplan–Meier)"
    let stillLive = "still live (first churn ends it)"
    let confidenceBand = "95% confidence band (Greenwood)"
    func churnWindow(_ window: Int) -> String { "churn window \(window)" }
    func halfChurned(by age: String) -> String { "half have churned by \(age)" }
    func survivalCaption(customers: String, censored: String, partial: Bool) -> String {
        "Share of the \(customers) customers still live at each age since acquisition, each followed to its first churn; "
            + "\(censored) whose cohort is too young to tell more count up to the last complete period (censored)."
            + (partial ? " Customers acquired in the partial period are not counted yet." : "")
    }
    let cohort = "Cohort"
    let customers = "Customers"
    let customersWord = "customers"
    let average = "Average"
    let weightedAverage = "Average (weighted by cohort size)"
    let partialPeriod = "partial period (as-of date inside it)"
    let asOf = "as of"
    let cohortsWord = "cohorts"
    let target = "target"
    let new = "New"
    let reactivated = "Won back"
    let churned = "Churned"
    let expansion = "Expansion"
    let contraction = "Contraction"
    let reactivation = "Reactivation"
    func ageAxis(_ kind: PeriodKind) -> String { "\(periodNoun(kind, plural: true)) since first purchase" }
    let noPeriods = "No periods to show"
    let acquisitionPeriodHundred = "acquisition period (100%)"
    let valuesInPercent = "Values in %"

    func bridgeNetChange(revenue: Bool) -> String { revenue ? "Net change in revenue" : "Net change (end − start)" }

    func bridgeCaption(revenue: Bool, _ kind: PeriodKind) -> String {
        guard revenue else { return "Customers per \(periodNoun(kind, plural: false)): gained (+), lost (−)" }
        return "Change in revenue against the previous \(periodNoun(kind, plural: false)), by movement"
    }

    func bridgeCustomersSummary(period: String, start: String, end: String, net: String) -> String {
        "\(period): \(start) → \(end) customers (net \(net))"
    }

    func bridgeRevenueSummary(period: String, start: String, end: String, net: String) -> String {
        "\(period): \(start) → \(end) revenue (net \(net))"
    }

    func trendChurnTitle(_ kind: PeriodKind) -> String { "Churn per \(periodNoun(kind, plural: false))" }
    let trendChurnRate = "Churn rate"
    let trendYearTitle = "Retention over 12 months: the last 12 months against the 12 before"
    let trendYearCRR = "CRR (customers who bought again)"
    let trendNRR = "NRR (revenue incl. expansion)"
    let trendGRR = "GRR (revenue excl. expansion)"
    func trendTargetLegend(_ target: String) -> String { "\(target) for CRR" }
    func trendHundredPercent(_ hundred: String) -> String { "\(hundred) = last year's revenue kept" }
    func trendNeedsHistory(covered: Int, _ kind: PeriodKind) -> String {
        "12-month values need 2 years of history; the data covers \(covered) \(periodNoun(kind, plural: covered != 1))"
    }
    let trendStartsLate = "12-month values start after 2 years of history"
    func trendNeedsTwoPeriods(_ kind: PeriodKind) -> String {
        "Needs at least 2 \(periodNoun(kind, plural: true)) of data (churn is measured against the customers of the period before)"
    }
    let trendNoOrders = "No orders with a positive amount"
    let trendAOVTitle = "Average order value"
    let trendAOV = "Revenue per order (refunds excluded)"
    let olderCohortsLegend = "Older cohorts"

    func recentCohortsLegend(_ labels: [String], all: Bool) -> String {
        let count = labels.count
        if all { return count == 1 ? "Cohort" : "Cohorts" }
        guard let first = labels.first, let last = labels.last, count > 1 else {
            return "Most recent cohort" + (labels.first.map { " (\($0))" } ?? "")
        }
        return "\(count) most recent cohorts (\(first) – \(last))"
    }

    func thinAverage(_ cohorts: Int) -> String { "Average of fewer than \(cohorts) cohorts" }
    let retentionAxisTitle = "Customers who bought in the period, % of cohort"
    func revenuePerCustomerAxisTitle(symbol: String) -> String { "Cumulative revenue per customer of the cohort, in \(symbol)" }

    func ageZeroNote(brokenAbove limit: String?, _ kind: PeriodKind) -> String {
        guard let limit else { return "Age 0 = acquisition period (100% by definition)." }
        return "Age 0 = acquisition period (100% by definition); the axis is broken above \(limit) so that differences from "
            + "\(periodNoun(kind, plural: false)) 1 on stay visible."
    }

    let ltvNote = "All revenue of a cohort up to each age (refunds deducted), divided by its number of customers; age 0 = acquisition period."

    func notDrawn(partialPeriod: Bool, cohorts labels: [String]) -> String? {
        let list = labels.count <= 3 ? labels.joined(separator: ", ") : "\(labels.count) cohorts"
        let partial = "the partial period (as-of date inside it)"
        let young = "\(list) (no complete period after acquisition yet)"
        switch (partialPeriod, labels.isEmpty) {
        case (false, true): return nil
        case (true, true): return "Not drawn: \(partial)."
        case (false, false): return "Not drawn: \(young)."
        case (true, false): return "Not drawn: \(partial) and \(young)."
        }
    }

    func nothingToDraw(_ kind: PeriodKind) -> String {
        "No cohort has a complete \(periodNoun(kind, plural: false)) after acquisition yet."
    }

    // MARK: Customers to act on

    let stakeTitle = "Revenue at stake: at-risk customers by how overdue they are"
    func atRiskCount(_ count: Int) -> String { "\(self.count(count)) at risk" }
    let nobodyAtRisk = "No customer is at risk"
    func overdueBucket(from: String, to: String?) -> String {
        to.map { "\(from)–\($0)× the usual gap" } ?? "over \(from)× the usual gap"
    }
    func customersCount(_ count: Int) -> String { "\(self.count(count)) \(count == 1 ? "customer" : "customers")" }
    func stakeCaption(total: String) -> String {
        "Revenue of the last 12 months of live customers whose last order is more than 1.5 times their usual gap ago (their own median gap with 3 or more purchase days, else everyone's); \(total) in all."
    }

    func stakeDescription(largest: String, amount: String, total: String, customers: Int) -> String {
        "The largest share of the revenue at stake, \(amount) of \(total), is with \(customersCount(customers)) at \(largest): "
            + "the further overdue, the less likely a call still brings them back."
    }

    func status(_ status: CustomerStatus) -> String {
        switch status {
        case .new: return "New"
        case .wonBack: return "Won back"
        case .atRisk: return "At risk"
        case .active: return "Active"
        case .lost: return "Lost"
        }
    }

    func customerWords() -> CustomerWords {
        CustomerWords(title: "Customers to act on", atRiskHeading: "At risk, by revenue at stake", lostHeading: "Lost in the last 12 months, by lifetime revenue",
                      wonBackHeading: "Won back this period", customer: "Customer", cohort: "Cohort", lastOrder: "Last order",
                      daysSince: "Days since", usualGap: "Usual gap (days)", revenue12m: "Revenue 12 months", atStake: "At stake",
                      lifetimeRevenue: "Lifetime revenue", orders: "Orders", probabilityAlive: "P(alive)", predictedCLV: "Predicted CLV 12 months",
                      modelHeading: "Predicted customer lifetime value (BG/NBD and Gamma-Gamma)", noneAtRisk: "No customer is at risk.",
                      noneLost: "No customer is lost.", noneWonBack: "No customer was won back this period.",
                      noneInList: "No customer in this list.",
                      listsLeftOut: "Customer lists are left out of this report (--no-customer-lists).",
                      fullLists: "The full lists are in at-risk.csv and lost.csv beside this report, ready for a CRM import.")
    }

    func customerSummary(atRisk: Int, stake: String, lost: Int, lostWithinYear: Int, wonBack: Int, period: String) -> String {
        let risk = atRisk == 0 ? "No customer is at risk"
            : "\(count(atRisk)) \(atRisk == 1 ? "customer is" : "customers are") at risk (live, but their last order is more than 1.5 times "
                + "their usual gap ago), with \(stake) of revenue over the last 12 months at stake"
        return risk + "; \(count(lost)) \(lost == 1 ? "is" : "are") lost (\(count(lostWithinYear)) of them within the last 12 months), and "
            + "\(count(wonBack)) \(wonBack == 1 ? "was" : "were") won back in \(period)."
    }

    func predictionSentence(customers: Int, total: String?, perCustomer: String?, observedFirstYear: String?, problem: PredictionProblem?) -> String {
        switch problem {
        case .noRepeatPurchases?: return "No prediction of lifetime value: no customer has bought on a second day yet, so the model has nothing to learn from."
        case .unfit?: return "No prediction of lifetime value: the purchase histories could not be fitted."
        case .tooFewRepeatBuyers?: return "No prediction of lifetime value: fewer than 10 customers have bought on a second day, too few to learn a rhythm of buying from."
        case nil: break
        }
        guard let total, let perCustomer else {
            return "The BG/NBD model estimates which of the \(count(customers)) customers are still alive; their order values could not be modelled (too few repeat buyers), so there is no predicted CLV."
        }
        return "The BG/NBD and Gamma-Gamma models expect the \(count(customers)) customers to bring \(total) over the next 12 months, \(perCustomer) per customer on average"
            + (observedFirstYear.map { ", against \($0) per customer in the first 12 months observed so far" } ?? "")
            + ". It is a forecast from each customer's rhythm of buying (undiscounted), not a promise."
    }

    func modelFit(bgnbd: String, bgnbdLikelihood: String, gammaGamma: String?, gammaGammaLikelihood: String?, customers: Int,
                  repeatBuyers: Int, correlation: String?) -> String {
        "Fit: BG/NBD \(bgnbd) (log-likelihood \(bgnbdLikelihood))"
            + (gammaGamma.map { "; Gamma-Gamma \($0) (log-likelihood \(gammaGammaLikelihood ?? "–"))" } ?? "")
            + "; \(count(customers)) customers, \(count(repeatBuyers)) repeat buyers"
            + (correlation.map { "; correlation of frequency and order value \($0)" } ?? "") + "."
    }

    func describe(_ warning: PredictiveWarning) -> String {
        switch warning {
        case .bgnbdNotConverged(let iterations): return "the BG/NBD fit did not converge in \(iterations) iterations; its numbers are rough"
        case .gammaGammaNotConverged(let iterations): return "the Gamma-Gamma fit did not converge in \(iterations) iterations; there is no order value forecast"
        case .parameterAtLimit(let parameter, let value):
            return "the model's \(parameter.rawValue) ran to \(parameterValue(value)); the data hardly fits the model (very few or very regular repeat purchases)"
        case .gammaGammaQNotAboveOne(let q): return "the Gamma-Gamma fit gave q = \(parameterValue(q)) (≤ 1), which has no mean order value; there is no order value forecast"
        case .tooFewRepeatBuyers(let count): return "only \(count) repeat buyers: too few to model order values"
        case .frequencyValueCorrelation(let r):
            return "order value and frequency are correlated (r = \(decimal(r, places: 2))); Gamma-Gamma assumes they are not, so CLV is rough"
        case .customersAfterAsOf(let count): return "\(count) customers first bought after the as-of date and are left out of the model"
        case .expectedPurchasesImprecise(let count): return "the expected purchases of \(count) customers are approximate"
        }
    }

    // MARK: Report

    func reportLabels(_ kind: PeriodKind) -> ReportLabels {
        let noun = periodNoun(kind, plural: false), nouns = periodNoun(kind, plural: true)
        return ReportLabels(
            reportTitle: "Cohort report", source: "Source", asOf: "as of", generated: "generated", rowsRead: "rows read",
            rowsRejected: "rejected", customersInCohorts: "customers in cohorts", headline: "Headline KPIs",
            previousPeriod: "vs. previous \(noun)", yearEarlier: "vs. a year earlier", target: "target", onTarget: "on target",
            nearTarget: "close to target", offTarget: "off target", noTarget: "no target", customerBridge: "Customer bridge",
            revenueBridge: "Revenue bridge", revenueBridgeNote: "Per customer, positive net revenue against the previous \(noun).",
            period: noun.capitalized, start: "Start", new: "New", reactivated: "Won back", churned: "Churned", end: "End",
            churnRate: "Churn rate", retentionRate: "CRR", expansion: "Expansion", contraction: "Contraction",
            reactivation: "Reactivation", nrr: "NRR", grr: "GRR", matrices: "Cohorts", cohort: "Cohort", customers: "Customers",
            average: "Average",
            matrixNote: "Rows are acquisition cohorts, columns the age in \(nouns) (0 = acquisition). The average weights cohorts by size and leaves out partial cells.",
            partialMark: "* partial \(noun) (the as-of date falls inside it)", trends: "Trends", lifetimeValue: "Lifetime value",
            dataQuality: "Data quality", glossary: "Glossary", term: "Term", otherLanguage: "Deutsch", definition: "Definition",
            contents: "Contents", publishedReports: "Published cohort reports", generatedBy: "Generated by cohort", page: "Page", summary: "Summary")
    }

    func headlineLabel(_ key: HeadlineKey, span: Int?, _ kind: PeriodKind) -> String {
        func over(_ span: Int?) -> String {
            guard let span else { return "" }
            return span == kind.periodsPerYear ? " (\(span) \(periodNoun(kind, plural: true)))" : " (over \(span) \(periodNoun(kind, plural: span != 1)))"
        }
        switch key {
        case .activeCustomers: return "Active customers"
        case .churnRate: return "Churn"
        case .customersKept: return "Customers kept"
        case .revenue: return "Revenue"
        case .nrr: return "Net revenue retention" + over(span)
        case .grr: return "Gross revenue retention" + over(span)
        case .clv12m:
            let ages = span ?? kind.periodsPerYear
            return "Revenue per customer, first \(ages) \(periodNoun(kind, plural: ages != 1))"
        case .averageOrderValue: return "Average order value"
        }
    }

    func missingFigure(_ missing: MissingFigure, _ kind: PeriodKind) -> String {
        switch missing {
        case .needsPeriods(let needed, let present):
            return "needs \(needed) \(periodNoun(kind, plural: true)) of orders, \(present) present"
        case .noCustomersAtStart: return "no customers at the start of the \(periodNoun(kind, plural: false))"
        case .noOrders: return "no orders in the \(periodNoun(kind, plural: false))"
        case .noBaseRevenue: return "no revenue in the window before"
        case .needsCohorts(let needed, let present):
            return "needs \(needed) cohorts with a complete \(periodNoun(kind, plural: false)) after acquisition, \(present) present"
        }
    }

    func churnWindowReason(_ window: ChurnWindow, _ kind: PeriodKind) -> String {
        let span = "\(window.periods) \(periodNoun(kind, plural: window.periods != 1))"
        let lost = "A customer counts as lost after \(span) without an order"
        guard window.fromData else { return lost + " (set with --churn-window)." }
        guard window.repeatPurchases > 0 else {
            return lost + ": no customer has ordered in two different \(periodNoun(kind, plural: true)) yet."
        }
        let share = percent(Double(window.repeatPurchasesWithin) / Double(window.repeatPurchases), places: 0)
        return lost + ": \(share) of the \(count(window.repeatPurchases)) repeat orders came within \(span) of the one before."
    }

    func sentence(_ fact: SummaryFact, _ kind: PeriodKind, currency: String) -> String {
        let noun = periodNoun(kind, plural: false)
        func money(_ value: Money) -> String { self.money(value.units, currency: currency) }
        func signed(_ value: Money) -> String { (value.minorUnits > 0 ? "+" : value.minorUnits < 0 ? "−" : "") + money(Money(minorUnits: abs(value.minorUnits))) }
        /// "2.3% more than a month earlier", "as many as a year earlier".
        func compared(_ now: Double, _ then: Double?, _ when: String, more: String, fewer: String) -> String? {
            guard let then, then != 0 else { return nil }
            let change = (now - then) / abs(then)
            if abs(change) < 0.0005 { return "about as \(fewer == "fewer" ? "many" : "much") as \(when)" }
            return "\(percent(abs(change))) \(change > 0 ? more : fewer) than \(when)"
        }
        func joined(_ parts: [String?]) -> String {
            let parts = parts.compactMap { $0 }
            return parts.isEmpty ? "" : ", " + parts.joined(separator: " and ")
        }
        func against(_ target: Double?, _ status: TrafficLight) -> String {
            guard let target else { return "" }
            switch status {
            case .good: return ", meeting the target of \(percent(target))"
            case .warning: return ", close to the target of \(percent(target))"
            case .bad: return ", short of the target of \(percent(target))"
            case .none: return ""
            }
        }
        switch fact {
        case .churnWindow(let window):
            return churnWindowReason(window, kind)
        case .activeCustomers(let period, let customers, let previous, let yearAgo):
            return "At the end of \(periodName(period, kind)), \(count(customers)) customers were active"
                + joined([compared(Double(customers), previous.map(Double.init), "a \(noun) earlier", more: "more", fewer: "fewer"),
                          compared(Double(customers), yearAgo.map(Double.init), "a year earlier", more: "more", fewer: "fewer")]) + "."
        case .churn(let period, let rate, let previous, let kept, let target, let status):
            return "In \(periodName(period, kind)), \(percent(rate)) of the customers active at its start churned"
                + (previous.map { " (\(percent($0)) a \(noun) earlier)" } ?? "") + ", so \(percent(kept)) were kept" + against(target, status) + "."
        case .revenue(_, let revenue, let previous, let yearAgo, let churned):
            let change = joined([compared(revenue.units, previous?.units, "a \(noun) earlier", more: "more", fewer: "less"),
                                 compared(revenue.units, yearAgo?.units, "a year earlier", more: "more", fewer: "less")])
            let lost = churned.minorUnits > 0 ? "; customers who left took \(money(churned)) of the previous \(noun)'s revenue with them" : ""
            return "Revenue was \(money(revenue))" + change + lost + "."
        case .drivers(let movement, let amount, let cohort, let cohortChange):
            let name: String
            switch movement {
            case .new: name = "new customers"
            case .expansion: name = "expansion"
            case .contraction: name = "contraction"
            case .churned: name = "customers who left"
            case .reactivation: name = "customers won back"
            }
            var text = "The largest revenue movement: \(name) (\(signed(amount)))"
            if let cohort, let cohortChange { text += "; among earlier cohorts, the one of \(cohort) changed most (\(signed(cohortChange)))" }
            return text + "."
        case .revenueRetention(let nrr, let grr, let window, let target, let status):
            let span = "\(window) \(periodNoun(kind, plural: window != 1))"
            return "Over the last \(span), the customers of the \(span) before kept \(percent(nrr)) of their revenue with expansion (NRR) "
                + "and \(percent(grr)) without it (GRR)" + against(target, status) + "."
        case .tooShort(let periods):
            return "The data covers \(periods) \(periodNoun(kind, plural: periods != 1)) so far; a summary needs more history."        case .segmentDifference(let attribute, let best, let worst):
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

    func smallCohorts(below minimum: Int) -> String { "fewer than \(minimum) customers (faded)" }
    func fewCohorts(below minimum: Int) -> String { "average of fewer than \(minimum) cohorts (dashed)" }

    func trafficLight(_ light: TrafficLight) -> String {
        switch light {
        case .good: return "on target"
        case .warning: return "close to target"
        case .bad: return "off target"
        case .none: return "no value"
        }
    }

    func status(_ word: String, target: String) -> String { "\(word) (target \(target))" }

    func partialNote(running: String, asOf: String, headline: String) -> String {
        "\(running) is still running (data up to \(asOf)); the headline reports \(headline), the last complete period."
    }

    func retentionDescription(cohorts: String, firstPeriod: String, afterYear: String, _ kind: PeriodKind) -> String {
        "\(cohorts) cohorts; on average \(firstPeriod) of a cohort buys again in its first \(periodNoun(kind, plural: false)) after acquisition, \(afterYear) after a year."
    }

    func revenueRetentionDescription(cohorts: String, afterYear: String, _ kind: PeriodKind) -> String {
        "\(cohorts) cohorts; on average a cohort's revenue after a year is \(afterYear) of its first \(periodNoun(kind, plural: false))."
    }

    func grossRetentionDescription(cohorts: String, afterYear: String, _ kind: PeriodKind) -> String {
        "\(cohorts) cohorts; on average \(afterYear) of first-\(periodNoun(kind, plural: false)) revenue is kept after a year, not counting expansion."
    }

    func customerBridgeDescription(_ kind: PeriodKind) -> String {
        "New, won-back and churned customers per \(periodNoun(kind, plural: false)), with the net change."
    }

    func revenueBridgeDescription(_ kind: PeriodKind) -> String {
        "Revenue movements per \(periodNoun(kind, plural: false)): new, expansion, reactivation, contraction and churned, with the net change."
    }

    let trendsDescription = "Churn rate per period, customer retention over 12 months against the target with NRR and GRR, and average order value."

    func ltvDescription(perCustomerAfterYear: String) -> String {
        "Cumulative revenue per customer by cohort and age; on average \(perCustomerAfterYear) per customer after a year."
    }

    func survivalDescription(window: Int, afterYear: String, medianAge: Int?, _ kind: PeriodKind) -> String {
        guard let medianAge else {
            return "Share of customers still live by age since acquisition (churn window \(window)); \(afterYear) after a year."
        }
        return "Half of the customers have churned by \(periodNoun(kind, plural: false)) \(medianAge) after acquisition; \(afterYear) stay live for a year (Kaplan–Meier, churn window \(window))."
    }

    func customerSentence(period: String, start: String, new: String, wonBack: String, churned: String, end: String) -> String {
        "\(period): \(start) customers at the start, \(new) new, \(wonBack) won back, \(churned) churned → \(end) at the end."
    }

    func revenueSentence(period: String, start: String, new: String, expansion: String, reactivation: String,
                         contraction: String, churned: String, end: String) -> String {
        "\(period): revenue \(start) at the start, \(new) new, \(expansion) expansion, \(reactivation) reactivation, \(contraction) contraction, \(churned) churned → \(end) at the end."
    }

    // MARK: Data quality

    func rowsReadLine(read: String, rejected: String, repeats: String?, listed: Bool) -> String {
        "\(read) rows read, \(rejected) rejected" + (repeats.map { ", \($0) skipped as repeats of an earlier file" } ?? "")
            + (listed ? " (listed in rejected.csv)." : ".")
    }

    func formatLine(_ format: String) -> String { "Read \(format)." }
    func warningLine(_ warning: String) -> String { "Warning: \(warning)." }
    func rowsAfterAsOf(_ count: String) -> String { "\(count) rows dated after the as-of date are not included." }
    func rowsBeforeAcquisition(_ count: String, amount: String) -> String {
        "\(count) rows (\(amount)) are dated before their customer's first purchase and are left out."
    }
    func customersWithoutPositiveOrder(_ count: String, rows: String) -> String {
        "\(count) customers have no order with a positive amount (\(rows) rows) and are left out."
    }
    let everyRowUsed = "Every row was used."

    // MARK: Glossary

    func glossary(_ term: GlossaryTerm) -> (name: String, definition: String) {
        switch term {
        case .activeCustomer:
            return ("Active customer",
                    "A customer with at least one order of positive amount in the period. A period with only refunds counts toward revenue, not activity.")
        case .cohort:
            return ("Cohort",
                    "The customers whose first active period is the same; the cohort size n is how many they are.")
        case .age:
            return ("Age",
                    "Periods since acquisition: period − cohort period (0 = the acquisition period).")
        case .asOfDate:
            return ("As-of date, partial period",
                    "The last date covered (default: the latest order date). A period containing it without ending on it is partial: shown, marked, and left out of averages and trends.")
        case .customerRetention:
            return ("Customer retention",
                    "Customers of the cohort active in the period ÷ cohort size. The average across cohorts weights by cohort size: Σ active ÷ Σ size over complete cells.")
        case .unboundedRetention:
            return ("Unbounded retention",
                    "Customers of the cohort active in the period or any later one up to the as-of date ÷ cohort size.")
        case .revenueRetention:
            return ("Revenue retention (NRR per cohort)",
                    "The cohort's net revenue in the period ÷ its net revenue in the acquisition period (refunds included).")
        case .grossRevenueRetention:
            return ("Gross revenue retention (GRR per cohort)",
                    "Σ over the cohort's customers of min(revenue now, revenue at acquisition) ÷ revenue at acquisition; expansion does not count, so it never exceeds 100 %.")
        case .cumulativeRevenue:
            return ("Cumulative revenue per customer (LTV curve)",
                    "The cohort's net revenue from acquisition up to this age ÷ cohort size.")
        case .churnWindow:
            return ("Live customer, churn window",
                    "A customer is live at the end of a period when it was active in at least one of the last W periods (W = churn window, default 1).")
        case .kaplanMeier:
            return ("Kaplan–Meier retention curve",
                    "The share of customers still live by age since acquisition, each followed to its first churn; a customer whose cohort is too young to tell more is censored at the as-of date. The 95 % band is by Greenwood's formula (survival.csv).")
        case .customerMovements:
            return ("New, reactivated, churned customers",
                    "New: acquired in the period. Reactivated: active, not live at the end of the previous period, not new. Churned: live at the end of the previous period, not live at the end of this one. End = start + new + reactivated − churned.")
        case .churnRate:
            return ("Churn rate",
                    "Churned customers ÷ live customers at the start of the period.")
        case .customerRetentionRate:
            return ("Customer retention rate (CRR)",
                    "(Live at the end − new) ÷ live at the start. It counts reactivations as retained, so the bridge is always shown beside it.")
        case .customerRetentionRate12:
            return ("CRR over 12 periods",
                    "Customers with a positive order in the year before last who also have one in the last year ÷ the former. Needs two years of history.")
        case .winBackRate:
            return ("Win-back rate",
                    "Reactivated customers ÷ customers acquired earlier who were not live at the end of the previous period.")
        case .revenueBridge:
            return ("Revenue bridge",
                    "Per customer, positive net revenue this period against the previous one, split into new, expansion, contraction, churned and reactivation; the start plus the movements gives the end.")
        case .netRevenueRetention12:
            return ("Net revenue retention (NRR), trailing 12 months",
                    "Revenue in the last 12 months of the customers who bought in the 12 months before ÷ their revenue in those earlier 12 months. Needs 24 months of history.")
        case .grossRevenueRetention12:
            return ("Gross revenue retention (GRR), trailing 12 months",
                    "Like NRR, but each customer counts at most its earlier revenue: Σ min(current, base) ÷ Σ base.")
        case .monthlyRevenueRetention:
            return ("Monthly NRR / GRR, revenue churn rate",
                    "The same over one period against the previous one. Revenue churn rate = −(churned + contraction) ÷ previous revenue = 1 − monthly GRR.")
        case .averageOrderValue:
            return ("Orders, average order value (AOV)",
                    "Rows sharing an order id are one order; it is positive when its total is above 0. AOV = sum of positive order totals ÷ number of positive orders.")
        case .repeatPurchaseRate:
            return ("Repeat purchase rate",
                    "Customers with two or more positive orders in the trailing 12 periods ÷ customers with at least one.")
        case .purchaseFrequency:
            return ("Purchase frequency",
                    "Positive orders in the trailing 12 periods ÷ customers with at least one ÷ number of periods: orders per customer per period.")
        case .averageLifespan:
            return ("Average lifespan",
                    "1 ÷ the mean churn rate of the last 12 complete periods, in periods.")
        case .customerLifetimeValue:
            return ("Customer lifetime value (CLV), simple",
                    "Average order value × purchase frequency × average lifespan (× gross margin if configured), over the trailing 12 periods.")
        }
    }
}
