import CohortCore
import CohortDatabase
import CohortIngest
import CohortPostgres
import CohortReports
import Foundation

/// The run when the input is a database (`postgresql://...`): the same steps as for files, but the
/// orders come from `PostgresOrderReader`, summed by the server (pushdown, the default) or as lines
/// (`--no-pushdown`), and the analysis starts from `CohortAnalysis(aggregates:)` or from the table.
extension ReportJob {
    /// The database input, when the inputs name one.
    public var databaseURL: String? { options.inputs.first(where: DatabaseSource.isURL) }

    /// Contracts and survey answers are read beside order files only; with a database they
    /// would be left out without a word, so they are refused.
    func refuseSubscriptionsWithDatabase() throws(SettingError) {
        guard databaseURL != nil else { return }
        if !options.subscriptions.contracts.isEmpty { throw .notWithDatabase(setting: "--contracts") }
        if !options.subscriptions.answers.isEmpty { throw .notWithDatabase(setting: "--nps") }
    }

    /// Reads the orders from the database; with `collectsPurchases` the purchase days too (customer
    /// lists, BG/NBD). Rows without a customer id, date or amount are refused as files refuse
    /// unreadable rows (`strict`, `maxRejectedPercent`), and otherwise told of as a warning.
    public func readDatabase(_ url: String, collectsPurchases: Bool) throws -> DatabaseOrders {
        events?(.phase(.reading))
        guard options.inputs.count == 1 else { throw DatabaseError.notAlone(source: DatabaseSource.redact(url)) }
        var orders = try reader(url).read(period: options.analysis.period, asOf: options.analysis.asOf, collectsPurchases: collectsPurchases,
                                          strict: options.strict, maxIncompletePercent: options.maxRejectedPercent)
        try joinSegments(&orders)
        for warning in orders.input.warnings { events?(.warning(warning)) }
        return orders
    }

    /// The statement the run would send to the database, and the server's plan for it (nil, with
    /// the reason, when the server cannot be asked); for `--explain`.
    public func explainDatabase(_ url: String, collectsPurchases: Bool) throws -> (statement: String, plan: [String]?, error: DatabaseError?) {
        guard options.inputs.count == 1 else { throw DatabaseError.notAlone(source: DatabaseSource.redact(url)) }
        return try reader(url).explain(period: options.analysis.period, asOf: options.analysis.asOf, collectsPurchases: collectsPurchases)
    }

    /// The analysis of orders read from a database.
    public func analyse(_ orders: DatabaseOrders, includesKPIs: Bool = true, includesCustomers: Bool = false) throws -> CohortAnalysis {
        events?(.phase(.analysing))
        switch orders.orders {
        case .aggregates(let aggregates):
            return try CohortAnalysis(aggregates: aggregates, options: analysisOptions, input: orders.input, includesKPIs: includesKPIs,
                                      includesCustomers: includesCustomers)
        case .table(let table):
            return try CohortAnalysis(table: table, options: analysisOptions, input: orders.input, includesKPIs: includesKPIs,
                                      includesCustomers: includesCustomers)
        }
    }

    // MARK: - The steps of `analyse`, `customerRecords` and `run`

    func analyse(database url: String, includesKPIs: Bool, includesCustomers: Bool, timings: inout JobTimings) throws -> CohortAnalysis {
        let orders = try readDatabase(url, collectsPurchases: includesKPIs && includesCustomers)
        timings.lap(.read(rows: orders.input.rowsRead))
        let analysis = try analyse(orders, includesKPIs: includesKPIs, includesCustomers: includesCustomers)
        timings.lap(.analyse)
        return analysis
    }

    func customerRecords(database url: String) throws -> (analysis: CohortAnalysis, records: CustomerRecords) {
        let orders = try readDatabase(url, collectsPurchases: true)
        events?(.phase(.analysing))
        switch orders.orders {
        case .aggregates(let aggregates):
            return try CohortAnalysis.withCustomerRecords(aggregates: aggregates, options: analysisOptions, input: orders.input)
        case .table(let table):
            return try CohortAnalysis.withCustomerRecords(table: table, options: analysisOptions, input: orders.input)
        }
    }

    /// The analysis of `run()` from a database, with the customer lists.
    func analysisWithCustomerLists(database url: String, timings: inout JobTimings) throws -> (CohortAnalysis, RankedCustomers, RankedCustomers) {
        let orders = try readDatabase(url, collectsPurchases: true)
        timings.lap(.read(rows: orders.input.rowsRead))
        events?(.phase(.analysing))
        switch orders.orders {
        case .aggregates(let aggregates):
            return try CohortAnalysis.withCustomerLists(aggregates: aggregates, options: analysisOptions, input: orders.input)
        case .table(let table):
            return try CohortAnalysis.withCustomerLists(table: table, options: analysisOptions, input: orders.input)
        }
    }

    /// The `--segment-by` columns the database lacks, from the customer file (`--customers`), as for files.
    private func joinSegments(_ orders: inout DatabaseOrders) throws {
        guard !orders.missingSegments.isEmpty, let file = options.customersFile else { return }
        let attributes = try CustomerFileReader(options: options.read).read(file, attributes: orders.missingSegments)
        if let absent = orders.missingSegments.first(where: { !attributes.names.contains($0) }) {
            throw IngestError.segmentColumnNotFound(name: absent, sources: orders.input.sources + [file], suggestion: attributes.suggestion(for: absent))
        }
        orders.input.sources.append(file)
        let wanted = options.read.segmentColumns
        switch orders.orders {
        case .aggregates(var aggregates):
            let columns = aggregates.segments + attributes.segmentColumns(for: OrderTable(customerIDs: aggregates.customerIDs))
            aggregates.segments = wanted.compactMap { name in columns.first { $0.name == name } }
            orders.orders = .aggregates(aggregates)
        case .table(var table):
            let columns = table.segments + attributes.segmentColumns(for: table)
            table.segments = wanted.compactMap { name in columns.first { $0.name == name } }
            orders.orders = .table(table)
        }
    }

    private func reader(_ url: String) throws(DatabaseError) -> PostgresOrderReader {
        var database = options.database
        database.segmentColumns = options.read.segmentColumns
        database.segmentsMayBeMissing = options.customersFile != nil
        return try PostgresOrderReader(url: url, options: database, mapping: options.read.mapping, environment: ProcessInfo.processInfo.environment)
    }
}
