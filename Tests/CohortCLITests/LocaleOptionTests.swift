import Foundation
import Testing

/// `--locale` on every command that prints words; the terminal tables speak it, CSV and JSON stay as they are.
struct LocaleOptionTests {
    /// A table row with its runs of spaces as one: "2026-02 2 1 0 1 2 50,0 % …".
    private func row(_ output: String, startingWith label: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(label) }.map { $0.split(separator: " ").joined(separator: " ") }
    }

    @Test func kpisTableInGerman() throws {
        let result = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--locale", "de"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Kennzahlen je Periode, Stand 31.03.2026 (Abwanderungsfenster 1)\n"))
        #expect(result.standardOutput.contains("Periode  Beginn  Neu  Zurückgew.  Abgewandert  Ende  Abwanderung"))
        // February (KPIsCommandTests): start 2, new 1, none won back, 1 churned, end 2; churn and CRR 50 %;
        // no 12-month rates yet; revenue 110, 2 orders of 55 on average.
        #expect(row(result.standardOutput, startingWith: "2026-02") == "2026-02 2 1 0 1 2 50,0 % 50,0 % – – 110,00 2 55,00")
    }

    @Test func matrixAndSurvivalTablesInGerman() throws {
        let matrix = try CLIRunner.run(["matrix", CLIRunner.fixture("small-orders.csv"), "--locale", "de"])
        #expect(matrix.status == 0, "\(matrix.standardError)")
        #expect(matrix.standardOutput.hasPrefix("Kundenbindung nach Kohorte, Stand 31.03.2026 (Monatsperioden)\n"))
        // January's cohort A, B: both in M0, A in M1 and M2 → 100 %, 50 %, 50 %; February's C: 100 %, 100 %.
        #expect(row(matrix.standardOutput, startingWith: "2026-01") == "2026-01 2 100 % 50 % 50 %")
        #expect(row(matrix.standardOutput, startingWith: "Durchschnitt") == "Durchschnitt 100 % 67 % 50 %")
        let survival = try CLIRunner.run(["survival", CLIRunner.fixture("small-orders.csv"), "--locale=de"])
        #expect(survival.status == 0, "\(survival.standardError)")
        #expect(survival.standardOutput.hasPrefix("Kaplan-Meier-Kundenbindung: noch im Kundenbestand nach Alter seit dem Erstkauf, Stand 31.03.2026"))
        #expect(survival.standardOutput.contains("Alter  Unter Risiko  Abgewandert  Zensiert  Noch im Bestand"))
    }

    @Test func localeWinsOverTheEnvironmentAndCSVStaysAsItIs() throws {
        let german = ["LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"]
        let english = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--locale", "en"], environment: german)
        #expect(english.standardOutput.hasPrefix("Period KPIs, as of 2026-03-31 (churn window 1)\n"))
        let fromEnvironment = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv")], environment: german)
        #expect(fromEnvironment.standardOutput.hasPrefix("Kennzahlen je Periode"))
        // The column keys and numbers of the default dialect stay as scripts read them ...
        let csv = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--locale", "de", "--format", "csv",
                                     "--csv-dialect", "rfc4180"])
        #expect(csv.standardOutput.split(separator: "\n").dropFirst(2).first?.hasPrefix("2026-02,false,2,1,0,1,2,0.5000,0.5000,") == true)
        // ... while --locale de alone gives German Excel its dialect: ';' and the decimal comma, CRLF.
        let excelDE = try CLIRunner.run(["kpis", CLIRunner.fixture("small-orders.csv"), "--locale", "de", "--format", "csv"])
        #expect(excelDE.standardOutput.components(separatedBy: "\r\n").dropFirst(2).first?
            .hasPrefix("2026-02;false;2;1;0;1;2;0,5000;0,5000;") == true)
    }

    @Test func sampleAndInitSpeakGerman() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let sample = try CLIRunner.run(["sample", "--customers", "5", "--months", "2", "--out", "orders.csv", "--locale", "de"],
                                       currentDirectory: folder)
        #expect(sample.status == 0)
        #expect(sample.standardError.contains("Kunden") && sample.standardError.contains("geschrieben nach orders.csv"))
        let initialize = try CLIRunner.run(["init", "--locale", "de"], currentDirectory: folder)
        #expect(initialize.status == 0)
        #expect(initialize.standardError.hasPrefix("cohort.yml geschrieben. Anpassen, dann ausführen: cohort report --config cohort.yml\n"))
        let configuration = try String(contentsOf: folder.appendingPathComponent("cohort.yml"), encoding: .utf8)
        #expect(configuration.contains("\n  locale: de "))
    }

    @Test func everyCommandThatPrintsWordsTakesLocale() throws {
        for command in ["report", "summary", "customers", "clv", "segments", "matrix", "kpis", "survival", "chart", "init", "sample"] {
            let help = try CLIRunner.run([command, "--help"], environment: ["COLUMNS": "100"])
            #expect(help.standardOutput.contains("  --locale <locale> "), "cohort \(command) has no --locale")
        }
    }
}
