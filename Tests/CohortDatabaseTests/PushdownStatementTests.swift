import CohortCore
import CohortDatabase
import Testing

/// The pushed-down statement groups by the customer column in every step that aggregates, and
/// partitions every window by it: what lets a Citus cluster distributed on the customer column run
/// it on its workers. Checked here on the text, for every shape the statement takes; the server's
/// plan is checked in `PostgresPlanTests`.
@Suite struct PushdownStatementTests {
    static let relation = OrderRelation.table("orders")

    static func columns(order: Bool, segment: Bool, amount: UInt32 = 1700, date: UInt32 = 1082) -> SourceColumns {
        SourceColumns(customer: SourceColumn(name: "customer_id", typeOID: 25), date: SourceColumn(name: "order_date", typeOID: date),
                      amount: SourceColumn(name: "amount", typeOID: amount), order: order ? SourceColumn(name: "order_id", typeOID: 25) : nil,
                      segments: segment ? [SourceColumn(name: "industry", typeOID: 25), SourceColumn(name: "Country", typeOID: 25, column: "country")] : [])
    }

    /// Every variant: with and without an order column, purchase days, a segment, an as-of date; each period kind.
    static let variants: [(order: Bool, purchases: Bool, segment: Bool, asOf: Int?, period: PeriodKind)] = {
        var all: [(Bool, Bool, Bool, Int?, PeriodKind)] = []
        for order in [true, false] {
            for purchases in [true, false] {
                for segment in [true, false] {
                    for asOf in [nil, CivilDate(year: 2025, month: 12, day: 31)!.dayNumber] {
                        for period in [PeriodKind.month, .week, .quarter] { all.append((order, purchases, segment, asOf, period)) }
                    }
                }
            }
        }
        return all
    }()

    @Test func everyStepThatAggregatesGroupsByTheCustomerFirst() {
        for variant in Self.variants {
            let statement = PushdownStatement(relation: Self.relation, columns: Self.columns(order: variant.order, segment: variant.segment),
                                              period: variant.period, asOfDay: variant.asOf, includesPurchases: variant.purchases)
            let shape = StatementShape(statement.sql)
            #expect(shape.steps.first?.name == "lines")
            #expect(shape.steps.last?.name == "final")
            for step in shape.steps {
                if !step.groupedAggregates.isEmpty {
                    #expect(step.groupBy?.hasPrefix("customer") == true, "\(variant): step \(step.name) aggregates \(step.groupedAggregates) but groups by \(step.groupBy ?? "nothing")")
                } else {
                    #expect(step.groupBy == nil, "\(variant): step \(step.name) groups without aggregating")
                }
                for partition in step.partitions {
                    #expect(partition.hasPrefix("customer"), "\(variant): step \(step.name) partitions a window by \(partition)")
                }
                if !step.windows.isEmpty { #expect(!step.partitions.isEmpty, "\(variant): step \(step.name) has a window without PARTITION BY") }
            }
            // The steps that must aggregate do.
            let grouping = shape.steps.filter { $0.groupBy != nil }.map(\.name)
            #expect(grouping == (variant.order ? ["parts", "days", "final"] : ["days", "final"]), "\(variant): \(grouping)")
            #expect(shape.steps.last?.groupBy == "customer")
        }
    }

    @Test func bringsBackOneColumnPerResultColumn() {
        for variant in Self.variants {
            let statement = PushdownStatement(relation: Self.relation, columns: Self.columns(order: variant.order, segment: variant.segment),
                                              period: variant.period, asOfDay: variant.asOf, includesPurchases: variant.purchases)
            let select = statement.sql.components(separatedBy: "\nSELECT ").last ?? ""
            let names = select.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: " AS ", options: .backwards) else { return nil }
                return String(line[range.upperBound...].prefix(while: { $0 != "," }))
            }
            #expect(names == statement.resultColumns)
        }
    }

    @Test func keepsMoneyInWholeCents() {
        let numeric = PushdownStatement(relation: Self.relation, columns: Self.columns(order: true, segment: false), period: .month, asOfDay: nil,
                                        includesPurchases: true).sql
        #expect(numeric.contains(#"round(source."amount" * 100)::bigint AS cents"#))
        #expect(numeric.contains(#"(scale(source."amount") > 2 AND source."amount" <> round(source."amount", 2)) AS inexact"#))
        let integer = PushdownStatement(relation: Self.relation, columns: Self.columns(order: true, segment: false, amount: 23), period: .month,
                                        asOfDay: nil, includesPurchases: true).sql
        #expect(integer.contains(#"source."amount"::bigint * 100 AS cents"#) && integer.contains("false AS inexact"))
        let double = PushdownStatement(relation: Self.relation, columns: Self.columns(order: true, segment: false, amount: 701), period: .month,
                                       asOfDay: nil, includesPurchases: true).sql
        #expect(double.contains(#"round(source."amount"::numeric * 100)::bigint AS cents"#))
        for sql in [numeric, integer, double] {
            #expect(!sql.contains("float") && !sql.contains("double precision") && !sql.contains("real"))
        }
    }

    @Test func cutsAtTheAsOfDateOnlyWhenOneIsGiven() {
        let cut = PushdownStatement(relation: Self.relation, columns: Self.columns(order: true, segment: false), period: .month,
                                    asOfDay: CivilDate(year: 2025, month: 12, day: 31)!.dayNumber, includesPurchases: false).sql
        #expect(cut.contains("day <= DATE '2025-12-31' AND cents IS NOT NULL"))
        #expect(cut.contains("count(*) FILTER (WHERE day > DATE '2025-12-31' AND cents IS NOT NULL) AS rows_after"))
        let uncut = PushdownStatement(relation: Self.relation, columns: Self.columns(order: true, segment: false), period: .month, asOfDay: nil,
                                      includesPurchases: false).sql
        #expect(!uncut.contains("DATE '2"))
    }

    @Test func readsTheLinesAsRowsWithoutPushdown() {
        let statement = RowStatement(relation: .query("SELECT * FROM orders"), columns: Self.columns(order: false, segment: false, date: 1184))
        #expect(statement.sql.contains(#"source."order_date"::date AS day"#))
        #expect(statement.sql.contains("NULL::text AS order_id"))
        #expect(!statement.sql.contains("GROUP BY"))
    }
}
