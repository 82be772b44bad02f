@testable import CohortCharts
import CohortCore
import Testing

struct ColorScaleTests {
    @Test func viridisRunsDarkToLight() {
        let scale = ColorScale.viridis(from: 0, to: 1)
        #expect(scale.color(for: 0) == Color(hex: 0x440154))
        #expect(scale.color(for: 1) == Color(hex: 0xFDE725))
        #expect(scale.color(for: 0).luminance < scale.color(for: 0.5).luminance)
        #expect(scale.color(for: 0.5).luminance < scale.color(for: 1).luminance)
        #expect(scale.color(for: 7) == scale.color(for: 1)) // clamped
    }

    @Test func divergingIsNeutralAtItsCenter() {
        let scale = ColorScale.diverging(from: 0, center: 1, to: 3)
        #expect(scale.fraction(of: 1) == 0.5)
        #expect(scale.fraction(of: 0.5) == 0.25)
        #expect(scale.fraction(of: 2) == 0.75)
        #expect(scale.color(for: 1) == Color(hex: 0xF2EDE6))
    }

    @Test func cellTextKeepsWCAGContrast() {
        for value in stride(from: 0.0, through: 1.0, by: 0.05) {
            let background = ColorScale.viridis(from: 0, to: 1).color(for: value)
            let text = ColorScale.textColor(on: background)
            let (light, dark) = (max(text.luminance, background.luminance), min(text.luminance, background.luminance))
            // 4.5:1 is WCAG AA for normal text.
            #expect((light + 0.05) / (dark + 0.05) >= 4.5, "value \(value)")
        }
    }
}

struct AxisTicksTests {
    @Test func niceSteps() {
        func close(_ actual: [Double], _ expected: [Double]) -> Bool {
            actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) < 1e-9 }
        }
        // 0 … 0.87 in about 5 steps: rough step 0.174 → the next nice step is 0.2; 0.87 rounds up to 1.0.
        #expect(close(AxisTicks.nice(from: 0, to: 0.87, count: 5), [0, 0.2, 0.4, 0.6, 0.8, 1.0]))
        // −130 … 420: rough step 110 → nice step 200; −130 rounds down to −200, 420 up to 600.
        #expect(close(AxisTicks.nice(from: -130, to: 420, count: 5), [-200, 0, 200, 400, 600]))
    }

    @Test func thinnedLabelsStartAtZero() {
        #expect(AxisTicks.thinned(count: 36, room: 12) == Array(stride(from: 0, to: 36, by: 3)))
        #expect(AxisTicks.thinned(count: 5, room: 10) == [0, 1, 2, 3, 4])
    }
}
