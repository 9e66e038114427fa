import Testing

@testable import PeiliCore

@Suite struct OKRRulesTests {
  let cycle = Cycle(id: "2026", name: "2026", start: Day("2026-01-01")!, end: Day("2026-12-31")!)
  /// 181 of 364 days: just under half the cycle has elapsed.
  let midYear = Day("2026-07-01")!

  @Test func increasingMetric() {
    #expect(close(OKRProgress.metric(start: 97.1, target: 99.5, current: 98.0), 0.9 / 2.4, relative: 1e-12))
  }

  @Test func decreasingMetric() {
    #expect(close(OKRProgress.metric(start: 20, target: 10, current: 14), 0.6, relative: 1e-12))
  }

  @Test func progressIsClamped() {
    #expect(OKRProgress.metric(start: 20, target: 10, current: 25) == 0)
    #expect(OKRProgress.metric(start: 20, target: 10, current: 5) == 1)
    #expect(OKRProgress.metric(start: 0, target: 10, current: -3) == 0)
    #expect(OKRProgress.metric(start: 0, target: 10, current: 12) == 1)
    #expect(OKRProgress.milestone(done: true) == 1 && OKRProgress.milestone(done: false) == 0)
    #expect(OKRProgress.action(40) == 0.4)
  }

  @Test func weightedMeanSkipsUnmeasured() {
    let p = OKRProgress.weightedMean([(0.5, 1), (1.0, 3), (nil, 5)])
    #expect(p == (0.5 + 3.0) / 4)
    #expect(OKRProgress.weightedMean([(nil, 1)]) == nil)
  }

  @Test func expectedShareOfCycle() throws {
    let share = try #require(Pace.expectedShare(cycle: cycle, today: midYear))
    #expect(close(share, 181.0 / 364.0, relative: 1e-12))
    #expect(Pace.expectedShare(cycle: cycle, today: Day("2025-06-01")!) == 0)
    #expect(Pace.expectedShare(cycle: cycle, today: Day("2027-06-01")!) == 1)
  }

  @Test func paceBands() {
    // Expected ≈ 0.497: on track from ≈ 0.397, at risk from ≈ 0.247.
    #expect(Pace.status(progress: 0.45, cycle: cycle, today: midYear) == .onTrack)
    #expect(Pace.status(progress: 0.40, cycle: cycle, today: midYear) == .onTrack)
    #expect(Pace.status(progress: 0.39, cycle: cycle, today: midYear) == .atRisk)
    #expect(Pace.status(progress: 0.25, cycle: cycle, today: midYear) == .atRisk)
    #expect(Pace.status(progress: 0.24, cycle: cycle, today: midYear) == .offTrack)
  }

  @Test func doneAndNotStarted() {
    #expect(Pace.status(progress: 1, cycle: cycle, today: midYear) == .done)
    #expect(Pace.status(progress: 0.2, cycle: cycle, today: midYear, isDone: true) == .done)
    #expect(Pace.status(progress: 0.5, cycle: cycle, today: Day("2025-12-01")!) == .notStarted)
    #expect(Pace.status(progress: 0, cycle: cycle, today: midYear, isPlanned: true) == .notStarted)
    #expect(Pace.status(progress: 0, cycle: cycle, today: midYear, isPlanned: false) == .offTrack)
  }

  @Test func lowConfidenceCapsStatus() {
    #expect(Pace.status(progress: 0.6, cycle: cycle, today: midYear, confidence: 7) == .onTrack)
    #expect(Pace.status(progress: 0.6, cycle: cycle, today: midYear, confidence: 6) == .atRisk)
    #expect(Pace.status(progress: 0.6, cycle: cycle, today: midYear, confidence: 3) == .offTrack)
    // A cap never raises a status.
    #expect(Pace.status(progress: 0.1, cycle: cycle, today: midYear, confidence: 6) == .offTrack)
    #expect(Pace.status(progress: 1, cycle: cycle, today: midYear, confidence: 2) == .done)
  }

  /// The rules applied through MirrorAnalysis on a hand-built tree.
  @Test func rollupWithWeightsAndChildObjectives() throws {
    let snapshot = Snapshot(
      workspacePath: "t.db", cycle: cycle,
      objectives: [
        Objective(id: "O1", cycleID: "2026", title: "Parent"),
        Objective(id: "O2", cycleID: "2026", parentID: "O1", title: "Child", weight: 2),
        Objective(id: "O3", cycleID: "2026", title: "Empty"),
      ],
      keyResults: [
        KeyResult(
          id: "KR1", objectiveID: "O1", title: "Down",
          measure: .metric(start: 20, target: 10, current: 14, unit: "min"), weight: 1),
        KeyResult(
          id: "KR2", objectiveID: "O1", title: "Up",
          measure: .metric(start: 97.1, target: 99.5, current: 98.0, unit: "%"), weight: 3, confidence: 3),
        KeyResult(id: "KR3", objectiveID: "O2", title: "Ship", measure: .milestone(done: true)),
      ],
      actions: [
        Action(id: "A1", objectiveID: "O1", keyResultID: "KR1", title: "a", status: .active, progress: 60),
        Action(id: "A2", objectiveID: "O1", title: "b", status: .planned, progress: 0),
        Action(id: "A3", objectiveID: "O1", title: "c", status: .done, progress: 70),
        Action(id: "A4", objectiveID: "O1", title: "d", status: .active, progress: 60, confidence: 5),
      ])
    let a = MirrorAnalysis(snapshot: snapshot, today: midYear)
    #expect(close(try #require(a.progress(keyResult: "KR1")), 0.6, relative: 1e-12))
    #expect(close(try #require(a.progress(keyResult: "KR2")), 0.375, relative: 1e-12))
    #expect(a.progress(keyResult: "KR3") == 1)
    #expect(a.progress(objective: "O2") == 1)
    let weighted: Double = 0.6 * 1 + 0.375 * 3 + 1.0 * 2
    let expected = weighted / 6
    #expect(close(try #require(a.progress(objective: "O1")), expected, relative: 1e-12))
    #expect(a.progress(objective: "O3") == nil)
    #expect(a.status(keyResult: "KR1") == .onTrack)
    #expect(a.status(keyResult: "KR2") == .offTrack)  // 0.375 would be at risk; confidence 3 caps it
    #expect(a.status(keyResult: "KR3") == .done)
    #expect(a.status(objective: "O1") == .onTrack)
    #expect(a.status(objective: "O3") == .notStarted)
    #expect(a.status(of: snapshot.action("A1")) == .onTrack)
    #expect(a.status(of: snapshot.action("A2")) == .notStarted)
    #expect(a.status(of: snapshot.action("A3")) == .done)
    #expect(a.status(of: snapshot.action("A4")) == .atRisk)
  }
}
