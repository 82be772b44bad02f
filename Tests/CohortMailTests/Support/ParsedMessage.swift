import Foundation

/// What Python's `email` package (standard library) reads from a message:
/// `Scripts/parse_message.py`'s JSON.
struct ParsedMessage: Decodable {
    struct File: Decodable {
        var type: String
        var filename: String?
        var content_id: String?
        var data: String

        var bytes: Data { Data(base64Encoded: data)! }
    }

    var structure: String
    var subject: String
    var from: [String]
    var to: [String]
    var to_addresses: [String]
    var date: String?
    var message_id: String?
    var mime_version: String?
    var text: String?
    var html: String?
    var inline: [File]
    var attachments: [File]
    var defects: [String]

    /// Writes `message` to a temporary file and parses it with any python3.
    static func parse(_ message: Data) throws -> ParsedMessage {
        guard let python = Python.interpreter() else { throw TestEnvironmentError.missing("python3") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-mail-\(UUID().uuidString).eml")
        try message.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Command.run(python, [Python.script("parse_message.py"), file.path])
        guard result.status == 0 else { throw TestEnvironmentError.failed("parse_message.py", result.standardError) }
        return try JSONDecoder().decode(ParsedMessage.self, from: result.standardOutput)
    }
}

