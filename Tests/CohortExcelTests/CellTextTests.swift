@testable import CohortExcel
import Testing

struct CellTextTests {
    @Test func plainTextIsUnchanged() {
        let text = CellText("=SUM(A1:A3) <b>Größe</b>")
        #expect(text.written == "=SUM(A1:A3) <b>Größe</b>")
        #expect(text.truncatedFrom == nil && text.replacedCharacters == 0)
    }

    @Test func literalEscapeSequencesAreProtected() {
        #expect(CellText("_x0041_").written == "_x005F_x0041_")
        #expect(CellText("_x0041_x0042_").written == "_x005F_x0041_x005F_x0042_")
        #expect(CellText("_X00ff_").written == "_x005F_X00ff_")
        #expect(CellText("_x12_ _xZZZZ_ x0041_").written == "_x12_ _xZZZZ_ x0041_")
    }

    @Test func charactersAWorkbookCannotHoldAreReplaced() {
        let text = CellText("a\u{0}b\u{FFFE}c\u{FFFF}\u{1}")
        #expect(text.written == "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{1}")
        #expect(text.replacedCharacters == 3)
    }

    @Test func longTextIsCutToExcelsLimitWithoutSplittingACharacter() {
        let text = CellText(String(repeating: "x", count: 32_766) + "😀😀")
        #expect(text.written == String(repeating: "x", count: 32_766))
        #expect(text.truncatedFrom == 32_770)
        let exact = CellText(String(repeating: "y", count: 32_767))
        #expect(exact.truncatedFrom == nil && exact.written.utf16.count == 32_767)
    }

    /// libxlsxwriter counts the escaped text; protected sequences must still fit.
    @Test func protectedSequencesStayWithinTheLibrarysLimit() {
        let text = CellText(String(repeating: "_x0041_", count: 5_000))
        #expect(text.written.unicodeScalars.count <= CellText.limit)
        #expect(text.truncatedFrom == 35_000)
        #expect(text.written.hasPrefix("_x005F_x0041_"))
    }

    @Test func propertiesLoseControlCharacters() {
        #expect(CellText.plain("Title\u{1}with\u{0}controls\tand\nlines") == "Title with controls\tand\nlines")
    }
}
