import CohortCore

/// Reads contract lists (CSV or .xlsx, in the dialects `OrderReader` reads) into one `ContractTable`,
/// keeping unreadable rows aside (METRICS.md, "Subscriptions and contracts").
///
///     let result = try ContractReader(options: ReadOptions()).read(sources: ["contracts.csv"])
///     result.table.rowCount     // contracts read
///     result.rejected.first     // contracts.csv:7: column 'Vertragsende': the contract ends on 2025-12-31, before it starts on 2026-01-01
///
/// Columns are detected in English and German (`customer_id`/`Kundennummer`, `start`/`Vertragsbeginn`,
/// `end`/`Vertragsende`, `mrr`/`monatlicher Betrag`, optionally `contract_id`/`Vertragsnummer`) or named in
/// `columns`. An empty end means the contract runs on. Rejected: an empty customer or start, a date or
/// amount that cannot be read, a negative MRR, an end before the start. Overlapping contracts are fine.
/// The `--segment-by` columns a file has are kept per contract (`ContractTable.segments`).
///
/// Complexity: O(bytes).
public struct ContractReader: Sendable {
    public var options: ReadOptions
    public var columns: ContractColumns

    /// `options` as for orders (its column mapping's customer column is used when a file has it).
    public init(options: ReadOptions, columns: ContractColumns = ContractColumns()) {
        self.options = options
        self.columns = columns
    }

    public func read(sources: [String]) throws(IngestError) -> ContractReadResult {
        let files = try InputFiles.expand(sources)
        var table: ContractTable?
        var rejected: [RejectedRow] = [], formats: [SourceFormat] = []
        var rowsRead = 0
        // `--segment-by` columns found in the contract files: their values, and per contract row the value id.
        var segmentValues = options.segmentColumns.map { _ in [String: Int32]() }
        var segmentNames = options.segmentColumns.map { _ in [String]() }
        var segmentIDs = options.segmentColumns.map { _ in [Int32]() }
        var segmentFound = options.segmentColumns.map { _ in false }
        for source in files {
            let file = try TabularFile(source: source, options: options)
            let found = try file.columns([(.customer, columns.customer, true, options.mapping.customer), (.start, columns.start, true, nil),
                                          (.end, columns.end, true, nil), (.mrr, columns.mrr, true, nil), (.contract, columns.contract, false, nil)])
            let customer = found[0]!, start = found[1]!, end = found[2]!, mrr = found[3]!, contract = found[4]
            if table == nil { table = ContractTable(hasContractColumn: contract != nil) }
            let normalized = file.header.map(ColumnRole.normalize)
            let segmentColumns = options.segmentColumns.map { name in file.header.firstIndex(of: name) ?? normalized.firstIndex(of: ColumnRole.normalize(name)) }
            for (index, column) in segmentColumns.enumerated() where column != nil { segmentFound[index] = true }
            var conventions = ColumnConventions(options: options)
            try conventions.settle(file, dateColumns: [start, end], amountColumn: mrr)
            var fileRejected = file.misshapen
            func reject(_ record: TabularFile.Record, _ column: Int?, _ reason: RejectReason) {
                fileRejected.append(RejectedRow(source: source, line: record.line, column: column.map { file.header[$0] }, reason: reason,
                                                rawText: record.rawText))
            }
            for record in file.records {
                let startDay: Int
                switch conventions.day(record.fields[start]) {
                case .success(let day?): startDay = day
                case .success(nil): reject(record, start, .emptyDate); continue
                case .failure(let reason): reject(record, start, reason); continue
                }
                let endDay: Int?
                switch conventions.day(record.fields[end]) {
                case .success(let day): endDay = day
                case .failure(let reason): reject(record, end, reason); continue
                }
                if let endDay, endDay < startDay {
                    reject(record, end, .endBeforeStart(start: CivilDate(dayNumber: startDay), end: CivilDate(dayNumber: endDay)))
                    continue
                }
                let value: Int64
                switch conventions.amount(record.fields[mrr]) {
                case .success(let amount) where amount < 0: reject(record, mrr, .negativeMRR(text: TabularFile.text(record.fields[mrr].bytes))); continue
                case .success(let amount): value = amount
                case .failure(let reason): reject(record, mrr, reason); continue
                }
                let id = TabularFile.text(record.fields[customer].bytes)
                guard !id.isEmpty else { reject(record, customer, .emptyCustomer); continue }
                let index = table!.internCustomer(id)
                table!.append(customer: index, start: startDay, end: endDay, mrr: value,
                              contract: contract.map { TabularFile.text(record.fields[$0].bytes) })
                for (segment, column) in segmentColumns.enumerated() {
                    let text = column.map { TabularFile.text(record.fields[$0].bytes) } ?? ""
                    if segmentValues[segment][text] == nil {
                        segmentValues[segment][text] = Int32(segmentNames[segment].count)
                        segmentNames[segment].append(text)
                    }
                    segmentIDs[segment].append(segmentValues[segment][text]!)
                }
            }
            rowsRead += file.format.rows
            rejected += fileRejected.sorted { $0.line < $1.line }
            var format = file.format
            format.decimalSeparator = conventions.decimal.value
            format.decimalSeparatorGiven = conventions.decimal.evidence == .given
            format.dateOrder = conventions.dateOrder.value
            format.dateOrderGiven = conventions.dateOrder.evidence == .given
            formats.append(format)
        }
        var contracts = table ?? ContractTable()
        contracts.segments = options.segmentColumns.indices.filter { segmentFound[$0] }.map {
            SegmentColumn(name: options.segmentColumns[$0], values: segmentNames[$0], source: .rows(segmentIDs[$0]))
        }
        return ContractReadResult(table: contracts, rejected: rejected, rowsRead: rowsRead, sources: files, formats: formats)
    }
}
