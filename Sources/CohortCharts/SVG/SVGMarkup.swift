/// Numbers, colors and text as SVG writes them: short, deterministic, escaped.
enum SVGMarkup {
    /// `12.5`, `3`, `-0.25`: rounded to hundredths, without trailing zeros (a point is 1/72 inch;
    /// a hundredth is far below what a screen or printer shows).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let magnitude = abs(hundredths)
        var text = hundredths < 0 ? "-" : ""
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text == "-0" ? "0" : text
    }

    /// `#1f2328`: the color without its alpha (written apart as an opacity).
    static func color(_ color: Color) -> String {
        func hex(_ channel: Double) -> String {
            let value = Int((min(max(channel, 0), 1) * 255).rounded())
            return (value < 16 ? "0" : "") + String(value, radix: 16)
        }
        return "#" + hex(color.red) + hex(color.green) + hex(color.blue)
    }

    /// Text content or an attribute value with `&`, `<`, `>` and `"` escaped.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
