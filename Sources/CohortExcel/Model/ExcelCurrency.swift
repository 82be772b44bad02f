/// The currency symbol of money formats and on which side of the amount it stands.
///
/// Where the symbol goes is a matter of the report's language, not of the currency:
/// English puts it before (`€1,234.50`), German after (`1.234,50 €`).
///
///     ExcelCurrency(symbol: "€", placement: .after)
public struct ExcelCurrency: Sendable, Hashable {
    public enum Placement: Sendable, Hashable {
        case before
        case after
    }

    /// `€` after the amount, as in German and most of the euro area.
    public static let euro = ExcelCurrency(symbol: "€", placement: .after)
    /// `$` before the amount.
    public static let dollar = ExcelCurrency(symbol: "$", placement: .before)

    public var symbol: String
    public var placement: Placement

    public init(symbol: String, placement: Placement) {
        self.symbol = symbol
        self.placement = placement
    }
}
