import CohortCore

/// A contract table written in a fixture: (customer, start, end or nil for running, MRR).
///
///     contracts(("A", "2026-01-15", "2026-03-31", "100.00"))
func contracts(_ rows: (customer: String, start: String, end: String?, mrr: String)...) -> ContractTable {
    contracts(rows)
}

func contracts(_ rows: [(customer: String, start: String, end: String?, mrr: String)]) -> ContractTable {
    var table = ContractTable(hasContractColumn: true)
    for (index, row) in rows.enumerated() {
        table.append(customer: table.internCustomer(row.customer), start: day(row.start), end: row.end.map(day),
                     mrr: money(row.mrr).minorUnits, contract: "K\(index + 1)")
    }
    return table
}

/// Builds the contracts view as of a day written in a fixture.
func contractView(_ table: ContractTable, asOf: String, graceDays: Int = 30) throws -> ContractAnalysis {
    try ContractAnalysisBuilder(contracts: table, asOf: CivilDate(iso: asOf)!, graceDays: graceDays).build()
}

extension ContractAnalysis {
    func month(_ label: String) -> MRRMonth? { months.first { $0.label == label } }
}
