import CohortCore
import Foundation

/// The whole analysis as JSON (stable key order, so the same input gives the same bytes).
///
/// Money is a decimal string (`"1234.50"`), an empty ratio is `null`.
public enum AnalysisJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    public static func decode(_ data: Data) throws -> CohortAnalysis {
        try JSONDecoder().decode(CohortAnalysis.self, from: data)
    }
}
