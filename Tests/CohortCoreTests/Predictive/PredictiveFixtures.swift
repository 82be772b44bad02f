import CohortCore
import Foundation
import Testing

/// The tests of Sources/CohortCore/Predictive (`swift test --filter Predictive`), one nested suite per file.
@Suite struct PredictiveTests {}

/// Reads the reference files in Tests/Fixtures/cdnow (written by make_reference.py there).
enum PredictiveFixtures {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("cdnow").appendingPathComponent(name).path
    }

    /// The rows of a small numeric CSV file with a header line, as name → column.
    static func columns(_ name: String) throws -> [String: [String]] {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        var columns: [String: [String]] = [:]
        for (index, name) in header.enumerated() {
            columns[name] = lines.dropFirst().map { $0[index] }
        }
        return columns
    }

    /// One reference number of cdnow-parameters.csv.
    static func parameter(_ name: String) throws -> Double {
        let table = try columns("cdnow-parameters.csv")
        let index = try #require(table["name"]?.firstIndex(of: name))
        return try #require(Double(table["value"]![index]))
    }

    static func doubles(_ table: [String: [String]], _ name: String) -> [Double] {
        table[name]!.map { Double($0)! }
    }

    static func integers(_ table: [String: [String]], _ name: String) -> [Int] {
        table[name]!.map { Int($0)! }
    }

    /// The central finite difference (step 10⁻⁶) of a mean negative log-likelihood in each
    /// coordinate of `point`: the independent check of its analytic gradient.
    static func numericGradient(_ objective: ([Double], inout [Double]) -> Double, at point: [Double]) -> [Double] {
        var ignored = [Double](repeating: 0, count: point.count)
        return point.indices.map { index in
            var up = point, down = point
            up[index] += 1e-6
            down[index] -= 1e-6
            return (objective(up, &ignored) - objective(down, &ignored)) / 2e-6
        }
    }

    /// Expects each coordinate of an analytic `gradient` within `tolerance` of `numericGradient`.
    static func expectGradient(_ gradient: [Double], of objective: ([Double], inout [Double]) -> Double, at point: [Double],
                               within tolerance: Double = 1e-7, sourceLocation: SourceLocation = #_sourceLocation) {
        let numeric = numericGradient(objective, at: point)
        for index in point.indices {
            #expect(abs(numeric[index] - gradient[index]) < tolerance, "θ\(index): \(numeric[index]) vs \(gradient[index])",
                    sourceLocation: sourceLocation)
        }
    }
}

/// |actual − expected| ≤ tolerance · |expected| (or ≤ tolerance when expected is 0).
func relativelyClose(_ actual: Double, _ expected: Double, _ tolerance: Double) -> Bool {
    abs(actual - expected) <= tolerance * max(abs(expected), expected == 0 ? 1 : 0)
}
