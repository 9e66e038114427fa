import Foundation
import GRDB
import PeiliCore

/// Reads domain values from their tables (column names as in `Schema`).
///
/// Two ways in: by column name, for rows of `SELECT *` (imports and exports), and by column
/// index for the hot paths (`snapshot()`, edits), whose queries select `…Columns` in that
/// order. A by-name lookup lowercases the name and searches the columns on every access,
/// which dominated `snapshot()` on large workspaces.
enum DomainRows {
  /// The `cycle` columns `cycle(at:)` reads, in its order.
  static let cycleColumns = "id, name, start_date, end_date"

  /// The `objective` columns `objective(at:themes:)` reads, in its order.
  static let objectiveColumns = "id, cycle_id, parent_id, title, kind, owner, weight, position, version"

  /// The `key_result` columns `keyResult(at:)` reads, in its order, each prefixed by `alias`.
  static func keyResultColumns(_ alias: String = "") -> String {
    [
      "id", "objective_id", "title", "kind", "owner", "weight", "unit", "start_value", "target_value",
      "current_value", "done", "theme_id", "audience", "baseline_wave", "confidence", "position", "version",
    ].map { alias + $0 }.joined(separator: ", ")
  }

  /// The `action` columns `action(at:themes:)` reads, in its order, each prefixed by `alias`.
  static func actionColumns(_ alias: String = "") -> String {
    [
      "id", "objective_id", "key_result_id", "title", "owner", "status", "progress", "start_date", "due_date",
      "confidence", "position", "version", "communicated_on", "communication_channel",
    ].map { alias + $0 }.joined(separator: ", ")
  }

  static func cycle(_ row: Row) throws -> Cycle {
    Cycle(
      id: row["id"], name: row["name"], start: try day(row["start_date"], "cycle.start_date"),
      end: try day(row["end_date"], "cycle.end_date"))
  }

  /// A row of `SELECT cycleColumns`.
  static func cycle(at row: ColumnReader) throws -> Cycle {
    Cycle(
      id: row.text(0), name: row.text(1), start: try day(row.text(2), "cycle.start_date"),
      end: try day(row.text(3), "cycle.end_date"))
  }

  static func objective(_ row: Row, themeIDs: [String]) throws -> Objective {
    let kindText: String = row["kind"]
    return Objective(
      id: row["id"], cycleID: row["cycle_id"], parentID: row["parent_id"], title: row["title"],
      kind: ObjectiveKind(rawValue: kindText) ?? .committed, owner: row["owner"], weight: row["weight"],
      themeIDs: themeIDs, position: row["position"], version: row["version"])
  }

  /// A row of `SELECT objectiveColumns`; its themes looked up by id in `themes`.
  static func objective(at row: ColumnReader, themes: [String: [String]]) throws -> Objective {
    let id = row.text(0)
    return Objective(
      id: id, cycleID: row.text(1), parentID: row.optionalText(2), title: row.text(3),
      kind: ObjectiveKind(rawValue: row.text(4)) ?? .committed, owner: row.optionalText(5),
      weight: row.double(6),
      themeIDs: themes[id] ?? [], position: row.int(7), version: row.int(8))
  }

  static func keyResult(_ row: Row) throws -> KeyResult {
    let id: String = row["id"]
    let measure = try keyResultMeasure(
      id: id, kind: row["kind"], unit: row["unit"], start: row["start_value"], target: row["target_value"],
      current: row["current_value"], done: row["done"], themeID: row["theme_id"], audience: row["audience"],
      baselineWave: row["baseline_wave"])
    return KeyResult(
      id: id, objectiveID: row["objective_id"], title: row["title"], measure: measure,
      owner: row["owner"], weight: row["weight"], confidence: row["confidence"], position: row["position"],
      version: row["version"])
  }

  /// A row of `SELECT keyResultColumns()`.
  static func keyResult(at row: ColumnReader) throws -> KeyResult {
    let id = row.text(0)
    let measure = try keyResultMeasure(
      id: id, kind: row.text(3), unit: row.optionalText(6), start: row.optionalDouble(7),
      target: row.optionalDouble(8), current: row.optionalDouble(9), done: row.optionalBool(10),
      themeID: row.optionalText(11), audience: row.optionalText(12), baselineWave: row.optionalText(13))
    return KeyResult(
      id: id, objectiveID: row.text(1), title: row.text(2), measure: measure, owner: row.optionalText(4),
      weight: row.double(5), confidence: row.optionalInt(14), position: row.int(15), version: row.int(16))
  }

  private static func keyResultMeasure(
    id: String?, kind: String, unit: String?, start: Double?, target: Double?, current: Double?, done: Bool?,
    themeID: String?, audience: String?, baselineWave: String?
  ) throws -> KeyResultMeasure {
    try KeyResultMeasure(
      storedKind: kind, id: id, unit: unit, start: start, target: target, current: current, done: done,
      themeID: themeID, audience: audience, baselineWave: baselineWave)
  }

  static func action(_ row: Row, themeIDs: [String]) throws -> Action {
    let statusText: String = row["status"]
    let start: String? = row["start_date"]
    let due: String? = row["due_date"]
    let communicatedOn: String? = row["communicated_on"]
    let channel: String? = row["communication_channel"]
    return Action(
      id: row["id"], objectiveID: row["objective_id"], keyResultID: row["key_result_id"], title: row["title"],
      owner: row["owner"], status: ActionStatus(rawValue: statusText) ?? .planned, progress: row["progress"],
      start: try start.map { try day($0, "action.start_date") },
      due: try due.map { try day($0, "action.due_date") }, themeIDs: themeIDs,
      confidence: row["confidence"],
      communicated: try communication(communicatedOn, channel),
      position: row["position"], version: row["version"])
  }

  /// A row of `SELECT actionColumns()` with its themes.
  static func action(at row: ColumnReader, themeIDs: [String]) throws -> Action {
    try action(at: row, id: row.text(0), themeIDs: themeIDs)
  }

  /// A row of `SELECT actionColumns()` whose id the caller has read already.
  static func action(at row: ColumnReader, id: String, themeIDs: [String]) throws -> Action {
    Action(
      id: id, objectiveID: row.text(1), keyResultID: row.optionalText(2), title: row.text(3),
      owner: row.optionalText(4), status: actionStatus(at: row, 5), progress: row.int(6),
      start: try optionalDay(at: row, 7, "action.start_date"),
      due: try optionalDay(at: row, 8, "action.due_date"), themeIDs: themeIDs,
      confidence: row.optionalInt(9),
      communicated: row.isNull(12)
        ? nil : try communication(row.optionalText(12), row.optionalText(13)),
      position: row.int(10), version: row.int(11))
  }

  /// The `communicated_on` and `communication_channel` columns as one value (nil when unset).
  static func communication(_ on: String?, _ channel: String?) throws -> Communication? {
    guard let on, let channel else { return nil }
    return Communication(on: try day(on, "action.communicated_on"), channel: channel)
  }

  /// `actionStatus(row.text(column))` read from the column's bytes (no string made: this
  /// runs for every action of a snapshot).
  static func actionStatus(at row: ColumnReader, _ column: Int32) -> ActionStatus {
    let known = row.withBytes(column) { b -> ActionStatus? in
      let candidate: ActionStatus
      switch b.first {
      case UInt8(ascii: "p"): candidate = .planned
      case UInt8(ascii: "a"): candidate = .active
      case UInt8(ascii: "b"): candidate = .blocked
      case UInt8(ascii: "d"): candidate = b.count == 4 ? .done : .dropped
      default: return nil
      }
      let stored = candidate.stored
      guard b.count == stored.utf8CodeUnitCount, let start = b.baseAddress else { return nil }
      return memcmp(start, stored.utf8Start, b.count) == 0 ? candidate : nil
    }
    return known ?? actionStatus(row.text(column))
  }

  /// `ActionStatus(rawValue:) ?? .planned` with one comparison: the first letter names the
  /// candidate (the synthesized init compares with every case in turn).
  static func actionStatus(_ text: String) -> ActionStatus {
    let candidate: ActionStatus
    switch text.utf8.first {
    case UInt8(ascii: "p"): candidate = .planned
    case UInt8(ascii: "a"): candidate = .active
    case UInt8(ascii: "b"): candidate = .blocked
    case UInt8(ascii: "d"): candidate = text.utf8.count == 4 ? .done : .dropped
    default: return ActionStatus(rawValue: text) ?? .planned
    }
    return candidate.rawValue == text ? candidate : ActionStatus(rawValue: text) ?? .planned
  }

  static func fetchAction(_ db: Database, id: String) throws -> Action? {
    // Cached statements: this runs on every edit key.
    let themeStatement = try db.cachedStatement(
      sql: "SELECT theme_id FROM action_theme WHERE action_id = ? ORDER BY position, theme_id")
    let themes = try String.fetchAll(themeStatement, arguments: [id])
    let statement = try db.cachedStatement(sql: "SELECT \(actionColumns()) FROM action WHERE id = ?")
    return try ColumnReader.firstRow(statement, arguments: [id]) { try action(at: $0, themeIDs: themes) }
  }

  static func fetchKeyResult(_ db: Database, id: String) throws -> KeyResult? {
    let statement = try db.cachedStatement(sql: "SELECT \(keyResultColumns()) FROM key_result WHERE id = ?")
    return try ColumnReader.firstRow(statement, arguments: [id], keyResult(at:))
  }

  private static func day(_ text: String, _ column: String) throws -> Day {
    guard let d = parseDay(text) else {
      throw StoreError.invalid("\(column) holds \(text), not a date YYYY-MM-DD")
    }
    return d
  }

  /// A nullable date column, read from its bytes when it has the stored form (no string made:
  /// this runs twice for every action of a snapshot); anything else as `day(_:_:)` reads it.
  static func optionalDay(at row: ColumnReader, _ column: Int32, _ name: String) throws -> Day? {
    if row.isNull(column) { return nil }
    if let day = row.withBytes(column, { fastDay($0.assumingMemoryBound(to: UInt8.self)) }) {
      return day
    }
    return try day(row.text(column), name)
  }

  /// `Day(text)`, with a fast path for the stored form `YYYY-MM-DD` in ASCII digits: the
  /// general parser splits into substrings, which showed in `snapshot()` on 12,000 dates.
  /// Anything the fast path does not accept goes to `Day(text)`, so the result is the same.
  static func parseDay(_ text: String) -> Day? {
    if let day = text.utf8.withContiguousStorageIfAvailable(fastDay) ?? nil { return day }
    return Day(text)
  }

  /// The stored form `YYYY-MM-DD` in ASCII digits as a valid day; nil for anything else.
  private static func fastDay(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for i in from..<from + count {
        let digit = Int(b[i]) &- 48
        guard digit >= 0 && digit <= 9 else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
    return Day(year: y, month: m, day: d)
  }
}

extension ActionStatus {
  /// The raw value as static bytes, to compare a column's bytes with.
  fileprivate var stored: StaticString {
    switch self {
    case .planned: "planned"
    case .active: "active"
    case .done: "done"
    case .blocked: "blocked"
    case .dropped: "dropped"
    }
  }
}
