import CohortDatabase
import Testing

@Suite struct OrderRelationTests {
    @Test func quotesTableNamesAsPostgreSQLFoldsThem() throws {
        #expect(try OrderRelation(table: "orders", query: nil, source: "db").sql == #""orders""#)
        #expect(try OrderRelation(table: "Sales.Orders", query: nil, source: "db").sql == #""sales"."orders""#)
        #expect(try OrderRelation(table: #""Sales"."Order ""Lines""""#, query: nil, source: "db").sql == #""Sales"."Order ""Lines""""#)
        #expect(try OrderRelation(table: "order lines", query: nil, source: "db").sql == #""order lines""#)
        // Whatever is typed stays one quoted name.
        #expect(try OrderRelation(table: #"x"; DROP TABLE y; --"#, query: nil, source: "db").sql == #""x; DROP TABLE y; --""#)
    }

    @Test func takesASelectInParenthesesWithoutItsSemicolon() throws {
        let relation = try OrderRelation(table: nil, query: "  -- shop orders\n/* all */ (SELECT * FROM orders) ;\n", source: "db")
        #expect(relation.sql == "(\n  -- shop orders\n/* all */ (SELECT * FROM orders)\n)")
        for start in ["WITH x AS (SELECT 1) SELECT * FROM x", "values (1)", "TABLE orders", "select 1"] {
            #expect(throws: Never.self) { try OrderRelation(table: nil, query: start, source: "db") }
        }
    }

    @Test func refusesAQueryThatIsNotASelect() {
        #expect(throws: DatabaseError.notASelect(source: "db", start: "DELETE")) {
            try OrderRelation(table: nil, query: "DELETE FROM orders RETURNING *", source: "db")
        }
        #expect(throws: DatabaseError.notASelect(source: "db", start: "")) { try OrderRelation(table: nil, query: ";", source: "db") }
    }

    @Test func wantsExactlyOneOfTableAndQuery() {
        #expect(throws: DatabaseError.relationMissing(source: "db")) { try OrderRelation(table: nil, query: nil, source: "db") }
        #expect(throws: DatabaseError.relationTwice(source: "db")) { try OrderRelation(table: "t", query: "SELECT 1", source: "db") }
    }
}
