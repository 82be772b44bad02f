import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension CLIRunner {
    /// What a child run of `cohort` gave, with the resources it used.
    struct Measured {
        var status: Int32
        /// The signal that ended the child, or nil when it exited.
        var signal: Int32?
        var standardOutput: String
        var standardError: String
        /// Peak resident memory in bytes: the child's own high-water mark (`VmHWM`), read while it
        /// runs, or `ru_maxrss` of `wait4` when it ended before the first reading. (`ru_maxrss` alone
        /// would count the test process: a child spawned with `vfork` keeps the parent's high-water
        /// mark across `exec`.)
        var peakMemory: Int
        /// `ru_maxrss` of `wait4`, in bytes: at least the child's peak, and possibly the test process's.
        var maximumResidentSize: Int
        var seconds: Double
        var timedOut: Bool

        /// The lines of standard error (without the final line break).
        var errorLines: [Substring] { standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
    }

    /// Where the child's standard input comes from.
    enum Input {
        case none
        case file(String)
        /// Chunks written to a pipe on another thread until `nil`, or until the child stops reading.
        case generator(@Sendable () -> [UInt8]?)
    }

    /// Runs `cohort` with `arguments` as a child process, waits at most `timeout` seconds (then
    /// kills it), and returns its exit status, output and peak memory as `wait4` reports it.
    static func measure(_ arguments: [String], input: Input = .none, timeout: Double = 30, currentDirectory: URL? = nil,
                        environment: [String: String] = [:]) throws -> Measured {
        let executable = productsDirectory.appendingPathComponent("cohort").path
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path, errPath = folder.appendingPathComponent("err").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        switch input {
        case .none: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .generator:
            guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        variables["COLUMNS"] = variables["COLUMNS"] ?? "100"
        // In another folder through the shell, which `exec`s cohort: the same process, so its own rusage.
        let command = currentDirectory.map { ["/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", $0.path, executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }

        if case .generator(let next) = input {
            close(pipeEnds[0])
            let writer = pipeEnds[1]
            signal(SIGPIPE, SIG_IGN)
            Thread.detachNewThread {
                defer { close(writer) }
                while let chunk = next() {
                    var offset = 0
                    while offset < chunk.count {
                        let put = chunk.withUnsafeBytes { write(writer, $0.baseAddress! + offset, chunk.count - offset) }
                        if put < 0 && errno == EINTR { continue }
                        guard put > 0 else { return } // the child closed its end
                        offset += put
                    }
                }
            }
        }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var highWater = 0
        while true {
            if let kilobytes = Self.highWaterMark(of: pid) { highWater = max(highWater, kilobytes * 1024) }
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { throw POSIXError(.ECHILD) }
            if Date().timeIntervalSince(started) > timeout && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(5_000)
        }
        let exited = (status & 0x7F) == 0
        return Measured(status: exited ? (status >> 8) & 0xFF : -1, signal: exited ? nil : status & 0x7F,
                        standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                        standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                        peakMemory: highWater > 0 ? highWater : Int(usage.ru_maxrss) * 1024,
                        maximumResidentSize: Int(usage.ru_maxrss) * 1024, seconds: Date().timeIntervalSince(started), timedOut: timedOut)
    }

    /// `VmHWM` of a running process in KiB (nil when it cannot be read, or before its `exec`).
    private static func highWaterMark(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              status.contains("Name:\tcohort\n"), // after the exec: before it, the child shares the test's memory
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }
}
