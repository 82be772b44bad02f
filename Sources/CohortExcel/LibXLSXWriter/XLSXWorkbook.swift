import CXLSXWriter
import Foundation

/// A libxlsxwriter workbook being built; owns the `lxw_workbook` until ``close()``.
///
/// libxlsxwriter 1.1.4 writes only to a file, at `workbook_close`, which also frees
/// the workbook; if the workbook is never closed (an error on the way), `deinit`
/// frees it without writing. Formats belong to the workbook and are made once per
/// distinct look (``format(_:)``).
final class XLSXWorkbook {
    private var pointer: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [XLSXFormatKey: UnsafeMutablePointer<lxw_format>] = [:]

    /// A workbook that will be written to `path`; libxlsxwriter's own temporary files go to `temporaryDirectory`.
    init(path: String, temporaryDirectory: String) throws(ExcelError) {
        let made = temporaryDirectory.withCString { directory in
            var options = lxw_workbook_options(constant_memory: 0, tmpdir: UnsafeMutablePointer(mutating: directory), use_zip64: 0)
            return workbook_new_opt(path, &options)
        }
        guard let made else {
            throw .library(XLSXWriterCode(LXW_ERROR_MEMORY_MALLOC_FAILED), function: "workbook_new_opt", sheet: nil, cell: nil)
        }
        pointer = made
    }

    deinit {
        if let pointer { lxw_workbook_free(pointer) }
    }

    private var workbook: UnsafeMutablePointer<lxw_workbook> {
        // Only ``close()`` clears the pointer, and nothing is called after it.
        guard let pointer else { preconditionFailure("XLSXWorkbook used after close()") }
        return pointer
    }

    func setProperties(_ properties: ExcelDocumentProperties) throws(ExcelError) {
        var strings: [UnsafeMutablePointer<CChar>] = []
        defer { strings.forEach { free($0) } }
        func copy(_ text: String?) -> UnsafeMutablePointer<CChar>? {
            guard let text else { return nil }
            let copied = strdup(CellText.plain(text))
            if let copied { strings.append(copied) }
            return copied
        }
        var options = lxw_doc_properties()
        options.title = copy(properties.title)
        options.subject = copy(properties.subject)
        options.author = copy(properties.author)
        options.company = copy(properties.company)
        options.keywords = copy(properties.keywords)
        options.comments = copy(properties.comments)
        // 0 means "now" to libxlsxwriter; one second later keeps the output reproducible.
        let seconds = time_t(properties.created.timeIntervalSince1970.rounded(.down))
        options.created = seconds == 0 ? 1 : seconds
        try check(workbook_set_properties(workbook, &options), "workbook_set_properties")
    }

    /// Adds a sheet named `name`, which must already follow Excel's rules (``SheetNaming``).
    func addWorksheet(named name: String) throws(ExcelError) -> XLSXWorksheet {
        try check(workbook_validate_sheet_name(workbook, name), "workbook_validate_sheet_name", sheet: name)
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw .library(XLSXWriterCode(LXW_ERROR_PARAMETER_VALIDATION), function: "workbook_add_worksheet", sheet: name, cell: nil)
        }
        return XLSXWorksheet(pointer: sheet, name: name)
    }

    /// The workbook's format for `key`, made on first use.
    func format(_ key: XLSXFormatKey) -> UnsafeMutablePointer<lxw_format>? {
        guard key != .plain else { return nil }
        if let format = formats[key] { return format }
        guard let format = workbook_add_format(workbook) else { return nil }
        if let code = key.numberFormat { format_set_num_format(format, code) }
        if key.bold { format_set_bold(format) }
        if key.bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        formats[key] = format
        return format
    }

    /// Writes the file and frees the workbook.
    ///
    /// Numbers are formatted only now, with `snprintf` (see `cxlsx_new_c_locale` in the
    /// shim), so this thread uses the C locale meanwhile: `0.5`, never `0,5`.
    func close() throws(ExcelError) {
        let workbook = workbook
        pointer = nil
        let cLocale = cxlsx_new_c_locale()
        let previous = cLocale.flatMap { uselocale($0) }
        let code = workbook_close(workbook)
        if let previous { uselocale(previous) }
        if let cLocale { freelocale(cLocale) }
        try check(code, "workbook_close")
    }

    private func check(_ code: lxw_error, _ function: String, sheet: String? = nil) throws(ExcelError) {
        guard code != LXW_NO_ERROR else { return }
        throw .library(XLSXWriterCode(code), function: function, sheet: sheet, cell: nil)
    }
}
