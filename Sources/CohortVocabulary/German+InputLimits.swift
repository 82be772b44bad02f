import CohortCore

extension German: InputLimitVocabulary {
    func amountTooLarge(_ text: String) -> String {
        "'\(text)' ist als Betrag zu groß (mehr als 15 Stellen vor dem Dezimaltrennzeichen)"
    }

    func dateOutOfRange(_ text: String, earliest: CivilDate, latest: CivilDate) -> String {
        "'\(text)' liegt außerhalb der Daten, die der Bericht annimmt (\(longDate(earliest)) bis \(longDate(latest))); ein Tippfehler?"
    }

    func datesOutOfRange(count: Int, earliest: CivilDate, latest: CivilDate, first: String) -> String {
        "\(count) \(count == 1 ? "Zeile ist" : "Zeilen sind") vor dem \(longDate(earliest)) oder nach dem \(longDate(latest)) datiert und "
            + "\(count == 1 ? "wurde" : "wurden") beiseitegelegt; erste: \(first)"
    }

    func sameInputTwice(source: String, original: String, sameFile: Bool) -> String {
        sameFile
            ? "\(source) ist dieselbe Datei wie \(original); sie wurde einmal gelesen"
            : "\(source) hat denselben Inhalt wie \(original); sie wurde einmal gelesen"
    }

    var amountTotalTooLarge: String {
        "die Beträge ergeben zusammen mehr als 92.233.720.368.547.758,07, mehr als der Bericht genau addieren kann; ist die Betragsspalte die richtige?"
    }

    func tooManyColumns(source: String, line: Int, count: Int, limit: Int) -> String {
        "\(source):\(line): die Kopfzeile hat \(count) Spalten, mehr als die \(limit), die eine Bestelltabelle haben kann; ist das die richtige Datei?"
    }

    func recordTooLong(source: String, line: Int, megabytes: Int) -> String {
        "\(source):\(line): eine Zeile länger als \(megabytes) MB; ist das die richtige Datei, oder fehlt ein schließendes Anführungszeichen?"
    }

    func changedWhileRead(source: String) -> String {
        "\(source): die Datei wurde beim Lesen kürzer (ein anderes Programm hat sie geändert); bitte erneut starten, wenn sie vollständig ist"
    }

    func noWriter(source: String, seconds: Int) -> String {
        "\(source): in diese Pipe wurde binnen \(seconds) Sekunden nichts geschrieben"
    }

    func partTooLarge(part: String, megabytes: Int) -> String {
        "\(part) wird entpackt größer als \(megabytes) MB (eine beschädigte oder feindliche Arbeitsmappe? Die Grenze hebt --max-sheet-mb an)"
    }
}
