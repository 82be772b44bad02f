import CohortCore

extension English {
    func describe(_ error: OutputError) -> String {
        switch error {
        case .notReplaceable(let path, let kind):
            return "cannot write \(path): it is \(Self.entry(kind)), not a file cohort replaces; name another path"
        case .notWrittenByCohort(let path):
            return "cannot write \(path): it exists and was not written by cohort; move it away or name another folder"
        case .notAFolder(let path, let kind):
            return "cannot write into \(path): it is \(Self.entry(kind)), not a folder"
        case .writeFailed(let path, let problem):
            return "cannot write \(path == "-" ? "standard output" : path): \(Self.problem(problem))"
        }
    }

    func describe(_ error: ConfigurationError) -> String {
        switch error {
        case .unknownKey(let file, let line, let key, let suggestion):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place): unknown key '\(key)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .targetOutOfRange(let file, let key, let value, let range):
            let setting = file.map { "\($0): 'targets.\(key)'" } ?? "--target \(key)"
            return "\(setting): '\(value)' is not a target; it takes \(Self.range(range))"
        case .templateIncludesItself(let template, let chain):
            return "template \(template) includes itself (\(chain.joined(separator: " → "))); remove the partial {{> \(chain.last ?? template)}}"
        }
    }

    private static func entry(_ kind: OutputEntryKind) -> String {
        switch kind {
        case .folder: return "a folder"
        case .file: return "a file"
        case .device: return "a device"
        case .pipe: return "a pipe"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        }
    }

    private static func problem(_ problem: WriteProblem) -> String {
        switch problem {
        case .noSpace: return "no space left on the device"
        case .readOnly: return "the file system is read-only"
        case .permissionDenied: return "permission denied"
        case .quotaExceeded: return "the disk quota is used up"
        case .fileTooLarge: return "the file is too large for the file system"
        case .inputOutput: return "input/output error"
        case .missingFolder: return "its folder does not exist"
        case .other(_, let text): return text
        }
    }

    private static func range(_ range: TargetRange) -> String {
        switch range {
        case .fraction: return "a fraction from 0 to 1 (0.95) or a percentage (95%)"
        case .fractionUpTo(let maximum): return "a fraction from 0 to \(maximum.formatted()) (1.05) or a percentage (105%)"
        case .nonNegative: return "a number of 0 or more"
        }
    }
}

private extension Double {
    /// 10 → "10", 1.5 → "1.5".
    func formatted() -> String { self == rounded() ? String(Int(self)) : String(self) }
}
