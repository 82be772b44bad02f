import ArgumentParser
import CohortCharts
import CohortCore
import CohortJob
import CohortReports
import CohortVocabulary
import Foundation

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw one chart as PNG, SVG or PDF, ready to attach to an email.",
        discussion: """
        The charts are those of the report; --chart lists them.

        Examples:
          cohort chart orders.csv --chart retention --out retention.png
          cohort chart orders.csv --chart revenue-bridge --format pdf --out bridge.pdf
          cohort chart orders.csv --chart trends --locale de --out trends.svg
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var segments: SegmentOptions
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var progress: ProgressOptions
    @OptionGroup var look: LookOptions

    @Option(help: "Which chart to draw.")
    var chart: ChartKind = .retention

    @Option(help: "png, svg or pdf (default: from the --out extension, else png).")
    var format: ChartFormat?

    @Option(help: ArgumentHelp("Output file.", valueName: "file"))
    var out: String

    func run() throws {
        var options = JobOptions.fromEnvironment()
        input.apply(to: &options)
        segments.apply(to: &options)
        analysis.apply(to: &options)
        try options.requireInputs()
        look.apply(to: &options)
        let job = ReportJob(options: options)
        let run = CommandRun(language: options.look.language, quiet: progress.quiet)
        try run { events in
            var timings = JobTimings()
            let result = try ReportJob(options: options, events: events).analyse(timings: &timings)
            let chosenFormat = format ?? ChartFormat(rawValue: URL(fileURLWithPath: out).pathExtension.lowercased()) ?? .png
            let data = try ChartRenderer(analysis: result, style: job.chartStyle(sources: result.input.sources)).render(chart, as: chosenFormat)
            try OutputFile.write(data, to: out)
            Terminal.note(options.look.language.words.chartWritten(chart.rawValue, to: out))
        }
    }
}

/// How charts and reports look: language, currency, scale, font and retention target.
struct LookOptions: ParsableArguments {
    @Option(help: "Language of labels, numbers and messages: en or de (default: from LANG).")
    var locale: Language?

    @Option(help: "Currency code of the amounts (default: EUR); amounts marked with another currency ('$' beside EUR) are warned of.")
    var currency: String?

    @Option(help: "PNG pixels per point (default: 2, sharp on high-density screens).")
    var scale: Double?

    @Option(help: "Target for the customer retention rate over 12 months (target line and traffic light; default: 0.85).")
    var retentionTarget: Double?

    @Option(help: "Font family (default: DejaVu Sans).")
    var font: String?

    func validate() throws {
        if let scale, !(scale > 0 && scale <= 8) { throw ValidationError("--scale must be between 0 and 8.") }
        if let retentionTarget, !(retentionTarget > 0 && retentionTarget <= 1) {
            throw ValidationError("--retention-target is a fraction, e.g. 0.85.")
        }
    }

    func apply(to options: inout JobOptions) {
        options.look.language = locale ?? options.look.language
        options.look.currency = currency ?? options.look.currency
        options.look.scale = scale ?? options.look.scale
        options.look.retentionTarget = retentionTarget ?? options.look.retentionTarget
        options.look.font = font ?? options.look.font
        // Commands that show money in a currency warn of amounts marked with another.
        options.read.currency = options.look.currency
    }
}

extension ChartKind: ExpressibleByArgument {}
extension ChartFormat: ExpressibleByArgument {}
