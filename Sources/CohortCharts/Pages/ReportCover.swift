/// The cover: logo and company, title, subtitle lines, the optional note, and the
/// headline cards in a grid anchored to the foot of the page.
///
/// Everything is measured before it is drawn: when the page would overflow (many
/// cards, long German names, a long note) every size shrinks by the same factor
/// until it fits. Room to spare goes into the cards' spacing, then above the title
/// and the cards.
struct ReportCover {
    let document: PageDocument
    let logo: CairoImage?

    func draw(on canvas: ChartCanvas) {
        let content = ReportPage.content
        var factor = 1.0
        while factor > 0.6 && !fits(factor: factor, air: 1, canvas: canvas) { factor -= 0.05 }
        // With room to spare, the cards get more air inside (up to half as much again); text keeps its size.
        var air = 1.0
        if factor == 1 {
            while air < 1.5 && fits(factor: factor, air: air + 0.1, canvas: canvas, reserve: 40) { air += 0.1 }
        }
        let headerHeight = drawHeader(factor: factor, top: content.minY, on: canvas, measureOnly: true) - content.minY
        guard !document.cards.isEmpty else {
            _ = drawHeader(factor: factor, top: content.minY, on: canvas, measureOnly: false)
            return
        }
        let grid = CardGrid(cards: document.cards, width: content.width, factor: factor, air: air, canvas: canvas)
        let block = headingHeight(factor) + grid.height
        // What is still spare goes a third above the title and two thirds above the cards, which sit on the page foot.
        let spare = max(0, content.maxY - content.minY - headerHeight - block)
        _ = drawHeader(factor: factor, top: content.minY, titleShift: min(spare / 3, 36), on: canvas, measureOnly: false)
        let ruleY = canvas.reportHeading(document.cardsHeading, x: content.minX, y: content.maxY - block, width: content.width, size: 12.5 * factor)
        grid.draw(top: ruleY + 12 * factor, on: canvas)
    }

    private func headingHeight(_ factor: Double) -> Double { 12.5 * factor * 1.45 + 12 * factor }

    private func fits(factor: Double, air: Double, canvas: ChartCanvas, reserve: Double = 0) -> Bool {
        let content = ReportPage.content
        let headerBottom = drawHeader(factor: factor, top: content.minY, on: canvas, measureOnly: true)
        guard !document.cards.isEmpty else { return headerBottom <= content.maxY }
        let grid = CardGrid(cards: document.cards, width: content.width, factor: factor, air: air, canvas: canvas)
        return headerBottom + reserve + headingHeight(factor) + grid.height <= content.maxY
    }

    /// Logo, company, title, subtitle lines and note from the top; returns where the cards may start.
    private func drawHeader(factor: Double, top: Double, titleShift: Double = 0, on canvas: ChartCanvas, measureOnly: Bool) -> Double {
        let content = ReportPage.content
        var y = top

        // Logo top left, company name beside it (or alone).
        let logoHeight = 40 * factor
        var companyX = content.minX
        var rowHeight = 0.0
        if let logo, logo.width > 0, logo.height > 0 {
            let scale = min(logoHeight / logo.height, 200 * factor / logo.width)
            let rect = Rect(x: content.minX, y: y, width: logo.width * scale, height: logo.height * scale)
            if !measureOnly { canvas.context.draw(logo, in: rect) }
            companyX = rect.maxX + 14 * factor
            rowHeight = rect.height
        }
        if let company = document.company, !company.isEmpty {
            let size = 12 * factor
            rowHeight = max(rowHeight, size * 1.3)
            if !measureOnly {
                let text = canvas.fitting(company, maxWidth: content.maxX - companyX, size: size, bold: true)
                canvas.text(text, x: companyX, y: y + rowHeight / 2, size: size, bold: true, color: Palette.mutedText, vertical: .middle)
            }
        }
        if rowHeight > 0 { y += rowHeight + 22 * factor }
        y += titleShift

        // Title: up to two lines.
        let titleSize = 26 * factor
        for line in canvas.wrapped(document.title, width: content.width, size: titleSize, bold: true, maxLines: 2) {
            if !measureOnly { canvas.text(line, x: content.minX, y: y, size: titleSize, bold: true, vertical: .top) }
            y += titleSize * 1.22
        }
        y += 6 * factor

        // Subtitle lines: source, as-of date, settings…
        let subtitleSize = 10 * factor
        for subtitle in document.subtitleLines where !subtitle.isEmpty {
            for line in canvas.wrapped(subtitle, width: content.width, size: subtitleSize, maxLines: 2) {
                if !measureOnly { canvas.text(line, x: content.minX, y: y, size: subtitleSize, color: Palette.mutedText, vertical: .top) }
                y += subtitleSize * 1.45
            }
        }

        // The note in a soft yellow box, at a readable measure.
        if let note = document.note, !note.isEmpty {
            y += 12 * factor
            let size = 9.5 * factor, padding = 9 * factor, accent = 3.5 * factor
            let boxWidth = min(content.width, 600)
            let textWidth = boxWidth - 2 * padding - accent
            let lines = canvas.wrapped(note, width: textWidth, size: size, maxLines: 4)
            let lineHeight = size * 1.4
            let box = Rect(x: content.minX, y: y, width: boxWidth, height: Double(lines.count) * lineHeight + 2 * padding - size * 0.3)
            if !measureOnly {
                canvas.fillRounded(box, radius: 4, ReportPalette.noteBackground)
                canvas.strokeRounded(box, radius: 4, ReportPalette.noteBorder, width: 0.8)
                canvas.clipped(to: box) {
                    canvas.fill(Rect(x: box.minX, y: box.minY, width: accent, height: box.height), ReportPalette.noteAccent)
                }
                for (index, line) in lines.enumerated() {
                    canvas.text(line, x: box.minX + accent + padding, y: box.minY + padding - size * 0.15 + (Double(index) + 0.5) * lineHeight,
                                size: size, color: ReportPalette.noteText, vertical: .middle)
                }
            }
            y = box.maxY
        }

        // The written summary, at a readable measure.
        if !document.summary.isEmpty {
            y += 16 * factor
            let size = 10.5 * factor, lineHeight = 10.5 * factor * 1.42
            for sentence in document.summary where !sentence.isEmpty {
                for line in canvas.wrapped(sentence, width: min(content.width, 700), size: size, maxLines: 3) {
                    if !measureOnly { canvas.text(line, x: content.minX, y: y + lineHeight / 2, size: size, vertical: .middle) }
                    y += lineHeight
                }
                y += 3 * factor
            }
        }
        return y + 20 * factor
    }
}

/// Headline cards in rows of at most five, all the same width. Within a row the
/// cards share a height and their values and change lines align; a row without
/// status pills is not padded for them.
private struct CardGrid {
    let cards: [PageDocument.Card]
    let columns: Int
    let rows: Int
    let gap = 10.0
    let cardWidth: Double
    /// Left and right of the text.
    let padding: Double
    /// Above and below the text, and between its blocks (grows with `air`).
    let space: Double
    let barHeight: Double
    let nameSize: Double
    let valueSize: Double
    let changeSize: Double
    let pillSize: Double
    /// Wrapped text per card.
    let names: [[String]]
    let changes: [[[String]]]
    /// Per row: the most name lines of its cards, and the row's height.
    let rowNameLines: [Int]
    let rowHeights: [Double]

    var height: Double { rowHeights.reduce(0, +) + Double(rows - 1) * gap }
    private var innerWidth: Double { cardWidth - 2 * padding }
    private var nameLineHeight: Double { nameSize * 1.3 }
    private var changeLineHeight: Double { changeSize * 1.35 }
    private var pillHeight: Double { pillSize * 2 }

    init(cards: [PageDocument.Card], width: Double, factor: Double, air: Double, canvas: ChartCanvas) {
        self.cards = cards
        let rows = max(1, (cards.count + 4) / 5)
        let columns = max(1, (cards.count + rows - 1) / rows)
        (self.rows, self.columns) = (rows, columns)
        cardWidth = (width - Double(columns - 1) * gap) / Double(columns)
        padding = 10 * factor
        space = 10 * factor * air
        barHeight = 4 * factor
        nameSize = 8.5 * factor
        pillSize = 7.5 * factor
        let inner = cardWidth - 2 * padding
        // One value size for every card: the largest at which the widest value fits.
        valueSize = cards.map { canvas.fittingSize($0.value, width: inner, size: 21 * factor, minimum: 11, bold: true) }.min() ?? 21 * factor
        // Change lines shrink a little (to 7 pt) before they wrap.
        let changeSize = cards.flatMap(\.changes).map { canvas.fittingSize($0, width: inner, size: 8 * factor, minimum: 7 * factor) }.min()
            ?? 8 * factor
        self.changeSize = changeSize
        let (space, barHeight, valueSize) = (10 * factor * air, 4 * factor, self.valueSize)
        let (nameLineHeight, changeLineHeight, pillHeight) = (8.5 * factor * 1.3, changeSize * 1.35, 7.5 * factor * 2)
        let names = cards.map { canvas.wrapped($0.name, width: inner, size: 8.5 * factor, maxLines: 2) }
        let changes = cards.map { card in card.changes.map { canvas.wrapped($0, width: inner, size: changeSize, maxLines: 2) } }
        let rowNameLines = (0 ..< rows).map { row in
            (row * columns ..< min(cards.count, (row + 1) * columns)).map { names[$0].count }.max() ?? 1
        }
        rowHeights = (0 ..< rows).map { row in
            let members = row * columns ..< min(cards.count, (row + 1) * columns)
            let changeLines = members.map { changes[$0].reduce(0) { $0 + $1.count } }.max() ?? 0
            let hasPill = members.contains { !cards[$0].statusText.isEmpty }
            return barHeight + space + Double(rowNameLines[row]) * nameLineHeight + space * 0.5 + valueSize * 1.2 + space * 0.3
                + Double(changeLines) * changeLineHeight + (hasPill ? space * 0.8 + pillHeight : 0) + space
        }
        (self.names, self.changes, self.rowNameLines) = (names, changes, rowNameLines)
    }

    func draw(top: Double, on canvas: ChartCanvas) {
        var y = top
        for row in 0 ..< rows {
            for index in row * columns ..< min(cards.count, (row + 1) * columns) {
                let rect = Rect(x: ReportPage.content.minX + Double(index - row * columns) * (cardWidth + gap), y: y, width: cardWidth,
                                height: rowHeights[row])
                drawCard(cards[index], index: index, nameLines: rowNameLines[row], in: rect, on: canvas)
            }
            y += rowHeights[row] + gap
        }
    }

    private func drawCard(_ card: PageDocument.Card, index: Int, nameLines: Int, in rect: Rect, on canvas: ChartCanvas) {
        let colors = ReportPalette.status(card.status)
        let radius = 5.0
        canvas.fillRounded(rect, radius: radius, ReportPalette.cardBackground)
        canvas.clipped(to: rect) {
            canvas.context.roundedRectangle(rect, radius: radius)
            canvas.context.clip()
            canvas.fill(Rect(x: rect.minX, y: rect.minY, width: rect.width, height: barHeight), colors.bar)
        }
        canvas.strokeRounded(rect, radius: radius, ReportPalette.cardBorder, width: 0.8)

        let x = rect.minX + padding
        var y = rect.minY + barHeight + space
        for (line, text) in names[index].enumerated() {
            canvas.text(text, x: x, y: y + (Double(line) + 0.5) * nameLineHeight, size: nameSize, color: Palette.mutedText, vertical: .middle)
        }
        y += Double(nameLines) * nameLineHeight + space * 0.5
        if card.value.isEmpty {
            // No figure: why not, in the value's place.
            for (line, text) in canvas.wrapped(card.note, width: innerWidth, size: changeSize, maxLines: 2).enumerated() {
                canvas.text(text, x: x, y: y + (Double(line) + 0.5) * changeLineHeight, size: changeSize, color: Palette.mutedText, vertical: .middle)
            }
        } else {
            canvas.text(canvas.fitting(card.value, maxWidth: innerWidth, size: valueSize, bold: true), x: x, y: y, size: valueSize, bold: true,
                        vertical: .top)
        }
        y += valueSize * 1.2 + space * 0.3
        for (offset, lines) in changes[index].enumerated() {
            // Green when better, red when worse, muted when unchanged; the sign is in the text for greyscale prints.
            let improvement = offset < card.improvements.count ? card.improvements[offset] : nil
            let color = improvement.map { $0 ? ReportPalette.improvement : ReportPalette.worsening } ?? Palette.mutedText
            for text in lines {
                canvas.text(text, x: x, y: y + changeLineHeight / 2, size: changeSize, color: color, vertical: .middle)
                y += changeLineHeight
            }
        }

        guard !card.statusText.isEmpty else { return }
        let size = canvas.fittingSize(card.statusText, width: innerWidth - pillSize * 1.6, size: pillSize, minimum: 6)
        let text = canvas.fitting(card.statusText, maxWidth: innerWidth - size * 1.6, size: size)
        let pill = Rect(x: x, y: rect.maxY - space - pillHeight, width: canvas.textWidth(text, size: size) + size * 1.6, height: pillHeight)
        canvas.fillRounded(pill, radius: pillHeight / 2, colors.fill)
        canvas.text(text, x: pill.minX + size * 0.8, y: pill.midY, size: size, color: colors.text, vertical: .middle)
    }
}
