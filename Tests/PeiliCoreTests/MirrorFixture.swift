import Foundation
import Testing

@testable import PeiliCore

/// A hand-built snapshot whose scores are the reference file's Welch samples (answers on 1–5),
/// so expected gaps come from scipy's numbers scaled to the index (× 25), not from our code.
struct MirrorFixture {
  let welch: [[String: Any]]
  let snapshot: Snapshot
  let today = Day("2026-07-01")!

  static let scale = Scale(min: 1, max: 5)

  /// The theme summary of respondents who answered one 1–5 question each.
  static func summary(_ answers: [Double]) -> ScoreSummary {
    ScoreSummary(
      index: SampleSummary(answers.map { ($0 - 1) * 25 }), native: SampleSummary(answers), scale: scale,
      favourable: answers.filter { $0 >= 4 }.count, favourableN: answers.count)
  }

  func sample(_ i: Int, _ side: String) throws -> [Double] { try welch[i].numbers(side) }

  /// Index of the mean of reference sample i's side.
  func index(_ i: Int, _ side: String) throws -> Double {
    let v = try sample(i, side)
    return (v.reduce(0, +) / Double(v.count) - 1) * 25
  }

  init() throws {
    let reference = try ReferenceFile.cases("welch")
    welch = reference
    let w1 = Wave(id: "2025-09", date: Day("2025-09-15")!)
    let w2 = Wave(id: "2026-09", date: Day("2026-09-15")!)
    func s(_ i: Int, _ side: String) throws -> ScoreSummary {
      MirrorFixture.summary(try reference[i].numbers(side))
    }
    var scores: [ScoreKey: ScoreSummary] = [:]
    func put(_ theme: String, _ audience: Audience, _ wave: Wave, _ summary: ScoreSummary) {
      scores[ScoreKey(themeID: theme, audience: audience, waveID: wave.id)] = summary
    }
    // Communication: customers rise (Welch case 2), the mirror sits at the old customer level.
    put("communication", .customer, w1, try s(2, "before"))
    put("communication", .customer, w2, try s(2, "after"))
    put("communication", .mirror, w2, try s(2, "before"))
    // Service: a small, uncertain difference (case 0).
    put("service", .customer, w1, try s(0, "before"))
    put("service", .customer, w2, try s(0, "after"))
    put("service", .mirror, w2, try s(0, "before"))
    // Influence: weak for customers (44.5), staff higher (case 3), no mirror answers.
    put("influence", .customer, w1, try s(1, "before"))
    put("influence", .customer, w2, try s(3, "before"))
    put("influence", .staff, w2, try s(3, "after"))
    // Pricing: only three customers in the follow-up wave.
    put("pricing", .customer, w1, try s(1, "after"))
    put("pricing", .customer, w2, MirrorFixture.summary([1, 2, 2]))
    snapshot = Snapshot(
      workspacePath: "fixture.db",
      cycle: Cycle(id: "2026", name: "2026", start: Day("2026-01-01")!, end: Day("2026-12-31")!),
      objectives: [
        Objective(id: "O1", cycleID: "2026", title: "Customers understand us", position: 0),
        Objective(id: "O2", cycleID: "2026", title: "Great service", themeIDs: ["service"], position: 1),
        Objective(id: "O3", cycleID: "2026", title: "Grow revenue", position: 2),
      ],
      keyResults: [
        KeyResult(
          id: "KR1", objectiveID: "O1", title: "Communication 60",
          measure: .perception(
            themeID: "communication", audience: .customer, baselineWave: "2025-09", target: 60)),
        KeyResult(
          id: "KR2", objectiveID: "O3", title: "Revenue",
          measure: .metric(start: 10, target: 20, current: 12, unit: "M€")
        ),
      ],
      actions: [
        Action(
          id: "A1", objectiveID: "O1", keyResultID: "KR1", title: "Newsletter", status: .done, progress: 100,
          start: Day("2026-02-01")!, themeIDs: ["communication"]),
        Action(
          id: "A2", objectiveID: "O2", title: "Service training", status: .active, progress: 30,
          start: Day("2026-10-01")!, themeIDs: ["service"]),
        Action(id: "A3", objectiveID: "O3", title: "Price list", status: .active, progress: 50),
        Action(
          id: "A4", objectiveID: "O3", title: "Dropped idea", status: .dropped, progress: 0,
          start: Day("2026-02-01")!, themeIDs: ["influence"]),
      ],
      themes: [
        Theme(id: "communication", name: "Communication", position: 0),
        Theme(id: "service", name: "Service", position: 1),
        Theme(id: "influence", name: "Influence", position: 2),
        Theme(id: "pricing", name: "Pricing", position: 3),
      ],
      waves: [w1, w2], scores: scores)
  }
}

extension Snapshot {
  /// The action with `id` (the tests name only actions their snapshot has).
  func action(_ id: String) -> Action {
    guard let a = actions.first(where: { $0.id == id }) else { preconditionFailure("no action \(id)") }
    return a
  }
}
