import Testing

@testable import PeiliText
@testable import PeiliUI

/// The fast paths of `DisplayWidth` and `Buffer.put` (ASCII, then "simple" scalars) must give
/// exactly what the character-by-character path gave: these compare them with that path,
/// kept here as the reference.
@Suite("Cell writing")
struct CellWritingTests {
  /// `DisplayWidth.of(Character)` without its fast paths: sanitised, then the first scalar's
  /// width, 2 for an emoji with VS16.
  static func referenceWidth(_ ch: Character) -> Int {
    TerminalText.sanitize(String(ch)).reduce(0) { sum, c in
      let scalars = c.unicodeScalars
      let flag = scalars.count >= 2 && scalars.prefix(2).allSatisfy { (0x1F1E6...0x1F1FF).contains($0.value) }
      return sum + (scalars.contains("\u{FE0F}") || flag ? 2 : DisplayWidth.scalarWidth(scalars.first!))
    }
  }

  /// `Buffer.put` without its fast paths: sanitised, then one character at a time.
  static func referencePut(
    _ text: String, into buffer: inout Buffer, x: Int, y: Int, style: Style, maxWidth: Int?
  )
    -> Int
  {
    guard y >= 0, y < buffer.height else { return x }
    let limit = min(buffer.width, x + (maxWidth ?? buffer.width))
    var col = x
    for ch in TerminalText.sanitize(text) {
      let w = referenceWidth(ch)
      if w == 0 { continue }
      if col + w > limit { break }
      if col >= 0 {
        buffer[col, y] = Cell(String(ch), style)
        if w == 2 { buffer[col + 1, y] = Cell("", style) }
      }
      col += w
    }
    return col
  }

  @Test func everyScalarHasTheReferenceWidth() {
    var differing: [UInt32] = []
    for v in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(v) else { continue }
      let ch = Character(scalar)
      if DisplayWidth.of(ch) != Self.referenceWidth(ch) { differing.append(v) }
    }
    #expect(differing.isEmpty, "widths differ at \(differing.prefix(10).map { String($0, radix: 16) })")
  }

  @Test func simpleScalarsNeverJoinANeighbour() {
    // Drawn scalar by scalar, a simple scalar must be a character of its own next to anything.
    let neighbours: [Unicode.Scalar] = ["a", "█", "✔", "é", "\u{2013}"]
    var joining: [UInt32] = []
    for v in UInt32(0)...0x2FFFF where DisplayWidth.isSimple(v) {
      guard let s = Unicode.Scalar(v) else { continue }
      for n in neighbours + [s] {
        var before = String.UnicodeScalarView()
        before.append(n)
        before.append(s)
        var after = String.UnicodeScalarView()
        after.append(s)
        after.append(n)
        if String(before).count != 2 || String(after).count != 2 {
          joining.append(v)
          break
        }
      }
    }
    #expect(joining.isEmpty, "joins a neighbour: \(joining.prefix(10).map { String($0, radix: 16) })")
  }

  @Test func putWritesWhatTheCharacterPathWrote() {
    let samples = [
      "", "plain ASCII text", "A12 Cut night-shift coverage (step 25)", "██████▉░░░░░", "✓ on track", "─────",
      "±4 → 55 · –", "tab\there", "cr\r\nlf", "del\u{7F}", "esc\u{1B}[31m", "e\u{301}te\u{301}", "日本語テキスト",
      "a日b", "👍🏽 ok", "👨‍👩‍👧 family", "zero\u{200B}width", "nbsp\u{A0}here", "\u{20DD}enclosed",
      "soft\u{AD}hyphen",
      "🇫🇮 flag", "Ångström", "x\u{0085}y", "rlo\u{202E}cba", "⌚✅⭐ wide", "❤\u{FE0F} vs16", "e\u{200B}\u{301}",
    ]
    let style = Style(.accent, bold: true)
    for text in samples {
      for (x, maxWidth) in [(0, nil), (3, 5), (-2, nil), (8, 1), (0, 0), (14, 10)] as [(Int, Int?)] {
        var fast = Buffer(width: 16, height: 2)
        var slow = Buffer(width: 16, height: 2)
        let a = fast.put(text, x: x, y: 1, style: style, maxWidth: maxWidth)
        let b = Self.referencePut(text, into: &slow, x: x, y: 1, style: style, maxWidth: maxWidth)
        #expect(a == b, "end column of \(text.debugDescription) at \(x)")
        #expect(
          fast == slow, "cells of \(text.debugDescription) at \(x), max \(String(describing: maxWidth))")
      }
      #expect(
        DisplayWidth.of(text) == TerminalText.sanitize(text).reduce(0) { $0 + Self.referenceWidth($1) },
        "width of \(text.debugDescription)")
    }
  }

  /// Whatever a view passes, no cell holds a control, bidi or invisible character: every
  /// scalar that `TerminalText` judges, between letters, CJK and an emoji.
  @Test func noCellHoldsWhatTheSanitiserRemoves() {
    var leaked: [String] = []
    for v in UInt32(0)...0xE01EF {
      guard let s = Unicode.Scalar(v), TerminalText.isSuspect(s) else { continue }
      for around in ["ab", "日本", "😀x"] {
        let text = String(around.first!) + String(s) + String(around.dropFirst())
        var buffer = Buffer(width: 12, height: 1)
        let end = buffer.put(text, x: 0, y: 0)
        let drawn = buffer.cells.map(\.text).joined()
        if TerminalText.hasUnsafeCharacters(drawn) || end != DisplayWidth.of(text) {
          leaked.append("U+\(String(v, radix: 16)) in \(around)")
        }
      }
    }
    #expect(leaked.isEmpty, "\(leaked.count) leaks: \(leaked.prefix(12))")
  }

  @Test func fillCoversOnlyTheRectangleInsideTheBuffer() {
    var buffer = Buffer(width: 6, height: 3)
    buffer.fill(x: 4, y: -1, width: 5, height: 2, style: Style(.header))
    #expect(buffer[4, 0].style == Style(.header) && buffer[5, 0].style == Style(.header))
    #expect(buffer[3, 0].style == .plain && buffer[4, 1].style == .plain)
    buffer.fill(x: 7, y: 0, width: 2, height: 3, style: Style(.bad))
    buffer.fill(x: 0, y: 4, width: 6, height: 2, style: Style(.bad))
    buffer.fill(x: -9, y: 0, width: 3, height: 3, style: Style(.bad))
    #expect(!buffer.cells.contains { $0.style == Style(.bad) })
  }
}
