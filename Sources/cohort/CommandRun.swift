import ArgumentParser
import CohortCharts
import CohortCore
import CohortExcel
import CohortDatabase
import CohortIngest
import CohortJob
import CohortReports
import CohortVocabulary
import Foundation

/// Runs a command's work with a progress bar on standard error (a terminal only, unless
/// `quiet`), prints the job's warnings, and turns every failure into one line in the
/// command's language and an exit status: 2 for bad input or settings, 1 when the tool or
/// the environment failed.
struct CommandRun {
    let language: Language
    let quiet: Bool

    var words: any Vocabulary { language.words }

    /// For commands that read no data: messages in the environment's language, no progress bar.
    static var inEnvironmentLanguage: CommandRun {
        CommandRun(language: Language.fromEnvironment(ProcessInfo.processInfo.environment), quiet: true)
    }

    /// `body` gets the job's event handler; its errors end the command.
    func callAsFunction<T>(_ body: (@escaping @Sendable (JobEvent) -> Void) throws -> T) throws -> T {
        let progress = ProgressIndicator.start(quiet: quiet, phase: "Reading")
        defer { progress?.finish() }
        let words = self.words
        let events: @Sendable (JobEvent) -> Void = { event in
            switch event {
            case .phase(let phase): progress?.begin(Self.name(of: phase))
            case .bytesRead(let done, let total): progress?.update(done: done, total: total)
            case .warning(let warning): Terminal.warn(words.describe(warning))
            case .rowsSkipped(let count, let read, let first): Terminal.warn(words.rowsSkipped(count, of: read, first: first))
            }
        }
        return try failingCleanly { try body(events) }
    }

    /// Runs `body`; prints a known error as one line and exits with its status instead of a stack trace.
    func failingCleanly<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as IngestError {
            Terminal.error(words.describe(error))
            throw ExitCode(2)
        } catch let error as AnalysisError {
            Terminal.error(words.describe(error))
            throw ExitCode(2)
        } catch let error as SettingError {
            Terminal.error(words.describe(error))
            throw ExitCode(2)
        } catch let error as AnalysisFileError {
            Terminal.error(words.describe(error))
            throw ExitCode(2)
        } catch let error as ContractError {
            Terminal.error(words.describe(error))
            throw ExitCode(2)
        } catch let error as DatabaseError {
            Terminal.error(words.describe(error))
            throw ExitCode(error.isBadInput ? 2 : 1)
        } catch let error as MailDeliveryError {
            let folder = error.folder.relativePath + "/"
            Terminal.error(words.mailNotSent(server: error.server, reason: words.describe(error.reason), folder: folder))
            throw ExitCode(1)
        } catch let error as OutputError {
            Terminal.error(words.describe(error))
            throw ExitCode(error.isRefusal ? 2 : 1)
        } catch let error as ConfigurationError {
            Terminal.error(words.describe(error))
            throw ExitCode(2)
        } catch let error as ReportError {
            Terminal.error(error.description)
            throw ExitCode(1)
        } catch let error as ChartError {
            Terminal.error(error.description)
            throw ExitCode(1)
        } catch let error as ExcelError {
            Terminal.error(words.describe(error))
            throw ExitCode(1)
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error // ArgumentParser prints it with the usage line
        } catch let error as CocoaError {
            Terminal.error(error.localizedDescription)
            throw ExitCode(1)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(1)
        }
    }

    private static func name(of phase: JobPhase) -> String {
        switch phase {
        case .reading: return "Reading"
        case .analysing: return "Analysing"
        case .drawing: return "Drawing"
        case .writing: return "Writing"
        case .sending: return "Sending"
        }
    }
}

extension JobTimings {
    /// "read 17176 rows 0.041 s · analyse 0.012 s · ... · total 0.203 s" (for `--timings`).
    var summary: String {
        func name(_ step: Step) -> String {
            switch step {
            case .read(let rows): return "read \(rows) rows"
            case .analyse: return "analyse"
            case .charts(let count): return "\(count) charts (PNG, SVG, PDF)"
            case .documents: return "report.html, report.md, CSV, JSON"
            case .write: return "write"
            }
        }
        return (laps.map { (name($0.step), $0.seconds) } + [("total", total)])
            .map { "\($0.0) \(String(format: "%.3f", $0.1)) s" }.joined(separator: " · ")
    }
}
