import Testing

@testable import PeiliCore

/// A theme's reading leads with what matters (issue 12, item 7): the weakest theme or one
/// below 50 first, then a marked gap, then a marked change; a weak theme is never reassured.
@Suite struct ReadingOrderTests {
  static let w1 = Wave(id: "2025-09", date: Day("2025-09-15")!)
  static let w2 = Wave(id: "2026-09", date: Day("2026-09-15")!)

  /// `count` respondents answering `answers` in turn (1–5).
  static func summary(_ answers: [Double], count: Int = 120) -> ScoreSummary {
    MirrorFixture.summary((0..<count).map { answers[$0 % answers.count] })
  }

  static func analysis() -> MirrorAnalysis {
    var scores: [ScoreKey: ScoreSummary] = [:]
    func put(_ theme: String, _ audience: Audience, _ wave: Wave, _ s: ScoreSummary) {
      scores[ScoreKey(themeID: theme, audience: audience, waveID: wave.id)] = s
    }
    // Communication: the customers' weakest (37.5); the mirror agrees with them.
    put("communication", .customer, w1, summary([2, 3]))
    put("communication", .customer, w2, summary([2, 3]))
    put("communication", .mirror, w2, summary([2, 3]))
    // Influence: below 50 (41.7) but not the weakest, with a marked mirror gap (under).
    put("influence", .customer, w1, summary([2, 3, 3]))
    put("influence", .customer, w2, summary([2, 3, 3]))
    put("influence", .mirror, w2, summary([1, 2, 2]))
    // Reliability: strong (75), a marked gap over and a marked customer rise.
    put("reliability", .customer, w1, summary([3, 4]))
    put("reliability", .customer, w2, summary([4, 4]))
    put("reliability", .mirror, w2, summary([5, 5, 4]))
    // Service: strong, nothing marked: staff and customers agree.
    put("service", .customer, w1, summary([4, 4, 3]))
    put("service", .customer, w2, summary([4, 4, 3]))
    put("service", .mirror, w2, summary([4, 4, 3]))
    let snapshot = Snapshot(
      workspacePath: "reading.db",
      themes: [
        Theme(id: "communication", name: "Communication", position: 0),
        Theme(id: "influence", name: "Influence", position: 1),
        Theme(id: "reliability", name: "Reliability", position: 2),
        Theme(id: "service", name: "Service", position: 3),
      ], waves: [w1, w2], scores: scores)
    return MirrorAnalysis(snapshot: snapshot, today: Day("2026-10-01")!)
  }

  @Test func aWeakThemeLeadsWithItsWeaknessAndIsNeverReassured() throws {
    let a = Self.analysis()
    let comm = try #require(a.mirror(theme: "communication"))
    #expect(comm.mirrorGap?.gapClass == .aligned)
    // Without the weakness first this read "Staff and customers agree on Communication".
    #expect(comm.reading == .facts([.weakest(.customer, index: 37.5)]))
    #expect(ReportWording.reading(comm) == "Customers' weakest theme, at 38")
  }

  @Test func belowFiftyComesBeforeAMarkedGap() throws {
    let a = Self.analysis()
    let influence = try #require(a.mirror(theme: "influence"))
    let gap = try #require(influence.mirrorGap)
    #expect(gap.gapClass == .under)
    guard case .facts(let facts) = influence.reading else {
      Issue.record("no facts: \(influence.reading)")
      return
    }
    #expect(
      facts == [
        .weak(.customer, index: facts.first.flatMap(Self.index) ?? 0, threshold: 50), .mirrorGap(gap),
      ])
    #expect(
      ReportWording.reading(influence).hasPrefix("Customers score it 42, below 50; staff's mirror estimate "))
    #expect(ReportWording.reading(influence).hasSuffix(" under customers"))
  }

  @Test func aMarkedGapComesBeforeAMarkedChangeAndNothingMarkedAgrees() throws {
    let a = Self.analysis()
    let reliability = try #require(a.mirror(theme: "reliability"))
    let gap = try #require(reliability.mirrorGap)
    let change = try #require(reliability.change[.customer])
    #expect(gap.gapClass == .over && change.isMarked)
    #expect(reliability.reading == .facts([.mirrorGap(gap), .change(.customer, change)]))
    #expect(ReportWording.reading(reliability).contains(" over customers; customers up "))
    #expect(try #require(a.mirror(theme: "service")).reading == .agree)
  }

  static func index(_ f: ThemeMirror.Reading.Fact) -> Double? {
    if case .weak(_, let index, _) = f { return index }
    return nil
  }
}
