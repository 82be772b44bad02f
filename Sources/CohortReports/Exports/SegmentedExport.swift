import CohortCore

/// Exports split by segment (`--segment-by`): the whole population as `(all)`, then each segment,
/// with a first column `segment` in CSV and a heading per table in the terminal; the rest of each
/// file is the unsegmented export, unchanged.
///
///     SegmentedExport.csv(analysis, MatrixCSV.render)   // "segment,cohort,age,..." / "(all),2026-01,0,..." / "Retail,2026-01,0,..."
///     SegmentedExport.csv(analysis, dialect: .excelGerman, MatrixCSV.render)   // "\u{FEFF}segment;cohort;age;..." / ...
public enum SegmentedExport {
    /// Labels of the whole population and of the gathered and unknown segments in data exports (not translated: scripts read them).
    public static let all = "(all)", other = "(other)", unknown = "(unknown)"

    /// Every segment of every attribute, with its data label: the value, or `name=value` when there are several attributes.
    public static func segments(of analysis: CohortAnalysis) -> [(label: String, segment: Segment)] {
        let attributes = analysis.segments ?? []
        return attributes.flatMap { attribute in
            attribute.segments.map { segment in
                let value = label(segment)
                return (attributes.count > 1 ? "\(attribute.name)=\(value)" : value, segment)
            }
        }
    }

    /// A segment's value in data exports: its value, `(other)` or `(unknown)`.
    public static func label(_ segment: Segment) -> String {
        switch segment.kind {
        case .value: return segment.value
        case .other: return other
        case .unknown: return unknown
        }
    }

    /// A customer's segment in data exports: its value of each attribute (`name=value; …` for several).
    public static func label(ofCustomer record: CustomerRecord, names: [String]) -> String {
        let values = record.segments.map { $0.isEmpty ? unknown : $0 }
        guard names.count > 1 else { return values.first ?? unknown }
        return zip(names, values).map { "\($0)=\($1)" }.joined(separator: "; ")
    }

    /// `render(analysis, dialect)` for the whole population and for each segment, each line after a `segment` field;
    /// just `render(analysis, dialect)` without segments. `render` writes a header line first (after the dialect's
    /// byte order mark, which the result holds once).
    public static func csv(_ analysis: CohortAnalysis, dialect: CSVExportDialect = .rfc4180,
                           _ render: (CohortAnalysis, CSVExportDialect) -> String) -> String {
        guard analysis.segments != nil else { return render(analysis, dialect) }
        let delimiter = String(dialect.delimiter)
        var text = dialect.fileStart
        for (index, (label, part)) in ([(all, analysis)] + segments(of: analysis).map { ($0.label, $0.segment.analysis) }).enumerated() {
            var rendered = render(part, dialect).unicodeScalars[...]
            if rendered.first == "\u{FEFF}" { rendered = rendered.dropFirst() }
            let lines = String(rendered).components(separatedBy: dialect.lineEnd)
            for (number, line) in lines.enumerated() where !line.isEmpty {
                if number == 0 {
                    if index == 0 { text += "segment" + delimiter + line + dialect.lineEnd }
                    continue
                }
                text += CSVField.data(label, delimiter: dialect.delimiter) + delimiter + line + dialect.lineEnd
            }
        }
        return text
    }

    /// `render(analysis)` for the whole population, then each segment under a heading (terminal tables).
    public static func tables(_ analysis: CohortAnalysis, _ render: (CohortAnalysis) -> String) -> String {
        guard analysis.segments != nil else { return render(analysis) }
        var text = render(analysis)
        for (label, segment) in segments(of: analysis) {
            text += "\n== \(TerminalText.inert(label)) (\(segment.customers) customers)\n\n" + render(segment.analysis)
        }
        return text
    }
}
