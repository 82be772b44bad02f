/// The colors every chart shares, so a report reads as one piece.
enum Palette {
    static let background = Color.white
    static let text = Color(hex: 0x1F2328)
    static let mutedText = Color(hex: 0x59636E)
    static let faintText = Color(hex: 0x8C959F)
    static let grid = Color(hex: 0xE6E8EB)
    static let axis = Color(hex: 0xB8BFC6)
    static let emptyCell = Color(hex: 0xF4F5F7)
    static let neutralCell = Color(hex: 0xE9ECEF)

    /// Movements: growth in greens and teals, losses in reds (distinguishable in greyscale too by order and sign).
    static let new = Color(hex: 0x2E7D32)
    static let reactivated = Color(hex: 0x4FB3A9)
    static let expansion = Color(hex: 0x81C784)
    static let churned = Color(hex: 0xC62828)
    static let contraction = Color(hex: 0xEF9A9A)
    static let net = Color(hex: 0x1F2328)

    /// Lines in trend charts.
    static let primary = Color(hex: 0x1F5A96)
    static let secondary = Color(hex: 0xE08214)
    static let target = Color(hex: 0x6A737D)
    /// Cohort lines: older ones quiet, recent ones emphasized.
    static let olderCohort = Color(hex: 0xB8C4D0)
    static let recentCohort = Color(hex: 0x4393C3)
    static let average = Color(hex: 0x0B2E59)

    /// Distinct colors for lines of different kinds (segments), in order; colorblind-safe first (Okabe–Ito), then Tableau's.
    static let categorical: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xCC79A7), Color(hex: 0xD55E00),
        Color(hex: 0x56B4E9), Color(hex: 0x8C6D31), Color(hex: 0x7F7F7F), Color(hex: 0xBCBD22), Color(hex: 0x9467BD),
    ]
}
