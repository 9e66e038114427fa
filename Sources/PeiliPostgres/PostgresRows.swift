import PeiliCore
import PostgresNIO

/// Reads domain values from the workspace's tables (columns as in `PostgresSchema`); each
/// query selects the `…Columns` of its type in that order. Text is ordered by `COLLATE "C"`
/// (bytes), as SQLite orders it, so both stores list the same items in the same order.
enum PostgresRows {
  static let cycleColumns = "id, name, start_date, end_date"

  static func cycle(_ row: PostgresRow) throws -> Cycle {
    let (id, name, start, end) = try row.decode((String, String, String, String).self)
    return Cycle(
      id: id, name: name, start: try day(start, "cycle.start_date"), end: try day(end, "cycle.end_date"))
  }

  static let objectiveColumns = "id, cycle_id, parent_id, title, kind, owner, weight, position, version"

  static func objective(_ row: PostgresRow, themes: [String: [String]]) throws -> Objective {
    let (id, cycleID, parentID, title, kind, owner, weight, position, version) = try row.decode(
      (String, String, String?, String, String, String?, Double, Int, Int).self)
    return Objective(
      id: id, cycleID: cycleID, parentID: parentID, title: title,
      kind: ObjectiveKind(rawValue: kind) ?? .committed,
      owner: owner, weight: weight, themeIDs: themes[id] ?? [], position: position, version: version)
  }

  /// The `key_result` columns, each prefixed by `alias`.
  static func keyResultColumns(_ alias: String = "") -> String {
    [
      "id", "objective_id", "title", "kind", "owner", "weight", "unit", "start_value", "target_value",
      "current_value", "done", "theme_id", "audience", "baseline_wave", "confidence", "position", "version",
    ].map { alias + $0 }.joined(separator: ", ")
  }

  static func keyResult(_ row: PostgresRow) throws -> KeyResult {
    let (id, objectiveID, title, kind, owner, weight, unit, start, target, current, done, themeID, audience) =
      try row.decode(
        (
          String, String, String, String, String?, Double, String?, Double?, Double?, Double?, Int?, String?,
          String?
        ).self)
    let cells = Array(row)
    let baselineWave = try cells[13].decode(String?.self)
    let confidence = try cells[14].decode(Int?.self)
    let position = try cells[15].decode(Int.self)
    let version = try cells[16].decode(Int.self)
    let measure = try KeyResultMeasure(
      storedKind: kind, id: id, unit: unit, start: start, target: target, current: current,
      done: done.map { $0 != 0 }, themeID: themeID, audience: audience, baselineWave: baselineWave)
    return KeyResult(
      id: id, objectiveID: objectiveID, title: title, measure: measure, owner: owner, weight: weight,
      confidence: confidence, position: position, version: version)
  }

  /// The `action` columns, each prefixed by `alias`.
  static func actionColumns(_ alias: String = "") -> String {
    [
      "id", "objective_id", "key_result_id", "title", "owner", "status", "progress", "start_date", "due_date",
      "confidence", "position", "version", "communicated_on", "communication_channel",
    ].map { alias + $0 }.joined(separator: ", ")
  }

  static func action(_ row: PostgresRow, themeIDs: [String]) throws -> Action {
    let (
      id, objectiveID, keyResultID, title, owner, status, progress, start, due, confidence, position, version
    ) =
      try row.decode(
        (String, String, String?, String, String?, String, Int, String?, String?, Int?, Int, Int).self)
    let cells = Array(row)
    let communicatedOn = try cells[12].decode(String?.self)
    let channel = try cells[13].decode(String?.self)
    var communicated: Communication?
    if let communicatedOn, let channel {
      communicated = Communication(on: try day(communicatedOn, "action.communicated_on"), channel: channel)
    }
    return Action(
      id: id, objectiveID: objectiveID, keyResultID: keyResultID, title: title, owner: owner,
      status: ActionStatus(rawValue: status) ?? .planned, progress: progress,
      start: try start.map { try day($0, "action.start_date") },
      due: try due.map { try day($0, "action.due_date") },
      themeIDs: themeIDs, confidence: confidence, communicated: communicated, position: position,
      version: version)
  }

  static let auditColumns = """
    id, change_id, kind, at, "user", entity, entity_id, field, old_value, new_value, reverts
    """

  static func audit(_ row: PostgresRow) throws -> AuditEntry {
    let (id, changeID, kind, at, user, entity, entityID, field, old, new, reverts) = try row.decode(
      (Int64, Int64, String, String, String, String, String, String, String?, String?, Int64?).self)
    return AuditEntry(
      id: id, changeID: changeID, kind: AuditEntry.Kind(rawValue: kind) ?? .import, at: at, user: user,
      entity: entity, entityID: entityID, field: field, oldValue: old, newValue: new, reverts: reverts)
  }

  static func day(_ text: String, _ column: String) throws -> Day {
    guard let d = Day(text) else {
      throw StoreError.invalid("\(column) holds \(text), not a date YYYY-MM-DD")
    }
    return d
  }

  /// The action with `id` and its theme links, as stored now.
  static func fetchAction(_ sql: SQL, id: String) throws -> Action? {
    let themes = try sql.rows(
      #"SELECT theme_id FROM action_theme WHERE action_id = \#(id) ORDER BY position, theme_id COLLATE "C""#
    ).map { try $0.decode(String.self) }
    return try sql.rows(
      PostgresQuery(unsafeSQL: "SELECT \(actionColumns()) FROM action WHERE id = $1", binds: binds([id]))
    ).first.map { try action($0, themeIDs: themes) }
  }

  static func fetchKeyResult(_ sql: SQL, id: String) throws -> KeyResult? {
    try sql.rows(
      PostgresQuery(
        unsafeSQL: "SELECT \(keyResultColumns()) FROM key_result WHERE id = $1", binds: binds([id]))
    ).first.map(keyResult)
  }

  /// Text parameters for a query whose SQL is built from trusted column lists.
  static func binds(_ texts: [String]) -> PostgresBindings {
    var b = PostgresBindings(capacity: texts.count)
    for t in texts { b.append(t) }
    return b
  }
}
