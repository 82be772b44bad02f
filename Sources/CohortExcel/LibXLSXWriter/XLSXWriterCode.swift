import CXLSXWriter

/// A libxlsxwriter result code (`lxw_error`), kept in the library's own vocabulary
/// so that an error can name it exactly.
///
///     XLSXWriterCode(rawValue: 2).name   // "LXW_ERROR_CREATING_XLSX_FILE"
public struct XLSXWriterCode: Sendable, Hashable {
    /// The `lxw_error` number of libxlsxwriter 1.1.4.
    public var rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    init(_ code: lxw_error) {
        rawValue = code.rawValue
    }

    /// The C enumerator's name (`LXW_ERROR_SHEETNAME_ALREADY_USED`), or `lxw_error(N)` for a number this build does not know.
    public var name: String {
        Self.names[rawValue] ?? "lxw_error(\(rawValue))"
    }

    private static let names: [UInt32: String] = {
        let codes: [(lxw_error, String)] = [
            (LXW_NO_ERROR, "LXW_NO_ERROR"),
            (LXW_ERROR_MEMORY_MALLOC_FAILED, "LXW_ERROR_MEMORY_MALLOC_FAILED"),
            (LXW_ERROR_CREATING_XLSX_FILE, "LXW_ERROR_CREATING_XLSX_FILE"),
            (LXW_ERROR_CREATING_TMPFILE, "LXW_ERROR_CREATING_TMPFILE"),
            (LXW_ERROR_READING_TMPFILE, "LXW_ERROR_READING_TMPFILE"),
            (LXW_ERROR_ZIP_FILE_OPERATION, "LXW_ERROR_ZIP_FILE_OPERATION"),
            (LXW_ERROR_ZIP_PARAMETER_ERROR, "LXW_ERROR_ZIP_PARAMETER_ERROR"),
            (LXW_ERROR_ZIP_BAD_ZIP_FILE, "LXW_ERROR_ZIP_BAD_ZIP_FILE"),
            (LXW_ERROR_ZIP_INTERNAL_ERROR, "LXW_ERROR_ZIP_INTERNAL_ERROR"),
            (LXW_ERROR_ZIP_FILE_ADD, "LXW_ERROR_ZIP_FILE_ADD"),
            (LXW_ERROR_ZIP_CLOSE, "LXW_ERROR_ZIP_CLOSE"),
            (LXW_ERROR_FEATURE_NOT_SUPPORTED, "LXW_ERROR_FEATURE_NOT_SUPPORTED"),
            (LXW_ERROR_NULL_PARAMETER_IGNORED, "LXW_ERROR_NULL_PARAMETER_IGNORED"),
            (LXW_ERROR_PARAMETER_VALIDATION, "LXW_ERROR_PARAMETER_VALIDATION"),
            (LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, "LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED"),
            (LXW_ERROR_INVALID_SHEETNAME_CHARACTER, "LXW_ERROR_INVALID_SHEETNAME_CHARACTER"),
            (LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, "LXW_ERROR_SHEETNAME_START_END_APOSTROPHE"),
            (LXW_ERROR_SHEETNAME_ALREADY_USED, "LXW_ERROR_SHEETNAME_ALREADY_USED"),
            (LXW_ERROR_32_STRING_LENGTH_EXCEEDED, "LXW_ERROR_32_STRING_LENGTH_EXCEEDED"),
            (LXW_ERROR_128_STRING_LENGTH_EXCEEDED, "LXW_ERROR_128_STRING_LENGTH_EXCEEDED"),
            (LXW_ERROR_255_STRING_LENGTH_EXCEEDED, "LXW_ERROR_255_STRING_LENGTH_EXCEEDED"),
            (LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, "LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED"),
            (LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND, "LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND"),
            (LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE"),
            (LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED, "LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED"),
            (LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED, "LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED"),
            (LXW_ERROR_IMAGE_DIMENSIONS, "LXW_ERROR_IMAGE_DIMENSIONS"),
        ]
        return Dictionary(uniqueKeysWithValues: codes.map { ($0.0.rawValue, $0.1) })
    }()
}
