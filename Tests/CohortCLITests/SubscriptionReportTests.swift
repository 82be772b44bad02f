import Foundation
import Testing

/// End-to-end: contracts and survey answers in `cohort report`, `cohort nps` and `cohort sample`, on the
/// bundled example (examples/orders.csv, contracts.csv and nps.csv come from one `cohort sample`).
struct SubscriptionReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    @Test func ordersContractsAndAnswersGiveBothViewsLabelled() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLIRunner.run(["report", Self.example("orders.csv"), "--contracts", Self.example("contracts.csv"),
                                        "--nps", Self.example("nps.csv"), "--out", directory.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let folder = directory.appendingPathComponent("2026-10-31")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for file in ["mrr.csv", "renewals.csv", "nps.csv", "at-risk.csv", "report.html", "report.pdf"] { #expect(files.contains(file), "\(file)") }
        let charts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("charts").path)
        #expect(charts.contains("mrr.png") && charts.contains("nps-churn.png"))
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        // The orders view as before (revenue), the contracts view beside it, labelled.
        #expect(markdown.contains("## Revenue bridge") && markdown.contains("## Contracts and MRR") && markdown.contains("## Satisfaction (NPS)"))
        #expect(!markdown.contains("This report is made from contracts alone"))
        #expect(markdown.contains("### Up for renewal in the next 90 days, by MRR"))
        // The latest score in the customer tables, with a Markdown rule of as many columns as the header.
        let atRisk = try #require(markdown.components(separatedBy: "### At risk, by revenue at stake\n\n|").last)
        let header = try #require(atRisk.split(separator: "\n").first), rule = atRisk.split(separator: "\n")[1]
        #expect(header.hasSuffix(" NPS |"))
        #expect(header.filter { $0 == "|" }.count + 1 == rule.filter { $0 == "|" }.count && rule.hasPrefix("|---|"))
        // The CSV contracts stay as they were.
        let lists = try String(contentsOf: folder.appendingPathComponent("at-risk.csv"), encoding: .utf8)
        #expect(lists.hasPrefix("customer_id,status,cohort,first_order,last_order,positive_orders,revenue_lifetime,revenue_12m,days_since_last_order,expected_gap_days,revenue_at_stake,p_alive,expected_orders_12m,expected_order_value,predicted_clv_12m\n"))
        let renewals = try String(contentsOf: folder.appendingPathComponent("renewals.csv"), encoding: .utf8)
        #expect(renewals.hasPrefix("customer_id,contract_id,contract_start,contract_end,days_until_end,mrr,renewal_agreed,latest_nps\n"))
        // Every upcoming renewal ends in the 90 days after 2026-10-31, highest MRR first.
        let rows = renewals.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { Int($0[4])! >= 1 && Int($0[4])! <= 90 })
        let amounts = rows.map { Double($0[5])! }
        #expect(amounts == amounts.sorted(by: >))
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"contracts\">") && html.contains("<section id=\"nps\">") && html.contains("href=\"#nps\""))
    }

    @Test func contractsAloneRunTheWholeReportOnMRR() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLIRunner.run(["report", "--contracts", CLIRunner.fixture("contracts/small-contracts.csv"), "--as-of", "2026-03-31",
                                        "--out", directory.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let folder = directory.appendingPathComponent("2026-03-31")
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("This report is made from contracts alone"))
        #expect(markdown.contains("## MRR movements from contracts"))
        #expect(markdown.contains("| MRR | **"))
        // The KPIs are the MRR movements (see MRRCommandTests): January 2026 ends at 800 with 6 customers.
        let kpis = try String(contentsOf: folder.appendingPathComponent("kpis.csv"), encoding: .utf8)
        let january = try #require(kpis.split(separator: "\n").first { $0.hasPrefix("2026-01,") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(january[2 ... 6] == ["8", "0", "0", "2", "6"])
        #expect(january[18] == "800.00")
        let mrr = try String(contentsOf: folder.appendingPathComponent("mrr.csv"), encoding: .utf8)
        #expect(mrr.contains("\n2026-01,false,8,0,0,2,6,1150.00,0.00,0.00,-150.00,-200.00,0.00,800.00,"))
        let charts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("charts").path)
        #expect(!charts.contains("mrr.png")) // the revenue bridge is the MRR chart
    }

    @Test func contractsAloneRefuseWeeks() throws {
        let result = try CLIRunner.run(["report", "--contracts", CLIRunner.fixture("contracts/small-contracts.csv"), "--period", "week"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("cohort: error: contracts are monthly"))
    }

    @Test func configurationKeys() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = """
            contracts:
              files: \(CLIRunner.fixture("contracts/small-contracts.csv"))
              grace_days: 29
            analysis:
              as_of: 2026-03-31
            report:
              out: \(directory.path)
            """
        let file = directory.appendingPathComponent("cohort.yml")
        try Data(configuration.utf8).write(to: file)
        let result = try CLIRunner.run(["report", "--config", file.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        // 29 days of grace: C's renewal 30 days late does not count (MRRCommandTests): 3 of 6.
        let mrr = try String(contentsOf: directory.appendingPathComponent("2026-03-31/mrr.csv"), encoding: .utf8)
        #expect(mrr.contains("\n2025-12,false,8,0,0,0,8,1050.00,0.00,100.00,0.00,0.00,0.00,1150.00,13800.00,6,3,0.5000,700.00,400.00,0.5714\n"))
        let analysis = try String(contentsOf: directory.appendingPathComponent("2026-03-31/analysis.json"), encoding: .utf8)
        #expect(analysis.contains("\"graceDays\" : 29"))
        // A negative grace period in the file is a setting error naming the key.
        try Data("contracts:\n  files: x.csv\n  grace_days: -3\n".utf8).write(to: file)
        let bad = try CLIRunner.run(["report", "--config", file.path])
        #expect(bad.status == 2 && bad.standardError.contains("contracts.grace_days"))
    }

    @Test func npsByPeriodAndByGroup() throws {
        let answers = Self.example("nps.csv"), orders = Self.example("orders.csv")
        let periods = try CLIRunner.run(["nps", answers, "--orders", orders, "--format", "csv", "--quiet"])
        #expect(periods.status == 0, "\(periods.standardError)")
        let lines = periods.standardOutput.split(separator: "\n")
        #expect(lines.first == "period,answers,promoters,passives,detractors,nps")
        // Every line adds up: answers = promoters + passives + detractors; NPS = 100 × (P − D) / answers to one decimal.
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let (answers, promoters, passives, detractors) = (Int(fields[1])!, Int(fields[2])!, Int(fields[3])!, Int(fields[4])!)
            #expect(answers == promoters + passives + detractors)
            if answers > 0 { #expect(abs(Double(fields[5])! - 100 * Double(promoters - detractors) / Double(answers)) <= 0.05 + 1e-9) }
        }
        let groups = try CLIRunner.run(["nps", answers, "--orders", orders, "--by", "group", "--format", "csv", "--quiet"])
        let rows = groups.standardOutput.split(separator: "\n")
        #expect(rows.first == "group,customers,churned,churn_rate,churn_rate_low,churn_rate_high")
        #expect(rows.dropFirst().map { $0.split(separator: ",").first! } == ["promoter", "passive", "detractor"])
        // The sample lets detractors leave more often; the intervals must say so here.
        let table = try CLIRunner.run(["nps", answers, "--orders", orders, "--by", "group", "--quiet"])
        #expect(table.standardOutput.contains("(detractorsChurnMore)"))
    }

    @Test func scoresLike9of10Or11AreRejectedRowsNotACrash() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("nps.csv")
        try Data("customer_id,date,score\nA,2026-01-10,9/10\nB,2026-01-10,11\nA,2026-02-10,9\n".utf8).write(to: answers)
        let refused = try CLIRunner.run(["nps", answers.path, "--orders", CLIRunner.fixture("small-orders.csv")])
        #expect(refused.status == 2)
        #expect(refused.standardError.hasPrefix("cohort: error: 2 of 3 rows (66.7 %) could not be read"))
        #expect(refused.standardError.contains("'9/10' is not a whole score from 0 to 10"))
        let lenient = try CLIRunner.run(["nps", answers.path, "--orders", CLIRunner.fixture("small-orders.csv"), "--max-rejected", "100",
                                         "--format", "csv", "--quiet"])
        #expect(lenient.status == 0)
        #expect(lenient.standardError.contains("cohort: warning: 2 of 3 rows could not be read and were skipped"))
        #expect(lenient.standardOutput.contains("\n2026-02,1,1,0,0,100.0\n"))
    }

    @Test func sampleWritesConsistentContractsAndAnswers() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func sample(_ name: String) throws -> (orders: String, contracts: String, answers: String) {
            let paths = ["o", "c", "n"].map { folder.appendingPathComponent("\(name)-\($0).csv").path }
            let result = try CLIRunner.run(["sample", "--customers", "300", "--months", "24", "--seed", "5", "--out", paths[0],
                                            "--contracts", paths[1], "--nps", paths[2]])
            #expect(result.status == 0)
            return try (String(contentsOfFile: paths[0], encoding: .utf8), String(contentsOfFile: paths[1], encoding: .utf8),
                        String(contentsOfFile: paths[2], encoding: .utf8))
        }
        let first = try sample("a"), second = try sample("b")
        #expect(first.contracts == second.contracts && first.answers == second.answers && first.orders == second.orders)
        // Every contract and answer belongs to a customer of the orders; nothing starts after the orders' last month (October 2025).
        let customers = Set(first.orders.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] })
        let contractRows = first.contracts.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(contractRows.allSatisfy { customers.contains($0[1]) && $0[2] <= "2025-10-31" })
        #expect(first.answers.split(separator: "\n").dropFirst().allSatisfy { customers.contains($0.split(separator: ",")[0]) })
        // Running contracts (empty end), and renewals that start before, on and after the day after the old end.
        #expect(contractRows.contains { $0[3].isEmpty })
    }

    @Test func theExampleContractsRenewEarlyOnTimeLateOrNot() throws {
        // Days since 1970 of an ISO date (Howard Hinnant's days_from_civil), to compare starts and ends.
        func day(_ text: Substring) -> Int {
            let parts = text.split(separator: "-").map { Int($0)! }
            let (y, m, d) = (parts[1] <= 2 ? parts[0] - 1 : parts[0], parts[1], parts[2])
            let era = y / 400, yoe = y - era * 400
            let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
            return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        }
        let text = try String(contentsOfFile: Self.example("contracts.csv"), encoding: .utf8)
        var byCustomer: [Substring: [(start: Int, end: Int?)]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            byCustomer[fields[1], default: []].append((day(fields[2]), fields[3].isEmpty ? nil : day(fields[3])))
        }
        var early = 0, onTime = 0, late = 0, notRenewed = 0
        for contracts in byCustomer.values {
            let sorted = contracts.sorted { $0.start < $1.start }
            for (index, contract) in sorted.enumerated() {
                guard let end = contract.end else { continue }
                guard index + 1 < sorted.count, sorted[index + 1].start <= end + 30 else { notRenewed += 1; continue }
                let next = sorted[index + 1].start
                if next <= end { early += 1 } else if next == end + 1 { onTime += 1 } else { late += 1 }
            }
        }
        #expect(early > 0 && onTime > 0 && late > 0 && notRenewed > 0, "early \(early), on time \(onTime), late \(late), not \(notRenewed)")
        #expect(onTime > early && onTime > late) // most renew on time
    }
}
