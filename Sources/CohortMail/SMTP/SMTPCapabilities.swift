/// What a server offers in its EHLO reply (RFC 5321 §4.1.1.1): one keyword a line after the
/// greeting line, with parameters.
///
///     250-mail.example
///     250-SIZE 10240000
///     250-AUTH PLAIN LOGIN
///     250 STARTTLS
struct SMTPCapabilities: Equatable {
    var startTLS = false
    /// Upper-case mechanism names, as offered.
    var authenticationMechanisms: [String] = []
    /// The announced maximum message size; nil when there is none (or `SIZE 0`).
    var sizeLimit: Int?
    /// Whether the server took EHLO at all (false after the HELO fallback: no extensions).
    var extended = false

    init() {}

    init(ehloReply reply: SMTPReply) {
        extended = true
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            switch keyword {
            case "STARTTLS":
                startTLS = true
            case "AUTH":
                for mechanism in words.dropFirst() where !authenticationMechanisms.contains(mechanism) {
                    authenticationMechanisms.append(mechanism)
                }
            case "SIZE":
                if words.count > 1, let limit = Int(words[1]), limit > 0 { sizeLimit = limit }
                else { sizeLimit = nil }
            default:
                break
            }
        }
    }
}
