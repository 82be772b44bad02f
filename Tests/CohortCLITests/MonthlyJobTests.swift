import Foundation
import Testing

/// The monthly job: reproducible output, the Markdown golden file, configuration files, publishing.
struct MonthlyJobTests {
    static let epoch = ["SOURCE_DATE_EPOCH": "1767225600"] // 2026-01-01 00:00 UTC

    /// Every file below `folder`, by relative path.
    private func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            let path = String(url.path.dropFirst(folder.path.count + 1))
            if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath { files[path] = data }
        }
        return files
    }

    @Test func sameInputGivesByteIdenticalReports() throws {
        let first = try CLIRunner.temporaryDirectory(), second = try CLIRunner.temporaryDirectory()
        for folder in [first, second] {
            let result = try CLIRunner.run(["report", CLIRunner.fixture("small-orders.csv"), "--out", folder.path], environment: Self.epoch)
            #expect(result.status == 0)
        }
        let a = try contents(of: first), b = try contents(of: second)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.count >= 14) // 5 documents + 8 PNGs + the PDF
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between two runs") }
        // The PDF is dated as the report: SOURCE_DATE_EPOCH 1767225600 is 2026-01-01 00:00:00 UTC.
        let pdf = try #require(a.first { $0.key.hasSuffix("report.pdf") }?.value)
        #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (20260101000000Z)"))
    }

    /// report.md of the small fixture, reviewed by eye once; regenerate with COHORT_RECORD_SNAPSHOTS=1.
    @Test func markdownReportMatchesItsApprovedVersion() throws {
        let folder = try CLIRunner.temporaryDirectory()
        #expect(try CLIRunner.run(["report", CLIRunner.fixture("small-orders.csv"), "--out", folder.path], environment: Self.epoch).status == 0)
        let rendered = try String(contentsOf: folder.appendingPathComponent("2026-03-31/report.md"), encoding: .utf8)
        let golden = URL(fileURLWithPath: CLIRunner.fixture("golden/small-report.md"))
        if ProcessInfo.processInfo.environment["COHORT_RECORD_SNAPSHOTS"] == "1" {
            try rendered.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let approved = try String(contentsOf: golden, encoding: .utf8)
        #expect(rendered == approved)
    }

    @Test func configurationFileRunsTheJobAndFlagsWin() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("small-orders.csv"), toPath: data.appendingPathComponent("orders.csv").path)
        try """
        input:
          files: [data/orders.csv]
        analysis:
          churn_window: 3
        targets:
          churn_rate: 0.05
        report:
          locale: de
          company: Muster GmbH
          out: reports
        publish:
          folder: intranet
        """.write(to: folder.appendingPathComponent("cohort.yml"), atomically: true, encoding: .utf8)
        // Run from elsewhere: paths are relative to the configuration file; --locale en overrides it.
        let result = try CLIRunner.run(["report", "--config", folder.appendingPathComponent("cohort.yml").path, "--locale", "en"])
        #expect(result.status == 0, "\(result.standardError)")
        let markdown = try String(contentsOf: folder.appendingPathComponent("reports/2026-03-31/report.md"), encoding: .utf8)
        #expect(markdown.contains("# Cohort report March 2026 · Muster GmbH"))
        #expect(markdown.contains("churn window 3"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("intranet/2026-03/report.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("intranet/index.html").path))
    }

    @Test func badConfigurationIsOneLineNamingTheFile() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let config = folder.appendingPathComponent("bad.yml")
        try "analysis:\n  churn_window: three\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["report", "--config", config.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("bad.yml"))
        #expect(result.standardError.contains("churn_window"))
    }

    @Test func initWritesAConfigurationThatRuns() throws {
        let folder = try CLIRunner.temporaryDirectory()
        #expect(try CLIRunner.run(["init"], currentDirectory: folder).status == 0)
        let config = try String(contentsOf: folder.appendingPathComponent("cohort.yml"), encoding: .utf8)
        #expect(config.contains("churn_window: auto"))
        #expect(try CLIRunner.run(["init"], currentDirectory: folder).status == 2) // no silent overwrite
        let result = try CLIRunner.run(["report", "--config", "cohort.yml", CLIRunner.fixture("small-orders.csv")], currentDirectory: folder)
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func aRefusedInputLeavesThePublishedFolderAsItWas() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let publish = folder.appendingPathComponent("intranet").path
        #expect(try CLIRunner.run(["report", CLIRunner.fixture("small-orders.csv"), "--out", folder.appendingPathComponent("out").path,
                                   "--publish", publish]).status == 0)
        let before = try contents(of: URL(fileURLWithPath: publish))
        let failed = try CLIRunner.run(["report", CLIRunner.fixture("german-orders.csv"), "--publish", publish,
                                        "--out", folder.appendingPathComponent("out").path])
        #expect(failed.status == 2)
        #expect(try contents(of: URL(fileURLWithPath: publish)) == before)
    }

    /// Kills publishing runs at different moments: the folder always holds whole reports only.
    @Test func killedRunsNeverLeaveHalfAReport() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let orders = folder.appendingPathComponent("orders.csv").path
        #expect(try CLIRunner.run(["sample", "--customers", "3000", "--out", orders]).status == 0)
        let publish = folder.appendingPathComponent("intranet")
        let arguments = ["report", orders, "--out", folder.appendingPathComponent("out").path, "--publish", publish.path]
        #expect(try CLIRunner.run(arguments).status == 0)
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8, 1.2] {
            let process = try CLIRunner.start(arguments)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let visible = try FileManager.default.contentsOfDirectory(atPath: publish.path).filter { !$0.hasPrefix(".") }.sorted()
            #expect(visible == ["2026-10", "index.html"], "after a kill at \(delay) s: \(visible)")
            for file in ["report.html", "report.md", "analysis.json", "charts/charts.pdf", "charts/retention.png"] {
                #expect(FileManager.default.fileExists(atPath: publish.appendingPathComponent("2026-10/\(file)").path),
                        "2026-10/\(file) missing after a kill at \(delay) s")
            }
            let index = try String(contentsOf: publish.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(index.hasSuffix("</html>\n"))
        }
    }
}
