import CohortCore
import CohortJob
import CohortMail
import CohortReports
import Foundation
import Testing

/// `mail:` of the configuration and the mail settings of a job: every key to its setting,
/// addresses with and without names, bad values named by file and key, and settings that
/// cannot work together refused with what is missing.
struct MailOptionsTests {
    @Test func everyMailKeySetsItsOption() throws {
        let file = try ReportConfigurationTests.write("""
        mail:
          to: [controlling@acme.example, "Vorstand <board@acme.example>"]
          from: "\\"Muster, Reports\\" <reports@acme.example>"
          smtp: mail.acme.example:587
          starttls: true
          user: reports
          password: s3cret
          ca_file: certificates/acme-ca.pem
        """)
        var options = JobOptions()
        try ReportConfiguration.load(file.path).apply(to: &options)
        #expect(options.mail.to == [try MailAddress("controlling@acme.example"), try MailAddress("board@acme.example", displayName: "Vorstand")])
        #expect(options.mail.from == (try MailAddress("reports@acme.example", displayName: "Muster, Reports")))
        #expect(options.mail.smtp == "mail.acme.example:587")
        #expect(options.mail.startTLS && options.mail.user == "reports" && options.mail.password == "s3cret")
        #expect(options.mail.trustedCertificates == file.deletingLastPathComponent().appendingPathComponent("certificates/acme-ca.pem").path)

        let settings = try #require(try options.mail.smtpSettings())
        #expect(settings.host == "mail.acme.example" && settings.port == 587 && settings.startTLS)
        #expect(settings.credentials?.user == "reports" && settings.credentials?.password == "s3cret")
        #expect(settings.trustedCertificates == options.mail.trustedCertificates)
        try options.mail.check()
    }

    @Test func oneRecipientNeedsNoList() throws {
        let file = try ReportConfigurationTests.write("mail: {to: controlling@acme.example}")
        var options = JobOptions()
        try ReportConfiguration.load(file.path).apply(to: &options)
        #expect(options.mail.to == [try MailAddress("controlling@acme.example")])
        #expect(!options.mail.sends)
    }

    @Test(arguments: [
        ("mail: {to: [ok@acme.example, not-an-address]}", "mail.to", "not-an-address", SettingExpectation.emailAddress),
        ("mail: {from: 'Reports <reports@>'}", "mail.from", "Reports <reports@>", .emailAddress),
        ("mail: {smtp: mail.acme.example}", "mail.smtp", "mail.acme.example", .smtpServer),
        ("mail: {smtp: 'mail.acme.example:99999'}", "mail.smtp", "mail.acme.example:99999", .smtpServer),
    ])
    func aBadValueIsNamedByFileAndKey(_ yaml: String, _ key: String, _ value: String, _ expected: SettingExpectation) throws {
        let file = try ReportConfigurationTests.write(yaml)
        var options = JobOptions()
        #expect(throws: SettingError.invalidValue(file: file.path, key: key, value: value, expected: expected)) {
            try ReportConfiguration.load(file.path).apply(to: &options)
        }
    }

    @Test func addressesAreReadWithOrWithoutAName() throws {
        #expect(try MailOptions.address("reports@acme.example", key: "--mail-from") == MailAddress("reports@acme.example"))
        #expect(try MailOptions.address(" Reports <reports@acme.example> ", key: "--mail-from")
            == MailAddress("reports@acme.example", displayName: "Reports"))
        #expect(try MailOptions.address("\"Müller, Controlling\" <c@acme.example>", key: "--mail-to")
            == MailAddress("c@acme.example", displayName: "Müller, Controlling"))
        #expect(throws: SettingError.invalidValue(file: nil, key: "--mail-to", value: "<c@acme.example", expected: .emailAddress)) {
            try MailOptions.address("<c@acme.example", key: "--mail-to")
        }
    }

    @Test func settingsThatCannotWorkTogetherNameWhatIsMissing() throws {
        let to = [try MailAddress("controlling@acme.example")], from = try MailAddress("reports@acme.example")
        try MailOptions().check()
        try MailOptions(from: from).check() // a sender for the draft, nothing sent
        #expect(throws: SettingError.missing(setting: "--smtp", neededBy: "--mail-to")) { try MailOptions(to: to, from: from).check() }
        #expect(throws: SettingError.missing(setting: "--mail-to", neededBy: "--smtp")) {
            try MailOptions(from: from, smtp: "localhost:25").check()
        }
        #expect(throws: SettingError.missing(setting: "--mail-from", neededBy: "--smtp")) { try MailOptions(to: to, smtp: "localhost:25").check() }
        #expect(throws: SettingError.missing(setting: MailOptions.passwordVariable, neededBy: "--smtp-user")) {
            try MailOptions(to: to, from: from, smtp: "localhost:25", user: "reports").check()
        }
        try MailOptions(to: to, from: from, smtp: "localhost:25", user: "reports", password: "s3cret").check()
    }

    @Test func aJobThatSendsNothingWritesADraftAndRefusesHalfSettingsBeforeReading() throws {
        let folder = try ReportJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = ReportJobTests.options(out: folder)
        options.inputs = [ReportJobTests.root.appendingPathComponent("Tests/Fixtures/small-orders.csv").path]
        options.mail.from = try MailAddress("reports@acme.example")
        let outcome = try ReportJob(options: options).run()
        #expect(outcome.sent == nil)
        let eml = try String(decoding: Data(contentsOf: outcome.folder.appendingPathComponent("report.eml")), as: UTF8.self)
        #expect(eml.contains("\r\nFrom: reports@acme.example\r\n") && eml.contains("\r\nX-Unsent: 1\r\n") && !eml.contains("\r\nTo: "))

        options.mail.to = [try MailAddress("controlling@acme.example")]
        options.out = folder.appendingPathComponent("refused").path
        #expect(throws: SettingError.missing(setting: "--smtp", neededBy: "--mail-to")) { try ReportJob(options: options).run() }
        #expect(!FileManager.default.fileExists(atPath: options.out))
    }
}
