import CohortCore

extension English: InputLimitVocabulary {
    func amountTooLarge(_ text: String) -> String {
        "'\(text)' is too large an amount (more than 15 digits before the decimal separator)"
    }

    func dateOutOfRange(_ text: String, earliest: CivilDate, latest: CivilDate) -> String {
        "'\(text)' is outside the dates the report accepts (\(earliest) to \(latest)); a typo?"
    }

    func datesOutOfRange(count: Int, earliest: CivilDate, latest: CivilDate, first: String) -> String {
        "\(count) \(count == 1 ? "row is" : "rows are") dated before \(earliest) or after \(latest) and \(count == 1 ? "was" : "were") set aside; "
            + "first: \(first)"
    }

    func sameInputTwice(source: String, original: String, sameFile: Bool) -> String {
        sameFile
            ? "\(source) is the same file as \(original); it was read once"
            : "\(source) has the same content as \(original); it was read once"
    }

    var amountTotalTooLarge: String {
        "the amounts add up to more than 92,233,720,368,547,758.07, more than the report can add exactly; is the amount column the right one?"
    }

    func tooManyColumns(source: String, line: Int, count: Int, limit: Int) -> String {
        "\(source):\(line): the header has \(count) columns, more than the \(limit) an order table can have; is this the right file?"
    }

    func recordTooLong(source: String, line: Int, megabytes: Int) -> String {
        "\(source):\(line): a line longer than \(megabytes) MB; is this the right file, or is a closing quote missing?"
    }

    func changedWhileRead(source: String) -> String {
        "\(source): the file became shorter while it was read (another program changed it); run again when it is complete"
    }

    func noWriter(source: String, seconds: Int) -> String {
        "\(source): nothing was written to this pipe within \(seconds) seconds"
    }

    func partTooLarge(part: String, megabytes: Int) -> String {
        "\(part) unpacks to more than \(megabytes) MB (a damaged or hostile workbook? raise the limit with --max-sheet-mb)"
    }
}
