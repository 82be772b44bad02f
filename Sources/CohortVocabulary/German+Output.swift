import CohortCore

extension German {
    func describe(_ error: OutputError) -> String {
        switch error {
        case .notReplaceable(let path, let kind):
            return "\(path) kann nicht geschrieben werden: dort ist \(Self.entry(kind)), keine Datei, die cohort ersetzt; "
                + "bitte einen anderen Pfad angeben"
        case .notWrittenByCohort(let path):
            return "\(path) kann nicht geschrieben werden: der Eintrag stammt nicht von cohort; "
                + "bitte wegräumen oder einen anderen Ordner angeben"
        case .notAFolder(let path, let kind):
            return "in \(path) kann nicht geschrieben werden: dort ist \(Self.entry(kind)), kein Ordner"
        case .writeFailed(let path, let problem):
            return "\(path == "-" ? "Die Standardausgabe" : path) kann nicht geschrieben werden: \(Self.problem(problem))"
        }
    }

    func describe(_ error: ConfigurationError) -> String {
        switch error {
        case .unknownKey(let file, let line, let key, let suggestion):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place): unbekannter Schlüssel '\(key)'" + (suggestion.map { " (gemeint: '\($0)'?)" } ?? "")
        case .targetOutOfRange(let file, let key, let value, let range):
            let setting = file.map { "\($0): 'targets.\(key)'" } ?? "--target \(key)"
            return "\(setting): '\(value)' ist kein Zielwert; erlaubt ist \(Self.range(range))"
        case .templateIncludesItself(let template, let chain):
            return "Vorlage \(template) bindet sich selbst ein (\(chain.joined(separator: " → "))); "
                + "bitte den Teil {{> \(chain.last ?? template)}} entfernen"
        }
    }

    private static func entry(_ kind: OutputEntryKind) -> String {
        switch kind {
        case .folder: return "ein Ordner"
        case .file: return "eine Datei"
        case .device: return "ein Gerät"
        case .pipe: return "eine Pipe"
        case .socket: return "ein Socket"
        case .symbolicLink: return "ein symbolischer Link"
        }
    }

    private static func problem(_ problem: WriteProblem) -> String {
        switch problem {
        case .noSpace: return "kein Platz mehr auf dem Datenträger"
        case .readOnly: return "das Dateisystem ist schreibgeschützt"
        case .permissionDenied: return "keine Berechtigung"
        case .quotaExceeded: return "das Speicherkontingent ist erschöpft"
        case .fileTooLarge: return "die Datei ist zu groß für das Dateisystem"
        case .inputOutput: return "Ein-/Ausgabefehler"
        case .missingFolder: return "der Ordner existiert nicht"
        case .other(_, let text): return text
        }
    }

    private static func range(_ range: TargetRange) -> String {
        switch range {
        case .fraction: return "ein Anteil von 0 bis 1 (0.95) oder ein Prozentsatz (95%)"
        case .fractionUpTo(let maximum): return "ein Anteil von 0 bis \(Int(maximum)) (1.05) oder ein Prozentsatz (105%)"
        case .nonNegative: return "eine Zahl ab 0"
        }
    }
}
