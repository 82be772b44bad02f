import CohortCharts
import CohortCore
import CohortIngest
import Foundation

/// Formats the report's numbers and sentences in its language.
struct ReportText {
    let locale: ChartLocale
    let currency: String
    let kind: PeriodKind

    private var german: Bool { locale == .german }
    private func pick(_ english: String, _ deutsch: String) -> String { german ? deutsch : english }

    // MARK: Numbers

    func count(_ value: Int) -> String { locale.count(value) }

    /// "+41", "−37", "0".
    func signed(_ value: Int) -> String {
        value > 0 ? "+" + locale.count(value) : value < 0 ? "−" + locale.count(-value) : "0"
    }

    func percent(_ value: Double?) -> String { value.map { locale.percent($0) } ?? "–" }
    func wholePercent(_ value: Double) -> String { locale.wholePercent(value) }
    func money(_ money: Money) -> String { locale.money(money.units, currency: currency) }

    func value(_ value: Double?, _ unit: HeadlineKPI.Unit) -> String {
        guard let value else { return "–" }
        switch unit {
        case .percent: return locale.percent(value)
        case .count: return locale.count(Int(value.rounded()))
        case .money: return locale.money(value, currency: currency)
        }
    }

    /// Percentage points for rates ("+1.2 pp"), relative change otherwise ("+5.3%"); "–" without a base.
    func change(from old: Double?, to new: Double?, _ unit: HeadlineKPI.Unit) -> String {
        guard let old, let new else { return "–" }
        if unit == .percent {
            let points = (new - old) * 100
            return sign(points) + locale.decimal(abs(points), places: 1) + (german ? " Pp." : " pp")
        }
        guard old != 0 else { return "–" }
        let relative = (new - old) / abs(old)
        return sign(relative * 100) + locale.percent(abs(relative))
    }

    private func sign(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded > 0 ? "+" : rounded < 0 ? "−" : "±"
    }

    /// "better", "worse" or "same".
    func trend(from old: Double?, to new: Double?, higherIsBetter: Bool) -> String {
        guard let old, let new, abs(new - old) > 1e-9 else { return "same" }
        return (new > old) == higherIsBetter ? "better" : "worse"
    }

    func statusText(_ status: TrafficLight, target: String) -> String {
        let word: String
        switch status {
        case .good: word = pick("on target", "im Ziel")
        case .warning: word = pick("close to target", "knapp am Ziel")
        case .bad: word = pick("off target", "nicht im Ziel")
        case .none: word = pick("no value", "kein Wert")
        }
        return "\(word) (\(pick("target", "Ziel")) \(target))"
    }

    // MARK: Periods

    /// "October 2026", "week 9, 2026" / "KW 9/2026", "Q3 2026" / "3. Quartal 2026".
    func periodName(_ period: PeriodInfo) -> String {
        switch kind {
        case .month:
            return "\(locale.monthNames[period.firstDay.month - 1]) \(period.firstDay.year)"
        case .week:
            let parts = period.label.split(separator: "-W")
            let week = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
            let year = parts.first.map(String.init) ?? ""
            return german ? "KW \(week)/\(year)" : "week \(week), \(year)"
        case .quarter:
            let quarter = (period.firstDay.month - 1) / 3 + 1
            return german ? "\(quarter). Quartal \(period.firstDay.year)" : "Q\(quarter) \(period.firstDay.year)"
        }
    }

    /// The period's label in tables, marked when partial: "2026-10*".
    func periodLabel(_ kpi: PeriodKPIs) -> String { kpi.label + (kpi.partial ? "*" : "") }

    var periodAdjective: String {
        switch kind {
        case .month: return pick("monthly periods", "Monatsperioden")
        case .week: return pick("weekly periods (ISO weeks)", "Wochenperioden (ISO-Wochen)")
        case .quarter: return pick("quarterly periods", "Quartalsperioden")
        }
    }

    var ageLetter: String {
        switch kind {
        case .month: return "M"
        case .week: return "W"
        case .quarter: return "Q"
        }
    }

    func matrixTitle(_ metric: HeatMapMetric) -> String {
        switch metric {
        case .retention: return pick("Customer retention by cohort", "Kundenbindung je Kohorte")
        case .revenueRetention: return pick("Revenue retention by cohort (NRR)", "Umsatzbindung je Kohorte (NRR)")
        case .grossRevenueRetention: return pick("Gross revenue retention by cohort (GRR)", "Bruttoumsatzbindung je Kohorte (GRR)")
        }
    }

    /// "2026-11-23 18:45 UTC" / "23.11.2026, 18:45 UTC".
    func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let secondOfDay = seconds - Int((Double(seconds) / 86_400).rounded(.down)) * 86_400
        let hour = secondOfDay / 3_600, minute = secondOfDay % 3_600 / 60
        let time = "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute) UTC"
        if german {
            return "\(day.day < 10 ? "0" : "")\(day.day).\(day.month < 10 ? "0" : "")\(day.month).\(day.year), \(time)"
        }
        return "\(day) \(time)"
    }

    func partialNote(running period: PeriodInfo, asOf: CivilDate, headline: String) -> String {
        let running = periodName(period)
        return pick("\(running) is still running (data up to \(locale.longDate(asOf))); the headline reports \(headline), the last complete period.",
                    "\(running) läuft noch (Daten bis \(locale.longDate(asOf))); die Kennzahlen zeigen \(headline), die letzte vollständige Periode.")
    }

    // MARK: Charts

    func chartTitle(_ kind: ChartKind) -> String {
        switch kind {
        case .retention: return matrixTitle(.retention)
        case .revenueRetention: return matrixTitle(.revenueRetention)
        case .grr: return matrixTitle(.grossRevenueRetention)
        case .curves: return pick("Retention curves", "Bindungskurven")
        case .customerBridge: return pick("Customer bridge", "Kundenbrücke")
        case .revenueBridge: return pick("Revenue bridge", "Umsatzbrücke")
        case .trends: return pick("KPI trends", "KPI-Verlauf")
        case .ltv: return pick("Cumulative revenue per customer (LTV curves)", "Kumulierter Umsatz je Kunde (LTV-Kurven)")
        case .survival: return pick("Customers still live (Kaplan–Meier)", "Noch im Kundenbestand (Kaplan-Meier)")
        }
    }

    /// What the chart shows, in a sentence with its key numbers (the alternative text).
    func chartDescription(_ kind: ChartKind, _ analysis: CohortAnalysis) -> String {
        let cohorts = count(analysis.cohorts.count)
        func average(_ age: Int, _ value: KeyPath<AgeAverage, Ratio>) -> String {
            age < analysis.averages.count ? percent(analysis.averages[age][keyPath: value].value) : "–"
        }
        let year = analysis.options.period.periodsPerYear
        switch kind {
        case .retention, .curves:
            return pick("\(cohorts) cohorts; on average \(average(1, \.retention)) of a cohort buys again in its first \(periodNoun) after acquisition, \(average(year, \.retention)) after a year.",
                        "\(cohorts) Kohorten; im Schnitt kaufen \(average(1, \.retention)) einer Kohorte in der ersten Periode nach dem Erstkauf wieder, \(average(year, \.retention)) nach einem Jahr.")
        case .revenueRetention:
            return pick("\(cohorts) cohorts; on average a cohort's revenue after a year is \(average(year, \.revenueRetention)) of its first \(periodNoun).",
                        "\(cohorts) Kohorten; im Schnitt erreicht der Umsatz einer Kohorte nach einem Jahr \(average(year, \.revenueRetention)) der Erstkaufperiode.")
        case .grr:
            return pick("\(cohorts) cohorts; on average \(average(year, \.grossRevenueRetention)) of first-\(periodNoun) revenue is kept after a year, not counting expansion.",
                        "\(cohorts) Kohorten; im Schnitt bleiben nach einem Jahr \(average(year, \.grossRevenueRetention)) des Erstkaufumsatzes, ohne Mehrumsatz.")
        case .customerBridge:
            return pick("New, won-back and churned customers per \(periodNoun), with the net change.",
                        "Neue, zurückgewonnene und abgewanderte Kunden je Periode, mit der Nettoveränderung.")
        case .revenueBridge:
            return pick("Revenue movements per \(periodNoun): new, expansion, reactivation, contraction and churned, with the net change.",
                        "Umsatzbewegungen je Periode: neu, Ausweitung, Reaktivierung, Rückgang und abgewandert, mit der Nettoveränderung.")
        case .trends:
            return pick("Churn rate and customer retention rate against the target, NRR and GRR over 12 months, and average order value.",
                        "Abwanderungs- und Kundenbindungsrate gegen das Ziel, NRR und GRR über 12 Monate und durchschnittlicher Bestellwert.")
        case .ltv:
            return pick("Cumulative revenue per customer by cohort and age; on average \(money12(analysis)) per customer after a year.",
                        "Kumulierter Umsatz je Kunde nach Kohorte und Alter; im Schnitt \(money12(analysis)) je Kunde nach einem Jahr.")
        case .survival:
            let points = analysis.survival ?? []
            let window = analysis.options.churnWindow
            let afterYear = points.first { $0.age == year }.map { percent($0.survival) } ?? "–"
            guard let median = points.first(where: { $0.survival < 0.5 }) else {
                return pick("Share of customers still live by age since acquisition (churn window \(window)); \(afterYear) after a year.",
                            "Anteil der Kunden, die nach so vielen Perioden seit dem Erstkauf noch im Bestand sind (Abwanderungsfenster \(window)); \(afterYear) nach einem Jahr.")
            }
            return pick("Half of the customers have churned by \(periodNoun) \(median.age) after acquisition; \(afterYear) stay live for a year (Kaplan–Meier, churn window \(window)).",
                        "Die Hälfte der Kunden ist bis Periode \(median.age) nach dem Erstkauf abgewandert; \(afterYear) bleiben ein Jahr im Bestand (Kaplan-Meier, Abwanderungsfenster \(window)).")
        }
    }

    private var periodNoun: String {
        switch kind {
        case .month: return "month"
        case .week: return "week"
        case .quarter: return "quarter"
        }
    }

    private func money12(_ analysis: CohortAnalysis) -> String {
        let age = kind.periodsPerYear
        guard age < analysis.averages.count, let value = analysis.averages[age].cumulativeRevenuePerCustomer.value else { return "–" }
        return locale.money(value, currency: currency)
    }

    // MARK: Sentences

    /// "312 customers at the start, +41 new, +9 won back, −37 churned → 325 at the end."
    func customerSentence(_ kpi: PeriodKPIs, period info: PeriodInfo) -> String {
        let c = kpi.customers
        let period = periodName(info)
        return pick("\(period): \(count(c.start)) customers at the start, \(signed(c.new)) new, \(signed(c.reactivated)) won back, \(signed(-c.churned)) churned → \(count(c.end)) at the end.",
                    "\(period): \(count(c.start)) Kunden zu Beginn, \(signed(c.new)) neu, \(signed(c.reactivated)) zurückgewonnen, \(signed(-c.churned)) abgewandert → \(count(c.end)) am Ende.")
    }

    /// "Recurring revenue €1,214,362 at the start, +€136,416 new, ... → €1,283,793 at the end."
    func revenueSentence(_ kpi: PeriodKPIs, period info: PeriodInfo) -> String {
        let r = kpi.revenueBridge
        let period = periodName(info)
        func signedMoney(_ money: Money) -> String {
            money.minorUnits == 0 ? self.money(money) : (money.minorUnits > 0 ? "+" : "−") + self.money(Money(minorUnits: abs(money.minorUnits)))
        }
        return pick("\(period): revenue \(money(r.start)) at the start, \(signedMoney(r.new)) new, \(signedMoney(r.expansion)) expansion, \(signedMoney(r.reactivation)) reactivation, \(signedMoney(r.contraction)) contraction, \(signedMoney(r.churned)) churned → \(money(r.end)) at the end.",
                    "\(period): Umsatz \(money(r.start)) zu Beginn, \(signedMoney(r.new)) neu, \(signedMoney(r.expansion)) Ausweitung, \(signedMoney(r.reactivation)) Reaktivierung, \(signedMoney(r.contraction)) Rückgang, \(signedMoney(r.churned)) abgewandert → \(money(r.end)) am Ende.")
    }

    // MARK: Data quality

    /// One line per thing worth knowing about the input.
    func dataQuality(_ analysis: CohortAnalysis, rejected: [RejectedRow]) -> [String] {
        let quality = analysis.dataQuality
        let input = analysis.input
        let repeats = input.rowsDuplicated > 0
            ? pick(", \(count(input.rowsDuplicated)) skipped as repeats of an earlier file", ", \(count(input.rowsDuplicated)) als Wiederholung einer früheren Datei übersprungen")
            : ""
        var lines = [pick("\(count(input.rowsRead)) rows read, \(count(input.rowsRejected)) rejected",
                          "\(count(input.rowsRead)) Zeilen gelesen, \(count(input.rowsRejected)) abgewiesen")
            + repeats + (rejected.isEmpty ? "." : pick(" (listed in rejected.csv).", " (aufgeführt in rejected.csv)."))]
        // Files by name, as in the header: a report must not show the folders of the machine that made it.
        func shortened(_ line: String) -> String {
            input.sources.reduce(line) { text, source in
                text.replacingOccurrences(of: source + ":", with: URL(fileURLWithPath: source).lastPathComponent + ":")
            }
        }
        for row in rejected.prefix(5) { lines.append("– " + shortened(german ? row.germanDescription : row.description)) }
        // How each file was read and what looked odd, as the reader worded it (in German when it could).
        let formats = german && input.germanFormats.count == input.formats.count ? input.germanFormats : input.formats
        let warnings = german && input.germanWarnings.count == input.warnings.count ? input.germanWarnings : input.warnings
        for format in formats { lines.append(pick("Read ", "Gelesen: ") + shortened(format) + ".") }
        for warning in warnings { lines.append(pick("Warning: ", "Warnung: ") + shortened(warning) + ".") }
        if quality.rowsAfterAsOf > 0 {
            lines.append(pick("\(count(quality.rowsAfterAsOf)) rows dated after the as-of date are not included.",
                              "\(count(quality.rowsAfterAsOf)) Zeilen nach dem Stichtag sind nicht enthalten."))
        }
        if quality.rowsBeforeAcquisition > 0 {
            lines.append(pick("\(count(quality.rowsBeforeAcquisition)) rows (\(money(quality.amountBeforeAcquisition))) are dated before their customer's first purchase and are left out.",
                              "\(count(quality.rowsBeforeAcquisition)) Zeilen (\(money(quality.amountBeforeAcquisition))) liegen vor dem Erstkauf ihres Kunden und bleiben außen vor."))
        }
        if quality.customersWithoutPositiveOrder > 0 {
            lines.append(pick("\(count(quality.customersWithoutPositiveOrder)) customers have no order with a positive amount (\(count(quality.rowsOfCustomersWithoutPositiveOrder)) rows) and are left out.",
                              "\(count(quality.customersWithoutPositiveOrder)) Kunden haben keine Bestellung mit positivem Betrag (\(count(quality.rowsOfCustomersWithoutPositiveOrder)) Zeilen) und bleiben außen vor."))
        }
        if quality.isClean && rejected.isEmpty && input.rowsDuplicated == 0 { lines.append(pick("Every row was used.", "Alle Zeilen wurden verwendet.")) }
        return lines
    }
}

/// Backslash escapes for Markdown text that comes from the data.
enum MarkdownText {
    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\\`*_{}[]<>()#+!|~".contains(character) { result.append("\\") }
            result.append(character == "\n" || character == "\r" ? " " : character)
        }
        return result
    }
}
