import Foundation

/// WCAG 2.x contrast: relative luminance of sRGB colours and the ratio between two of them
/// (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). AA asks 4.5:1 for text, 3:1 for the
/// lines of a component (1.4.11).
enum Contrast {
  /// The relative luminance of `c`, 0 (black) to 1 (white).
  static func luminance(_ c: XtermPalette.RGB) -> Double {
    func linear(_ channel: Int) -> Double {
      let v = Double(channel) / 255
      return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue)
  }

  /// (lighter + 0.05) / (darker + 0.05): 1 for equal colours, 21 for black on white.
  static func ratio(_ a: XtermPalette.RGB, _ b: XtermPalette.RGB) -> Double {
    let (la, lb) = (luminance(a), luminance(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
  }
}
