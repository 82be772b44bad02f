/// A4 landscape geometry of the management report, in points.
enum ReportPage {
    static let width = 842.0
    static let height = 595.0
    static let margin = 36.0
    /// Where page content ends; the footer sits below, inside the bottom margin.
    static let contentBottom = height - margin - 14
    /// The area between the margins above the footer.
    static let content = Rect(x: margin, y: margin, width: width - 2 * margin, height: contentBottom - margin)
}

/// The report's colors on top of the charts' `Palette`.
enum ReportPalette {
    static let accent = Palette.primary
    static let rule = Palette.grid
    static let cardBackground = Color(hex: 0xF7F8FA)
    static let cardBorder = Color(hex: 0xE1E4E8)
    static let tableStripe = Color(hex: 0xF5F7F9)
    /// Change lines: better, worse (text on a light card, so darker than chart fills).
    static let improvement = Color(hex: 0x1E7B34)
    static let worsening = Color(hex: 0xB42318)
    static let noteBackground = Color(hex: 0xFFF8DC)
    static let noteBorder = Color(hex: 0xEFD88E)
    static let noteAccent = Color(hex: 0xE0A800)
    static let noteText = Color(hex: 0x4D3B00)

    /// Top bar, pill fill and pill text of a card status.
    static func status(_ status: PageDocument.Card.Status) -> (bar: Color, fill: Color, text: Color) {
        switch status {
        case .good: return (Color(hex: 0x2E7D32), Color(hex: 0xE3F2E5), Color(hex: 0x1B5E20))
        case .warning: return (Color(hex: 0xE0A100), Color(hex: 0xFFF1CC), Color(hex: 0x7A4F00))
        case .bad: return (Color(hex: 0xC62828), Color(hex: 0xFCE4E4), Color(hex: 0x9B1C1C))
        case .none: return (Color(hex: 0xD5DBE1), Color(hex: 0xEEF1F4), Palette.mutedText)
        }
    }
}

extension ChartCanvas {
    /// `text` broken into lines that each fit `width`, at spaces.
    ///
    /// A unit stays with its number ("85,3 %", "1.234 €", "−2,1 Pp."); a word wider
    /// than the line is split between characters. Beyond `maxLines` the last line is
    /// shortened with "…".
    func wrapped(_ text: String, width: Double, size: Double, bold: Bool = false, maxLines: Int = .max) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in Self.words(of: text) {
            let candidate = current.isEmpty ? word : current + " " + word
            if textWidth(candidate, size: size, bold: bold) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = word
            // A single word wider than the line: cut it into pieces that fit.
            while textWidth(current, size: size, bold: bold) > width && current.count > 1 {
                var characters = Array(current)
                var cut = characters.count - 1
                while cut > 1 && textWidth(String(characters[..<cut]), size: size, bold: bold) > width { cut -= 1 }
                lines.append(String(characters[..<cut]))
                characters.removeFirst(cut)
                current = String(characters)
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        let rest = lines[(maxLines - 1)...].joined(separator: " ")
        return Array(lines.prefix(maxLines - 1)) + [fitting(rest, maxWidth: width, size: size, bold: bold)]
    }

    /// Words of `text` split at spaces, with units and lone symbols glued to the word before.
    private static func words(of text: String) -> [String] {
        let units: Set<String> = ["pp", "Pp.", "Pp", "PP", "Tsd.", "Mio.", "Mrd.", "k", "M", "EUR", "USD", "CHF", "GBP"]
        var words: [String] = []
        for piece in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let isSymbol = !piece.contains(where: { $0.isLetter || $0.isNumber })
            let isUnit = units.contains(piece) && (words.last?.last?.isNumber ?? false)
            if (isSymbol || isUnit), let last = words.popLast() {
                words.append(last + " " + piece)
            } else {
                words.append(piece)
            }
        }
        return words
    }

    /// The largest font size from `size` down to `minimum` (in steps of 0.5) at which `text` fits `width`.
    func fittingSize(_ text: String, width: Double, size: Double, minimum: Double, bold: Bool = false) -> Double {
        var size = size
        while size > minimum && textWidth(text, size: size, bold: bold) > width { size -= 0.5 }
        return max(size, minimum)
    }

    func fillRounded(_ rect: Rect, radius: Double, _ color: Color) {
        context.setColor(color)
        context.roundedRectangle(rect, radius: radius)
        context.fill()
    }

    func strokeRounded(_ rect: Rect, radius: Double, _ color: Color, width: Double = 1) {
        context.setColor(color)
        context.setLineWidth(width)
        context.setDash([])
        context.roundedRectangle(rect, radius: radius)
        context.stroke()
    }

    /// A heading with a hairline rule under it and a short accent stroke at the rule's start; returns the rule's y.
    @discardableResult
    func reportHeading(_ text: String, x: Double, y: Double, width: Double, size: Double) -> Double {
        // A long heading first shrinks by up to a fifth, then ends in "…".
        let shown = fittingSize(text, width: width, size: size, minimum: (size * 0.8).rounded(), bold: true)
        self.text(fitting(text, maxWidth: width, size: shown, bold: true), x: x, y: y + (size - shown) * 0.6, size: shown, bold: true,
                  vertical: .top)
        let ruleY = y + size * 1.45
        line(from: Point(x: x, y: ruleY), to: Point(x: x + width, y: ruleY), ReportPalette.rule, width: 1)
        line(from: Point(x: x, y: ruleY), to: Point(x: x + 44, y: ruleY), ReportPalette.accent, width: 2.2)
        return ruleY
    }
}
