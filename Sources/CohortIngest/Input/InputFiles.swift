import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The input files named on the command line: patterns expanded, and each one's bytes.
///
///     try InputFiles.expand(["exports/2026-*.csv", "-"])   // ["exports/2026-01.csv", "exports/2026-02.csv", "-"]
///
/// A pattern (`*`, `?`, `[...]`) that the shell left alone, because it was quoted or
/// matched nothing, is expanded here in sorted order; one that matches no file is an
/// error. A file named twice is read once.
enum InputFiles {
    /// The files to read, in order, each once.
    static func expand(_ arguments: [String]) throws(IngestError) -> [String] {
        var files: [String] = []
        var seen: Set<String> = []
        for argument in arguments {
            let matches: [String]
            if argument != "-", argument.contains(where: { "*?[".contains($0) }), !FileManager.default.fileExists(atPath: argument) {
                matches = glob(argument)
                guard !matches.isEmpty else { throw .noMatchingFile(pattern: argument) }
            } else {
                matches = [argument]
            }
            for file in matches where seen.insert(file).inserted {
                files.append(file)
            }
        }
        return files
    }

    /// The bytes of a file, or of standard input for "-". Large files are mapped, not copied.
    static func contents(of source: String) throws(IngestError) -> Data {
        try read(source).data
    }

    /// The bytes of a file, or of standard input for "-", and whether they are the file
    /// mapped into memory (then pages already read can be given back, see `CSVRecords`).
    static func read(_ source: String) throws(IngestError) -> (data: Data, mapped: Bool) {
        if source == "-" {
            return (FileHandle.standardInput.readDataToEndOfFile(), false)
        }
        if let mapped = mapped(source) { return (mapped, true) }
        return (try copied(source), false)
    }

    private static func copied(_ source: String) throws(IngestError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw .cannotRead(source: source, reason: .noSuchFile)
        }
        guard !isDirectory.boolValue else { throw .cannotRead(source: source, reason: .isFolder) }
        guard FileManager.default.isReadableFile(atPath: source),
              let data = try? Data(contentsOf: URL(fileURLWithPath: source), options: .mappedIfSafe) else {
            throw .cannotRead(source: source, reason: .unreadable)
        }
        return data
    }

    /// The size of a regular file in bytes; nil for standard input and anything else.
    static func size(of source: String) -> Int? {
        guard source != "-" else { return nil }
        var status = stat()
        guard stat(source, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// A regular file's bytes mapped into memory (read-only, private), or nil when it cannot be
    /// mapped (empty, not a regular file, no permission): no copy, and no zeroed memory to fill.
    private static func mapped(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        _ = madvise(address, size, MADV_WILLNEED)
        return Data(bytesNoCopy: address, count: size, deallocator: .custom { address, size in _ = munmap(address, size) })
    }

    /// The paths matching a shell pattern, sorted; none when nothing matches.
    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard systemGlob(pattern, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0 ..< Int(result.gl_pathc) {
            if let path = result.gl_pathv[index] { paths.append(String(cString: path)) }
        }
        return paths.sorted()
    }

    private static func systemGlob(_ pattern: String, _ result: inout glob_t) -> Int32 {
        #if canImport(Darwin)
        return Darwin.glob(pattern, 0, nil, &result)
        #elseif canImport(Musl)
        return Musl.glob(pattern, 0, nil, &result)
        #else
        return Glibc.glob(pattern, 0, nil, &result)
        #endif
    }
}
