import CohortCore
import CohortJob
import CohortReports
import CohortVocabulary
import Foundation
import Testing

/// The job as a library: a whole run, a report rendered again from its analysis.json, and
/// what refuses to run.
struct ReportJobTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-job-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func options(out: URL, language: Language = .english) -> JobOptions {
        var options = JobOptions(inputs: [root.appendingPathComponent("examples/orders.csv").path], out: out.path)
        options.look.language = language
        options.look.company = "Muster GmbH"
        options.generatedAt = Date(timeIntervalSince1970: 1_767_225_600)
        return options
    }

    /// Every file of a folder, by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test(arguments: [Language.english, .german])
    func aReportFromItsAnalysisJSONIsByteIdentical(_ language: Language) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let direct = try ReportJob(options: Self.options(out: folder.appendingPathComponent("direct"), language: language)).run()
        let json = direct.folder.appendingPathComponent("analysis.json").path
        let again = try ReportJob(options: Self.options(out: folder.appendingPathComponent("again"), language: language))
            .report(fromAnalysisAt: json)
        let first = try Self.files(in: direct.folder), second = try Self.files(in: again.folder)
        #expect(first.keys.sorted() == second.keys.sorted())
        #expect(first.keys.contains("report.pdf") && first.keys.contains("charts/retention.png") && first.keys.contains("kpis.csv"))
        // The customer lists are not in analysis.json (it keeps the first 100 of each): they are copied from its folder.
        #expect(first.keys.contains("at-risk.csv") && first.keys.contains("lost.csv"))
        for (path, data) in first {
            #expect(second[path] == data, "\(path) differs")
        }
    }

    @Test func aNewerAnalysisJSONIsRefusedByName() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = Self.options(out: folder)
        options.inputs = [Self.root.appendingPathComponent("Tests/Fixtures/small-orders.csv").path]
        let outcome = try ReportJob(options: options).run()
        var json = try String(contentsOf: outcome.folder.appendingPathComponent("analysis.json"), encoding: .utf8)
        json = json.replacingOccurrences(of: "\"schemaVersion\" : \(CohortAnalysis.schemaVersion)", with: "\"schemaVersion\" : 99")
        #expect(throws: AnalysisFileError.schemaVersion(found: 99, supported: CohortAnalysis.schemaVersion)) {
            try AnalysisJSON.decode(Data(json.utf8))
        }
        #expect(Language.english.words.describe(AnalysisFileError.schemaVersion(found: 99, supported: 2))
            == "the analysis was written by a newer cohort (layout 99; this one reads 2); update cohort or run the report from the orders")
    }

    /// Read into a table (`sumsFromBytes` `Int.max`) or into sums (0): the same events.
    @Test(arguments: [Int.max, 0])
    func eventsTellOfPhasesWarningsAndSkippedRows(sumsFromBytes: Int) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // german-orders.csv has 4 unreadable rows of 7: allow them, and hear of them.
        var options = Self.options(out: folder)
        options.sumsFromBytes = sumsFromBytes
        options.inputs = [Self.root.appendingPathComponent("Tests/Fixtures/german-orders.csv").path]
        options.maxRejectedPercent = 100
        let heard = Heard()
        var timings = JobTimings()
        let analysis = try ReportJob(options: options, events: { heard.add($0) }).analyse(timings: &timings)
        #expect(analysis.input.rowsRejected == 4)
        #expect(heard.skipped == [4])
        #expect(heard.phases == [.reading, .analysing])
        #expect(timings.laps.map(\.step) == [.read(rows: 7), .analyse])
    }

    @Test func tooManyUnreadableRowsStopTheRunBeforeAnythingIsWritten() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = Self.options(out: folder.appendingPathComponent("out"))
        options.inputs = [Self.root.appendingPathComponent("Tests/Fixtures/german-orders.csv").path]
        #expect(throws: (any Error).self) { try ReportJob(options: options).run() }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func anAnalysisWithoutKPIsStillRendersAReport() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = Self.options(out: folder)
        options.inputs = [Self.root.appendingPathComponent("Tests/Fixtures/small-orders.csv").path]
        var timings = JobTimings()
        let matrices = try ReportJob(options: options).analyse(includesKPIs: false, timings: &timings)
        #expect(matrices.headlineKPIs == nil)
        let outcome = try ReportJob(options: options).report(from: matrices)
        #expect(FileManager.default.fileExists(atPath: outcome.folder.appendingPathComponent("report.html").path))
    }
}

/// Events heard from the job (from more than one thread).
private final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var phases: [JobPhase] = []
    private(set) var skipped: [Int] = []

    func add(_ event: JobEvent) {
        lock.withLock {
            switch event {
            case .phase(let phase): phases.append(phase)
            case .rowsSkipped(let count, _, _): skipped.append(count)
            case .bytesRead, .warning: break
            }
        }
    }
}
