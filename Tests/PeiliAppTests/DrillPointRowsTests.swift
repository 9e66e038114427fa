import PeiliCore
import PeiliUI
import Testing

@testable import PeiliApp

/// The drill-down's favourable % and NPS table (`DrillRows.points`), built from facts.
@Suite("Drill-down favourable and NPS rows")
struct DrillPointRowsTests {
  static func gap(_ measure: PointGap.Measure, _ diff: Double, _ margin: Double) -> PointGap {
    let (low, high) = (diff - margin, diff + margin)
    return PointGap(
      measure: measure, method: measure == .nps ? .npsDifference : .respondentShares, diff: diff, low: low,
      high: high, se: margin / 1.96, statistic: diff / (margin / 1.96), df: nil, p: 0.01, n1: 200, n2: 210,
      gapClass: Gap.classify(
        diff: diff, low: low, high: high,
        materialThreshold: measure == .nps ? Materiality.npsPoints : Materiality.favourablePoints))
  }

  static func mirror(_ points: PointGaps) -> ThemeMirror {
    ThemeMirror(
      theme: Theme(id: "t", name: "T"), scores: [:], baselineScores: [:], mirrorGap: nil, experienceGap: nil,
      change: [:], points: points)
  }

  static func text(_ line: [Span]) -> String { line.map(\.text).joined() }

  @Test func changesThenGapsWithTheNPSColumnWhereAsked() {
    let m = TestWorkspace.model()
    let points = PointGaps(
      favourableChange: [.customer: Self.gap(.favourable, 8, 3), .staff: Self.gap(.favourable, 4, 6)],
      npsChange: [.customer: Self.gap(.nps, -12, 6)],
      favourableMirrorGap: Self.gap(.favourable, -30, 5), favourableExperienceGap: .notEnoughData(.favourable)
    )
    let lines = DrillRows.points(Self.mirror(points), m, text: ScoreText(m.shared))
    #expect(
      lines.map(Self.text) == [
        "  Favourable % and NPS, in points      fav      NPS",
        "    Δ Customer                         +8±3▲    -12±6▼",
        "    Δ Staff                            +4±6     –",
        "    Mirror gap (mirror − customer)     ▼-30±5   –",
        "    Experience gap (staff − customer)  –        –",
      ])
    // A marked rise is good, a marked fall bad, an unmarked change plain.
    #expect(lines[1][1].style.role == .good && lines[1][2].style.role == .bad)
    #expect(lines[2][1].style.role == .text && lines[3][1].style.role == .gapUnder)
  }

  @Test func withoutNPSNoNPSColumnAndWithoutFactsNoTable() {
    let m = TestWorkspace.model()
    let lines = DrillRows.points(
      Self.mirror(PointGaps(favourableChange: [.customer: Self.gap(.favourable, 2, 4)])), m,
      text: ScoreText(m.shared))
    #expect(
      lines.map(Self.text) == [
        "  Favourable % and NPS, in points      fav",
        "    Δ Customer                         +2±4",
      ])
    #expect(DrillRows.points(Self.mirror(PointGaps()), m, text: ScoreText(m.shared)).isEmpty)
  }

  @Test func inASCIITheDeltaIsSpelled() {
    let m = TestWorkspace.model(glyphs: .ascii)
    let lines = DrillRows.points(
      Self.mirror(PointGaps(favourableChange: [.customer: Self.gap(.favourable, 8, 3)])), m,
      text: ScoreText(m.shared))
    #expect(Self.text(lines[1]).hasPrefix("    chg Customer "))
    #expect(Self.text(lines[1]).contains("+8+/-3^"))
  }
}
