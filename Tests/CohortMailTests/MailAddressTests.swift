import CohortMail
import Testing

struct MailAddressTests {
    @Test(arguments: ["a@b.example", "first.last+tag@sub.example.com", "o'brien@x.example", "x@localhost", "1@2.3"])
    func acceptsPlainAddresses(_ address: String) throws {
        #expect(try MailAddress(address).address == address)
    }

    @Test(arguments: ["", "a", "@b.example", "a@", "a@@b.example", "a@b@c", "a..b@c.example", ".a@c.example",
                      "a.@c.example", "a b@c.example", "\"a b\"@c.example", "a@-b.example", "a@b-.example",
                      "a@b..example", "a@[127.0.0.1]", "jürgen@acme.example", "a@bü.example", "a@b.example\r\nRCPT TO:<x@y>",
                      "<a@b.example>", String(repeating: "a", count: 65) + "@b.example"])
    func refusesOthers(_ address: String) {
        #expect(throws: MailError.invalidAddress(address)) { try MailAddress(address) }
    }

    @Test func splitsIntoLocalPartAndDomain() throws {
        let address = try MailAddress("controlling@acme.example", displayName: "Controlling")
        #expect(address.localPart == "controlling")
        #expect(address.domain == "acme.example")
        #expect(address.description == "Controlling <controlling@acme.example>")
        #expect(try MailAddress("a@b.example", displayName: "").displayName == nil)
    }

    @Test func identifiersAreLeftAtRight() throws {
        #expect(try MailIdentifier("<heatmap@report.cohort>").value == "heatmap@report.cohort")
        #expect(try MailIdentifier("heatmap.png@x").value == "heatmap.png@x")
        for bad in ["heatmap", "a@b@c", "a b@c", "@c", "<a@b", "a@b>"] {
            #expect(throws: MailError.invalidIdentifier(bad)) { try MailIdentifier(bad) }
        }
    }

    @Test func mediaTypesAreTypeSlashSubtype() throws {
        #expect(try Attachment(fileName: "a", mediaType: "Application/PDF", data: .init()).mediaType == "application/pdf")
        for bad in ["pdf", "application/", "/pdf", "a/b/c", "text/plain; charset=x"] {
            #expect(throws: MailError.invalidMediaType(bad)) { try Attachment(fileName: "a", mediaType: bad, data: .init()) }
        }
    }

    @Test func endpointsAreHostColonPort() throws {
        let settings = try SMTPSettings(endpoint: "mail.acme.example:587")
        #expect(settings.host == "mail.acme.example" && settings.port == 587)
        let v6 = try SMTPSettings(endpoint: "[::1]:2525")
        #expect(v6.host == "::1" && v6.port == 2525)
        for bad in ["mail.acme.example", ":25", "host:0", "host:65536", "host:x", "[::1]25", "host: 25"] {
            #expect(throws: MailError.invalidEndpoint(bad)) { try SMTPSettings(endpoint: bad) }
        }
    }
}
