import Foundation
import PeiliCore
import PeiliStore
import Testing

/// The demo workspace, built once through the real importers and analysed as the dashboard
/// would on a day after the follow-up wave.
private struct DemoFixture: Sendable {
  let workspace: Workspace
  let snapshot: Snapshot
  let analysis: MirrorAnalysis

  init(seed: UInt64 = 2026) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "peili-demo-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    workspace = try DemoWorkspace.build(
      at: dir.appendingPathComponent("demo.db").path, seed: seed, by: "tester")
    snapshot = try workspace.snapshot()
    analysis = MirrorAnalysis(snapshot: snapshot, today: Day("2026-10-15")!)
  }

  func index(_ theme: String, _ audience: Audience, baseline: Bool = false) -> Double? {
    let mirror = analysis.mirror(theme: theme)
    return (baseline ? mirror?.baselineScores[audience] : mirror?.scores[audience])?.index
  }

  /// Themes that at least one done action targets.
  var targetedByDoneActions: Set<String> {
    Set(snapshot.actions.filter { $0.status == .done }.flatMap(\.themeIDs))
  }
  var targetedByAnyAction: Set<String> { Set(snapshot.actions.flatMap(\.themeIDs)) }
}

private let fixture = Result { try DemoFixture() }

@Suite struct DemoTests {
  @Test func theOKRTreeHasTheDocumentedShape() throws {
    let d = try fixture.get()
    let s = d.snapshot
    #expect(DemoWorkspace.isDemo(s))
    // Four of its own, and the copy `cycle new` made to hold the actions carried over.
    #expect(s.objectives.map(\.id) == ["O1", "O2", "O3", "O4", "O25-3-2026"])
    #expect((8...12).contains(s.keyResults.count))
    #expect(Set(s.keyResults.map(\.measure.kindName)) == ["metric", "milestone", "perception"])
    #expect((15...25).contains(s.actions.count))
    #expect(s.actions.allSatisfy { $0.owner != nil && $0.due != nil })
    #expect(Set(s.actions.map(\.status)).isSuperset(of: [.planned, .active, .done, .blocked]))
    #expect((6...8).contains(s.themes.count))
    #expect(s.waves.map(\.id) == ["2024-09", "2025-09", "2026-09"])
    #expect(s.cycles.map(\.id) == ["2025", "2026"])
    // One objective is deliberately without a mirror.
    let unlinked = d.analysis.warnings.compactMap { w -> String? in
      if case .objectiveWithoutTheme(let id) = w { return id }
      return nil
    }
    #expect(unlinked.count == 1)
    if let id = unlinked.first { #expect(d.analysis.themeIDs(objective: id).isEmpty) }
  }

  @Test func surveySizesAndQuestionsAreRealistic() throws {
    let d = try fixture.get()
    let communication = try #require(d.analysis.mirror(theme: "communication"))
    #expect((180...240).contains(communication.scores[.customer]?.n ?? 0))
    #expect((30...50).contains(communication.scores[.staff]?.n ?? 0))
    #expect((30...50).contains(communication.scores[.mirror]?.n ?? 0))
    let questionsPerTheme = Dictionary(grouping: d.snapshot.questions, by: \.themeID)
    for theme in d.snapshot.themes {
      #expect((3...10).contains(questionsPerTheme[theme.id]?.count ?? 0), "\(theme.id)")
    }
    #expect(Set(d.snapshot.questions.map { $0.scale.max }) == [5, 10])
    let nps = d.snapshot.questions.filter(\.isNPS)
    #expect(nps.count >= 2 && nps.allSatisfy(\.isOutcome))
    // NPS exists for customers and staff.
    let recommendation = try #require(d.analysis.mirror(theme: nps[0].themeID))
    #expect(recommendation.scores[.customer]?.nps != nil)
    #expect(recommendation.scores[.staff]?.nps != nil)
    var comments = 0
    for theme in d.snapshot.themes { comments += try d.workspace.comments(theme: theme.id).count }
    #expect((24...80).contains(comments))
  }

  @Test func communicationIsTheCustomersWeakestTheme() throws {
    let d = try fixture.get()
    for baseline in [true, false] {
      let scored = d.snapshot.themes.compactMap { t in
        d.index(t.id, .customer, baseline: baseline).map { (t.id, $0) }
      }
      #expect(scored.count == d.snapshot.themes.count)
      #expect(scored.min { $0.1 < $1.1 }?.0 == "communication", "baseline: \(baseline)")
    }
  }

  @Test func theStaffMirrorIsMorePessimisticThanCustomersOnMostThemes() throws {
    let d = try fixture.get()
    let gaps = d.analysis.themes.compactMap(\.mirrorGap)
    #expect(gaps.count == d.snapshot.themes.count)
    let pessimistic = gaps.filter { $0.diff < 0 && $0.isMarked && $0.gapClass == .under }
    #expect(pessimistic.count * 2 > gaps.count, "\(pessimistic.count) of \(gaps.count)")
  }

  @Test func influenceIsLowForCustomersAndStaffAlike() throws {
    let d = try fixture.get()
    for audience in [Audience.customer, .staff] {
      let influence = try #require(d.index("influence", audience))
      #expect(influence < 50, "\(audience)")
      let others = d.snapshot.themes.compactMap { d.index($0.id, audience) }.sorted()
      // Among the two weakest themes of that audience.
      #expect(influence <= others[1], "\(audience): \(influence) vs \(others)")
    }
  }

  @Test func themesTargetedByDoneActionsRiseWhileAnUntargetedOneStaysFlat() throws {
    let d = try fixture.get()
    let targeted = d.targetedByDoneActions
    #expect(targeted.count >= 2)
    for theme in targeted {
      let change = try #require(d.analysis.mirror(theme: theme)?.change[.customer], "\(theme)")
      #expect(change.diff > 0 && change.isMarked && change.gapClass == .over, "\(theme): \(change.diff)")
    }
    let untargeted = d.snapshot.themes.map(\.id).filter { !d.targetedByAnyAction.contains($0) }
    let flat = untargeted.filter { theme in
      guard let change = d.analysis.mirror(theme: theme)?.change[.customer] else { return false }
      return change.gapClass == .aligned && abs(change.diff) < d.analysis.materialThreshold
    }
    #expect(!flat.isEmpty, "untargeted: \(untargeted)")
  }

  @Test func oneSegmentIsBelowTheMinimumGroupSize() throws {
    let d = try fixture.get()
    let wave = try #require(d.analysis.followUp?.id)
    let scores = try d.workspace.respondentScores(theme: "communication", audience: .customer, wave: wave)
    var byRegion: [String: SampleSummary] = [:]
    for s in scores {
      if let region = s.segments["region"] { byRegion[region, default: SampleSummary()].add(s.score) }
    }
    #expect(byRegion.count >= 4)
    let suppressed = byRegion.filter {
      ScoreEstimate(ScoreSummary(index: $0.value), minimumGroup: d.analysis.minimumGroup) == nil
    }
    #expect(suppressed.count == 1)
    #expect(suppressed.values.allSatisfy { $0.n > 0 })
  }

  /// DESIGN §8's year-later re-evaluation, told by the demo: the 2025 cycle's finished actions
  /// judged by the first wave after they finished hold every verdict a finished cycle can;
  /// its unfinished ones were carried over into 2026, where the other verdicts show.
  @Test func lastYearsActionsAreJudgedAYearLaterAndTheUnfinishedOnesCarriedOver() throws {
    let d = try fixture.get()
    let last = try #require(d.snapshot.previousCycleSnapshot)
    #expect(last.cycle?.id == "2025")
    let judged = MirrorAnalysis(snapshot: last, today: Day("2026-10-15")!)
    let outcomes = Dictionary(
      uniqueKeysWithValues: zip(last.actions.map(\.id), judged.outcomes(of: last.actions)))
    func impact(_ id: String) throws -> ActionImpact { try #require(outcomes[id]?.impacts.first) }

    let priced = try impact("A25-1")
    #expect(priced.verdict == .moved && priced.design == .withComparison)
    #expect([priced.baselineWaveID, priced.followUpWaveID] == ["2024-09", "2025-09"])
    #expect((priced.did?.diff ?? 0) > 0)
    #expect(try impact("A25-2").verdict == .worse)
    #expect(try impact("A25-4").design == .shared && impact("A25-5").design == .shared)
    #expect(try impact("A25-4").verdict == .moved)
    // Finished after the 2025-09 wave: judged by 2026-09, a year later, and nothing moved.
    let panel = try impact("A25-3")
    #expect(panel.verdict == .noEvidenceYet && panel.followUpWaveID == "2026-09" && !panel.isInterim)
    #expect(outcomes["A25-3"]?.busyNoChange == true && outcomes["A25-2"]?.busyNoChange == true)
    #expect(try impact("A25-6").design == .dropped)
    let untold = last.actions.filter { $0.status == .done && $0.communicated == nil }.map(\.id)
    #expect(untold.contains("A25-2"))

    // Carried over: in this year's cycle with their links; none left behind unfinished.
    #expect(!last.actions.contains { [.planned, .active, .blocked].contains($0.status) })
    let carried = d.snapshot.actions.filter { $0.objectiveID == "O25-3-2026" }
    #expect(carried.map(\.id) == ["A25-7", "A25-8"])
    #expect(carried.last?.themeIDs == ["communication", "reliability"])
    // This cycle holds the verdicts a finished one cannot: not started, too early.
    let now = Set(d.analysis.outcomes(of: d.snapshot.actions).compactMap(\.verdict))
    #expect(now.isSuperset(of: [.moved, .tooEarly, .notStarted]))
  }

  @Test func theSameSeedGivesTheSameWorkspace() throws {
    let a = try fixture.get()
    let b = try DemoFixture(seed: 2026)
    #expect(a.snapshot.scores == b.snapshot.scores)
    #expect(a.snapshot.actions == b.snapshot.actions)
    let c = try DemoFixture(seed: 7)
    #expect(a.snapshot.scores != c.snapshot.scores)
  }

  @Test func buildRefusesAnExistingFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "peili-demo-exists-\(UUID().uuidString)")
    try Data("keep me".utf8).write(to: path)
    defer { try? FileManager.default.removeItem(at: path) }
    #expect(throws: DemoWorkspace.BuildError.self) { try DemoWorkspace.build(at: path.path, by: "tester") }
    #expect(try String(contentsOf: path, encoding: .utf8) == "keep me")
  }
}
