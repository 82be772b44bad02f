import CohortCore
import Foundation

/// Customer records as CSV, for `cohort customers --format csv`, at-risk.csv and lost.csv.
///
/// The header is a contract (CRM imports read it): dates ISO, money with two decimals,
/// probabilities and expected orders with six, an undefined value empty. Ids from the data
/// are neutralized for spreadsheets (`CSVField.data`).
public enum CustomerCSV {
    public static let header = [
        "customer_id", "status", "cohort", "first_order", "last_order", "positive_orders", "revenue_lifetime", "revenue_12m",
        "days_since_last_order", "expected_gap_days", "revenue_at_stake", "p_alive", "expected_orders_12m", "expected_order_value",
        "predicted_clv_12m",
    ]

    /// The records as UTF-8 CSV in `dialect` (the report's at-risk.csv and lost.csv, `cohort customers --format csv`).
    ///
    /// Written byte by byte: a report's lists run to hundreds of thousands of rows.
    ///
    /// With `segmentNames` (the `--segment-by` attributes), a first column `segment` holds each customer's value
    /// (`SegmentedExport.label(ofCustomer:names:)`); the rest of the header is unchanged.
    public static func data<Records: RandomAccessCollection>(_ records: Records, segmentNames: [String] = [],
                                                             dialect: CSVExportDialect = .rfc4180) -> Data
        where Records.Element == CustomerRecord, Records.Index == Int {
        var data = Data()
        write(records, segmentNames: segmentNames, dialect: dialect) { bytes in
            data.append(contentsOf: bytes)
            return true
        }
        return data
    }

    /// The same bytes, handed to `sink` a block of rows at a time (`blockRows`, made on every core),
    /// so that a list of millions of customers never sits in memory as text: at-risk.csv and lost.csv
    /// are written into the report folder this way (`StreamedFile`). Stops when `sink` returns false.
    public static func write<Records: RandomAccessCollection>(_ records: Records, segmentNames: [String] = [],
                                                              dialect: CSVExportDialect = .rfc4180,
                                                              to sink: (UnsafeRawBufferPointer) -> Bool)
        where Records.Element == CustomerRecord, Records.Index == Int {
        guard Array(dialect.header((segmentNames.isEmpty ? [] : ["segment"]) + header).utf8).withUnsafeBytes(sink) else { return }
        for block in stride(from: records.startIndex, to: records.endIndex, by: blockRows) {
            let rows = block ..< min(block + blockRows, records.endIndex)
            let parts = ParallelWork.ranges(rows.count, parts: ParallelWork.parts(for: rows.count, minimumPerPart: minimumRowsPerPart))
                .map { $0.lowerBound + block ..< $0.upperBound + block }
            for part in ParallelWork.map(parts, { Self.rows(records[$0], segmentNames: segmentNames, dialect: dialect) }) {
                guard part.withUnsafeBytes(sink) else { return }
            }
        }
    }

    /// Rows made at a time by `write`: about 10 MB of text.
    static let blockRows = 1 << 16

    /// Rows worth a thread of their own: a block is made on every core (a row takes about a microsecond).
    static let minimumRowsPerPart = 1 << 12

    /// The lines of some records.
    private static func rows<Records: Collection>(_ records: Records, segmentNames: [String], dialect: CSVExportDialect) -> [UInt8]
        where Records.Element == CustomerRecord {
        var out = CSVBytes(capacity: records.count * 150, dialect: dialect)
        for record in records {
            let segment = segmentNames.isEmpty ? nil : SegmentedExport.label(ofCustomer: record, names: segmentNames)
            let bound = CSVBytes.Line.fieldBytes(record.id) + CSVBytes.Line.fieldBytes(record.cohort) + 16 + 13 * CSVBytes.Line.numberBytes
                + (segment.map(CSVBytes.Line.fieldBytes) ?? 0) + 1
            out.line(maximumBytes: bound) { line in
                if let segment {
                    line.field(segment)
                    line.delimiter()
                }
                line.field(record.id)
                line.delimiter()
                line.text(record.status.rawValue)
                line.delimiter()
                line.field(record.cohort)
                line.delimiter()
                line.date(record.firstOrder)
                line.delimiter()
                line.date(record.lastOrder)
                line.delimiter()
                line.integer(Int64(record.positiveOrders))
                line.delimiter()
                line.money(record.revenueLifetime)
                line.delimiter()
                line.money(record.revenue12m)
                line.delimiter()
                line.integer(Int64(record.daysSinceLastOrder))
                line.delimiter()
                line.fixed(record.expectedGapDays, places: 1)
                line.delimiter()
                if let stake = record.revenueAtStake { line.money(stake) }
                line.delimiter()
                line.fixed(record.probabilityAlive, places: 6)
                line.delimiter()
                line.fixed(record.expectedOrders12m, places: 6)
                line.delimiter()
                line.fixed(record.expectedOrderValue, places: 2)
                line.delimiter()
                line.fixed(record.predictedCLV12m, places: 2)
                line.newline()
            }
        }
        return out.bytes
    }

    public static func render<Records: RandomAccessCollection>(_ records: Records, segmentNames: [String] = [],
                                                               dialect: CSVExportDialect = .rfc4180) -> String
        where Records.Element == CustomerRecord, Records.Index == Int {
        String(decoding: data(records, segmentNames: segmentNames, dialect: dialect), as: UTF8.self)
    }

    /// `value` with `places` decimals, half away from zero; empty for nil.
    static func fixed(_ value: Double?, _ places: Int) -> String {
        CSVBytes.fixed(value, places: places)
    }
}

/// The predictive model's fit as CSV, for `cohort clv --format csv`: `model,parameter,value`;
/// or as an aligned table for the terminal.
public enum ModelCSV {
    public static let header = ["model", "parameter", "value"]

    public static func render(_ prediction: PredictionSummary, dialect: CSVExportDialect = .rfc4180) -> String {
        rows(prediction).reduce(dialect.header(header)) { text, row in
            text + dialect.line([.text(row[0]), .text(row[1]), .number(row[2])])
        }
    }

    public static func table(_ prediction: PredictionSummary) -> String {
        var table = TextTable(header: header, rightAligned: [false, false, true])
        for row in rows(prediction) { table.append(row) }
        return table.render()
    }

    /// model, parameter, value: six decimals, empty when there is no Gamma-Gamma fit.
    static func rows(_ prediction: PredictionSummary) -> [[String]] {
        let bgnbd = prediction.bgnbd, gammaGamma = prediction.gammaGamma
        func row(_ model: String, _ parameter: String, _ value: Double?) -> [String] { [model, parameter, CustomerCSV.fixed(value, 6)] }
        return [
            row("bgnbd", "r", bgnbd.parameters.r), row("bgnbd", "alpha", bgnbd.parameters.alpha),
            row("bgnbd", "a", bgnbd.parameters.a), row("bgnbd", "b", bgnbd.parameters.b),
            row("bgnbd", "log_likelihood", bgnbd.logLikelihood),
            row("gamma_gamma", "p", gammaGamma?.parameters.p), row("gamma_gamma", "q", gammaGamma?.parameters.q),
            row("gamma_gamma", "v", gammaGamma?.parameters.v), row("gamma_gamma", "log_likelihood", gammaGamma?.logLikelihood),
            ["data", "customers", String(prediction.customers)], ["data", "repeat_buyers", String(prediction.repeatBuyers)],
            row("data", "frequency_value_correlation", prediction.frequencyValueCorrelation),
        ]
    }
}
