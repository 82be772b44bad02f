/// What distinguishes one cell format from another; one `lxw_format` is made for each.
struct XLSXFormatKey: Hashable {
    static let plain = XLSXFormatKey(numberFormat: nil)
    static let header = XLSXFormatKey(numberFormat: nil, bold: true, bottomBorder: true)

    var numberFormat: String?
    var bold = false
    var bottomBorder = false
}
