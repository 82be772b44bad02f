import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension InputFiles {
    /// Opens an input for reading: a regular file as it is; standard input (`-`), a named pipe or
    /// a device copied ("spooled") to an unnamed temporary file first, so that every input is read
    /// the same way (`FileBytes`).
    ///
    /// `checkHead` sees the first block of a spooled input (up to 64 KiB, less only at the end) and
    /// throws to refuse it (binary content): a stream of NUL bytes costs one block, not its length.
    /// A named pipe that no program writes to within `ReadLimits.pipeWaitSeconds` is refused
    /// (`IngestError.noWriter`) rather than waited for forever. `mapsFile`: a large regular file
    /// is mapped rather than read (`FileBytes`); its reader calls `checkUnchanged()` at the end.
    static func open(_ source: String, mapsFile: Bool = false,
                     checkHead: (UnsafeBufferPointer<UInt8>) throws(IngestError) -> Void) throws(IngestError) -> FileBytes {
        if source == "-" {
            let input = dup(STDIN_FILENO)
            guard input >= 0 else { throw .cannotRead(source: source, reason: .unreadable) }
            return try stream(input, source: source, waits: false, checkHead: checkHead)
        }
        // Not blocking: opening a pipe without a writer would wait here.
        let descriptor = systemOpen(source, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .cannotRead(source: source, reason: .noSuchFile)
            default: throw .cannotRead(source: source, reason: .unreadable)
            }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw .cannotRead(source: source, reason: .unreadable)
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            close(descriptor)
            throw .cannotRead(source: source, reason: .isFolder)
        case S_IFREG:
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            return try FileBytes(descriptor: descriptor, source: source, mapsFile: mapsFile)
        default:
            return try stream(descriptor, source: source, waits: (status.st_mode & S_IFMT) == S_IFIFO, checkHead: checkHead)
        }
    }

    /// Reads `input` (a pipe, a terminal, a device; a regular file as it is) into an unnamed temporary file.
    private static func stream(_ input: Int32, source: String, waits: Bool,
                               checkHead: (UnsafeBufferPointer<UInt8>) throws(IngestError) -> Void) throws(IngestError) -> FileBytes {
        defer { close(input) }
        var status = stat()
        if fstat(input, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
            let copy = dup(input) // standard input redirected from a file: read it in place
            guard copy >= 0 else { throw .cannotRead(source: source, reason: .unreadable) }
            return try FileBytes(descriptor: copy, source: source)
        }
        if waits { try waitForWriter(input, source: source) }
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) & ~O_NONBLOCK)
        let spool = try temporaryFile(source: source)
        let block = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block, alignment: 16)
        defer { buffer.deallocate() }
        var headLength = 0, checked = false, atEnd = false
        while !atEnd {
            // Fill the buffer (the first time at least 64 KiB of it, for the check), then write it out.
            var length = 0
            while length < block {
                let got = systemRead(input, buffer.baseAddress! + length, block - length)
                if got < 0 {
                    if errno == EINTR { continue }
                    close(spool)
                    throw .cannotRead(source: source, reason: .unreadable)
                }
                if got == 0 { atEnd = true; break }
                length += got
                if checked || length >= TextEncoding.sampleLength { break }
            }
            if !checked {
                headLength = length
                checked = true
                do throws(IngestError) {
                    try checkHead(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: headLength))
                } catch {
                    close(spool)
                    throw error
                }
            }
            var written = 0
            while written < length {
                let put = systemWrite(spool, buffer.baseAddress! + written, length - written)
                if put < 0 && errno == EINTR { continue }
                guard put > 0 else {
                    close(spool)
                    throw .cannotRead(source: source, reason: .unreadable)
                }
                written += put
            }
        }
        return try FileBytes(descriptor: spool, source: source)
    }

    /// Waits until a named pipe has a writer that wrote (or closed it), at most `ReadLimits.pipeWaitSeconds`.
    private static func waitForWriter(_ descriptor: Int32, source: String) throws(IngestError) {
        var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(Double(ReadLimits.pipeWaitSeconds))
        while true {
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            let ready = poll(&pending, 1, left)
            if ready > 0 { return }
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { throw .cannotRead(source: source, reason: .unreadable) }
            throw .noWriter(source: source, seconds: ReadLimits.pipeWaitSeconds)
        }
    }

    /// A new temporary file, already unlinked (it vanishes when closed), in `TMPDIR` or /tmp.
    private static func temporaryFile(source: String) throws(IngestError) -> Int32 {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast()) + Array("cohort-input-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .cannotRead(source: source, reason: .unreadable) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }
}

// The system's calls under names that the static functions of `InputFiles` do not hide.
func systemOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(descriptor, buffer, count) }
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, buffer, count) }
