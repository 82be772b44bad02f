import Foundation
import ZIPFoundation

/// The table of contents of a ZIP archive in memory, and the unpacked bytes of its entries.
///
/// Reads the end-of-central-directory record and the central directory with every offset
/// and size checked against the bytes, and inflates an entry with ZIPFoundation's
/// `Data.decompress` fed from exactly that entry's bytes. (ZIPFoundation's own `Archive`
/// crashes on some damaged files when opened from memory, and loops forever on a
/// truncated deflate stream when opened from a file; a workbook must be refused, not hang.)
///
///     let directory = try ZIPDirectory(data)
///     directory.contains("xl/workbook.xml")       // true for a workbook
///     let xml = try directory.contents(of: "xl/workbook.xml", limit: 1 << 30)
///
/// Complexity: O(entries) to open; O(size) to unpack an entry.
struct ZIPDirectory {
    /// An entry of the central directory.
    struct Entry {
        var method: UInt16
        var flags: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// Why an archive or an entry cannot be read (for `IngestError.unreadableWorkbook`).
    struct Problem: Error, Equatable {
        var reason: WorkbookProblem
        init(_ reason: WorkbookProblem) { self.reason = reason }
    }

    private let data: Data
    private let entries: [String: Entry]
    /// The most bytes one part may unpack to (`XLSXWorkbook` sets it).
    var maximumPartSize = XLSXWorkbook.maximumPartSize

    /// Reads the directory of the archive in `data`.
    init(_ data: Data) throws(Problem) {
        self.data = data
        let count = data.count
        guard count >= 22 else { throw Problem(.damagedArchive(.tooShort)) }
        // The end-of-central-directory record: 22 bytes and a comment of up to 65,535 at the very end.
        var end = count - 22
        let lowest = max(0, count - 22 - 65_535)
        while end >= lowest && Self.uint32(data, end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { throw Problem(.damagedArchive(.noCentralDirectory)) }
        let entryCount = Int(Self.uint16(data, end + 10))
        let directorySize = Int(Self.uint32(data, end + 12)), directoryOffset = Int(Self.uint32(data, end + 16))
        guard directoryOffset != 0xFFFF_FFFF, entryCount != 0xFFFF else {
            throw Problem(.zip64)
        }
        guard directoryOffset + directorySize <= end else { throw Problem(.damagedArchive(.centralDirectoryOutOfBounds)) }
        var entries: [String: Entry] = [:]
        var position = directoryOffset
        for _ in 0 ..< entryCount {
            guard position + 46 <= directoryOffset + directorySize, Self.uint32(data, position) == 0x0201_4B50 else {
                throw Problem(.damagedArchive(.centralDirectoryEntry))
            }
            let nameLength = Int(Self.uint16(data, position + 28)), extraLength = Int(Self.uint16(data, position + 30))
            let commentLength = Int(Self.uint16(data, position + 32))
            guard position + 46 + nameLength <= count else { throw Problem(.damagedArchive(.entryName)) }
            let name = String(decoding: data[data.startIndex + position + 46 ..< data.startIndex + position + 46 + nameLength], as: UTF8.self)
            entries[name] = Entry(method: Self.uint16(data, position + 10), flags: Self.uint16(data, position + 8),
                                  compressedSize: Int(Self.uint32(data, position + 20)), uncompressedSize: Int(Self.uint32(data, position + 24)),
                                  localHeaderOffset: Int(Self.uint32(data, position + 42)))
            position += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The unpacked bytes of entry `name` (nil when there is none); refused beyond `limit` bytes, or
    /// beyond `ReadLimits.sheetInflationRatio` times the packed size plus `ReadLimits.sheetSlackBytes`.
    func contents(of name: String, limit: Int) throws(Problem) -> Data? {
        guard let entry = entries[name] else { return nil }
        let (scaled, overflow) = entry.compressedSize.multipliedReportingOverflow(by: ReadLimits.sheetInflationRatio)
        let limit = overflow ? limit : min(limit, scaled + ReadLimits.sheetSlackBytes)
        guard entry.flags & 1 == 0 else { throw Problem(.encrypted(part: name)) }
        let header = entry.localHeaderOffset
        guard header + 30 <= data.count, Self.uint32(data, header) == 0x0403_4B50 else {
            throw Problem(.damagedArchive(.localHeader(part: name)))
        }
        let start = header + 30 + Int(Self.uint16(data, header + 26)) + Int(Self.uint16(data, header + 28))
        guard start + entry.compressedSize <= data.count else { throw Problem(.partCutOff(part: name)) }
        let packed = data[data.startIndex + start ..< data.startIndex + start + entry.compressedSize]
        switch entry.method {
        case 0:
            guard packed.count <= limit else { throw Problem(.partTooLarge(part: name, megabytes: limit >> 20)) }
            return Data(packed)
        case 8:
            return try Self.inflate(packed, name: name, limit: limit, expected: entry.uncompressedSize)
        default:
            throw Problem(.unsupportedMethod(part: name, method: Int(entry.method)))
        }
    }

    /// Inflates a raw deflate stream. ZIPFoundation's decoder always takes `chunkSize` bytes of
    /// input, so the last chunk is padded with zeros (which no valid stream reaches), and asking
    /// for more after the end means the stream was cut off.
    private static func inflate(_ packed: Data, name: String, limit: Int, expected: Int) throws(Problem) -> Data {
        let chunkSize = 1 << 16
        var output = Data()
        output.reserveCapacity(min(expected, 64 << 20)) // the header may lie
        var offset = packed.startIndex
        do {
            _ = try Data.decompress(size: Int64(packed.count), bufferSize: chunkSize, skipCRC32: true, provider: { _, size in
                guard offset < packed.endIndex else { throw Problem(.cannotUnpack(part: name)) }
                let end = min(offset + size, packed.endIndex)
                var chunk = Data(packed[offset ..< end])
                offset = end
                if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                return chunk
            }, consumer: { piece in
                guard output.count + piece.count <= limit else { throw Problem(.partTooLarge(part: name, megabytes: limit >> 20)) }
                output.append(piece)
            })
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(.cannotUnpack(part: name))
        }
        return output
    }

    private static func uint16(_ data: Data, _ offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= data.count else { return 0 }
        let i = data.startIndex + offset
        return UInt16(data[i]) | UInt16(data[i + 1]) << 8
    }

    private static func uint32(_ data: Data, _ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= data.count else { return 0 }
        let i = data.startIndex + offset
        return UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
    }
}
