import PeiliCore
import PeiliUI

@testable import PeiliApp

/// A small workspace built in memory: two objectives, three themes, two waves, a marked
/// mirror gap on Communication, a blind spot on Influence and an objective without a theme.
enum TestWorkspace {
  static let today = Day("2026-10-01")!

  static func summary(n: Int, mean: Double, sd: Double = 15) -> ScoreSummary {
    ScoreSummary(
      index: SampleSummary(n: n, mean: mean, m2: sd * sd * Double(n - 1)), favourable: n * Int(mean) / 100,
      favourableN: n)
  }

  static func snapshot(readOnly: Bool = false, a1Progress: Int = 40, a1Version: Int = 3) -> Snapshot {
    let cycle = Cycle(id: "2026", name: "2026", start: Day("2026-01-01")!, end: Day("2026-12-31")!)
    let themes = [
      Theme(id: "communication", name: "Communication", position: 0),
      Theme(id: "influence", name: "Influence", position: 1),
      Theme(id: "service", name: "Customer service", position: 2),
    ]
    let waves = [
      Wave(id: "2025-09", date: Day("2025-09-15")!), Wave(id: "2026-09", date: Day("2026-09-15")!),
    ]
    var scores: [ScoreKey: ScoreSummary] = [:]
    func put(_ theme: String, _ audience: Audience, _ wave: String, _ n: Int, _ mean: Double) {
      scores[ScoreKey(themeID: theme, audience: audience, waveID: wave)] = summary(n: n, mean: mean)
    }
    put("communication", .customer, "2025-09", 200, 30)
    put("communication", .customer, "2026-09", 210, 41)
    put("communication", .staff, "2025-09", 60, 50)
    put("communication", .staff, "2026-09", 62, 55)
    put("communication", .mirror, "2025-09", 58, 25)
    put("communication", .mirror, "2026-09", 61, 29)
    put("influence", .customer, "2025-09", 200, 44)
    put("influence", .customer, "2026-09", 210, 45)
    put("influence", .staff, "2026-09", 3, 40)  // below the minimum group: suppressed
    put("service", .customer, "2025-09", 200, 60)
    put("service", .customer, "2026-09", 210, 61)
    put("service", .mirror, "2026-09", 61, 62)
    let objectives = [
      Objective(
        id: "O1", cycleID: "2026", title: "Customers understand what we offer", owner: "Aino",
        themeIDs: ["communication"], position: 0),
      Objective(id: "O2", cycleID: "2026", title: "Grow the network", owner: "Outi", position: 1),
    ]
    let keyResults = [
      KeyResult(
        id: "KR1", objectiveID: "O1", title: "Customer Communication index to 45",
        measure: .perception(
          themeID: "communication", audience: .customer, baselineWave: "2025-09", target: 45),
        owner: "Aino", confidence: 6, position: 0),
      KeyResult(
        id: "KR2", objectiveID: "O1", title: "Newsletter open rate",
        measure: .metric(start: 18, target: 35, current: 31, unit: "%"), owner: "Siiri", position: 1),
      KeyResult(
        id: "KR3", objectiveID: "O2", title: "Oulu hub open", measure: .milestone(done: false),
        owner: "Mikko",
        position: 0),
    ]
    let actions = [
      Action(
        id: "A1", objectiveID: "O1", keyResultID: "KR2", title: "Monthly customer newsletter", owner: "Aino",
        status: .active, progress: a1Progress, themeIDs: ["communication"], confidence: 7, position: 0,
        version: a1Version),
      Action(
        id: "A2", objectiveID: "O1", title: "Plain-language charging guide", owner: "Eero", status: .done,
        progress: 100, themeIDs: ["communication", "service"], position: 1),
      Action(
        id: "A3", objectiveID: "O2", title: "Site deals \u{1B}[31mwith\u{7} retail", owner: "Outi",
        status: .active,
        progress: 30, position: 2),
    ]
    return Snapshot(
      workspacePath: "/tmp/work/acme.db", cycle: cycle, objectives: objectives, keyResults: keyResults,
      actions: actions, themes: themes, waves: waves, scores: scores, isReadOnly: readOnly)
  }

  static func model(width: Int = 80, height: Int = 24, readOnly: Bool = false, glyphs: Glyphs = .unicode)
    -> Model
  {
    Model(
      snapshot: snapshot(readOnly: readOnly), today: today, user: "aino", glyphs: glyphs, width: width,
      height: height)
  }

  static func render(_ model: Model, width: Int? = nil, height: Int? = nil) -> [String] {
    var buffer = Buffer(width: width ?? model.shared.width, height: height ?? model.shared.height)
    view(model, into: &buffer)
    return buffer.lines
  }
}

/// Sends keys one by one and collects the commands.
@discardableResult
func press(_ model: inout Model, _ keys: Key...) -> [Command] {
  keys.flatMap { update(&model, .key($0)) }
}
