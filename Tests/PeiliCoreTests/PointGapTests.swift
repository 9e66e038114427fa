import Foundation
import Testing

@testable import PeiliCore

/// `PointGap`: favourable % and NPS differences in points against shared/reference/statistics.json,
/// and the CI-and-materiality mark.
@Suite struct PointGapTests {
  /// A question's summary: `k` favourable answers of `n` (no respondents' shares: Wilson's side).
  static func question(k: Int, n: Int) -> ScoreSummary {
    ScoreSummary(index: SampleSummary(n: n, mean: 50, m2: Double(n) * 100), favourable: k, favourableN: n)
  }

  static func nps(_ e: NetPromoterScore, counts answers: [Int]) -> ScoreSummary {
    ScoreSummary(
      index: SampleSummary(n: e.n, mean: 50, m2: Double(e.n) * 100),
      promoters: answers.filter { $0 >= 9 }.count, detractors: answers.filter { $0 <= 6 }.count, npsN: e.n)
  }

  @Test func questionFavourableIsTheTwoProportionTestInPoints() throws {
    for c in try ReferenceFile.cases("two_prop") {
      let (k1, n1, k2, n2) = (
        Int(try c.number("k1")), Int(try c.number("n1")), Int(try c.number("k2")), Int(try c.number("n2"))
      )
      let label = "two_prop \(k1)/\(n1) vs \(k2)/\(n2)"
      let g = try #require(PointGap.favourable(Self.question(k: k1, n: n1), Self.question(k: k2, n: n2)))
      #expect(g.method == .twoProportions && g.measure == .favourable && g.df == nil)
      expectClose(g.diff, 100 * (try c.number("diff")), "\(label) diff")
      expectClose(g.statistic, try c.number("z"), "\(label) z")
      expectClose(g.p, try c.number("p"), "\(label) p")
      expectClose(g.low, 100 * (try c.number("ci_low")), "\(label) low")
      expectClose(g.high, 100 * (try c.number("ci_high")), "\(label) high")
      #expect(g.n1 == n1 && g.n2 == n2)
    }
  }

  @Test func npsIsTheDifferenceZ() throws {
    for c in try ReferenceFile.cases("nps_diff") {
      let before = try c.numbers("before").map { Int($0) }
      let after = try c.numbers("after").map { Int($0) }
      let a = try #require(NetPromoterScore(answers: before))
      let b = try #require(NetPromoterScore(answers: after))
      let g = try #require(PointGap.nps(Self.nps(a, counts: before), Self.nps(b, counts: after)))
      let label = "nps_diff \(a.n)/\(b.n)"
      #expect(g.method == .npsDifference && g.measure == .nps)
      expectClose(g.diff, try c.number("diff"), "\(label) diff")
      expectClose(g.statistic, try c.number("z"), "\(label) z")
      expectClose(g.p, try c.number("p"), "\(label) p")
      expectClose(g.se, (a.se * a.se + b.se * b.se).squareRoot(), "\(label) se")
      expectClose(g.high - g.low, 2 * StandardNormal.z975 * g.se, "\(label) CI width")
    }
  }

  @Test func markedOnlyWhenTheCIExcludesZeroAndTheChangeIsMaterial() throws {
    // Large groups: a 3-point rise is certain but not material; an 8-point one is both.
    let base = Self.question(k: 5000, n: 10000)
    let small = try #require(PointGap.favourable(base, Self.question(k: 5300, n: 10000)))
    #expect(small.low > 0 && small.gapClass == .aligned && !small.isMarked)
    let large = try #require(PointGap.favourable(base, Self.question(k: 5800, n: 10000)))
    #expect(large.gapClass == .over && large.isMarked)
    let fall = try #require(PointGap.favourable(base, Self.question(k: 4200, n: 10000)))
    #expect(fall.gapClass == .under)
    // Small groups: a 20-point rise whose CI includes 0 stays plain.
    let wide = try #require(PointGap.favourable(Self.question(k: 4, n: 10), Self.question(k: 6, n: 10)))
    #expect(wide.low < 0 && wide.gapClass == .aligned)
    // Suppressed or missing sides: not enough data, no numbers; neither side: no gap.
    #expect(PointGap.favourable(base, Self.question(k: 2, n: 4))?.gapClass == .notEnoughData)
    #expect(PointGap.favourable(base, nil)?.diff == 0)
    #expect(PointGap.favourable(nil, nil) == nil)
    #expect(PointGap.nps(base, base)?.gapClass == .notEnoughData, "no NPS item")
    // A theme against a question has no common unit.
    var theme = base
    theme.favourableShares = SampleSummary([0, 0.5, 1, 1, 0.5])
    #expect(PointGap.favourable(base, theme)?.gapClass == .notEnoughData)
    #expect(Materiality.favourablePoints == 5 && Materiality.npsPoints == 5)
  }

  @Test func mergedThemeSummariesKeepTheRespondentsShares() {
    let a = ScoreSummary(index: SampleSummary([10, 20]), favourableShares: SampleSummary([0, 0.5]))
    let b = ScoreSummary(index: SampleSummary([30, 40, 50]), favourableShares: SampleSummary([1, 1, 0.25]))
    let merged = a.merged(with: b).favourableShares
    let whole = SampleSummary([0, 0.5, 1, 1, 0.25])
    #expect(merged?.n == 5)
    expectClose(merged?.mean, whole.mean, "merged mean")
    expectClose(merged?.m2, whole.m2, "merged M2")
    #expect(a.merged(with: ScoreSummary(index: SampleSummary())).favourableShares == a.favourableShares)
  }
}
