import PeiliText
import Testing

@testable import PeiliUI

@Suite("Gap widgets")
struct GapWidgetTests {
  func text(_ spans: [Span]) -> String { spans.map(\.text).joined() }

  @Test func dumbbellDrawsIntervalsTheBarAndTheLettersOnTheAxis() {
    let w = DumbbellWidget(points: [
      .init("C", value: 60, low: 55, high: 65), .init("M", value: 40, low: 35, high: 45),
    ])
    let line = text(w.spans(width: 21))
    #expect(line == "·······─M━━━C─·······")
    #expect(DisplayWidth.of(line) == 21)
    let ascii = DumbbellWidget(points: [.init("C", value: 0), .init("T", value: 100)], marks: .ascii)
    #expect(text(ascii.spans(width: 6)) == "C====T")
    // Out of range values clamp to the ends; one point has no bar.
    #expect(text(DumbbellWidget(points: [.init("S", value: 130)]).spans(width: 5)) == "····S")
    #expect(DumbbellWidget(points: []).spans(width: 0).isEmpty)
  }

  @Test func divergingBarSplitsAnswersAroundTheNeutralOption() throws {
    // 1–5: options 1–2 negative, 3 neutral, 4–5 positive.
    let five = try #require(DivergingBar.shares(counts: [1, 1, 2, 3, 3], zeroToTen: false))
    #expect(five.negative == 0.2 && five.neutral == 0.2 && five.positive == 0.6)
    // 1–4 has no neutral option.
    let four = try #require(DivergingBar.shares(counts: [1, 1, 1, 1], zeroToTen: false))
    #expect(four.neutral == 0 && four.negative == 0.5)
    // 0–10: detractors 0–6, passives 7–8, promoters 9–10.
    var counts = Array(repeating: 0, count: 11)
    counts[6] = 2
    counts[8] = 1
    counts[10] = 1
    let nps = try #require(DivergingBar.shares(counts: counts, zeroToTen: true))
    #expect(nps.negative == 0.5 && nps.neutral == 0.25 && nps.positive == 0.25)
    #expect(DivergingBar.shares(counts: [0, 0], zeroToTen: false) == nil)

    let bar = DivergingBar(negative: 0.2, neutral: 0.2, positive: 0.6, marks: .ascii)
    #expect(text(bar.spans(width: 20)) == "       --..++++++   ")
    // A lopsided distribution still fits: each half is 100%.
    let all = DivergingBar(negative: 1, neutral: 0, positive: 0, marks: .ascii)
    #expect(text(all.spans(width: 10)) == "-----     ")
  }

  @Test func gridNamesTheQuadrantsAndMovesCollidingLabels() {
    let grid = GridWidget(
      items: [.init("AAA", x: 10, y: 10), .init("BBB", x: 10, y: 10), .init("CCC", x: 90, y: 90)],
      xRange: 0...100, yRange: 0...100, xSplit: 50, ySplit: 50,
      corners: .init(topLeft: "tl", topRight: "tr", bottomLeft: "bl", bottomRight: "br"), lines: .ascii)
    var buffer = Buffer(width: 30, height: 9)
    let unplaced = grid.render(into: &buffer, area: buffer.area)
    #expect(unplaced.isEmpty)
    let lines = buffer.lines
    #expect(lines[0].hasPrefix("tl") && lines[0].hasSuffix("tr"))
    #expect(lines[8].hasPrefix("bl") && lines[8].hasSuffix("br"))
    #expect(lines[4] == "---------------+--------------")
    let all = lines.joined(separator: "\n")
    // Both labels at the same point are drawn, on different rows.
    #expect(all.contains("AAA") && all.contains("BBB") && all.contains("CCC"))
    let rowA = lines.firstIndex { $0.contains("AAA") }
    let rowB = lines.firstIndex { $0.contains("BBB") }
    #expect(rowA != nil && rowA != rowB)
    // Too small to draw: every label is reported.
    var tiny = Buffer(width: 5, height: 3)
    #expect(grid.render(into: &tiny, area: tiny.area).count == 3)
  }
}
