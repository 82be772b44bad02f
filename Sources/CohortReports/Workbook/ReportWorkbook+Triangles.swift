import CohortCore
import CohortExcel

/// The cohort triangles: cohorts down, ages across, the cohort size beside them.
extension ReportWorkbook {
    /// One triangle: a header row (cohort, cohort size, M0, M1, …), one row per cohort with its
    /// cells up to the as-of period (the partial period's cells marked `*`), the weighted average
    /// row, then notes (what the metric is, the partial period, uncolored small cohorts).
    ///
    /// The cohort and size columns and the header row are frozen; the ratio triangles get the heat
    /// map's color scale from age 1 on (age 0 is 100 % by definition and stays neutral, as in the
    /// charts), over cohorts of at least `--min-cohort` customers only.
    public func triangleSheet(_ triangle: CohortTriangle) -> ExcelSheet {
        let formats = self.formats, words = self.words
        let ages = analysis.periods.count
        let letter = vocabulary.ageLetter(kind)
        var table: [[ExcelCell]] = [[.header(vocabulary.reportLabels(kind).cohort), .header(words.cohortSize)]
            + (0 ..< ages).map { .header("\(letter)\($0)") }]
        for row in analysis.cohorts {
            var cells = [formats.cell(.period(analysis.periods[row.period], kind)), .integer(row.size)]
            for cell in row.cells { cells.append(formats.cell(triangle.value(cell), marked: cell.partial)) }
            table.append(cells)
        }
        let averages = analysis.averages.compactMap(triangle.average)
        let labels = vocabulary.reportLabels(kind)
        if !averages.isEmpty { table.append([.header(labels.average), .empty] + averages.map { formats.cell($0) }) }

        var notes: [String] = []
        if let term = triangle.glossaryTerm {
            let entry = vocabulary.glossary(term)
            notes.append("\(entry.name): \(entry.definition)")
        }
        notes.append(labels.matrixNote)
        if analysis.endsWithPartialPeriod { notes.append(labels.partialMark) }
        let minimum = analysis.options.minimumCohortSize
        let colored = triangle.colorStops != nil
        if colored, analysis.cohorts.contains(where: { $0.size < minimum }) { notes.append(vocabulary.uncoloredSmallCohorts(below: minimum)) }

        var sheet = Self.sheet(name: triangle.sheetName(words), table: table, frozenColumns: 2, filtered: false, notesBelow: notes)
        if let stops = triangle.colorStops, ages > 1 {
            sheet.colorScales = colorBlocks(minimum: minimum).map { rows in
                ExcelColorScale(range: ExcelRange(rows: rows, columns: 3 ... ages + 1), minimum: stops.minimum, midpoint: stops.midpoint,
                                maximum: stops.maximum)
            }
        }
        return sheet
    }

    /// The sheet rows (1 = the first cohort) of each run of cohorts with at least `minimum` customers.
    func colorBlocks(minimum: Int) -> [ClosedRange<Int>] {
        var blocks: [ClosedRange<Int>] = []
        var start: Int?
        for (index, row) in analysis.cohorts.enumerated() {
            let sheetRow = index + 1
            if row.size >= minimum {
                if start == nil { start = sheetRow }
            } else if let first = start {
                blocks.append(first ... sheetRow - 1)
                start = nil
            }
        }
        if let start { blocks.append(start ... analysis.cohorts.count) }
        return blocks
    }
}
