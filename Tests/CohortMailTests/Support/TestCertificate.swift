import Foundation

/// A throwaway self-signed certificate, by default for `localhost` and 127.0.0.1, made with openssl.
struct TestCertificate {
    static let opensslPath = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    let folder: URL
    var certificate: String { folder.appendingPathComponent("cert.pem").path }
    var key: String { folder.appendingPathComponent("key.pem").path }

    init(subjectAlternativeNames: String = "DNS:localhost,IP:127.0.0.1") throws {
        guard let openssl = Self.opensslPath else { throw TestEnvironmentError.missing("openssl") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try Command.run(openssl, [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", folder.appendingPathComponent("key.pem").path,
            "-out", folder.appendingPathComponent("cert.pem").path,
            "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=\(subjectAlternativeNames)",
        ])
        guard result.status == 0 else { throw TestEnvironmentError.failed("openssl req", result.standardError) }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
