import CohortCore

/// What a running job tells its caller, as it happens (the CLI draws a progress bar and
/// prints warnings from it). Sent from the reading thread too: handle it thread-safely.
public enum JobEvent: Sendable {
    /// A phase begins.
    case phase(JobPhase)
    /// Bytes read so far of all files (total 0 when unknown, as for standard input).
    case bytesRead(Int, of: Int)
    /// Something about the input worth a look.
    case warning(InputWarning)
    /// Rows that could not be read were skipped (and are listed in rejected.csv).
    case rowsSkipped(count: Int, of: Int, first: RejectedRow)
}

/// The phases of a job, in order.
public enum JobPhase: Sendable {
    case reading, analysing, drawing, writing
    /// Sending report.eml, after the folder is published.
    case sending
}

/// How long each step of a job took (`--timings`).
public struct JobTimings: Sendable {
    /// A step of the job and what it handled.
    public enum Step: Sendable, Equatable {
        case read(rows: Int)
        case analyse
        case charts(count: Int)
        case documents
        case write
    }

    public private(set) var laps: [(step: Step, seconds: Double)] = []
    private var last = ContinuousClock.now

    public init() {}

    /// Ends the current step.
    public mutating func lap(_ step: Step) {
        let now = ContinuousClock.now
        let elapsed = now - last
        laps.append((step, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        last = now
    }

    public var total: Double { laps.reduce(0) { $0 + $1.seconds } }
}
