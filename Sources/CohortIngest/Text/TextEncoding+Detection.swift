extension TextEncoding {
    /// How a file's bytes are to be read: the encoding and how many bytes of byte-order mark to skip.
    struct Detection: Equatable {
        var encoding: TextEncoding
        var byteOrderMarkLength: Int
    }

    /// Why the head of a file is no text in a known encoding.
    enum DetectionFailure: Error, Equatable {
        /// NUL bytes where text has none: a binary file.
        case binary
        /// A byte that is neither UTF-8 nor Windows-1252 text, on this (1-based) line.
        case unknown(byte: UInt8, line: Int)
    }

    /// Bytes of the head of a file that detection looks at: the decision never reads the whole file.
    static let sampleLength = 1 << 16

    /// Recognizes the encoding from a byte-order mark, else from the first 64 KiB:
    /// UTF-16 by its NUL bytes in every other position, UTF-8 when the sample is valid
    /// UTF-8, Windows-1252 when it is not but every byte is a Windows-1252 character.
    ///
    /// A file whose head is plain ASCII is read as UTF-8; a non-UTF-8 byte further
    /// down is then shown as Windows-1252 (`TextEncoding.string(_:)`), so no second
    /// pass over the file is needed.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Detection, DetectionFailure> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .success(Detection(encoding: .utf8, byteOrderMarkLength: 3)) }
        if bytes.starts(with: [0xFF, 0xFE]) { return .success(Detection(encoding: .utf16LittleEndian, byteOrderMarkLength: 2)) }
        if bytes.starts(with: [0xFE, 0xFF]) { return .success(Detection(encoding: .utf16BigEndian, byteOrderMarkLength: 2)) }
        let sample = UnsafeBufferPointer(rebasing: bytes.prefix(sampleLength))
        if let utf16 = utf16WithoutByteOrderMark(sample) { return .success(Detection(encoding: utf16, byteOrderMarkLength: 0)) }
        if sample.contains(0) { return .failure(.binary) }
        guard firstInvalidUTF8(sample, allowTruncatedEnd: sample.count < bytes.count) != nil else {
            return .success(Detection(encoding: .utf8, byteOrderMarkLength: 0))
        }
        if let offset = sample.firstIndex(where: { !isWindows1252Text($0) }) {
            return .failure(.unknown(byte: sample[offset], line: line(of: offset, in: sample)))
        }
        return .success(Detection(encoding: .windows1252, byteOrderMarkLength: 0))
    }

    /// UTF-16 without a byte-order mark: in the first 4 KiB at least 40 % of the
    /// two-byte units have a NUL on one side and none on the other.
    private static func utf16WithoutByteOrderMark(_ sample: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let units = min(sample.count, 4096) / 2
        guard units >= 2 else { return nil }
        var evenZero = 0, oddZero = 0
        for unit in 0 ..< units {
            if sample[2 * unit] == 0 { evenZero += 1 }
            if sample[2 * unit + 1] == 0 { oddZero += 1 }
        }
        if oddZero * 10 >= units * 4 && evenZero == 0 { return .utf16LittleEndian }
        if evenZero * 10 >= units * 4 && oddZero == 0 { return .utf16BigEndian }
        return nil
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all is valid. A sequence
    /// cut by the end of the sample is accepted when `allowTruncatedEnd`.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Int? {
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 { i += 1; continue }
            let length: Int
            switch byte {
            case 0xC2 ... 0xDF: length = 2
            case 0xE0 ... 0xEF: length = 3
            case 0xF0 ... 0xF4: length = 4
            default: return i
            }
            if i + length > count {
                return allowTruncatedEnd && (i + 1 ..< count).allSatisfy({ bytes[$0] & 0xC0 == 0x80 }) ? nil : i
            }
            for j in 1 ..< length where bytes[i + j] & 0xC0 != 0x80 { return i }
            // Overlong forms and surrogates.
            if byte == 0xE0 && bytes[i + 1] < 0xA0 { return i }
            if byte == 0xED && bytes[i + 1] >= 0xA0 { return i }
            if byte == 0xF0 && bytes[i + 1] < 0x90 { return i }
            if byte == 0xF4 && bytes[i + 1] >= 0x90 { return i }
            i += length
        }
        return nil
    }

    /// Whether a byte is text in Windows-1252: not a control character other than tab,
    /// line feed, carriage return and end-of-file (0x1A), and not one of the five unassigned bytes.
    static func isWindows1252Text(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0D, 0x1A: return true
        case 0x00 ..< 0x20, 0x7F: return false
        case 0x81, 0x8D, 0x8F, 0x90, 0x9D: return false
        default: return true
        }
    }

    /// The 1-based line of a byte offset.
    static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for i in 0 ..< min(offset, bytes.count) where bytes[i] == UInt8(ascii: "\n") { line += 1 }
        return line
    }
}
