/// What a file that is not plain text is, recognized from its first bytes (the vocabulary says what to do about it).
public enum FileSignature: String, Sendable, Equatable {
    case zip
    case gzip
    case bzip2
    case xz
    case zstd
    case sevenZip
    case rar
    /// An OLE compound file: an Excel 97–2003 workbook, or an encrypted (password-protected) .xlsx.
    case compoundDocument
    case openDocumentSpreadsheet
    case pdf

    /// The signature at the start of `bytes`, or nil for anything else (text, or unknown binary).
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> FileSignature? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0x42, 0x5A, 0x68]) { return .bzip2 }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        if starts([0x52, 0x61, 0x72, 0x21, 0x1A, 0x07]) { return .rar }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundDocument }
        if starts(Array("%PDF".utf8)) { return .pdf }
        return nil
    }
}
