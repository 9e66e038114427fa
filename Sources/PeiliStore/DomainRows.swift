import GRDB
import PeiliCore

/// Reads domain values from their tables (column names as in `Schema`).
enum DomainRows {
  static func cycle(_ row: Row) throws -> Cycle {
    Cycle(
      id: row["id"], name: row["name"], start: try day(row["start_date"], "cycle.start_date"),
      end: try day(row["end_date"], "cycle.end_date"))
  }

  static func objective(_ row: Row, themeIDs: [String]) throws -> Objective {
    let kindText: String = row["kind"]
    return Objective(
      id: row["id"], cycleID: row["cycle_id"], parentID: row["parent_id"], title: row["title"],
      kind: ObjectiveKind(rawValue: kindText) ?? .committed, owner: row["owner"], weight: row["weight"],
      themeIDs: themeIDs, position: row["position"], version: row["version"])
  }

  static func keyResult(_ row: Row) throws -> KeyResult {
    let kind: String = row["kind"]
    let measure: KeyResultMeasure
    switch kind {
    case "metric":
      let start: Double = row["start_value"] ?? 0
      measure = .metric(
        start: start, target: row["target_value"] ?? start, current: row["current_value"] ?? start,
        unit: row["unit"] ?? "")
    case "milestone":
      measure = .milestone(done: row["done"] ?? false)
    case "perception":
      let audienceText: String = row["audience"] ?? ""
      measure = .perception(
        themeID: row["theme_id"] ?? "", audience: Audience(rawValue: audienceText) ?? .customer,
        baselineWave: row["baseline_wave"], target: row["target_value"] ?? 0)
    default:
      throw StoreError.invalid("key result \(row["id"] as String? ?? "?") has an unknown kind \(kind)")
    }
    return KeyResult(
      id: row["id"], objectiveID: row["objective_id"], title: row["title"], measure: measure,
      owner: row["owner"], weight: row["weight"], confidence: row["confidence"], position: row["position"],
      version: row["version"])
  }

  static func action(_ row: Row, themeIDs: [String]) throws -> Action {
    let statusText: String = row["status"]
    let start: String? = row["start_date"]
    let due: String? = row["due_date"]
    return Action(
      id: row["id"], objectiveID: row["objective_id"], keyResultID: row["key_result_id"], title: row["title"],
      owner: row["owner"], status: ActionStatus(rawValue: statusText) ?? .planned, progress: row["progress"],
      start: try start.map { try day($0, "action.start_date") },
      due: try due.map { try day($0, "action.due_date") }, themeIDs: themeIDs,
      confidence: row["confidence"], position: row["position"], version: row["version"])
  }

  static func fetchAction(_ db: Database, id: String) throws -> Action? {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM action WHERE id = ?", arguments: [id]) else {
      return nil
    }
    let themes = try String.fetchAll(
      db, sql: "SELECT theme_id FROM action_theme WHERE action_id = ? ORDER BY position, theme_id",
      arguments: [id])
    return try action(row, themeIDs: themes)
  }

  static func fetchKeyResult(_ db: Database, id: String) throws -> KeyResult? {
    try Row.fetchOne(db, sql: "SELECT * FROM key_result WHERE id = ?", arguments: [id]).map(keyResult)
  }

  private static func day(_ text: String, _ column: String) throws -> Day {
    guard let d = Day(text) else {
      throw StoreError.invalid("\(column) holds \(text), not a date YYYY-MM-DD")
    }
    return d
  }
}
