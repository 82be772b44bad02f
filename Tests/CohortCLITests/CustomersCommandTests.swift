import Foundation
import Testing

/// End-to-end: `cohort customers` and `cohort clv`.
///
/// Tests/Fixtures/small-orders.csv, as of 31 March 2026 (complete), W = 1:
///
///     A: 5 Jan 100, 1 Feb 30, 20 Mar 40        B: 31 Jan 50, 10 Mar −20 (a refund, not a purchase)
///     C: 15 Feb 80, 31 Mar 80
///
/// Gaps between purchase days: A 27 (5 Jan → 1 Feb) and 47 (1 Feb → 20 Mar), C 44 (15 Feb → 31 Mar);
/// the median over everyone is 44. A has 3 purchase days: its own median (27 + 47) / 2 = 37.
struct CustomersCommandTests {
    @Test func csvIsWorkedOutByHand() throws {
        let result = try CLIRunner.run(["customers", CLIRunner.fixture("small-orders.csv"), "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        // A: live (March), 11 days since 20 Mar ≤ 1.5 · 37 → active; 100 + 30 + 40 = 170.
        // C: live, 0 days since, gap 44 (2 purchase days: everyone's median) → active; 160.
        // B: no purchase in March → not live → lost; 50 − 20 = 30 net, 59 days since 31 Jan.
        // Ranked by revenue over 12 months (all within): A 170, C 160, B 30. Two customers bought on a
        // second day: too few for BG/NBD, so the model columns are empty.
        let expected = """
        customer_id,status,cohort,first_order,last_order,positive_orders,revenue_lifetime,revenue_12m,days_since_last_order,\
        expected_gap_days,revenue_at_stake,p_alive,expected_orders_12m,expected_order_value,predicted_clv_12m
        A,active,2026-01,2026-01-05,2026-03-20,3,170.00,170.00,11,37.0,,,,,
        C,active,2026-02,2026-02-15,2026-03-31,2,160.00,160.00,0,44.0,,,,,
        B,lost,2026-01,2026-01-31,2026-01-31,1,30.00,30.00,59,44.0,,,,,

        """
        #expect(result.standardOutput == expected)
    }

    @Test func aListAndItsTop() throws {
        let lost = try CLIRunner.run(["customers", CLIRunner.fixture("small-orders.csv"), "--format", "csv", "--list", "lost"])
        #expect(lost.standardOutput.split(separator: "\n").dropFirst().map { $0.prefix(2) } == ["B,"])
        let top = try CLIRunner.run(["customers", CLIRunner.fixture("small-orders.csv"), "--format", "csv", "--top", "1"])
        #expect(top.standardOutput.split(separator: "\n").count == 2)
    }

    @Test func theTableSaysWhenTheListIsEmpty() throws {
        let english = try CLIRunner.run(["customers", CLIRunner.fixture("small-orders.csv")])
        #expect(english.status == 0 && english.standardOutput == "No customer is at risk.\n")
        let german = try CLIRunner.run(["customers", CLIRunner.fixture("small-orders.csv"), "--locale", "de"])
        #expect(german.standardOutput == "Kein Kunde ist abwanderungsgefährdet.\n")
    }

    @Test func clvRefusesTooFewRepeatBuyersInOneLine() throws {
        let result = try CLIRunner.run(["clv", CLIRunner.fixture("small-orders.csv")])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("cohort: error: No prediction of lifetime value: fewer than 10 customers"))
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    // MARK: CDNOW

    /// The CDNOW sample of Fader, Hardie & Lee (2005) as an order export: each customer's purchase days from
    /// Tests/Fixtures/cdnow/cdnow-reference.csv (written by lifetimes, see make_reference.py there), the first
    /// day's order 1.00 (it is not part of m), the repeat value spread over the repeat days to the cent.
    static func cdnowOrders() throws -> (file: URL, asOf: String, reference: [String: [String: String]], parameters: [String: Double]) {
        func table(_ name: String) throws -> [[String: String]] {
            let text = try String(contentsOfFile: CLIRunner.fixture("cdnow/\(name)"), encoding: .utf8)
            let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        }
        let parameters = Dictionary(uniqueKeysWithValues: try table("cdnow-parameters.csv").map { ($0["name"]!, Double($0["value"]!)!) })
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        func date(_ day: Int) -> String { formatter.string(from: Date(timeIntervalSince1970: Double(day) * 86_400)) }
        var csv = "customer_id,order_date,amount\n"
        var reference: [String: [String: String]] = [:]
        for row in try table("cdnow-reference.csv") {
            let id = row["id"]!, days = Int(row["purchase_days"]!)!, first = Int(row["first_day"]!)!, last = Int(row["last_day"]!)!
            let repeatCents = Int(row["repeat_value"]!)!
            reference[id] = row
            csv += "\(id),\(date(first)),1.00\n"
            guard days > 1 else { continue }
            // Repeat days: first + 1, first + 2, … for all but the last, then the last day; the cents split evenly.
            let repeats = days - 1, share = repeatCents / repeats
            for index in 0 ..< repeats {
                let day = index == repeats - 1 ? last : first + 1 + index
                let cents = index == repeats - 1 ? repeatCents - share * (repeats - 1) : share
                csv += "\(id),\(date(day)),\(cents / 100).\(String(format: "%02d", cents % 100))\n"
            }
        }
        let file = try CLIRunner.temporaryDirectory().appendingPathComponent("cdnow-orders.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        return (file, date(Int(parameters["as_of_day"]!)), reference, parameters)
    }

    @Test func clvOnCDNOWMatchesThePaperAndLifetimes() throws {
        let cdnow = try Self.cdnowOrders()
        let result = try CLIRunner.run(["clv", cdnow.file.path, "--format", "csv", "--as-of", cdnow.asOf])
        #expect(result.status == 0, "\(result.standardError)")
        var fit: [String: Double] = [:]
        for line in result.standardOutput.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fit["\(fields[0]).\(fields[1])"] = Double(fields[2])
        }
        // The paper: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 (to the digits shown).
        #expect(fit["bgnbd.r"].map { ($0 * 1000).rounded() / 1000 } == 0.243)
        #expect(fit["bgnbd.alpha"].map { ($0 * 1000).rounded() / 1000 } == 4.414)
        #expect(fit["bgnbd.a"].map { ($0 * 1000).rounded() / 1000 } == 0.793)
        #expect(fit["bgnbd.b"].map { ($0 * 1000).rounded() / 1000 } == 2.426)
        #expect(fit["bgnbd.log_likelihood"].map { ($0 * 10).rounded() / 10 } == -9582.4)
        // lifetimes (independent) for everything else, to 1e-4 relative.
        for (key, name) in [("gamma_gamma.p", "p"), ("gamma_gamma.q", "q"), ("gamma_gamma.v", "v"),
                            ("gamma_gamma.log_likelihood", "gamma_gamma_log_likelihood"),
                            ("data.frequency_value_correlation", "frequency_value_correlation"), ("data.repeat_buyers", "repeat_buyers")] {
            let expected = try #require(cdnow.parameters[name])
            #expect(fit[key].map { abs($0 - expected) <= 1e-4 * abs(expected) } == true, "\(key): \(fit[key] ?? .nan) vs \(expected)")
        }
        #expect(fit["data.customers"] == 2357)
    }

    @Test func customersOnCDNOWMatchLifetimesPerCustomer() throws {
        let cdnow = try Self.cdnowOrders()
        let result = try CLIRunner.run(["customers", cdnow.file.path, "--format", "csv", "--as-of", cdnow.asOf])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        #expect(lines.count == 2358)
        var checked = 0
        for fields in lines.dropFirst() {
            let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
            let reference = try #require(cdnow.reference[row["customer_id"]!])
            // Printed with 6 decimals (order value with 2): equal to lifetimes within the rounding and 1e-4 relative.
            func matches(_ column: String, _ name: String, rounding: Double) -> Bool {
                guard let value = Double(row[column] ?? ""), let expected = Double(reference[name] ?? "") else { return false }
                return abs(value - expected) <= max(rounding, 1e-4 * abs(expected))
            }
            #expect(matches("p_alive", "p_alive", rounding: 5e-7), "customer \(row["customer_id"]!) P(alive)")
            #expect(matches("expected_orders_12m", "expected_52", rounding: 5e-7), "customer \(row["customer_id"]!) expected orders")
            #expect(matches("expected_order_value", "expected_order_value", rounding: 5e-3), "customer \(row["customer_id"]!) order value")
            checked += 1
        }
        #expect(checked == 2357)
    }

    // MARK: Reports without ids

    @Test func noCustomerListsKeepsEveryIdOutOfTheReport() throws {
        // Twelve customers with telling ids, two orders each, one of them overdue.
        var csv = "customer_id,order_date,amount\n"
        for index in 0 ..< 12 {
            let id = "Geheim-Kunde-\(100 + index)"
            csv += "\(id),2026-01-\(10 + index),10.00\n\(id),2026-02-\(10 + index),20.00\n"
        }
        csv += "Geheim-Kunde-200,2026-03-01,5.00\nGeheim-Kunde-200,2026-03-31,5.00\n"
        csv += "Geheim-Kunde-300,2026-03-01,fünf Euro\n" // rejected: its line is kept, its text is not
        let directory = try CLIRunner.temporaryDirectory()
        let orders = directory.appendingPathComponent("orders.csv")
        try csv.write(to: orders, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["report", orders.path, "--out", directory.appendingPathComponent("out").path, "--no-customer-lists",
                                        "--max-rejected", "10"])
        #expect(result.status == 0, "\(result.standardError)")
        let folder = directory.appendingPathComponent("out/2026-03-31")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!files.contains("at-risk.csv") && !files.contains("lost.csv") && files.contains("rejected.csv"))
        for name in files where !name.hasSuffix(".png") && name != "charts" && name != "report.pdf" {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            #expect(!text.contains("Geheim"), "\(name) names a customer")
        }
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("Customer lists are left out of this report (--no-customer-lists)."))
    }
}
