import Foundation
import GRDB
import PeiliCore
import PeiliText

/// What `Workspace.startCycle` wrote.
public struct CycleStartSummary: Hashable, Sendable {
  public var cycle: Cycle
  /// The cycle the unfinished actions came from (nil: the cycle started empty).
  public var from: String?
  /// The moved actions' ids, in the previous cycle's tree order.
  public var carriedActions: [String]
  /// The objective copies' ids (aligned-under parents included), in the previous cycle's order.
  public var objectives: [String]
  /// The key result copies' ids, in the previous cycle's order.
  public var keyResults: [String]
  /// Audit rows written, all under one change id.
  public var auditRows: Int
}

/// One cycle with how much it holds, for `peili cycle list`.
public struct CycleOverview: Hashable, Sendable {
  public var cycle: Cycle
  public var objectives: Int
  public var actions: Int
}

extension Workspace {
  /// Starts `cycle` in one transaction, all or nothing, audited under one change id
  /// attributed to `user`. With `previous`, that cycle's unfinished actions (planned,
  /// active, blocked) move to it: ids are global, so the objectives and key results holding
  /// them are copied into the new cycle as `<id>-<cycle id>` (an objective's parents too,
  /// so the tree stays whole) and the actions are moved under the copies, keeping their
  /// ids — their check-ins, audit history and theme links are keyed by id and follow them.
  /// Done and dropped actions stay where they were, for the previous cycle's re-evaluation.
  /// A refusal (`StoreError`) leaves the workspace exactly as it was.
  @discardableResult
  public func startCycle(_ cycle: Cycle, carryingOverFrom previous: String? = nil, by user: String) throws
    -> CycleStartSummary
  {
    if let problem = CycleStart.problem(with: cycle) { throw StoreError.invalid(problem) }
    let summary = try writeTransaction { db in
      try CycleStart(cycle: cycle, previous: previous, user: user).run(db)
    }
    try compactLog()
    return summary
  }

  /// Every cycle, oldest first, with its number of objectives and actions.
  public func cycleOverview() throws -> [CycleOverview] {
    do {
      return try writer.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT c.id, c.name, c.start_date, c.end_date,
              (SELECT count(*) FROM objective o WHERE o.cycle_id = c.id) AS objectives,
              (SELECT count(*) FROM action a JOIN objective o ON o.id = a.objective_id
                WHERE o.cycle_id = c.id) AS actions
            FROM cycle c ORDER BY c.start_date, c.id
            """
        ).map { row in
          CycleOverview(
            cycle: try DomainRows.cycle(row), objectives: row["objectives"], actions: row["actions"])
        }
      }
    } catch {
      throw StoreFailure.explain(error, path: path, doing: .reading)
    }
  }
}

/// The checks and writes of one cycle start (see `Workspace.startCycle`).
struct CycleStart {
  let cycle: Cycle
  let previous: String?
  let user: String

  /// The statuses of an action still to be done: what a new cycle carries over.
  static let unfinished: [ActionStatus] = [.planned, .active, .blocked]

  /// Why `cycle` cannot be stored as given (nil when it can): its id is matched and shown
  /// as typed, and the copies' ids are built from it, so it must be a clean single word.
  static func problem(with cycle: Cycle) -> String? {
    if cycle.id.isEmpty { return "the cycle id is empty; expected an id like 2027 or 2027-Q1" }
    if let bad = UnsafeCharacter.first(in: cycle.id) { return bad.refusal(of: "cycle id", cycle.id) }
    if cycle.id.unicodeScalars.contains(where: \.properties.isWhitespace) {
      return "cycle id `\(cycle.id)` must not contain spaces; expected an id like 2027 or 2027-Q1"
    }
    if cycle.name.trimmingCharacters(in: .whitespaces).isEmpty {
      return "the cycle name is empty; expected a name like \"2027\" or \"FY 2027\""
    }
    if let bad = UnsafeCharacter.first(in: cycle.name) { return bad.refusal(of: "cycle name", cycle.name) }
    if !Bounds.isAllowed(title: cycle.name) {
      return "the cycle name is longer than \(Bounds.maxTitleLength) characters; shorten it"
    }
    if cycle.end < cycle.start {
      return "cycle \(cycle.id) would end (\(cycle.end)) before it starts (\(cycle.start)); "
        + "expected an end on or after the start"
    }
    return nil
  }

  func run(_ db: Database) throws -> CycleStartSummary {
    if try Bool.fetchOne(db, sql: "SELECT 1 FROM cycle WHERE id = ?", arguments: [cycle.id]) == true {
      throw StoreError.invalid("a cycle `\(cycle.id)` already exists; expected a new cycle id")
    }
    let plan = try previous.map { try carryOver(db, from: $0) }

    try db.execute(
      sql: "INSERT INTO cycle (id, name, start_date, end_date) VALUES (?, ?, ?, ?)",
      arguments: [cycle.id, cycle.name, cycle.start.description, cycle.end.description])
    let log = try AuditLog.begin(db, kind: .cycle, user: user)
    var rows = 0
    func record(_ entity: String, _ id: String, _ field: String, _ old: String?, _ new: String?) throws {
      try log.record(db, entity: entity, id: id, field: field, old: old, new: new)
      rows += 1
    }
    try record("cycle", cycle.id, "created", nil, cycle.name)
    try record("cycle", cycle.id, "start", nil, cycle.start.description)
    try record("cycle", cycle.id, "end", nil, cycle.end.description)
    guard let plan, let previous else {
      return CycleStartSummary(
        cycle: cycle, from: nil, carriedActions: [], objectives: [], keyResults: [], auditRows: rows)
    }
    try record("cycle", cycle.id, "carried_over_from", nil, previous)

    // A copy may name a parent copied after it in the loop.
    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
    for o in plan.objectives {
      try db.execute(
        sql: """
          INSERT INTO objective (id, cycle_id, parent_id, title, kind, owner, weight, position, version)
          SELECT ?, ?, ?, title, kind, owner, weight, position, 1 FROM objective WHERE id = ?
          """, arguments: [copyID(o.id), cycle.id, o.parentID.map(copyID), o.id])
      try db.execute(
        sql: """
          INSERT INTO objective_theme (objective_id, theme_id, position)
          SELECT ?, theme_id, position FROM objective_theme WHERE objective_id = ?
          """, arguments: [copyID(o.id), o.id])
      try record("objective", copyID(o.id), "created", nil, nil)
      try record("objective", copyID(o.id), "copied_from", nil, o.id)
    }
    for k in plan.keyResults {
      try db.execute(
        sql: """
          INSERT INTO key_result (id, objective_id, title, kind, owner, weight, unit, start_value,
            target_value, current_value, done, theme_id, audience, baseline_wave, confidence, position, version)
          SELECT ?, ?, title, kind, owner, weight, unit, start_value, target_value, current_value, done,
            theme_id, audience, baseline_wave, confidence, position, 1
          FROM key_result WHERE id = ?
          """, arguments: [copyID(k.id), copyID(k.objectiveID), k.id])
      try record("key_result", copyID(k.id), "created", nil, nil)
      try record("key_result", copyID(k.id), "copied_from", nil, k.id)
    }
    // Moved, not copied: the id (and so the check-ins, the audit trail and the theme links)
    // stays the action's own. A new version, as any changed field gets: a dashboard that
    // saw it under the old objective then sees a conflict rather than a silent overwrite.
    for a in plan.actions {
      let keyResult = a.keyResultID.map(copyID)
      try db.execute(
        sql: "UPDATE action SET objective_id = ?, key_result_id = ?, version = version + 1 WHERE id = ?",
        arguments: [copyID(a.objectiveID), keyResult, a.id])
      try record("action", a.id, "objective", a.objectiveID, copyID(a.objectiveID))
      if let old = a.keyResultID { try record("action", a.id, "key_result", old, keyResult) }
    }

    if let violation = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
      throw StoreError.invalid(
        "starting cycle \(cycle.id) would break the workspace's references (\(violation)); nothing was written"
      )
    }
    // The copies took their originals' places; the moved actions left gaps behind.
    try TreePositions.normalize(db, cycleID: cycle.id)
    try TreePositions.normalize(db, cycleID: previous)
    return CycleStartSummary(
      cycle: cycle, from: previous, carriedActions: plan.actions.map(\.id),
      objectives: plan.objectives.map { copyID($0.id) }, keyResults: plan.keyResults.map { copyID($0.id) },
      auditRows: rows)
  }

  /// The id of an item's copy in the new cycle.
  func copyID(_ id: String) -> String { "\(id)-\(cycle.id)" }

  /// What carrying over from `previous` copies and moves.
  struct Plan {
    var objectives: [(id: String, parentID: String?)] = []
    var keyResults: [(id: String, objectiveID: String)] = []
    var actions: [(id: String, objectiveID: String, keyResultID: String?)] = []
  }

  /// The plan, checked: `previous` exists and no copy's id is taken.
  private func carryOver(_ db: Database, from previous: String) throws -> Plan {
    let known = try String.fetchAll(db, sql: "SELECT id FROM cycle ORDER BY start_date, id")
    guard known.contains(previous) else {
      throw StoreError.unknownCycle(
        id: previous.sanitizedForTerminal, known: known.map(\.sanitizedForTerminal))
    }
    let statuses = Self.unfinished.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    let objectives = try Row.fetchAll(
      db, sql: "SELECT id, parent_id FROM objective WHERE cycle_id = ? ORDER BY position, id",
      arguments: [previous]
    ).map { (id: $0[0] as String, parentID: $0[1] as String?) }
    let keyResults = try Row.fetchAll(
      db,
      sql: """
        SELECT k.id, k.objective_id FROM key_result k JOIN objective o ON o.id = k.objective_id
        WHERE o.cycle_id = ? ORDER BY o.position, o.id, k.position, k.id
        """, arguments: [previous]
    ).map { (id: $0[0] as String, objectiveID: $0[1] as String) }
    var plan = Plan()
    plan.actions = try Row.fetchAll(
      db,
      sql: """
        SELECT a.id, a.objective_id, a.key_result_id FROM action a JOIN objective o ON o.id = a.objective_id
        WHERE o.cycle_id = ? AND a.status IN (\(statuses))
        ORDER BY o.position, o.id, a.position, a.id
        """, arguments: [previous]
    ).map { (id: $0[0] as String, objectiveID: $0[1] as String, keyResultID: $0[2] as String?) }

    // The key results and objectives that hold an unfinished action, then each objective's
    // parents, so that the copies align under each other as the originals do.
    let heldKeyResults = Set(plan.actions.compactMap(\.keyResultID))
    plan.keyResults = keyResults.filter { heldKeyResults.contains($0.id) }
    var needed = Set(plan.actions.map(\.objectiveID)).union(plan.keyResults.map(\.objectiveID))
    let parentOf = Dictionary(objectives.map { ($0.id, $0.parentID) }, uniquingKeysWith: { a, _ in a })
    for id in needed {
      var current = id
      while let parent = parentOf[current] ?? nil, parentOf[parent] != nil, needed.insert(parent).inserted {
        current = parent
      }
    }
    // A parent outside the previous cycle (never written by peili) is not followed.
    plan.objectives = objectives.filter { needed.contains($0.id) }.map {
      (id: $0.id, parentID: $0.parentID.flatMap { parentOf[$0] != nil ? $0 : nil })
    }

    let copies = plan.objectives.map(\.id) + plan.keyResults.map(\.id)
    var taken: [String] = []
    for id in copies.map(copyID) {
      let used = try Bool.fetchOne(
        db,
        sql: """
          SELECT 1 FROM objective WHERE id = ?1 UNION ALL SELECT 1 FROM key_result WHERE id = ?1
          UNION ALL SELECT 1 FROM action WHERE id = ?1 LIMIT 1
          """, arguments: [id])
      if used == true { taken.append(id) }
    }
    if !taken.isEmpty {
      throw StoreError.invalid(
        "cannot carry over from \(previous): the id\(taken.count == 1 ? "" : "s") "
          + taken.map { "`\($0)`" }.joined(separator: ", ")
          + " \(taken.count == 1 ? "is" : "are") already used in this workspace; expected free ids "
          + "for the copies (`<id>-\(cycle.id)`): choose another cycle id")
    }
    return plan
  }
}
