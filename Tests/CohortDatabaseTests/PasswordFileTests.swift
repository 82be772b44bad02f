import CohortDatabase
import Foundation
import Testing

@Suite struct PasswordFileTests {
    let source = try! DatabaseSource(url: "postgresql://shop@db.internal:5432/sales", environment: [:])

    @Test func findsTheFirstMatchingLine() {
        let text = """
            # host:port:database:user:password
            other:5432:sales:shop:wrong
            db.internal:5432:*:shop:right
            *:*:*:*:fallback
            """
        #expect(PasswordFile.password(in: text, for: source) == "right")
        let elsewhere = try! DatabaseSource(url: "postgresql://shop@other:5433/sales", environment: [:])
        #expect(PasswordFile.password(in: text, for: elsewhere) == "fallback")
    }

    @Test func unescapesColonsAndBackslashes() {
        #expect(PasswordFile.password(in: #"db.internal:5432:sales:shop:a\:b\\c"#, for: source) == #"a:b\c"#)
    }

    @Test func matchesASocketConnectionAsLocalhost() throws {
        let socket = try DatabaseSource(url: "postgresql://shop@/sales?host=/tmp", environment: [:])
        #expect(PasswordFile.password(in: "localhost:5432:sales:shop:viaSocket", for: socket) == "viaSocket")
    }

    @Test func prefersPGPASSWORDAndIgnoresAFileOthersCanRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("*:*:*:*:fromFile\n".utf8), attributes: [.posixPermissions: 0o600]))

        #expect(PasswordFile.password(for: source, environment: ["PGPASSFILE": file]) == "fromFile")
        #expect(PasswordFile.password(for: source, environment: ["PGPASSFILE": file, "PGPASSWORD": "fromEnvironment"]) == "fromEnvironment")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(PasswordFile.password(for: source, environment: ["PGPASSFILE": file]) == nil)
    }
}
