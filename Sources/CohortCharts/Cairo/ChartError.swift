/// Why a chart could not be drawn or written.
public enum ChartError: Error, Equatable, CustomStringConvertible {
    /// Cairo reported a failure (its own status text).
    case cairo(String)
    /// The chart has nothing to show (e.g. no complete period yet).
    case nothingToDraw(String)

    public var description: String {
        switch self {
        case .cairo(let status): return "drawing failed in Cairo: \(status)"
        case .nothingToDraw(let reason): return "nothing to draw: \(reason)"
        }
    }
}
