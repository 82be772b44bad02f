import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar on standard error while a large input is read and analysed.
///
/// Shown only when standard error is a terminal and `--quiet` is not given, and only
/// once the work has taken more than a second, so that small inputs and pipes never
/// see it. It is redrawn ten times a second on one line and wiped when the work ends:
///
///     Reading   [##############----------]  58%  1.9 s
///
/// Reading reports its progress in bytes from its own thread (`update`); later phases
/// show their name and the time so far.
final class ProgressIndicator: @unchecked Sendable {
    // @unchecked: the mutable state is only touched under `lock`.
    private let lock = NSLock()
    private var phase: String
    private var done = 0
    private var total = 0
    private var drawn = false
    private var finished = false
    private let started = DispatchTime.now().uptimeNanoseconds
    private let timer: DispatchSourceTimer

    /// Seconds before the bar first appears.
    static let delay = 1.0

    /// A running indicator, or nil when standard error is not a terminal or `quiet`.
    static func start(quiet: Bool, phase: String) -> ProgressIndicator? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressIndicator(phase: phase)
    }

    private init(phase: String) {
        self.phase = phase
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "cohort.progress"))
        timer.schedule(deadline: .now() + Self.delay, repeating: 0.1)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// `done` of `total` bytes read (total 0 = unknown); callable from any thread.
    func update(done: Int, total: Int) {
        lock.withLock { (self.done, self.total) = (done, total) }
    }

    /// The next phase ("Analysing"), without a fraction.
    func begin(_ phase: String) {
        lock.withLock { (self.phase, self.done, self.total) = (phase, 0, 0) }
    }

    /// Stops and wipes the bar.
    func finish() {
        timer.cancel()
        lock.withLock {
            finished = true
            if drawn { Self.write("\r\u{1B}[2K") }
        }
    }

    private func draw() {
        lock.withLock {
            guard !finished else { return }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            Self.write("\r" + Self.line(phase: phase, done: done, total: total, seconds: seconds) + "\u{1B}[K")
            drawn = true
        }
    }

    /// "Reading   [######------------------]  25%  1.3 s", or "Analysing  2.4 s" without a total.
    static func line(phase: String, done: Int, total: Int, seconds: Double, width: Int = 24) -> String {
        let time = String(format: "%.1f s", seconds)
        let name = phase.padding(toLength: max(phase.count, 9), withPad: " ", startingAt: 0)
        guard total > 0 else { return "\(name) \(time)" }
        let fraction = min(1, max(0, Double(done) / Double(total)))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = String(format: "%3d%%", Int((fraction * 100).rounded(.down)))
        return "\(name) [\(bar)] \(percent)  \(time)"
    }

    private static func write(_ text: String) {
        Terminal.writeError(text)
    }
}
