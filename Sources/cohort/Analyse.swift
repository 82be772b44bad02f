import ArgumentParser
import CohortCharts
import CohortCore
import CohortIngest
import CohortReports
import Foundation

/// Reads the input and analyses it, turning every user-facing failure into one line on
/// standard error and exit status 2 (bad input), or 1 (the tool or the environment failed).
/// A progress bar is drawn on standard error while it runs, unless `quiet` (see `ProgressIndicator`).
/// `includesKPIs: false` skips the period KPIs (for `cohort matrix`); `currency` is the currency
/// the command shows money in (`--currency`), so that amounts marked with another are warned of.
func analyse(_ input: InputOptions, _ flags: AnalysisFlags, quiet: Bool = false, includesKPIs: Bool = true,
             currency: String? = nil, stopwatch: Stopwatch? = nil) throws -> (CohortAnalysis, OrderReadResult) {
    let progress = ProgressIndicator.start(quiet: quiet, phase: "Reading")
    defer { progress?.finish() }
    var bytesRead: (@Sendable (Int, Int) -> Void)?
    if let progress {
        bytesRead = { @Sendable done, total in progress.update(done: done, total: total) }
    }
    return try failingCleanly {
        let result = try input.read(currency: currency, progress: bytesRead)
        progress?.begin("Analysing")
        stopwatch?.lap("read \(result.rowsRead) rows")
        if !result.rejected.isEmpty {
            Terminal.warn("\(result.rejected.count) of \(result.rowsRead) rows could not be read and were skipped; first: \(result.rejected[0])")
        }
        let analysis = try CohortAnalysis(table: result.table, options: flags.options, input: result.inputSummary,
                                          includesKPIs: includesKPIs)
        stopwatch?.lap("analyse")
        return (analysis, result)
    }
}

/// Wall-clock time of each phase of a command, printed on standard error with `--timings`.
final class Stopwatch {
    private var last = DispatchTime.now().uptimeNanoseconds
    private var laps: [(String, Double)] = []

    /// Ends the current phase under `name`.
    func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }

    /// "read 17176 rows 0.041 s · analyse 0.012 s · ... · total 0.203 s".
    var summary: String {
        let total = laps.reduce(0) { $0 + $1.1 }
        return (laps + [("total", total)]).map { "\($0.0) \(String(format: "%.3f", $0.1)) s" }.joined(separator: " · ")
    }
}

/// Runs `body`; prints a known error as one line and exits with its status instead of a stack trace.
func failingCleanly<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as IngestError {
        Terminal.error(error.description)
        throw ExitCode(2)
    } catch let error as AnalysisError {
        Terminal.error(error.description)
        throw ExitCode(2)
    } catch let error as ReportError {
        Terminal.error(error.description)
        throw ExitCode(1)
    } catch let error as ChartError {
        Terminal.error(error.description)
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

/// Standard output and error, written directly (no buffering surprises when piped).
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("cohort: warning: \(message)\n".utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("cohort: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}
