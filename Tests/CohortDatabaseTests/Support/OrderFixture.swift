import CohortCore
import CohortSample
import Foundation

/// The orders of the comparison tests, once as a CSV file (read by the file path, the reference)
/// and once in PostgreSQL tables loaded from that file with COPY.
///
/// Sample orders (order lines, credit notes, three segment columns) and hand-made cases: a refund
/// before the first purchase, a customer who never bought, an order split over two months, an
/// order whose lines cancel, several orders on one day, an id stored with blanks around it, one
/// order id used by two customers, rows after the as-of dates tested. The file is sorted by date
/// and customer id, the order in which the database reader numbers customers, so that ranked
/// lists break ties alike.
struct OrderFixture: Sendable {
    /// The CSV file (order_id, customer_id, order_date, amount, country, industry, company_size).
    let file: String
    /// The same rows without the order column (each row an order).
    let fileWithoutOrders: String
    /// Tables: `orders` (numeric(12,2) amounts, date), `orders_typed` (double precision amounts,
    /// timestamp dates, integer-free ids), `order_rows` (no order column).
    let orders: String, typed: String, rowsOnly: String

    static let shared: Result<OrderFixture, any Error> = Result { try OrderFixture() }

    static let extraRows = [
        "CR-E1,E-REFUND-FIRST,2023-12-10,-20.00,DE,Retail,1-9",
        "SO-E1,E-REFUND-FIRST,2024-02-05,100.00,DE,Retail,1-9",
        "SO-E1B,E-REFUND-FIRST,2024-05-06,50.00,DE,Retail,1-9",
        "CR-E2,E-NEVER,2024-03-01,-15.00,FR,Healthcare,10-49",
        "SO-E2,E-NEVER,2024-04-01,0.00,FR,Healthcare,10-49",
        "SO-E3,E-SPLIT,2024-01-31,60.00,NL,Wholesale,50-249",
        "SO-E3,E-SPLIT,2024-02-01,40.00,NL,Wholesale,50-249",
        "SO-E4,E-SPLIT,2024-03-15,10.00,NL,Wholesale,50-249",
        "SO-E4,E-SPLIT,2024-03-15,-10.00,NL,Wholesale,50-249",
        "SO-E5,E-SPLIT,2024-03-15,25.00,NL,Wholesale,50-249",
        "SO-E6,E-SPLIT,2024-03-15,5.00,NL,Wholesale,50-249",
        "SO-E7,E-SPLIT,2024-04-30,30.00,NL,Wholesale,50-249",
        "SO-E7,E-SPLIT,2024-05-02,-50.00,NL,Wholesale,50-249",
        "SO-E10, E-BLANK ,2024-06-03,10.00,IT,Retail,1-9",
        "SO-E11, E-BLANK ,2024-07-01,20.00,IT,Retail,1-9",
        "SO-E12, E-BLANK ,2024-09-02,30.00,IT,Retail,1-9",
        "SO-SHARED,E-SHARED-A,2024-02-02,10.00,PL,Retail,1-9",
        "SO-SHARED,E-SHARED-B,2024-02-03,20.00,PL,Retail,1-9",
        "SO-E8,E-LATE,2025-10-20,40.00,DE,Retail,1-9",
        "SO-E9,E-STRADDLE,2025-06-30,50.00,DE,Retail,1-9",
        "SO-E9,E-STRADDLE,2025-07-02,70.00,DE,Retail,1-9",
    ]

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-db-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sample = String(decoding: SampleGenerator(options: SampleOptions(customers: 400, months: 24, seed: 23)).generateBytes(), as: UTF8.self)
        var lines = sample.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        lines += Self.extraRows
        func key(_ line: String) -> (String, String) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (String(fields[2]), String(fields[1]).trimmingCharacters(in: .whitespaces))
        }
        lines.sort { a, b in
            let (ka, kb) = (key(a), key(b))
            return ka.0 != kb.0 ? ka.0 < kb.0 : ka.1.utf8.lexicographicallyPrecedes(kb.1.utf8)
        }
        file = folder.appendingPathComponent("orders.csv").path
        try ([header] + lines).joined(separator: "\n").appending("\n").write(toFile: file, atomically: true, encoding: .utf8)
        fileWithoutOrders = folder.appendingPathComponent("order-rows.csv").path
        let withoutOrders = ([header] + lines).map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().joined(separator: ",") }
        try withoutOrders.joined(separator: "\n").appending("\n").write(toFile: fileWithoutOrders, atomically: true, encoding: .utf8)

        let prefix = PostgresTestServer.prefix
        orders = prefix + "orders"
        typed = prefix + "orders_typed"
        rowsOnly = prefix + "order_rows"
        try PostgresTestServer.psql("""
            CREATE TABLE \(orders) (order_id text, customer_id text, order_date date, amount numeric(12,2), country text, industry text, company_size text);
            \\copy \(orders) FROM '\(file)' WITH (FORMAT csv, HEADER true)
            CREATE TABLE \(typed) (order_id text, customer_id varchar(40), order_date timestamp, amount double precision, country text, industry text, company_size text);
            \\copy \(typed) FROM '\(file)' WITH (FORMAT csv, HEADER true)
            CREATE TABLE \(rowsOnly) (customer_id text, order_date date, amount numeric, country text, industry text, company_size text);
            \\copy \(rowsOnly) FROM '\(fileWithoutOrders)' WITH (FORMAT csv, HEADER true)
            ANALYZE;
            """)
    }
}
