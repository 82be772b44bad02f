import Foundation

/// A 2-D affine map (x, y) → (a·x + c·y + e, b·x + d·y + f), as Cairo and SVG write it.
///
/// `SVGContext` keeps the current one, as Cairo keeps its CTM, and maps every point
/// when it is added to a path; so the SVG needs no `transform` attributes except for
/// turned text.
struct AffineTransform: Equatable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

    static let identity = AffineTransform()

    func apply(_ x: Double, _ y: Double) -> Point {
        Point(x: a * x + c * y + e, y: b * x + d * y + f)
    }

    /// This map after first applying `inner` (Cairo's `cairo_transform`: user space changes first).
    func concatenating(_ inner: AffineTransform) -> AffineTransform {
        AffineTransform(a: a * inner.a + c * inner.b, b: b * inner.a + d * inner.b,
                        c: a * inner.c + c * inner.d, d: b * inner.c + d * inner.d,
                        e: a * inner.e + c * inner.f + e, f: b * inner.e + d * inner.f + f)
    }

    func translated(_ x: Double, _ y: Double) -> AffineTransform {
        concatenating(AffineTransform(e: x, f: y))
    }

    func rotated(_ radians: Double) -> AffineTransform {
        concatenating(AffineTransform(a: cos(radians), b: sin(radians), c: -sin(radians), d: cos(radians)))
    }

    func scaled(_ x: Double, _ y: Double) -> AffineTransform {
        concatenating(AffineTransform(a: x, d: y))
    }

    /// How much lengths grow (the square root of the area factor): line widths and radii.
    var lengthFactor: Double { abs(a * d - b * c).squareRoot() }

    /// True for translations and scalings without turning or shearing (rectangles stay rectangles).
    var isAxisAligned: Bool { b == 0 && c == 0 }

    /// True when the map also mirrors (arcs then turn the other way).
    var mirrors: Bool { a * d - b * c < 0 }
}
