/// A distribution of answers as one bar centred on the neutral option: the negative share
/// grows left of the centre, the positive share right, the neutral share straddles it.
public struct DivergingBar: Sendable {
  /// The drawing characters for the three parts (told apart without colour too).
  public struct Marks: Hashable, Sendable {
    public var negative: String
    public var neutral: String
    public var positive: String
    public var empty: String
    public init(negative: String, neutral: String, positive: String, empty: String) {
      self.negative = negative
      self.neutral = neutral
      self.positive = positive
      self.empty = empty
    }
    public static let unicode = Marks(negative: "▒", neutral: "░", positive: "█", empty: " ")
    public static let ascii = Marks(negative: "-", neutral: ".", positive: "+", empty: " ")
  }

  /// Shares 0…1 (need not sum to 1 exactly; drawn as given, clamped).
  public var negative: Double
  public var neutral: Double
  public var positive: Double
  public var marks: Marks

  public init(negative: Double, neutral: Double, positive: Double, marks: Marks = .unicode) {
    self.negative = negative
    self.neutral = neutral
    self.positive = positive
    self.marks = marks
  }

  /// Splits answer counts per option (index 0 = the lowest) into negative, neutral and positive
  /// shares: on 0–10 items detractors (0–6), passives (7–8), promoters (9–10); otherwise below,
  /// at and above the middle option (even scales have no neutral).
  public static func shares(counts: [Int], zeroToTen: Bool) -> (
    negative: Double, neutral: Double, positive: Double
  )? {
    let total = counts.reduce(0, +)
    guard total > 0 else { return nil }
    var neg = 0
    var mid = 0
    var pos = 0
    for (i, c) in counts.enumerated() {
      if zeroToTen && counts.count == 11 {
        if i <= 6 { neg += c } else if i <= 8 { mid += c } else { pos += c }
      } else {
        let doubled = 2 * i - (counts.count - 1)  // < 0 below the middle, 0 at it
        if doubled < 0 { neg += c } else if doubled == 0 { mid += c } else { pos += c }
      }
    }
    let t = Double(total)
    return (Double(neg) / t, Double(mid) / t, Double(pos) / t)
  }

  /// Exactly `width` cells: the left half holds the negative share and half the neutral,
  /// the right half the rest of the neutral and the positive share; a half is 100%, so any
  /// distribution fits without clipping.
  public func spans(width: Int) -> [Span] {
    guard width > 1 else { return [] }
    let half = width / 2
    let right = width - half
    func cells(_ share: Double, in side: Int, room: Int) -> Int {
      min(room, max(0, Int((min(1, max(0, share)) * Double(side)).rounded())))
    }
    let neutralLeft = cells(neutral / 2, in: half, room: half)
    let negativeCells = cells(negative, in: half, room: half - neutralLeft)
    let neutralRight = cells(neutral / 2, in: half, room: right)
    let positiveCells = cells(positive, in: half, room: right - neutralRight)
    return [
      Span(String(repeating: marks.empty, count: half - neutralLeft - negativeCells)),
      Span(String(repeating: marks.negative, count: negativeCells), Style(.gapOver)),
      Span(String(repeating: marks.neutral, count: neutralLeft + neutralRight), Style(.muted)),
      Span(String(repeating: marks.positive, count: positiveCells), Style(.gapUnder)),
      Span(String(repeating: marks.empty, count: right - neutralRight - positiveCells)),
    ].filter { !$0.text.isEmpty }
  }
}

extension DivergingBar.Marks {
  /// The marks of a glyph set.
  public init(glyphs: Glyphs) { self = glyphs.isUnicode ? .unicode : .ascii }
}
