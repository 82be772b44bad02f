extension ReportMail {
    /// The plain-text alternative: the header, the written summary, the headline figures one
    /// to a line, customers to act on, where the heat map is, what is attached.
    ///
    ///     Muster GmbH
    ///     Cohort report October 2026
    ///     as of 31 October 2026 · monthly periods · churn window 3
    ///
    ///     Summary
    ///     -------
    ///     A customer counts as lost after …
    ///
    ///     Headline KPIs: October 2026
    ///     ---------------------------
    ///     - Active customers: 458 (+10.6% vs. previous month, …) ● on target (…)
    func textBody(heatMapTitle: String?) -> String {
        let labels = model.labels
        var lines: [String] = []
        if let company = model.company { lines.append(company) }
        lines += [model.title, "\(labels.asOf) \(model.asOf) · \(model.periodSettings)", ""]
        if let note = model.partialNote { lines += [note, ""] }

        lines += Self.heading(labels.summary)
        for sentence in model.summary { lines += [sentence, ""] }

        lines += Self.heading("\(labels.headline): \(model.periodName)")
        for card in model.cards {
            var line = "- \(card.name): " + (card.hasValue ? card.value : card.note)
            let changes = card.changes.map(\.text)
            if !changes.isEmpty { line += " (" + changes.joined(separator: ", ") + ")" }
            if !card.statusText.isEmpty { line += " \(card.statusSymbol) \(card.statusText)" }
            lines.append(line)
        }
        lines.append("")

        if let customers = model.toActOn { lines += Self.heading(customers.title) + [customers.summary, ""] }
        if let heatMapTitle { lines += [words.mailHeatMapInHTML(title: heatMapTitle), ""] }
        lines += [words.mailAttachmentNote(file: Self.pdfName), "", "-- ", words.mailFooter(generated: model.generatedAt, sources: model.sources)]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A heading underlined with dashes, as plain-text mail does.
    private static func heading(_ text: String) -> [String] {
        [text, String(repeating: "-", count: text.count)]
    }
}
