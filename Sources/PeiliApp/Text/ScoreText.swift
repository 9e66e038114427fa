import Foundation
import PeiliCore
import PeiliText
import PeiliUI

/// Numbers and status words as the screens write them, in the glyph set's characters and
/// the catalogue's words; every number goes through the language's `Numerals`.
public struct ScoreText: Sendable {
  public let glyphs: Glyphs
  /// The words of gap classes and the like.
  public let words: Catalogue.AnalysisText
  /// Numbers and dates in the catalogue's language (U+2212 only where the glyphs are Unicode).
  public let numerals: Numerals
  public init(glyphs: Glyphs, text: Catalogue) {
    self.glyphs = glyphs
    words = text.analysis
    numerals = Numerals(text.language, unicode: glyphs.isUnicode)
  }
  /// In the model's glyphs and language.
  public init(_ shared: Shared) { self.init(glyphs: shared.glyphs, text: shared.text) }

  /// "±" or "+/-" in ASCII.
  public var plusMinus: String { glyphs.plusMinus }
  /// "→" or "->".
  public var arrow: String { glyphs.arrow }
  /// "×" or "x".
  public var times: String { glyphs.times }
  /// "·" or "|" between header items.
  public var separator: String { glyphs.separator }
  /// "−" or "-" in labels such as "mirror − customer".
  public var minus: String { glyphs.minus }

  /// Text with symbols (the catalogue's, the store's) in the glyph set (`Glyphs.plain`).
  public func plain(_ text: String) -> String { glyphs.plain(text) }

  /// A 0–100 index as a whole number, "–" when missing or suppressed.
  public func index(_ e: ScoreEstimate?) -> String {
    guard let e else { return missing }
    return "\(Int(e.index.rounded()))"
  }

  /// "48 ±4".
  public func indexWithMargin(_ e: ScoreEstimate?) -> String {
    guard let e else { return missing }
    return "\(Int(e.index.rounded())) \(plusMinus)\(Int(((e.indexHigh - e.indexLow) / 2).rounded()))"
  }

  public var missing: String { glyphs.missing }

  /// A number with `digits` decimals, "0.00" (never "-0.00") when it rounds to zero.
  public func decimal(_ x: Double, _ digits: Int) -> String { numerals.decimal(x, digits) }

  /// A signed whole number: "+9", "-12" ("−12" in Finnish), "0".
  public func signed(_ x: Double) -> String { numerals.signed(x) }

  /// A rounded whole number: "47", "−3".
  public func whole(_ x: Double) -> String { numerals.integer(x) }

  /// A whole per cent: "70%", "70 %".
  public func percent(_ n: Int) -> String { numerals.percent(n) }

  /// A day: "2026-03-05", "5.3.2026".
  public func date(_ day: Day) -> String { numerals.date(day) }

  /// The day of a stored timestamp ("2026-10-14T16:05:00Z") as the language writes it.
  public func date(ofStamp timestamp: String) -> String {
    let iso = String(timestamp.prefix(10))
    return Day(iso).map(date) ?? iso
  }

  /// "-12±7".
  public func difference(_ gap: Gap) -> String {
    "\(signed(gap.diff))\(plusMinus)\(Int(gap.margin.rounded()))"
  }

  /// A gap's size in a sentence, magnitude and margin in whole index points: "12 ± 7".
  public func size(_ gap: Gap) -> String {
    "\(Int(abs(gap.diff).rounded())) \(plusMinus) \(Int(gap.margin.rounded()))"
  }

  /// The gap's class as a word.
  public func word(_ c: GapClass) -> String { words.word(c) }

  /// The width a gap cell needs in the catalogue's words: its glyph, the difference and the
  /// class word — a marked gap has at least the material 5 points (two digits with its
  /// margin), an aligned one seldom more than one digit. The mirror table sizes its gap
  /// columns by it.
  public var gapCellWidth: Int {
    let marked =
      1 + DisplayWidth.of("-17\(plusMinus)4") + 1
      + max(DisplayWidth.of(word(.under)), DisplayWidth.of(word(.over)))
    let aligned = 1 + DisplayWidth.of("-2\(plusMinus)5") + 1 + DisplayWidth.of(word(.aligned))
    return max(marked, aligned)
  }

  /// The mirror gap cell: direction glyph, difference, class word; colour from direction.
  public func gapCell(_ gap: Gap?) -> Span {
    guard let gap, gap.gapClass != .notEnoughData else { return Span(words.notAvailable, Style(.muted)) }
    switch gap.gapClass {
    case .under: return Span("\(glyphs.down)\(difference(gap)) \(word(.under))", Style(.gapUnder, bold: true))
    case .over: return Span("\(glyphs.up)\(difference(gap)) \(word(.over))", Style(.gapOver, bold: true))
    default: return Span("=\(difference(gap)) \(word(.aligned))", Style(.text))
    }
  }

  /// The change cell: difference, then a direction marker only when marked.
  public func changeCell(_ gap: Gap?) -> Span {
    guard let gap, gap.gapClass != .notEnoughData else { return Span(words.notAvailable, Style(.muted)) }
    switch gap.gapClass {
    case .over: return Span("\(difference(gap))\(glyphs.up)", Style(.good, bold: true))
    case .under: return Span("\(difference(gap))\(glyphs.down)", Style(.bad, bold: true))
    default: return Span(difference(gap), Style(.text))
    }
  }

  /// "+8±3" for a favourable or NPS difference in points.
  public func difference(_ gap: PointGap) -> String {
    "\(signed(gap.diff))\(plusMinus)\(Int(gap.margin.rounded()))"
  }

  /// A favourable or NPS change: difference, then a direction marker only when marked (as
  /// `changeCell`); "–" when not known.
  public func pointChangeCell(_ gap: PointGap?) -> Span {
    guard let gap, gap.gapClass != .notEnoughData else { return Span(missing, Style(.muted)) }
    switch gap.gapClass {
    case .over: return Span("\(difference(gap))\(glyphs.up)", Style(.good, bold: true))
    case .under: return Span("\(difference(gap))\(glyphs.down)", Style(.bad, bold: true))
    default: return Span(difference(gap), Style(.text))
    }
  }

  /// A favourable or NPS gap: direction glyph and difference (as `gapCell`, without the word);
  /// "–" when not known.
  public func pointGapCell(_ gap: PointGap?) -> Span {
    guard let gap, gap.gapClass != .notEnoughData else { return Span(missing, Style(.muted)) }
    switch gap.gapClass {
    case .under: return Span("\(glyphs.down)\(difference(gap))", Style(.gapUnder, bold: true))
    case .over: return Span("\(glyphs.up)\(difference(gap))", Style(.gapOver, bold: true))
    default: return Span("=\(difference(gap))", Style(.text))
    }
  }

  /// "40%" for 0…1, "–" when unknown.
  public func percent(_ fraction: Double?) -> String {
    guard let fraction, fraction.isFinite else { return missing }
    return numerals.percent(fraction: min(1, max(0, fraction)))
  }

  /// The glyph that tells a pace status without colour.
  public func glyph(_ status: PaceStatus) -> String {
    switch status {
    case .onTrack: glyphs.check
    case .atRisk: "!"
    case .offTrack: glyphs.cross
    case .done: glyphs.done
    case .notStarted: glyphs.notStarted
    }
  }

  /// The colour role of a pace status.
  public func role(_ status: PaceStatus) -> Role {
    switch status {
    case .onTrack, .done: .good
    case .atRisk: .warn
    case .offTrack: .bad
    case .notStarted: .muted
    }
  }

  /// The role an action status is written in.
  public func role(_ status: ActionStatus) -> Role {
    switch status {
    case .blocked: .bad
    case .dropped, .planned: .muted
    case .active: .text
    case .done: .good
    }
  }
}
