import ArgumentParser
import CohortJob

/// How to split customers into segments; shared by the commands that can show segments.
struct SegmentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Split customers by this column (its value on each customer's first order); repeat for several.",
                               valueName: "column"))
    var segmentBy: [String] = []

    @Option(help: ArgumentHelp("A customer file (CSV or .xlsx) with the --segment-by columns the orders lack, joined on the customer id.",
                               valueName: "file"))
    var customers: String?

    @Option(help: ArgumentHelp("Show the largest N segments of an attribute; the rest are gathered as other (default: 8).", valueName: "N"))
    var segmentLimit: Int?

    func validate() throws {
        if let segmentLimit, segmentLimit < 1 { throw ValidationError("--segment-limit must be 1 or more.") }
        if customers != nil && segmentBy.isEmpty {
            throw ValidationError("--customers needs --segment-by to name the columns to split by, e.g. --segment-by plan.")
        }
        if let empty = segmentBy.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--segment-by '\(empty)' names no column.")
        }
    }

    func apply(to options: inout JobOptions) {
        if !segmentBy.isEmpty { options.read.segmentColumns = segmentBy }
        options.customersFile = customers ?? options.customersFile
        options.analysis.segmentLimit = segmentLimit ?? options.analysis.segmentLimit
    }
}
