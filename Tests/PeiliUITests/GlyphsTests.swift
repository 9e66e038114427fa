import PeiliText
import Testing

@testable import PeiliUI

@Suite("Glyphs")
struct GlyphsTests {
  private func all(_ g: Glyphs) -> [String] {
    [
      g.expanded, g.collapsed, g.leaf, g.barFull, g.barEmpty, g.horizontal, g.vertical, g.topLeft,
      g.topRight, g.bottomLeft, g.bottomRight, g.teeRight, g.teeLeft, g.ciStart, g.ciLine, g.ciPoint,
      g.ciEnd, g.up, g.down, g.dot, g.ellipsis,
    ] + g.barPartials
  }

  @Test func asciiSetIsSevenBitPrintable() {
    for s in all(.ascii) {
      #expect(s.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "\(s) is not ASCII")
    }
    #expect(Glyphs.forTerminal(utf8: false) == .ascii)
    #expect(Glyphs.forTerminal(utf8: true) == .unicode)
  }

  @Test func unicodeGlyphsTakeOneColumnEach() {
    for s in all(.unicode) { #expect(DisplayWidth.of(s) == 1, "\(s)") }
    #expect(Glyphs.unicode.barPartials == ["▏", "▎", "▍", "▌", "▋", "▊", "▉"])
  }

  @Test(arguments: [0.0, 0.01, 1.0 / 3.0, 0.5, 0.99, 1.0, 1.7, -0.2, .nan])
  func barsFillExactlyTheirWidth(fraction: Double) {
    for width in [1, 7, 10, 24] {
      #expect(DisplayWidth.of(Glyphs.unicode.bar(fraction, width: width)) == width)
      #expect(Glyphs.ascii.bar(fraction, width: width).count == width)
    }
    #expect(Glyphs.unicode.bar(fraction, width: 0).isEmpty)
  }

  @Test func barsUseEighthsInUnicodeAndWholeCellsInASCII() {
    #expect(Glyphs.unicode.bar(0.5, width: 10) == "█████░░░░░")
    #expect(Glyphs.unicode.bar(1.0 / 16.0, width: 2) == "▏░")
    #expect(Glyphs.unicode.bar(0.55, width: 10) == "█████▌░░░░")
    #expect(Glyphs.ascii.bar(0.55, width: 10) == "######....")
    #expect(Glyphs.ascii.bar(1, width: 4) == "####")
    #expect(Glyphs.ascii.bar(-1, width: 4) == "....")
  }

  @Test func ciStripPlacesInterval() {
    #expect(Glyphs.unicode.ciStrip(low: 20, estimate: 50, high: 80, width: 11) == "  ├──●──┤  ")
    #expect(Glyphs.ascii.ciStrip(low: 20, estimate: 50, high: 80, width: 11) == "  [--*--]  ")
    // Values outside the scale are clamped to its ends.
    #expect(Glyphs.ascii.ciStrip(low: -40, estimate: 0, high: 140, width: 5) == "*---]")
    #expect(Glyphs.ascii.ciStrip(low: 50, estimate: 50, high: 50, width: 5) == "  *  ")
    #expect(Glyphs.unicode.ciStrip(low: 0, estimate: 0, high: 1, width: 0).isEmpty)
  }

  @Test func truncateEndsInTheSetsEllipsis() {
    #expect(Glyphs.unicode.truncate("Communication", to: 8) == "Communi…")
    #expect(Glyphs.ascii.truncate("Communication", to: 8) == "Commu...")
    #expect(Glyphs.unicode.truncate("Short", to: 8) == "Short")
    #expect(Glyphs.unicode.truncate("日本語テキスト", to: 6) == "日本…")
    #expect(DisplayWidth.of(Glyphs.unicode.truncate("日本語テキスト", to: 6)) <= 6)
    #expect(Glyphs.ascii.truncate("abcdef", to: 2) == "ab")
    #expect(Glyphs.ascii.truncate("abcdef", to: 0) == "")
  }
}
