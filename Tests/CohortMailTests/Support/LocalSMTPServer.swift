import Foundation

/// A real SMTP server (aiosmtpd, `Scripts/smtp_server.py`) on 127.0.0.1 and a free port,
/// for one test: it writes each message it accepts into its own spool folder, and stops
/// when the test calls `stop()` or drops it, or when the test process ends (it exits when
/// its standard input closes).
final class LocalSMTPServer {
    /// A python3 with aiosmtpd, or nil (then the SMTP tests are skipped, loudly, except in CI).
    static let python = Python.interpreter(importing: ["aiosmtpd"])

    /// Whether the SMTP tests run: aiosmtpd is there, or this is CI, where its absence must fail.
    /// Otherwise says so once, loudly, on standard error.
    static let testsRun: Bool = {
        if python != nil { return true }
        if ProcessInfo.processInfo.environment["CI"] != nil { return true }
        FileHandle.standardError.write(Data("""

            ******************************************************************************
            CohortMailTests: SKIPPING the SMTP delivery tests: no python3 with aiosmtpd.
            Install it with:  sudo apt-get install -y python3-aiosmtpd openssl
            (CI installs it and fails instead of skipping.)
            ******************************************************************************

            """.utf8))
        return false
    }()

    enum Option {
        /// Require AUTH (PLAIN or LOGIN) with this user and password.
        case authentication(user: String, password: String)
        /// Offer STARTTLS with this certificate and key, and require it.
        case tls(certificate: String, key: String)
        /// Refuse every recipient at this domain with 550.
        case refuse(domain: String)
        /// Answer EHLO with 502, as an RFC 821 server.
        case noEHLO
        /// Offer AUTH LOGIN only (with `.authentication`).
        case onlyLogin
        /// Announce and enforce this SIZE.
        case sizeLimit(Int)
    }

    /// One accepted message and its envelope.
    struct Delivery: Decodable {
        var mail_from: String
        var mail_options: [String]
        var rcpt_tos: [String]
        var login: String?
        var tls: Bool
        var helo: String?
        var message = Data()

        enum CodingKeys: String, CodingKey { case mail_from, mail_options, rcpt_tos, login, tls, helo }
    }

    let port: Int
    let spool: URL
    private let process: Process
    private let input: Pipe
    private var stopped = false

    init(_ options: [Option] = []) throws {
        guard let python = Self.python else {
            throw TestEnvironmentError.missing("python3 with aiosmtpd (apt-get install python3-aiosmtpd)")
        }
        spool = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        var arguments = [Python.script("smtp_server.py"), "--spool", spool.path]
        for option in options {
            switch option {
            case .authentication(let user, let password): arguments += ["--auth", "\(user):\(password)"]
            case .tls(let certificate, let key): arguments += ["--tls", certificate, key]
            case .refuse(let domain): arguments += ["--refuse", domain]
            case .noEHLO: arguments += ["--no-ehlo"]
            case .onlyLogin: arguments += ["--only-login"]
            case .sizeLimit(let bytes): arguments += ["--size-limit", String(bytes)]
            }
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        input = Pipe()
        let output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()

        // "PORT <n>" comes once it listens; EOF instead means it failed to start.
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine += chunk
        }
        let line = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            process.waitUntilExit()
            let reason = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw TestEnvironmentError.failed("smtp_server.py", line + reason)
        }
        self.port = port
    }

    deinit {
        stop()
    }

    /// Ends the server (closing its input), waits for it, and removes the spool folder.
    func stop() {
        guard !stopped else { return }
        stopped = true
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: spool)
    }

    /// The messages accepted so far, in order.
    func deliveries() throws -> [Delivery] {
        var deliveries: [Delivery] = []
        var number = 1
        while FileManager.default.fileExists(atPath: spool.appendingPathComponent("\(number).eml").path) {
            var delivery = try JSONDecoder().decode(
                Delivery.self, from: Data(contentsOf: spool.appendingPathComponent("\(number).json")))
            delivery.message = try Data(contentsOf: spool.appendingPathComponent("\(number).eml"))
            deliveries.append(delivery)
            number += 1
        }
        return deliveries
    }
}
