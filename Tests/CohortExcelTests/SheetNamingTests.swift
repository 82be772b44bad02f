@testable import CohortExcel
import Testing

struct SheetNamingTests {
    @Test func forbiddenAndControlCharactersBecomeUnderscores() {
        var naming = SheetNaming()
        #expect(naming.name(for: "a[b]c:d*e?f/g\\h") == "a_b_c_d_e_f_g_h")
        #expect(naming.name(for: "tab\there\u{0}") == "tab_here_")
    }

    @Test func namesAreAtMostThirtyOneUTF16UnitsOfWholeCharacters() {
        var naming = SheetNaming()
        #expect(naming.name(for: String(repeating: "x", count: 40)) == String(repeating: "x", count: 31))
        // 30 units, then an emoji of two units: it does not fit whole and is left out.
        #expect(naming.name(for: String(repeating: "y", count: 30) + "😀") == String(repeating: "y", count: 30))
        #expect(naming.name(for: String(repeating: "ä", count: 31)) == String(repeating: "ä", count: 31))
    }

    @Test func apostrophesAtTheEndsAreDropped() {
        var naming = SheetNaming()
        #expect(naming.name(for: "''Kunden'") == "Kunden")
        #expect(naming.name(for: "O'Brien") == "O'Brien")
        #expect(naming.name(for: "'''") == "Sheet")
        // Cut to 31 characters, an apostrophe would end the name.
        #expect(naming.name(for: String(repeating: "z", count: 30) + "'abc") == String(repeating: "z", count: 30))
    }

    @Test func namesAreUniqueIgnoringCaseAndHistoryIsReserved() {
        var naming = SheetNaming()
        #expect(naming.name(for: "KPIs") == "KPIs")
        #expect(naming.name(for: "kpis") == "kpis (2)")
        #expect(naming.name(for: "KPIS") == "KPIS (3)")
        #expect(naming.name(for: "history") == "history (2)")
        #expect(naming.name(for: "") == "Sheet")
        #expect(naming.name(for: "") == "Sheet (2)")
        let long = String(repeating: "L", count: 31)
        #expect(naming.name(for: long) == long)
        #expect(naming.name(for: long) == String(repeating: "L", count: 27) + " (2)")
    }
}
