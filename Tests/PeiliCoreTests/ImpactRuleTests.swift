import Foundation
import PeiliCore
import Testing

/// DESIGN §8's labels and verdicts, one row per case, and the DiD interval against scipy.
struct ImpactRuleTests {
  typealias F = ImpactRule.Facts

  static let table: [(F, ImpactDesign, ImpactVerdict)] = [
    // Dropped: never judged, whatever moved.
    (F(status: .dropped, progress: 90, hasFollowUp: true, change: .over), .dropped, .notJudged),
    // Planned or at 0%: never credited with the theme's movement.
    (F(status: .planned, progress: 0, hasFollowUp: true, change: .over), .notStarted, .notStarted),
    (F(status: .planned, progress: 30, hasFollowUp: true, change: .over), .notStarted, .notStarted),
    (F(status: .active, progress: 0, hasFollowUp: true, change: .over), .notStarted, .notStarted),
    // No wave after the start.
    (F(status: .active, progress: 50, hasFollowUp: false), .tooEarly, .tooEarly),
    // Shared before a comparison, however balanced.
    (
      F(
        status: .done, progress: 100, hasFollowUp: true, sharedWith: 2, comparisonBalanced: true,
        change: .over),
      .shared, .moved
    ),
    (
      F(status: .active, progress: 60, hasFollowUp: true, comparisonBalanced: true, change: .over),
      .withComparison, .moved
    ),
    (
      F(status: .active, progress: 60, hasFollowUp: true, comparisonBalanced: false, change: .under),
      .beforeAfterOnly, .worse
    ),
    (
      F(status: .blocked, progress: 60, hasFollowUp: true, change: .aligned), .beforeAfterOnly, .noEvidenceYet
    ),
    (
      F(status: .done, progress: 100, hasFollowUp: true, change: .notEnoughData), .beforeAfterOnly,
      .noEvidenceYet
    ),
    (F(status: .done, progress: 100, hasFollowUp: true, change: nil), .beforeAfterOnly, .noEvidenceYet),
  ]

  @Test(arguments: table.indices) func labelAndVerdict(_ i: Int) {
    let (facts, design, verdict) = Self.table[i]
    let judged = ImpactRule.judge(facts)
    #expect(judged.design == design && judged.verdict == verdict, "row \(i): \(facts)")
  }

  @Test func everyLabelAndVerdictIsInTheTable() {
    #expect(Set(Self.table.map(\.1)) == Set(ImpactDesign.allCases))
    #expect(Set(Self.table.map(\.2)) == Set(ImpactVerdict.allCases))
  }

  static func impact(_ v: ImpactVerdict) -> ActionImpact {
    ActionImpact(
      themeID: "t", verdict: v, design: .beforeAfterOnly, audience: .customer, baselineWaveID: "a",
      followUpWaveID: "b")
  }

  @Test func busyNoChangeAndQuadrants() {
    let done = Action(id: "A", objectiveID: "O", title: "a", status: .done, progress: 100)
    let busy = Action(id: "B", objectiveID: "O", title: "b", status: .active, progress: 80)
    let little = Action(id: "C", objectiveID: "O", title: "c", status: .active, progress: 20)
    let dropped = Action(id: "D", objectiveID: "O", title: "d", status: .dropped, progress: 90)
    let none = ActionOutcome(action: done, impacts: [Self.impact(.noEvidenceYet), Self.impact(.worse)])
    #expect(none.busyNoChange && none.quadrant == .busyNoChange)
    // Worse (its strongest verdict) says more than "busy, no change": counted as worse.
    #expect(none.verdict == .worse && none.tally == .worse)
    let flat = ActionOutcome(action: done, impacts: [Self.impact(.noEvidenceYet)])
    #expect(flat.busyNoChange && flat.tally == .busyNoChange)
    let moved = ActionOutcome(action: busy, impacts: [Self.impact(.noEvidenceYet), Self.impact(.moved)])
    #expect(!moved.busyNoChange && moved.quadrant == .moved && moved.verdict == .moved)
    let early = ActionOutcome(action: busy, impacts: [Self.impact(.tooEarly)])
    #expect(!early.busyNoChange && early.quadrant == .notYet)
    #expect(ActionOutcome(action: little, impacts: [Self.impact(.moved)]).quadrant == .movedWithoutMuchDone)
    #expect(ActionOutcome(action: little, impacts: [Self.impact(.noEvidenceYet)]).quadrant == .notYet)
    let gone = ActionOutcome(action: dropped, impacts: [Self.impact(.notJudged)])
    #expect(!gone.busyNoChange && gone.tally == .dropped)
    #expect(ActionOutcome(action: done, impacts: []).tally == nil)
    let rollup = ImpactRollup([flat, moved, early, gone, none])
    #expect(rollup.entries.map(\.tally) == [.moved, .busyNoChange, .worse, .tooEarly, .dropped])
  }

  @Test func comparedWavesFollowTheFinish() throws {
    let waves = ["2024-09-01", "2025-09-01", "2026-09-01"].map { Day($0)! }
    func pick(_ status: ActionStatus, _ start: String, _ due: String?) -> (Int?, Int?, Bool) {
      let a = Action(
        id: "A", objectiveID: "O", title: "a", status: status, progress: 50, start: Day(start),
        due: due.flatMap { Day($0) })
      let w = MirrorAnalysis.comparedWaves(a, waves: waves, cycle: nil)
      return (w.before, w.after, w.interim)
    }
    // Done within the first year: judged by the first wave after its finish, not the latest.
    #expect(pick(.done, "2024-10-01", "2025-06-30") == (0, 1, false))
    // Done, finishing after the second wave: the third.
    #expect(pick(.done, "2024-10-01", "2025-12-31") == (0, 2, false))
    // Still active: the latest wave, interim.
    #expect(pick(.active, "2024-10-01", "2025-06-30") == (0, 2, true))
    // Started after the last wave: too early.
    #expect(pick(.active, "2026-10-01", nil) == (2, nil, false))
  }

  @Test func differenceInDifferencesMatchesScipy() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Reference/did.json")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let cases = try #require(json["cases"] as? [[String: Any]])
    try #require(cases.count == 4)
    for c in cases {
      let themes = try #require(c["themes"] as? [[String: Any]])
      let gaps = try themes.map { t -> Gap in
        func sample(_ k: String) throws -> SampleSummary {
          let n = try t.number("n" + k)
          let sd = try t.number("sd" + k)
          return SampleSummary(n: Int(n), mean: try t.number("mean" + k), m2: sd * sd * (n - 1))
        }
        let w = try #require(WelchTest(before: try sample("1"), after: try sample("2")))
        #expect(abs(w.df - (try t.number("df"))) < 1e-9)
        return Gap(
          diff: w.diff, low: w.low, high: w.high, se: w.se, df: w.df, p: w.p, n1: 0, n2: 0,
          gapClass: Gap.classify(diff: w.diff, low: w.low, high: w.high, materialThreshold: 5))
      }
      let did = try #require(DifferenceInDifferences(target: gaps[0], comparison: Array(gaps.dropFirst())))
      for (got, key) in [
        (did.diff, "did"), (did.se, "se"), (did.df, "df"), (did.low, "low"), (did.high, "high"),
      ] {
        let want = try c.number(key)
        #expect(abs(got - want) < 1e-9 * max(1, abs(want)), "\(key): \(got) vs \(want)")
      }
      #expect(did.comparisonCount == gaps.count - 1)
    }
  }
}
