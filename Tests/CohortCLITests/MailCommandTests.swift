import Foundation
import Testing

/// `cohort report --mail-to … --mail-from … --smtp …`: report.eml sent to a real SMTP server
/// (aiosmtpd, started by each test) after the folder is published, exactly as it lies in the
/// folder; failures as one line with status 1 and the report left in place; settings that
/// cannot work refused (status 2) before anything is written.
@Suite(.enabled(if: LocalSMTPServer.testsRun))
struct MailCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples/orders.csv").path
    static let epoch = ["SOURCE_DATE_EPOCH": "1767225600", MailCommandTests.passwordVariable: ""]
    static let passwordVariable = "COHORT_SMTP_PASSWORD"
    static let nested = "multipart/mixed(multipart/related(multipart/alternative(text/plain,text/html),image/png),application/pdf)"

    /// What Python's `email` package reads from a message (`CohortReportsTests/Scripts/read_mail.py`).
    struct ReadMail: Decodable {
        struct Part: Decodable {
            var type: String
            var filename: String?
            var data: String?
        }

        var structure: String
        var to: [String]
        var x_unsent: String?
        var images: [Part]
        var attachments: [Part]
        var defects: [String]

        static func read(_ file: URL) throws -> ReadMail {
            let script = MailCommandTests.root.appendingPathComponent("Tests/CohortReportsTests/Scripts/read_mail.py").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LocalSMTPServer.python ?? "/usr/bin/python3")
            process.arguments = [script, file.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return try JSONDecoder().decode(ReadMail.self, from: data)
        }
    }

    /// The lines a run printed on standard error, without empty ones.
    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    @Test func theServerGetsExactlyReportEMLOfTheBundledExample() throws {
        let server = try LocalSMTPServer()
        let out = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run([
            "report", Self.examples, "--out", out.path, "--company", "Muster GmbH", "--quiet",
            "--mail-to", "controlling@acme.example", "--mail-to", "Board <board@acme.example>",
            "--mail-from", "Cohort <reports@acme.example>", "--smtp", server.endpoint,
        ], environment: Self.epoch)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Sent report.eml to controlling@acme.example, board@acme.example via \(server.endpoint)."))

        let folder = out.appendingPathComponent("2026-10-31")
        let written = try Data(contentsOf: folder.appendingPathComponent("report.eml"))
        let deliveries = try server.deliveries()
        try #require(deliveries.count == 1)
        #expect(deliveries[0].message == written, "the delivered message differs from report.eml")
        #expect(deliveries[0].envelope.mail_from == "reports@acme.example")
        #expect(deliveries[0].envelope.rcpt_tos == ["controlling@acme.example", "board@acme.example"])

        let received = out.appendingPathComponent("received.eml")
        try deliveries[0].message.write(to: received)
        let mail = try ReadMail.read(received)
        #expect(mail.structure == Self.nested)
        #expect(mail.defects.isEmpty, "\(mail.defects)")
        #expect(mail.to == ["controlling@acme.example", "board@acme.example"] && mail.x_unsent == nil)
        #expect(mail.images.count == 1 && mail.images.first?.type == "image/png")
        let pdf = try #require(mail.attachments.first)
        #expect(pdf.filename == "report.pdf" && pdf.type == "application/pdf")
        #expect(pdf.data.flatMap { Data(base64Encoded: $0) } == (try Data(contentsOf: folder.appendingPathComponent("report.pdf"))))
    }

    @Test func theLoginTakesThePasswordFromTheEnvironmentAndNeverFromAFlag() throws {
        let server = try LocalSMTPServer(["--auth", "reports:s3cret"])
        let out = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = ["report", CLIRunner.fixture("small-orders.csv"), "--out", out.path, "--quiet",
                         "--mail-to", "controlling@acme.example", "--mail-from", "reports@acme.example",
                         "--smtp", server.endpoint, "--smtp-user", "reports"]
        let result = try CLIRunner.run(arguments, environment: Self.epoch.merging([Self.passwordVariable: "s3cret"]) { $1 })
        #expect(result.status == 0, "\(result.standardError)")
        let deliveries = try server.deliveries()
        #expect(deliveries.count == 1 && deliveries.first?.envelope.login == "reports")

        let flag = try CLIRunner.run(arguments + ["--smtp-password", "s3cret"], environment: Self.epoch)
        #expect(flag.status != 0 && flag.standardError.contains("--smtp-password"))
        #expect(try server.deliveries().count == 1)
    }

    @Test func aWrongPasswordIsOneLineAndTheReportStays() throws {
        let server = try LocalSMTPServer(["--auth", "reports:s3cret"])
        let out = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run([
            "report", CLIRunner.fixture("small-orders.csv"), "--out", out.path, "--quiet",
            "--mail-to", "controlling@acme.example", "--mail-from", "reports@acme.example",
            "--smtp", server.endpoint, "--smtp-user", "reports",
        ], environment: Self.epoch.merging([Self.passwordVariable: "wrong"]) { $1 })
        #expect(result.status == 1)
        let lines = Self.lines(result.standardError)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("cohort: error: report.eml was not sent to \(server.endpoint): authentication failed: 535") == true,
                "\(lines)")
        #expect(!result.standardError.contains("wrong"))
        #expect(try server.deliveries().isEmpty)
        for file in ["report.eml", "report.pdf", "report.html", "analysis.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("2026-03-31/\(file)").path), "\(file) is missing")
        }
    }

    @Test(arguments: [("en", "connection refused; the report is in "), ("de", "Verbindung abgelehnt; der Bericht liegt in ")])
    func aRefusedConnectionIsOneLineAndTheReportStays(_ locale: String, _ reason: String) throws {
        let port = try LocalSMTPServer.unusedPort()
        let out = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run([
            "report", CLIRunner.fixture("small-orders.csv"), "--out", out.path, "--quiet", "--locale", locale,
            "--mail-to", "controlling@acme.example", "--mail-from", "reports@acme.example", "--smtp", "127.0.0.1:\(port)",
        ], environment: Self.epoch)
        #expect(result.status == 1)
        let lines = Self.lines(result.standardError)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("127.0.0.1:\(port)") == true && lines.first?.contains(reason) == true, "\(lines)")
        let folder = out.appendingPathComponent("2026-03-31")
        #expect(lines.first?.hasSuffix(folder.path + "/") == true)
        // The folder is whole: the same files as a run that sends nothing.
        let plain = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: plain) }
        #expect(try CLIRunner.run(["report", CLIRunner.fixture("small-orders.csv"), "--out", plain.path, "--quiet", "--locale", locale],
                                  environment: Self.epoch).status == 0)
        let names = { (url: URL) in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
        #expect(try names(folder) == names(plain.appendingPathComponent("2026-03-31")))
    }

    @Test func aRefusedRecipientIsNamed() throws {
        let server = try LocalSMTPServer(["--refuse", "refused.example"])
        let out = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run([
            "report", CLIRunner.fixture("small-orders.csv"), "--out", out.path, "--quiet",
            "--mail-to", "controlling@acme.example", "--mail-to", "nobody@refused.example",
            "--mail-from", "reports@acme.example", "--smtp", server.endpoint,
        ], environment: Self.epoch)
        #expect(result.status == 1)
        let lines = Self.lines(result.standardError)
        #expect(lines.count == 1 && lines.first?.contains("recipient <nobody@refused.example> refused: 550") == true, "\(lines)")
        #expect(try server.deliveries().isEmpty)
    }

    @Test func theConfigurationSendsOverSTARTTLSWithItsOwnCA() throws {
        guard let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("openssl is not installed (scripts/install-system-deps.sh installs it)")
            return
        }
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("ca.pem"), key = folder.appendingPathComponent("key.pem")
        let made = Process()
        made.executableURL = URL(fileURLWithPath: openssl)
        made.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.path,
                          "-out", certificate.path, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        made.standardOutput = FileHandle.nullDevice
        made.standardError = FileHandle.nullDevice
        try made.run()
        made.waitUntilExit()
        try #require(made.terminationStatus == 0)

        let server = try LocalSMTPServer(["--tls", certificate.path, key.path, "--auth", "reports:s3cret"])
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("small-orders.csv"), toPath: folder.appendingPathComponent("orders.csv").path)
        try """
        input:
          files: [orders.csv]
        report:
          out: output
        mail:
          to: controlling@acme.example
          from: "Cohort <reports@acme.example>"
          smtp: localhost:\(server.port)
          starttls: true
          user: reports
          ca_file: ca.pem
        """.write(to: folder.appendingPathComponent("cohort.yml"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["report", "--config", folder.appendingPathComponent("cohort.yml").path, "--quiet"],
                                       environment: Self.epoch.merging([Self.passwordVariable: "s3cret"]) { $1 })
        #expect(result.status == 0, "\(result.standardError)")
        let deliveries = try server.deliveries()
        try #require(deliveries.count == 1)
        #expect(deliveries[0].envelope.tls && deliveries[0].envelope.login == "reports")
        #expect(deliveries[0].envelope.rcpt_tos == ["controlling@acme.example"])
        #expect(deliveries[0].message == (try Data(contentsOf: folder.appendingPathComponent("output/2026-03-31/report.eml"))))
    }

    @Test(arguments: [
        (["--mail-to", "controlling@acme.example"], "--mail-to needs --smtp"),
        (["--mail-to", "controlling@acme.example", "--smtp", "localhost:25"], "--smtp needs --mail-from"),
        (["--mail-to", "not an address", "--mail-from", "reports@acme.example", "--smtp", "localhost:25"], "'not an address' is not an email address"),
        (["--mail-to", "controlling@acme.example", "--mail-from", "reports@acme.example", "--smtp", "localhost"], "'localhost' is not an SMTP server"),
        (["--mail-to", "controlling@acme.example", "--mail-from", "reports@acme.example", "--smtp", "localhost:25", "--smtp-user", "reports"],
         "--smtp-user needs COHORT_SMTP_PASSWORD"),
    ])
    func settingsThatCannotWorkAreRefusedBeforeAnythingIsWritten(_ flags: [String], _ message: String) throws {
        let out = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["report", CLIRunner.fixture("small-orders.csv"), "--out", out.path, "--quiet"] + flags,
                                       environment: Self.epoch)
        #expect(result.status == 2)
        let lines = Self.lines(result.standardError)
        #expect(lines.count == 1 && lines.first?.hasPrefix("cohort: error: ") == true && lines.first?.contains(message) == true, "\(lines)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
