import Foundation
import Testing

/// End-to-end: `--segment-by`, `--customers` and `cohort segments`.
///
/// The fixture (monthly, as of 30 April 2026, W = 1), every order 10.00:
///
///     A Retail: Jan, Feb, Mar, Apr      B Retail: Jan, Feb      C Tech: Jan, Mar      D Tech: Feb, Mar, Apr
///
/// Live at the end of a month = bought in it. Churned / live at the start, per month (Feb, Mar, Apr):
///     all:    Feb 1/3 (C), Mar 1/3 (B), Apr 1/3 (C)  → 3 / 9
///     Retail: Feb 0/2,     Mar 1/2 (B), Apr 0/1      → 1 / 5
///     Tech:   Feb 1/1 (C), Mar 0/1 (D), Apr 1/2 (C)  → 2 / 4
/// Wilson 95 % (z = 1.959964): 3/9 → [0.1206, 0.6458], 1/5 → [0.0362, 0.6245], 2/4 → [0.1500, 0.8500] (computed with
/// the formula in Python). Four months allow no NRR window (it needs 2 × 3) and two cohorts no 12-month revenue: empty.
struct SegmentsCommandTests {
    static let orders = """
    customer_id,order_date,amount,industry
    A,2026-01-10,10.00,Retail
    B,2026-01-11,10.00,Retail
    C,2026-01-12,10.00,Tech
    A,2026-02-10,10.00,Retail
    B,2026-02-11,10.00,Retail
    D,2026-02-12,10.00,Tech
    A,2026-03-10,10.00,Retail
    C,2026-03-12,10.00,Retail
    D,2026-03-13,10.00,Tech
    A,2026-04-10,10.00,Tech
    D,2026-04-13,10.00,Tech

    """

    static func file(_ text: String, named name: String = "orders.csv") throws -> String {
        let url = try CLIRunner.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func theComparisonIsWorkedOutByHand() throws {
        // C's later order says Retail and A's last says Tech: both stay in the segment of their first order.
        let result = try CLIRunner.run(["segments", try Self.file(Self.orders), "--segment-by", "industry", "--churn-window", "1",
                                        "--as-of", "2026-04-30", "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
        segment,customers,churn_rate,churn_rate_low,churn_rate_high,customers_kept,nrr,grr,clv_12m
        (all),4,0.3333,0.1206,0.6458,0.6667,,,
        Retail,2,0.2000,0.0362,0.6245,0.8000,,,
        Tech,2,0.5000,0.1500,0.8500,0.5000,,,

        """)
    }

    @Test func csvExportsGetASegmentColumnFirst() throws {
        let path = try Self.file(Self.orders)
        let plain = try CLIRunner.run(["kpis", path, "--churn-window", "1", "--as-of", "2026-04-30", "--format", "csv"])
        let split = try CLIRunner.run(["kpis", path, "--churn-window", "1", "--as-of", "2026-04-30", "--format", "csv", "--segment-by", "industry"])
        #expect(split.status == 0, "\(split.standardError)")
        let plainLines = plain.standardOutput.split(separator: "\n").map(String.init)
        let lines = split.standardOutput.split(separator: "\n").map(String.init)
        // The header gains a first column; the whole population's rows are today's rows after "(all),".
        #expect(lines[0] == "segment," + plainLines[0])
        #expect(Array(lines[1 ... plainLines.count - 1]) == plainLines.dropFirst().map { "(all)," + $0 })
        #expect(lines.filter { $0.hasPrefix("Retail,") }.count == 4 && lines.filter { $0.hasPrefix("Tech,") }.count == 4)
        // Tech in April: C churned, D stayed (S = 2: C and D live at the end of March, E = 1, churn 1/2).
        let techApril = try #require(lines.first { $0.hasPrefix("Tech,2026-04,") })
        #expect(techApril.hasPrefix("Tech,2026-04,false,2,0,0,1,1,0.5000"))
    }

    @Test func aCustomerFileFillsTheAttributeAndCountsTheMissing() throws {
        let orders = Self.orders.split(separator: "\n").map { $0.split(separator: ",").prefix(3).joined(separator: ",") }.joined(separator: "\n")
        // The file names A, B and D (with a BOM and semicolons, as German Excel writes it); C is missing.
        let customers = try Self.file("\u{FEFF}Kundennummer;Tarif\nA;Gold\nB;Silber\nD;Gold\n", named: "kunden.csv")
        let result = try CLIRunner.run(["segments", try Self.file(orders), "--segment-by", "Tarif", "--customers", customers, "--churn-window", "1",
                                        "--as-of", "2026-04-30", "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        #expect(rows == ["segment,customers", "(all),4", "Gold,2", "Silber,1", "(unknown),1"])
    }

    @Test func aMissingColumnIsOneLine() throws {
        let result = try CLIRunner.run(["segments", try Self.file(Self.orders), "--segment-by", "industri"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("cohort: error: no column 'industri' to segment by in"))
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    @Test func hostileValuesStayInert() throws {
        // 10,000 distinct values, markup, a formula and empty values.
        var text = "customer_id,order_date,amount,source\n"
        for index in 0 ..< 10_000 { text += "c\(index),2026-01-\(10 + index % 15),10.00,v\(index)\n" }
        for index in 0 ..< 50 {
            text += "m\(index),2026-02-10,10.00,<script>alert(1)</script>\n"
            text += "f\(index),2026-02-11,10.00,\"=HYPERLINK(\"\"http://x\"\")\"\n"
            text += "e\(index),2026-02-12,10.00,\n"
        }
        let path = try Self.file(text)
        let csv = try CLIRunner.run(["segments", path, "--segment-by", "source", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        let labels = csv.standardOutput.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        // The largest 8 (the two 50s, then single values by name), "other" for the rest, "(unknown)" for the empty ones.
        #expect(labels.count == 1 + 8 + 2)
        #expect(labels.contains("\"'=HYPERLINK(\"\"http://x\"\")\"") && labels.contains("<script>alert(1)</script>"))
        #expect(labels.suffix(2) == ["(other)", "(unknown)"])
        let out = try CLIRunner.temporaryDirectory()
        let report = try CLIRunner.run(["report", path, "--segment-by", "source", "--out", out.path])
        #expect(report.status == 0, "\(report.standardError)")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first)
        let html = try String(contentsOf: out.appendingPathComponent(folder).appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func theConfigurationTakesSegmentBy() throws {
        let orders = try Self.file(Self.orders)
        let config = try Self.file("input:\n  files: [\(orders)]\n  segment_by: industry\nanalysis:\n  churn_window: 1\n  as_of: 2026-04-30\n", named: "cohort.yml")
        let out = try CLIRunner.temporaryDirectory()
        let result = try CLIRunner.run(["report", "--config", config, "--out", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let markdown = try String(contentsOf: out.appendingPathComponent("2026-04-30/report.md"), encoding: .utf8)
        #expect(markdown.contains("## Segments") && markdown.contains("| Retail | 2 | 20.0% | 3.6%–62.4% |"))
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("2026-04-30/charts").path)
        #expect(charts.contains("segment-curves-1.png") && charts.contains("segment-heatmaps-1.png"))
    }
}
