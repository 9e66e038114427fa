import Foundation

/// Writes the large benchmark OKR file: 300 objectives (60 top-level, 240 aligned under them),
/// each with 5 key results of 3 actions and 5 actions directly under it — 1,500 key results and
/// 6,000 actions — linked to `SurveyGenerator`'s themes. Every 25th objective links no theme at
/// all (a coverage warning each). Seeded, so every run writes the same bytes.
struct OKRGenerator {
  static let objectives = 300
  static let topLevel = 60
  /// How many times the large workspace (10: 3,000 objectives, 60,000 actions).
  var scale = 1
  static let keyResultsPerObjective = 5
  static let actionsPerKeyResult = 3
  static let directActions = 5

  let path: String

  init(path: String, scale: Int = 1) {
    self.path = path
    self.scale = scale
  }

  private static let owners = [
    "Aino", "Eero", "Siiri", "Ville", "Mikko", "Helmi", "Juho", "Kaisa", "Lauri", "Noora", "Oskari", "Pihla",
    "Rasmus", "Saana", "Tuomas", "Venla", "Aleksi", "Emilia", "Iida", "Joonas",
  ]
  private static let verbs = ["Raise", "Cut", "Make", "Bring", "Keep", "Open", "Win back", "Explain"]
  private static let subjects = [
    "charging uptime in the north", "what customers pay for", "staff confidence in the roadmap",
    "roaming payments", "the first-line answer rate", "how plans and prices read",
    "trust after an outage", "the app's payment flow", "night-shift coverage", "partner site quality",
  ]
  private static let statuses = ["planned", "active", "active", "active", "done", "blocked", "dropped"]

  /// Writes the file; returns (objectives, key results, actions) written.
  @discardableResult
  func write() throws -> (objectives: Int, keyResults: Int, actions: Int) {
    var rng = SeededGenerator(seed: 300)
    var y = "# Large benchmark workspace for peili-bench dashboard (generated).\n"
    y += "cycle: {id: \"2026\", name: \"Benchmark 2026\", start: 2026-01-01, end: 2026-12-31}\n"
    y += "objectives:\n"
    var krNumber = 0
    var actionNumber = 0
    func theme(_ n: Int) -> String { SurveyGenerator.themeID(n % SurveyGenerator.themeCount) }
    func title(_ n: Int) -> String {
      "\(Self.verbs[n % Self.verbs.count]) \(Self.subjects[(n / 3) % Self.subjects.count])"
    }
    func action(themed: Bool, indent: String) -> String {
      actionNumber += 1
      let status = Self.statuses[rng.below(Self.statuses.count)]
      let progress =
        switch status {
        case "planned": 0
        case "done": 100
        default: rng.below(10) * 10
        }
      let startMonth = 1 + rng.below(9)
      var themes = themed ? [theme(rng.below(12))] : []
      if themed && rng.below(3) == 0 { themes.append(theme(rng.below(12))) }
      var line =
        "\(indent)- {id: A\(actionNumber), title: \"\(title(actionNumber)) (step \(actionNumber))\", "
        + "owner: \(Self.owners[rng.below(Self.owners.count)]), status: \(status), progress: \(progress), "
        + String(format: "start: 2026-%02d-01, due: 2026-%02d-28", startMonth, min(12, startMonth + 3))
      if !themes.isEmpty { line += ", themes: [\(Array(Set(themes)).sorted().joined(separator: ", "))]" }
      if rng.below(4) == 0 { line += ", confidence: \(1 + rng.below(10))" }
      return line + "}\n"
    }
    for o in 1...(Self.objectives * scale) {
      let themed = o % 25 != 0
      y += "  - id: O\(o)\n"
      y += "    title: \"\(title(o)) (objective \(o))\"\n"
      y += "    kind: \(o % 4 == 0 ? "aspirational" : "committed")\n"
      y += "    owner: \(Self.owners[o % Self.owners.count])\n"
      if o > Self.topLevel * scale { y += "    parent: O\((o - Self.topLevel * scale - 1) / 4 + 1)\n" }
      if themed { y += "    themes: [\(theme(o * 5))]\n" }
      y += "    key_results:\n"
      for k in 0..<Self.keyResultsPerObjective {
        krNumber += 1
        let id = "KR\(krNumber)"
        let owner = Self.owners[rng.below(Self.owners.count)]
        y += "      - id: \(id)\n        title: \"\(title(krNumber + 7)) (key result \(krNumber))\"\n"
        y += "        owner: \(owner)\n"
        switch (k, themed) {
        case (0, true), (1, true):
          y += "        kind: perception\n        theme: \(theme(o * 5 + k))\n"
          y += "        audience: \(k == 0 ? "customer" : "staff")\n        baseline_wave: \"2025-09\"\n"
          y += "        target: \(55 + rng.below(30))\n"
        case (3, _):
          y += "        kind: milestone\n        done: \(rng.below(3) == 0)\n"
        default:
          y += "        kind: metric\n        start: 10\n        target: 90\n"
          y += "        current: \(10 + rng.below(80))\n        unit: \"%\"\n"
        }
        if rng.below(3) == 0 { y += "        confidence: \(1 + rng.below(10))\n" }
        y += "        actions:\n"
        for _ in 0..<Self.actionsPerKeyResult { y += action(themed: themed, indent: "          ") }
      }
      y += "    actions:\n"
      for _ in 0..<Self.directActions { y += action(themed: themed, indent: "      ") }
    }
    try y.write(toFile: path, atomically: true, encoding: .utf8)
    return (Self.objectives * scale, krNumber, actionNumber)
  }
}
