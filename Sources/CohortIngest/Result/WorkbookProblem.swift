/// Why an .xlsx workbook cannot be read, with the part and place at fault.
public enum WorkbookProblem: Sendable, Equatable {
    /// The ZIP archive is damaged; `detail` names the structure that is ("too short", "no central directory",
    /// "central directory out of bounds", "central directory entry", "entry name", "local header of xl/…", …).
    case damagedArchive(ZIPDamage)
    case zip64
    case encrypted(part: String)
    case partCutOff(part: String)
    case partTooLarge(part: String, megabytes: Int)
    case unsupportedMethod(part: String, method: Int)
    case cannotUnpack(part: String)
    case noWorksheet
    case missingPart(String)
    case missingSharedString(part: String, row: Int, index: String)
    case notUTF8(part: String, line: Int)
    case invalidXML(part: String, line: Int)
}

/// Which structure of a ZIP archive is damaged.
public enum ZIPDamage: Sendable, Equatable {
    case tooShort
    case noCentralDirectory
    case centralDirectoryOutOfBounds
    case centralDirectoryEntry
    case entryName
    case localHeader(part: String)
}

/// Why a file cannot be opened at all.
public enum ReadProblem: Sendable, Equatable {
    case noSuchFile
    case isFolder
    case unreadable
}
