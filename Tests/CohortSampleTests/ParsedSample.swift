import Foundation

/// A generated CSV parsed independently of the generator, for checking its properties in tests.
struct ParsedSample: Sendable {
    /// One data row, with every field kept as the exact text that was written.
    struct Row: Sendable, Equatable {
        /// The `order_id` field, e.g. `SO-00100001` or `CR-00010001`.
        var orderID: String
        /// The `customer_id` field, e.g. `C000001`.
        var customerID: String
        /// The `order_date` field, e.g. `2024-02-29`.
        var date: String
        /// The `amount` field, e.g. `1234.50` or `-89.90`.
        var amount: String
        /// The `country` field.
        var country: String
        /// The `industry` field.
        var industry: String
        /// The `company_size` field.
        var companySize: String

        /// Whether the row is a credit note.
        var isCreditNote: Bool { orderID.hasPrefix("CR-") }

        /// The amount converted to cents by plain digit arithmetic, or `nil` if it is malformed.
        var cents: Int64? { ParsedSample.cents(fromAmount: amount) }
    }

    /// The raw bytes of the CSV.
    let bytes: [UInt8]

    /// The header line without its line feed.
    let header: String

    /// The data rows in file order.
    let rows: [Row]

    /// Lines that did not have exactly seven fields (should be empty).
    let malformedLines: [String]

    /// Whether the file ends with a line feed (and contains no carriage returns).
    let hasCleanLineEnds: Bool

    /// Parses CSV bytes; fields never contain commas or quotes, so a plain split is exact.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        let text = String(decoding: bytes, as: UTF8.self)
        hasCleanLineEnds = text.hasSuffix("\n") && !text.contains("\r")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        }
        header = lines.first ?? ""
        var rows: [Row] = []
        var malformed: [String] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7 else {
                malformed.append(line)
                continue
            }
            rows.append(Row(
                orderID: fields[0], customerID: fields[1], date: fields[2], amount: fields[3],
                country: fields[4], industry: fields[5], companySize: fields[6]
            ))
        }
        self.rows = rows
        self.malformedLines = malformed
    }

    /// Converts `[-]digits.dd` to cents; returns `nil` unless there are exactly two decimals.
    static func cents(fromAmount amount: String) -> Int64? {
        var text = Substring(amount)
        let negative = text.hasPrefix("-")
        if negative {
            text = text.dropFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2,
              !parts[0].isEmpty, parts[1].count == 2,
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts[0] == "0" || !parts[0].hasPrefix("0"),
              let euros = Int64(parts[0]), let fraction = Int64(parts[1])
        else { return nil }
        let value = euros * 100 + fraction
        return negative ? -value : value
    }

    /// Returns whether `text` is `prefix` followed by exactly `digits` ASCII digits.
    static func matches(_ text: String, prefix: String, digits: Int) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let rest = text.dropFirst(prefix.count)
        return rest.count == digits && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
