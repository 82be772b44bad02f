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

    /// The bytes of a file, or of standard input for "-", read whole into memory (`read(_:)`).
    static func contents(of source: String) throws(IngestError) -> Data {
        try read(source).data
    }

    /// The bytes of a file, or of standard input for "-", read whole (`open(_:checkHead:)`) into
    /// memory the returned data owns; never a mapping of the file, which a program truncating it
    /// would turn into SIGBUS.
    static func read(_ source: String) throws(IngestError) -> (data: Data, mapped: Bool) {
        let input = try open(source) { _ throws(IngestError) in }
        try input.fillAll()
        let bytes = input.bytes
        guard let base = bytes.baseAddress else { return (Data(), false) }
        // The data keeps the file's memory until it is released.
        return (Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .custom { _, _ in _ = input }), false)
    }

    /// The size of a regular file in bytes; nil for standard input and anything else.
    static func size(of source: String) -> Int? {
        guard source != "-" else { return nil }
        var status = stat()
        guard stat(source, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
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
