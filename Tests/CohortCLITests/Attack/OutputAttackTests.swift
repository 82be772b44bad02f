import Foundation
import Testing

/// Attacks on the output side (issue 19, item 4 and the second half of item 5): every case ends
/// with its exit status, exactly one line on standard error, and nothing outside the target
/// changed (files outside are compared byte for byte, links and devices stay what they were).
@Suite(.serialized)
struct OutputAttackTests {
    static let orders = CLIRunner.fixture("small-orders.csv")

    /// The lines `result` printed on standard error.
    static func errorLines(_ result: CLIRunner.Result) -> [Substring] {
        result.standardError.split(separator: "\n")
    }

    /// What is at `path` without following a link: "file", "folder", "link", "fifo", "device", or nil.
    static func kind(_ path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return "file"
        case S_IFDIR: return "folder"
        case S_IFLNK: return "link"
        case S_IFIFO: return "fifo"
        case S_IFCHR, S_IFBLK: return "device"
        default: return "other"
        }
    }

    /// A folder outside the target with one file whose bytes a test checks afterwards.
    static func outside() throws -> (folder: URL, file: String, bytes: Data) {
        let folder = try CLIRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("precious.txt").path
        let bytes = Data("do not touch\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: file))
        return (folder, file, bytes)
    }

    /// Runs `cohort` with standard output sent to `output` (a file handle) and standard error captured.
    static func run(_ arguments: [String], standardOutput output: FileHandle) throws -> (status: Int32, standardError: String) {
        try run(executable: CLIRunner.productsDirectory.appendingPathComponent("cohort").path, arguments, standardOutput: output)
    }

    /// Runs `cohort arguments | reader` in bash with `pipefail`: the status is cohort's unless the reader fails
    /// (141 if cohort died of SIGPIPE); standard error is cohort's.
    static func run(_ arguments: [String], pipedInto reader: String) throws -> (status: Int32, standardError: String) {
        let cohort = CLIRunner.productsDirectory.appendingPathComponent("cohort").path
        return try run(executable: "/bin/bash", ["-c", "set -o pipefail; \"$0\" \"$@\" | \(reader)", cohort] + arguments,
                       standardOutput: FileHandle.nullDevice)
    }

    private static func run(executable: String, _ arguments: [String], standardOutput output: FileHandle) throws -> (status: Int32, standardError: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errorData, as: UTF8.self))
    }

    // MARK: --out FILE

    @Test func outToADeviceIsRefusedAndTheDeviceStays() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // As root a device of our own (the null device's numbers) stands in for /dev/null; others cannot replace /dev/null anyway.
        var device = folder.appendingPathComponent("null").path
        if geteuid() != 0 || mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) != 0 { device = "/dev/null" } // dev_t of makedev(1, 3)
        for command in [["kpis", Self.orders, "--format", "csv", "--out", device], ["chart", Self.orders, "--out", device],
                        ["sample", "--customers", "10", "--out", device], ["survival", Self.orders, "--format", "csv", "--out", device],
                        ["customers", Self.orders, "--format", "csv", "--out", device], ["init", "--force", "--out", device],
                        ["sample", "--customers", "10", "--contracts", device, "--out", folder.appendingPathComponent("orders.csv").path]] {
            let result = try CLIRunner.run(command)
            #expect(result.status == 2, "\(command[0]): \(result.standardError)")
            #expect(Self.errorLines(result).count == 1, "\(command[0]): \(result.standardError)")
            #expect(result.standardError.contains("\(device): it is a device"), "\(command[0]): \(result.standardError)")
            #expect(Self.kind(device) == "device")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "null" } == [])
    }

    @Test func outToAPipeAFolderOrALinkIsRefusedAndLeftAsItWas() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let outside = try Self.outside()
        defer { for url in [folder, outside.folder] { try? FileManager.default.removeItem(at: url) } }
        let fifo = folder.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let subfolder = folder.appendingPathComponent("folder.csv")
        try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: false)
        try Data("inside\n".utf8).write(to: subfolder.appendingPathComponent("inside.txt"))
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside.file)
        for (target, kind, words) in [(fifo, "fifo", "a pipe"), (subfolder.path, "folder", "a folder"), (link, "link", "a symbolic link")] {
            let result = try CLIRunner.run(["matrix", Self.orders, "--format", "csv", "--out", target])
            #expect(result.status == 2, "\(kind): \(result.standardError)")
            #expect(Self.errorLines(result).count == 1, "\(kind): \(result.standardError)")
            #expect(result.standardError.contains("it is \(words)"), "\(kind): \(result.standardError)")
            #expect(Self.kind(target) == kind)
        }
        #expect(FileManager.default.contents(atPath: outside.file) == outside.bytes)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == outside.file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: subfolder.path) == ["inside.txt"])
        // Nothing written aside was left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["folder.csv", "link.csv", "pipe.csv"])
    }

    // MARK: The report folder and --publish

    /// The period folder `--publish` makes of the small fixture, learnt from a run into a scratch folder.
    static func publishedPeriod() throws -> String {
        let scratch = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try CLIRunner.run(["report", Self.orders, "--out", scratch.appendingPathComponent("out").path,
                                        "--publish", scratch.appendingPathComponent("pub").path])
        #expect(result.status == 0, "\(result.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("pub").path)
        return try #require(names.first { $0 != "index.html" && !$0.hasPrefix(".") })
    }

    @Test func linksPlantedWhereThePublishedFilesGoChangeNothingOutside() throws {
        let period = try Self.publishedPeriod()
        let folder = try CLIRunner.temporaryDirectory()
        let outside = try Self.outside()
        defer { for url in [folder, outside.folder] { try? FileManager.default.removeItem(at: url) } }
        let publish = folder.appendingPathComponent("pub"), out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: publish, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // index.html as a link to a file outside; the period folder and the report folder as links to the folder outside;
        // leftovers of a "killed run" that are links into the folder outside.
        let plants = [(publish.appendingPathComponent("index.html").path, outside.file),
                      (publish.appendingPathComponent(".index.html.partial-\(getpid())").path, outside.file),
                      (publish.appendingPathComponent(".\(period).partial-1234").path, outside.folder.path),
                      (out.appendingPathComponent(".2026-03-31.partial-1234").path, outside.folder.path)]
        for (link, target) in plants { try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target) }
        // 1. index.html is a link: the report folder is built (past the leftover link beside it), publishing is refused.
        let first = try CLIRunner.run(["report", Self.orders, "--out", out.path, "--publish", publish.path])
        #expect(first.status == 2, "\(first.standardError)")
        #expect(Self.errorLines(first).count == 1, "\(first.standardError)")
        #expect(first.standardError.contains("index.html: it is a symbolic link"), "\(first.standardError)")
        try FileManager.default.removeItem(atPath: plants[0].0)
        // 2. The report folder is a link.
        let report = out.appendingPathComponent("2026-03-31").path
        try FileManager.default.removeItem(atPath: report)
        try FileManager.default.createSymbolicLink(atPath: report, withDestinationPath: outside.folder.path)
        let second = try CLIRunner.run(["report", Self.orders, "--out", out.path, "--publish", publish.path])
        #expect(second.status == 2, "\(second.standardError)")
        #expect(Self.errorLines(second).count == 1, "\(second.standardError)")
        #expect(second.standardError.contains("2026-03-31: it is a symbolic link"), "\(second.standardError)")
        // 3. The period folder is a link.
        try FileManager.default.removeItem(atPath: report)
        try FileManager.default.createSymbolicLink(atPath: publish.appendingPathComponent(period).path, withDestinationPath: outside.folder.path)
        let third = try CLIRunner.run(["report", Self.orders, "--out", out.path, "--publish", publish.path])
        #expect(third.status == 2, "\(third.standardError)")
        #expect(Self.errorLines(third).count == 1, "\(third.standardError)")
        #expect(third.standardError.contains("\(period): it is a symbolic link"), "\(third.standardError)")
        // Outside: the same one file with the same bytes; every link still a link.
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.folder.path) == ["precious.txt"])
        #expect(FileManager.default.contents(atPath: outside.file) == outside.bytes)
        for (link, _) in plants.dropFirst() { #expect(Self.kind(link) == "link", "\(link)") }
        #expect(Self.kind(publish.appendingPathComponent(period).path) == "link")
    }

    @Test func aUsersFileWherePeriodFolderGoesIsRefusedAndKept() throws {
        let period = try Self.publishedPeriod()
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let publish = folder.appendingPathComponent("pub")
        try FileManager.default.createDirectory(at: publish, withIntermediateDirectories: true)
        let users = publish.appendingPathComponent(period).path, bytes = Data("my notes\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: users))
        let result = try CLIRunner.run(["report", Self.orders, "--out", folder.appendingPathComponent("out").path, "--publish", publish.path])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(Self.errorLines(result).count == 1, "\(result.standardError)")
        #expect(result.standardError.contains("\(users): it exists and was not written by cohort"), "\(result.standardError)")
        #expect(FileManager.default.contents(atPath: users) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: publish.path) == [period])
        // A user's folder there is refused too, and a user's index.html in a folder without reports is not replaced.
        try FileManager.default.removeItem(atPath: users)
        try FileManager.default.createDirectory(atPath: users, withIntermediateDirectories: false)
        #expect(try CLIRunner.run(["report", Self.orders, "--out", folder.appendingPathComponent("out").path, "--publish", publish.path]).status == 2)
        try FileManager.default.removeItem(atPath: users)
        let index = publish.appendingPathComponent("index.html").path
        try bytes.write(to: URL(fileURLWithPath: index))
        let again = try CLIRunner.run(["report", Self.orders, "--out", folder.appendingPathComponent("out").path, "--publish", publish.path])
        #expect(again.status == 2 && again.standardError.contains("index.html: it exists and was not written by cohort"), "\(again.standardError)")
        #expect(FileManager.default.contents(atPath: index) == bytes)
    }

    @Test func republishingReplacesCohortsOwnFolderAndIndex() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["report", Self.orders, "--out", folder.appendingPathComponent("out").path, "--publish", folder.appendingPathComponent("pub").path]
        for run in 1 ... 2 {
            let result = try CLIRunner.run(arguments)
            #expect(result.status == 0, "run \(run): \(result.standardError)")
        }
        let published = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("pub").path).sorted()
        #expect(published.count == 2 && published.contains("index.html"), "\(published)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == ["2026-03-31"])
    }

    // MARK: Write errors

    @Test func aFullDiskIsOneLineWithStatus1() throws {
        let full = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        for command in [["kpis", Self.orders], ["sample", "--customers", "10"]] {
            let result = try Self.run(command, standardOutput: full)
            #expect(result.status == 1, "\(command[0]): \(result.standardError)")
            #expect(result.standardError == "cohort: error: cannot write standard output: no space left on the device\n")
        }
        let german = try Self.run(["kpis", Self.orders, "--locale", "de"], standardOutput: full)
        #expect(german.status == 1 && german.standardError.contains("Standardausgabe") && german.standardError.contains("kein Platz"))
    }

    @Test func aReaderThatStopsEndsTheCommandQuietly() throws {
        // `true` goes before reading anything, `head -c 1` after one byte of a long output: both close the pipe early.
        for (command, reader) in [(["kpis", Self.orders], "true"), (["kpis", Self.orders], "head -1"), (["sample", "--customers", "2000"], "head -c 1"),
                                  (["matrix", Self.orders, "--format", "csv"], "true")] {
            let result = try Self.run(command, pipedInto: reader)
            #expect(result.status == 0, "\(command[0]) | \(reader): \(result.standardError)")
            #expect(result.standardError.isEmpty, "\(command[0]) | \(reader): \(result.standardError)")
        }
    }

    /// Root writes where permissions forbid it, so as root the read-only target is in /sys, where nobody may make files.
    @Test func aReadOnlyFolderIsOneLineNamingThePath() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { chmod(folder.path, 0o755); try? FileManager.default.removeItem(at: folder) }
        let readOnly: String
        if geteuid() == 0 {
            readOnly = "/sys"
        } else {
            readOnly = folder.appendingPathComponent("locked").path
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
            chmod(readOnly, 0o555)
        }
        let file = readOnly + "/kpis.csv"
        let result = try CLIRunner.run(["kpis", Self.orders, "--format", "csv", "--out", file])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(Self.errorLines(result).count == 1, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("cohort: error: cannot write \(file): "), "\(result.standardError)")
        let report = try CLIRunner.run(["report", Self.orders, "--out", readOnly])
        #expect(report.status == 1, "\(report.standardError)")
        #expect(Self.errorLines(report).count == 1, "\(report.standardError)")
        #expect(report.standardError.contains("cannot write \(readOnly)/2026-03-31: "), "\(report.standardError)")
    }

    // MARK: Settings

    @Test func anUnknownConfigurationKeyIsAnErrorWithItsLineAndTheNearestKey() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = folder.appendingPathComponent("cohort.yml")
        try "input:\n  files: [\"\(Self.orders)\"]\nreport:\n  currncy: USD\n".write(to: configuration, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["report", "--config", configuration.path, "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError == "cohort: error: \(configuration.path):4: unknown key 'report.currncy' (did you mean 'currency'?)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        // A misspelt section and a misspelt target key, in German.
        try "analysys:\n  period: month\n".write(to: configuration, atomically: true, encoding: .utf8)
        let section = try CLIRunner.run(["report", "--config", configuration.path, "--locale", "de"])
        #expect(section.standardError == "cohort: error: \(configuration.path):1: unbekannter Schlüssel 'analysys' (gemeint: 'analysis'?)\n")
        try "targets:\n  churn_rat: 0.05\n".write(to: configuration, atomically: true, encoding: .utf8)
        let target = try CLIRunner.run(["report", "--config", configuration.path])
        #expect(target.standardError.contains(":2: unknown key 'targets.churn_rat' (did you mean 'churn_rate'?)"), "\(target.standardError)")
    }

    @Test func targetsMustBeFiniteNumbersInTheirRange() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for pair in ["churn_rate=nan", "churn_rate=inf", "churn_rate=1.5", "customers_kept=-0.1", "revenue=-5", "nrr=1200%"] {
            for command in ["report", "summary"] {
                let result = try CLIRunner.run([command, Self.orders, "--target", pair, "--out", folder.path].filter { command == "report" || $0 != "--out" && $0 != folder.path })
                #expect(result.status == 2, "\(command) \(pair): \(result.standardError)")
                #expect(Self.errorLines(result).count == 1, "\(command) \(pair): \(result.standardError)")
                #expect(result.standardError.contains("is not a target"), "\(command) \(pair): \(result.standardError)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        // A percentage is read as the fraction: 95% is 0.95.
        #expect(try CLIRunner.run(["summary", Self.orders, "--target", "customers_kept=95%"]).status == 0)
        // In the configuration: YAML's .nan.
        let configuration = folder.appendingPathComponent("cohort.yml")
        try "input:\n  files: [\"\(Self.orders)\"]\ntargets:\n  churn_rate: .nan\n".write(to: configuration, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["report", "--config", configuration.path, "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("cohort: error: \(configuration.path): 'targets.churn_rate': 'nan' is not a target"), "\(result.standardError)")
    }

    // MARK: Templates

    @Test func aTemplateThatIncludesItselfIsOneLineNotACrash() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let own = templates.appendingPathComponent("report.md.mustache")
        try "# {{title}}\n{{#sections}}{{> report.md}}{{/sections}}\n".write(to: own, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["report", Self.orders, "--templates", templates.path, "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError == "cohort: error: template \(own.path) includes itself (report.md → report.md); remove the partial {{> report.md}}\n")
        // Round two templates, with changed delimiters.
        try "{{=<% %>=}}<%> report.html%>\n".write(to: own, atomically: true, encoding: .utf8)
        try "<html>{{> report.md}}</html>\n".write(to: templates.appendingPathComponent("report.html.mustache"), atomically: true, encoding: .utf8)
        let round = try CLIRunner.run(["report", Self.orders, "--templates", templates.path, "--out", folder.appendingPathComponent("out").path])
        #expect(round.status == 2, "\(round.standardError)")
        #expect(Self.errorLines(round).count == 1 && round.standardError.contains("includes itself"), "\(round.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
