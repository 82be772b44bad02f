import ArgumentParser
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented example configuration for a monthly report job.",
        discussion: """
        Edit the file, then run the monthly job with:
          cohort report --config cohort.yml

        Examples:
          cohort init                     # writes cohort.yml here
          cohort init --out reports/shop.yml
        """)

    @Option(help: ArgumentHelp("Where to write the configuration.", valueName: "file"))
    var out: String = "cohort.yml"

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        if FileManager.default.fileExists(atPath: out) && !force {
            Terminal.error("\(out) exists already; use --force to replace it")
            throw ExitCode(2)
        }
        try CommandRun.inEnvironmentLanguage.failingCleanly {
            try Data(Self.example.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        }
        Terminal.note("Wrote \(out). Edit it, then run: cohort report --config \(out)")
    }

    static let example = """
    # cohort: configuration of a monthly cohort report.
    # Every key stands for a flag of `cohort report` (see `cohort report --help`); flags given on
    # the command line win over this file. Relative paths are relative to this file's folder.

    input:
      # One or more order exports (CSV). Several files are read as one.
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
      locale: en                    # en or de
      currency: EUR
      # company: Muster GmbH
      # logo: branding/logo.png      # PNG or SVG
      # templates: branding/templates   # your own report.html.mustache, report.md.mustache, index.html.mustache
      out: output                   # the report goes to <out>/<as-of date>/

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
    """
}
