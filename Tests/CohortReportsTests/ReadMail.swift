import Foundation

/// What Python's standard `email` package reads from a message (`Scripts/read_mail.py`):
/// independent of the Swift code that wrote it.
struct ReadMail: Decodable {
    struct Image: Decodable {
        var type: String
        var filename: String?
        var content_id: String?
        /// Width and height from the PNG header; nil when the part is not a PNG.
        var size: [Int]?
        var bytes: Int
    }

    struct File: Decodable {
        var type: String
        var filename: String?
        var data: String

        var bytes: Data { Data(base64Encoded: data) ?? Data() }
    }

    var structure: String
    var subject: String
    var from: [String]
    var from_names: [String]
    var to: [String]
    var x_unsent: String?
    var date: String?
    var message_id: String?
    var text: String?
    var html: String
    /// The visible text of the HTML, whitespace collapsed, entities decoded.
    var html_text: String
    var html_lang: String?
    /// Every src, href and background of the HTML.
    var html_urls: [String]
    var html_tags: [String]
    var images: [Image]
    var attachments: [File]
    var defects: [String]

    enum Failure: Error, CustomStringConvertible {
        case noPython
        case failed(String)

        var description: String {
            switch self {
            case .noPython: return "no python3 to read the message with"
            case .failed(let output): return "read_mail.py failed: \(output)"
            }
        }
    }

    /// `Tests/CohortReportsTests/Scripts/read_mail.py`.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Scripts/read_mail.py").path

    /// Reads `message` with any python3 (Debian's first).
    static func read(_ message: Data) throws -> ReadMail {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/bin/python3"] + path.split(separator: ":").map { "\($0)/python3" }
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { throw Failure.noPython }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-mail-\(UUID().uuidString).eml")
        try message.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.failed(String(decoding: problem, as: UTF8.self)) }
        return try JSONDecoder().decode(ReadMail.self, from: data)
    }
}
