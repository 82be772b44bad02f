import ArgumentParser
import CohortExcel
import CohortReports
import CohortVocabulary
import Foundation

/// Where a command's output goes and how its CSV is written; shared by matrix, kpis, survival,
/// customers and clv.
///
/// `--format xlsx` is a binary workbook: it goes to `--out FILE`, or to standard output when
/// that is a file or a pipe; a terminal gets a one-line error instead of bytes.
struct ExportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("CSV dialect: rfc4180 writes ',' and '.', as scripts read it; excel-de writes ';', the decimal "
                               + "comma, UTF-8 with BOM and CRLF, so that German Excel opens it on a double-click. Default: "
                               + "excel-de with --locale de, else rfc4180 (LANG alone never changes it). The column keys are the "
                               + "same in both.",
                               valueName: "dialect"))
    var csvDialect: CSVExportDialect?

    @Option(help: ArgumentHelp("Write the output to this file (written aside, then renamed in) instead of standard output.",
                               valueName: "file"))
    var out: String?

    /// The dialect of `--format csv`: the one given, else `excel-de` when `--locale de` was given
    /// on the command line, else `rfc4180`, so that scripts reading standard output are not
    /// changed by the machine's `LANG`.
    func dialect(locale: Language?) -> CSVExportDialect {
        csvDialect ?? locale.map(CSVExportDialect.default(for:)) ?? .rfc4180
    }

    /// Refuses `--format xlsx` to a terminal before any work is done (exit status 2).
    func refuseBinaryOnTerminal(_ format: OutputFormat) throws {
        guard format == .xlsx, out == nil, isatty(STDOUT_FILENO) == 1 else { return }
        Terminal.error("--format xlsx writes a binary workbook: name the file with --out FILE.xlsx, or redirect standard output")
        throw ExitCode(2)
    }

    /// Writes `text` to `--out` or standard output.
    func deliver(_ text: String) throws {
        try deliver(Data(text.utf8))
    }

    func deliver(_ data: Data) throws {
        guard let out else { return Terminal.write(data) }
        try OutputFile.write(data, to: out)
    }

    /// Writes `contents` to `--out` or standard output piece by piece, as they are made.
    func deliver(_ contents: StreamedFile) throws {
        guard let out else {
            return contents.write { bytes in
                Terminal.write(bytes) // ends the run on a failed write
                return true
            }
        }
        try OutputFile.write(contents, to: out)
    }

    /// Writes `workbook` as `.xlsx` to `--out` or standard output, and warns of what had to change.
    func deliver(_ workbook: ExcelWorkbook, words: any Vocabulary) throws {
        let file = try ExcelWriter.file(of: workbook)
        for warning in file.warnings { Terminal.warn(words.describe(warning)) }
        try deliver(file.data)
    }
}

extension CSVExportDialect: ExpressibleByArgument {}
