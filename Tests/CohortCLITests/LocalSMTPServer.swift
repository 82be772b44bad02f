import Foundation

/// A real SMTP server on 127.0.0.1 for one test: aiosmtpd, run by the mail module's test script
/// (`Tests/CohortMailTests/Scripts/smtp_server.py`), which writes each message it accepts into a
/// spool folder exactly as received. Stops when the test drops it (its standard input closes).
final class LocalSMTPServer {
    /// A python3 with aiosmtpd (`apt-get install python3-aiosmtpd`, in scripts/install-system-deps.sh), or nil.
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for candidate in ["/usr/bin/python3"] + path.split(separator: ":").map({ "\($0)/python3" })
        where FileManager.default.isExecutableFile(atPath: candidate) {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: candidate)
            check.arguments = ["-c", "import aiosmtpd"]
            check.standardOutput = FileHandle.nullDevice
            check.standardError = FileHandle.nullDevice
            guard (try? check.run()) != nil else { continue }
            check.waitUntilExit()
            if check.terminationStatus == 0 { return candidate }
        }
        return nil
    }()

    /// Whether the delivery tests run: aiosmtpd is there, or this is CI, where its absence must fail.
    static let testsRun: Bool = {
        if python != nil || ProcessInfo.processInfo.environment["CI"] != nil { return true }
        FileHandle.standardError.write(Data("""

            CohortCLITests: SKIPPING the report.eml delivery tests: no python3 with aiosmtpd.
            Install it with:  sudo apt-get install -y python3-aiosmtpd openssl

            """.utf8))
        return false
    }()

    /// The test script's envelope record of one message.
    struct Envelope: Decodable {
        var mail_from: String
        var rcpt_tos: [String]
        var login: String?
        var tls: Bool
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    let spool: URL
    private let process = Process()
    private let input = Pipe()

    /// - Parameter arguments: the script's options: `--auth USER:PASSWORD`, `--tls CERT KEY`, `--refuse DOMAIN`.
    init(_ arguments: [String] = []) throws {
        guard let python = Self.python else { throw Failure(description: "no python3 with aiosmtpd (apt-get install python3-aiosmtpd)") }
        spool = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-cli-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CohortMailTests/Scripts/smtp_server.py").path
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--spool", spool.path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // "PORT <n>" comes once it listens; end of output instead means it failed to start.
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine += chunk
        }
        let line = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            process.waitUntilExit()
            throw Failure(description: "smtp_server.py did not start: " + line
                + String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        self.port = port
    }

    deinit {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: spool)
    }

    /// `127.0.0.1:<port>`, for `--smtp`.
    var endpoint: String { "127.0.0.1:\(port)" }

    /// The messages accepted so far, in order: the bytes as received and their envelope.
    func deliveries() throws -> [(message: Data, envelope: Envelope)] {
        var deliveries: [(Data, Envelope)] = []
        var number = 1
        while FileManager.default.fileExists(atPath: spool.appendingPathComponent("\(number).eml").path) {
            let envelope = try JSONDecoder().decode(Envelope.self, from: Data(contentsOf: spool.appendingPathComponent("\(number).json")))
            deliveries.append((try Data(contentsOf: spool.appendingPathComponent("\(number).eml")), envelope))
            number += 1
        }
        return deliveries
    }

    /// A port on 127.0.0.1 where nothing listens: one the kernel just handed out and that was let go.
    static func unusedPort() throws -> Int {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
        probe.arguments = ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()"]
        let output = Pipe()
        probe.standardOutput = output
        try probe.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        probe.waitUntilExit()
        guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw Failure(description: "no free port: \(text)") }
        return port
    }
}
