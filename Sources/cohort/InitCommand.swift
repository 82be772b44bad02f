import ArgumentParser
import CohortReports
import CohortVocabulary
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented example configuration for a monthly report job.",
        discussion: """
        Edit the file, then run the monthly job with 'cohort report --config cohort.yml'. Its input, \
        examples/orders.csv, is the example data in cohort's repository: in the repository's folder the \
        file works as written; elsewhere, name your own order exports under input: files:.

        Examples:
          cohort init                     # writes cohort.yml here
          cohort init --out reports/shop.yml
        """)

    @Option(help: ArgumentHelp("Where to write the configuration.", valueName: "file"))
    var out: String = "cohort.yml"

    @Flag(help: "Replace the file if it exists.")
    var force = false

    @OptionGroup var locale: LocaleOption

    func run() throws {
        let words = locale.language.words
        if FileManager.default.fileExists(atPath: out) && !force {
            Terminal.error(words.configurationExists(out))
            throw ExitCode(2)
        }
        try CommandRun(language: locale.language, quiet: true).failingCleanly {
            try OutputFile.write(Data(Self.example(locale.language).utf8), to: out)
        }
        Terminal.note(words.configurationWritten(out))
        // Relative paths in the file are relative to its folder.
        let input = URL(fileURLWithPath: out).deletingLastPathComponent().appendingPathComponent(Self.exampleInput).path
        if !FileManager.default.fileExists(atPath: input) { Terminal.note(words.exampleInputMissing(Self.exampleInput, configuration: out)) }
    }

    /// The orders the example names: the example data in cohort's repository.
    static let exampleInput = "examples/orders.csv"

    /// The configuration `cohort init` writes, with `language` as the report's; a text file, ending with a newline.
    static func example(_ language: Language) -> String {
        template.replacingOccurrences(of: "{{locale}}", with: language.code) + "\n"
    }

    private static let template = """
    # cohort: configuration of a monthly cohort report.
    # Every key stands for a flag of `cohort report` (see `cohort report --help`); flags given on
    # the command line win over this file. Relative paths are relative to this file's folder.

    input:
      # Your order exports (CSV or .xlsx); several are read as one. EDIT THIS: examples/orders.csv is
      # the example data in cohort's repository, found when this file lies in the repository's folder.
      files:
        - examples/orders.csv
      # Or a PostgreSQL database (the password in PGPASSWORD or ~/.pgpass, never here):
      #   - postgresql://reporting@db.internal:5432/shop
      # table: sales.orders             # or query: SELECT ... (read-only)
      # pushdown: false                 # stream every row instead of letting the database sum
      # Column names; leave out to detect common English and German names.
      columns:
        # customer: Kundennummer
        # date: Bestelldatum
        # amount: Betrag
        # order: Rechnungsnummer
      # Read as detected from the data unless set:
      # delimiter: ";"              # , ; tab or |
      # encoding: windows-1252      # utf-8, utf-16, utf-16be, windows-1252, iso-8859-1
      # decimal: ","                # decimal separator of the amounts
      # date_format: DD/MM/YYYY     # or MM/DD/YYYY, for dates like 03/04/2026
      # sheet: Bestellungen         # worksheet of an .xlsx file (default: the first)
      # strict: true                # fail on any unreadable row
      max_rejected_percent: 1       # fail when more rows than this cannot be read

    analysis:
      period: month                 # month, week (ISO) or quarter
      churn_window: auto            # auto: within it 90% of repeat orders come; or a number of periods
      # as_of: 2026-10-31           # default: the latest order date
      # gross_margin: 0.35          # CLV on margin instead of revenue
      # min_cohort: 30              # smaller cohorts are drawn faded

    # Targets for the headline figures: a traffic light on each card and a word in the summary.
    # Keys: active_customers, churn_rate, customers_kept, revenue, nrr, grr, clv_12m,
    # average_order_value; crr_12 is the target line of the trends chart (default 0.85).
    # Rates as fractions, money in currency units.
    targets:
      customers_kept: 0.9
      # churn_rate: 0.05
      # nrr: 1.0

    report:
      locale: {{locale}}                    # en or de
      currency: EUR
      # company: Muster GmbH
      # logo: branding/logo.png      # PNG or SVG
      # templates: branding/templates   # your own report.html.mustache, report.md.mustache, index.html.mustache
      out: output                   # the report goes to <out>/<as-of date>/
      # csv_dialect: excel-de       # CSV files: rfc4180 (, and .) or excel-de (; and decimal comma, BOM, CRLF);
                                    # default excel-de for locale de, else rfc4180

    # Publishing into a shared folder (e.g. the intranet): the report is built aside and
    # renamed into <folder>/<period>/ in one step; <folder>/index.html lists every period.
    # publish:
    #   folder: /srv/intranet/cohort-reports
    #   keep: 24                    # keep the newest 24 periods

    # Email: every report folder holds report.eml, the report as a message (the summary, the
    # headline cards and the retention heat map, with report.pdf attached); without `to` it is a
    # draft to open in a mail program. With `to` and `smtp` it is also sent once the report is
    # written. The password comes from the environment variable COHORT_SMTP_PASSWORD, or from
    # `password:` here if nobody else can read this file.
    # mail:
    #   to: [controlling@muster.example, "Vorstand <vorstand@muster.example>"]
    #   from: "Kohortenbericht <berichte@muster.example>"
    #   smtp: mail.muster.example:587
    #   starttls: true              # encrypt before logging in (needed for a password over the network)
    #   user: berichte
    #   # ca_file: certificates/company-ca.pem   # trust your own CA for STARTTLS

    # Contracts (MRR, renewals) and NPS survey answers beside the orders; with contracts and no
    # input files, the whole report runs on MRR. Columns are detected unless named.
    # contracts:
    #   files: [vertraege.xlsx]
    #   columns: {start: Vertragsbeginn, end: Vertragsende, mrr: monatlicher Betrag}
    #   grace_days: 30              # a renewal may start this many days after the end
    # nps:
    #   files: [umfrage.csv]
    #   columns: {score: Bewertung}
    """
}
