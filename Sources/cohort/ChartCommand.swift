import ArgumentParser
import CohortCharts
import CohortCore
import Foundation

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw one chart as PNG, SVG or PDF, ready to attach to an email.",
        discussion: """
        Charts: retention, revenue-retention, grr (heat maps by cohort and age), curves (retention
        curves), customer-bridge, revenue-bridge, trends (churn, CRR, NRR, GRR, AOV), ltv.

        Examples:
          cohort chart orders.csv --chart retention --out retention.png
          cohort chart orders.csv --chart revenue-bridge --format pdf --out bridge.pdf
          cohort chart orders.csv --chart trends --locale de --out trends.svg
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var look: ChartOptions

    @Option(help: "Which chart to draw.")
    var chart: ChartKind = .retention

    @Option(help: "png, svg or pdf (default: from the --out extension, else png).")
    var format: ChartFormat?

    @Option(help: ArgumentHelp("Output file.", valueName: "file"))
    var out: String

    func run() throws {
        let (result, _) = try analyse(input, analysis, quiet: progress.quiet, currency: look.currency)
        let chosenFormat = format ?? ChartFormat(rawValue: URL(fileURLWithPath: out).pathExtension.lowercased()) ?? .png
        try failingCleanly {
            let data = try ChartRenderer(analysis: result, style: look.style(source: input.files)).render(chart, as: chosenFormat)
            try data.write(to: URL(fileURLWithPath: out), options: .atomic)
            Terminal.note("Wrote \(chart.rawValue) chart to \(out)")
        }
    }
}

/// How charts look: language, currency, scale, font and retention target.
struct ChartOptions: ParsableArguments {
    @Option(help: "Language of labels and numbers: en or de (default: from LANG).")
    var locale: ChartLocale?

    @Option(help: "Currency code of the amounts; amounts marked with another currency ('$' beside EUR) are warned of.")
    var currency: String = "EUR"

    @Option(help: "PNG pixels per point (2 = sharp on high-density screens).")
    var scale: Double = 2

    @Option(help: "Target for the customer retention rate over 12 months (target line and traffic light), e.g. 0.85.")
    var retentionTarget: Double = 0.85

    @Option(help: "Font family.")
    var font: String = "DejaVu Sans"

    func validate() throws {
        guard scale > 0 && scale <= 8 else { throw ValidationError("--scale must be between 0 and 8.") }
        guard retentionTarget > 0 && retentionTarget <= 1 else { throw ValidationError("--retention-target is a fraction, e.g. 0.85.") }
    }

    func style(source files: [String]) -> ChartStyle {
        let source = files.count == 1 ? URL(fileURLWithPath: files[0]).lastPathComponent : "\(files.count) files"
        return ChartStyle(fontFamily: font, locale: locale ?? Self.environmentLocale, currency: currency, scale: scale,
                          retentionTarget: retentionTarget, source: files == ["-"] ? nil : source)
    }

    /// German when LANG / LC_ALL / LC_MESSAGES start with "de", English otherwise.
    static var environmentLocale: ChartLocale {
        let environment = ProcessInfo.processInfo.environment
        let language = environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? ""
        return language.hasPrefix("de") ? .german : .english
    }
}

extension ChartKind: ExpressibleByArgument {}
extension ChartFormat: ExpressibleByArgument {}
extension ChartLocale: ExpressibleByArgument {}
