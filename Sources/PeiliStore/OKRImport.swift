import Foundation
import GRDB
import PeiliCore
import PeiliText

/// What an OKR import wrote.
public struct OKRImportSummary: Hashable, Sendable {
  public var cycleID: String
  /// True when the workspace already had this cycle (its OKRs were replaced or updated).
  public var replacedCycle: Bool
  public var objectives: Int
  public var keyResults: Int
  public var actions: Int
  /// Themes the file introduced (not in the workspace before).
  public var newThemes: [String]
  /// Audit rows written (one per changed field, plus one for the import itself; none when an
  /// `update` changed nothing).
  public var auditRows: Int
  /// Objectives, key results and actions the file added.
  public var added: Int = 0
  /// Items that were already in the workspace and had at least one field changed.
  public var changed: Int = 0
  /// Items of the cycle the file left out that were removed (a plain import, or `prune`).
  public var removed: Int = 0
  /// Items of the cycle the file left out that an `update` without `prune` kept.
  public var kept: Int = 0
}

extension Workspace {
  /// Imports an OKR YAML file (format: docs/okr-format.md) in one transaction, all or nothing.
  ///
  /// A plain import replaces the OKRs of a cycle the workspace already has with the file's: items
  /// the file leaves out are removed. With `update`, the file is applied as edits by id: new
  /// items are added, changed fields are updated (audited, old → new, version bumped), and items
  /// the file leaves out are kept unless `prune` is also set; an update that changes nothing
  /// writes nothing, not even an audit row. Either way, fields the file leaves out (progress,
  /// status, current, done, confidence) keep the workspace's values for items that already
  /// exist. Every problem is reported as an `ImportError` naming the file, line and column; the
  /// workspace is then left exactly as it was.
  @discardableResult
  public func importOKRs(file path: String, by user: String, update: Bool = false, prune: Bool = false)
    throws -> OKRImportSummary
  {
    try requireWritable()
    let (document, problems) = try OKRFileParser.parse(path: path)
    let summary = try writeTransaction { db in
      try OKRImport(
        document: document, file: path, user: user, problems: problems, update: update,
        removesMissing: !update || prune
      ).run(db)
    }
    try compactLog()
    return summary
  }
}

/// Checks an `OKRFile` against itself and the workspace, then writes the cycle's OKRs: items
/// matched by id are updated in place, new ones inserted, left-out ones removed or kept.
private struct OKRImport {
  let document: OKRFile
  let file: String
  let user: String
  /// What the parser found wrong already.
  let problems: [ImportError]
  /// Applying edits by id: nothing is written (not even the import's audit row) when nothing changed.
  let update: Bool
  /// Whether items of the cycle that the file leaves out are removed (else kept).
  let removesMissing: Bool

  func run(_ db: Database) throws -> OKRImportSummary {
    try validate(db)
    return try write(db)
  }

  // MARK: - Validation

  private func validate(_ db: Database) throws {
    var parser = OKRFileParser(file: file)
    parser.errors = problems
    let cycleID = document.cycle.id

    // Ids: unique in the file, and not used by another cycle of the workspace.
    var firstUse: [String: (kind: String, place: OKRFile.Place)] = [:]
    for entry in document.ids {
      if let first = firstUse[entry.id] {
        parser.fail(
          at: entry.place,
          "duplicate id `\(entry.id)`: already used by the \(first.kind) at line \(first.place.line); "
            + "expected ids unique across objectives, key results and actions")
      } else {
        firstUse[entry.id] = (entry.kind, entry.place)
      }
    }
    let elsewhere = try Row.fetchAll(
      db,
      sql: """
        SELECT id, cycle_id FROM objective WHERE cycle_id != ?1
        UNION ALL SELECT k.id, o.cycle_id FROM key_result k JOIN objective o ON o.id = k.objective_id
          WHERE o.cycle_id != ?1
        UNION ALL SELECT a.id, o.cycle_id FROM action a JOIN objective o ON o.id = a.objective_id
          WHERE o.cycle_id != ?1
        """, arguments: [cycleID])
    var otherCycle: [String: String] = [:]
    for row in elsewhere { otherCycle[row[0]] = row[1] }
    for (id, first) in firstUse.sorted(by: { $0.value.place.line < $1.value.place.line })
    where !cycleID.isEmpty {
      if let other = otherCycle[id] {
        parser.fail(
          at: first.place, "id `\(id)` is already used in cycle \(other) of this workspace; expected a new id"
        )
      }
    }

    // Items of this cycle the file leaves out stay when an update keeps them: the file's items
    // may then align under them, and must not reuse their ids for another kind of item.
    var keptParent: [String: String?] = [:]
    var keptKeyResult: [String: String] = [:]
    if !removesMissing && !cycleID.isEmpty {
      let existing = try Row.fetchAll(
        db,
        sql: """
          SELECT 'objective' AS kind, id, parent_id AS link FROM objective WHERE cycle_id = ?1
          UNION ALL SELECT 'key result', k.id, k.objective_id FROM key_result k
            JOIN objective o ON o.id = k.objective_id WHERE o.cycle_id = ?1
          UNION ALL SELECT 'action', a.id, a.objective_id FROM action a
            JOIN objective o ON o.id = a.objective_id WHERE o.cycle_id = ?1
          """, arguments: [cycleID])
      for row in existing {
        let kind: String = row["kind"]
        let id: String = row["id"]
        let link: String? = row["link"]
        if let first = firstUse[id] {
          if first.kind != kind {
            parser.fail(
              at: first.place,
              "id `\(id)` is already used by the \(kind) \(id) of cycle \(cycleID); expected a new id, or "
                + "pruning (--prune) to remove that \(kind)")
          }
          continue
        }
        switch kind {
        case "objective": keptParent[id] = link
        case "key result": keptKeyResult[id] = link
        default: break
        }
      }
    }

    // Themes: the file's own or the workspace's.
    var seenThemes: [String: Int] = [:]
    for theme in document.themes {
      if let line = seenThemes[theme.id] {
        parser.fail(at: theme.place, "duplicate theme `\(theme.id)` (first at line \(line))")
      } else {
        seenThemes[theme.id] = theme.place.line
      }
    }
    let known = Set(document.themes.map(\.id)).union(try String.fetchAll(db, sql: "SELECT id FROM theme"))
    func checkTheme(_ id: String, _ place: OKRFile.Place, _ what: String) {
      guard !known.contains(id) else { return }
      parser.fail(
        at: place,
        "\(what): unknown theme `\(id)`; expected a theme listed under `themes:` or already in the workspace"
          + (known.isEmpty ? " (it has none yet)" : " (\(known.sorted().joined(separator: ", ")))"))
    }
    for o in document.objectives {
      for (id, place) in zip(o.objective.themeIDs, o.themePlaces) {
        checkTheme(id, place, "objective \(o.objective.id)")
      }
    }
    for k in document.keyResults {
      if let id = k.themeID, let place = k.themePlace { checkTheme(id, place, "key result \(k.id)") }
    }
    for a in document.actions {
      for (id, place) in zip(a.themeIDs, a.themePlaces) { checkTheme(id, place, "action \(a.id)") }
    }

    // Parents: objectives of this file, without cycles.
    let objectiveIDs = Set(document.objectives.map(\.objective.id))
    var parentOf: [String: String] = [:]
    for o in document.objectives {
      guard let parent = o.objective.parentID, let place = o.parentPlace else { continue }
      if parent == o.objective.id {
        parser.fail(at: place, "parent cycle: objective \(parent) names itself as its parent")
      } else if !objectiveIDs.contains(parent) && keptParent[parent] == nil {
        let kind = firstUse[parent].map { " (it is a \($0.kind))" } ?? ""
        parser.fail(
          at: place,
          "objective \(o.objective.id): unknown parent `\(parent)`\(kind); expected the id of an objective in this file"
            + (removesMissing ? "" : " or kept in the workspace"))
      } else {
        parentOf[o.objective.id] = parent
      }
    }
    for case (let id, let parent?) in keptParent { parentOf[id] = parent }
    var reported: Set<String> = []
    for o in document.objectives {
      var chain = [o.objective.id]
      var current = o.objective.id
      while let next = parentOf[current] {
        if next == o.objective.id {
          if reported.isDisjoint(with: chain), let place = o.parentPlace {
            parser.fail(
              at: place,
              "parent cycle: \((chain + [next]).joined(separator: " → ")); expected objectives to align "
                + "under each other without a loop")
          }
          reported.formUnion(chain)
          break
        }
        if chain.contains(next) { break }  // a loop further up, reported from its own members
        chain.append(next)
        current = next
      }
    }

    // An action's key result: one of this objective's.
    let krObjective = Dictionary(
      document.keyResults.map { ($0.id, $0.objectiveID) }, uniquingKeysWith: { a, _ in a })
    for a in document.actions {
      guard let kr = a.keyResultID, let place = a.keyResultPlace else { continue }
      if let owner = krObjective[kr] ?? keptKeyResult[kr] {
        if owner != a.objectiveID {
          parser.fail(
            at: place,
            "action \(a.id): key result \(kr) belongs to objective \(owner); expected a key result of \(a.objectiveID)"
          )
        }
      } else {
        parser.fail(
          at: place,
          "action \(a.id): unknown key result `\(kr)`; expected the id of a key result in this file")
      }
    }

    try parser.throwIfFailed()
  }

  // MARK: - Writing

  /// One audit row, collected until the whole import is known (an update that changed nothing
  /// writes none).
  private typealias Change = (entity: String, id: String, field: String, old: String?, new: String?)

  private func write(_ db: Database) throws -> OKRImportSummary {
    let cycle = document.cycle
    var changes: [Change] = []
    var added = 0
    var changed = 0

    // The cycle.
    let cycleName = cycle.name.sanitizedForTerminal
    let oldCycle = try Row.fetchOne(db, sql: "SELECT * FROM cycle WHERE id = ?", arguments: [cycle.id])
    if let oldCycle {
      let before: [String: String?] = [
        "name": oldCycle["name"], "start": oldCycle["start_date"], "end": oldCycle["end_date"],
      ]
      let after: [String: String?] = [
        "name": cycleName, "start": cycle.start.description, "end": cycle.end.description,
      ]
      let cycleChanges = diff(before, after)
      if !cycleChanges.isEmpty {
        try db.execute(
          sql: "UPDATE cycle SET name = ?, start_date = ?, end_date = ? WHERE id = ?",
          arguments: [cycleName, cycle.start.description, cycle.end.description, cycle.id])
        changes += cycleChanges.map { ("cycle", cycle.id, $0.0, $0.1, $0.2) }
      }
    } else {
      try db.execute(
        sql: "INSERT INTO cycle (id, name, start_date, end_date) VALUES (?, ?, ?, ?)",
        arguments: [cycle.id, cycleName, cycle.start.description, cycle.end.description])
    }

    // Themes: new ones appended, names updated.
    var position = try Int.fetchOne(db, sql: "SELECT max(position) FROM theme") ?? -1
    var newThemes: [String] = []
    for theme in document.themes {
      let name = theme.name.sanitizedForTerminal
      if let old = try String.fetchOne(db, sql: "SELECT name FROM theme WHERE id = ?", arguments: [theme.id])
      {
        if old != name {
          try db.execute(sql: "UPDATE theme SET name = ? WHERE id = ?", arguments: [name, theme.id])
          changes.append(("theme", theme.id, "name", old, name))
        }
      } else {
        position += 1
        try db.execute(
          sql: "INSERT INTO theme (id, name, position) VALUES (?, ?, ?)",
          arguments: [theme.id, name, position])
        changes.append(("theme", theme.id, "created", nil, name))
        newThemes.append(theme.id)
      }
    }

    // What the cycle held before, by id, to diff and to keep values the file leaves out.
    let oldObjectives = try Dictionary(
      uniqueKeysWithValues: fetchObjectives(db, cycleID: cycle.id).map { ($0.id, $0) })
    let oldKeyResults = try Dictionary(
      uniqueKeysWithValues: Row.fetchAll(
        db,
        sql: "SELECT k.* FROM key_result k JOIN objective o ON o.id = k.objective_id WHERE o.cycle_id = ?",
        arguments: [cycle.id]
      ).map { row in (row["id"] as String, row) })
    let oldActions = try Dictionary(
      uniqueKeysWithValues: fetchActions(db, cycleID: cycle.id).map { ($0.id, $0) })

    // Rows are updated in place, so an objective may name a parent written later in the loop.
    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")

    for entry in document.objectives {
      var o = entry.objective
      o.themeIDs = distinct(o.themeIDs)
      guard let old = oldObjectives[o.id] else {
        try db.execute(
          sql: """
            INSERT INTO objective (id, cycle_id, parent_id, title, kind, owner, weight, position, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
            """,
          arguments: [o.id, cycle.id, o.parentID, o.title, o.kind.rawValue, o.owner, o.weight, o.position])
        try linkThemes(db, table: "objective_theme", column: "objective_id", id: o.id, themes: o.themeIDs)
        changes.append(("objective", o.id, "created", nil, nil))
        added += 1
        continue
      }
      let fields = diff(objectiveValues(old), objectiveValues(o))
      if !fields.isEmpty {
        try db.execute(
          sql: """
            UPDATE objective SET parent_id = ?, title = ?, kind = ?, owner = ?, weight = ?, position = ?,
              version = ? WHERE id = ?
            """,
          arguments: [
            o.parentID, o.title, o.kind.rawValue, o.owner, o.weight, o.position, old.version + 1, o.id,
          ])
        if old.themeIDs != o.themeIDs {
          try linkThemes(db, table: "objective_theme", column: "objective_id", id: o.id, themes: o.themeIDs)
        }
        changes += fields.map { ("objective", o.id, $0.0, $0.1, $0.2) }
        changed += 1
      } else if old.position != o.position {
        // Order alone is not a change of the item: no audit row, no new version.
        try db.execute(sql: "UPDATE objective SET position = ? WHERE id = ?", arguments: [o.position, o.id])
      }
    }

    for k in document.keyResults {
      let old = oldKeyResults[k.id]
      let oldKind: String? = old?["kind"]
      let sameKind = oldKind == k.kind
      // Values the file leaves out keep the workspace's (check-ins made in the dashboard).
      let current: Double? =
        k.kind == "metric" ? (k.current ?? (sameKind ? old?["current_value"] : nil) ?? k.start) : nil
      let done: Bool? = k.kind == "milestone" ? (k.done ?? (sameKind ? old?["done"] : nil) ?? false) : nil
      let confidence: Int? = k.confidence ?? old?["confidence"]
      let unit: String? = k.kind == "metric" ? (k.unit ?? "") : nil
      let values: [String: String?] = [
        "objective": k.objectiveID, "title": k.title, "kind": k.kind, "owner": k.owner,
        "weight": AuditValue.text(k.weight), "unit": unit,
        "start": AuditValue.text(k.start), "target": AuditValue.text(k.target),
        "current_value": AuditValue.text(current), "done": AuditValue.text(done),
        "theme": k.themeID, "audience": k.audience?.rawValue, "baseline_wave": k.baselineWave,
        "confidence": AuditValue.text(confidence),
      ]
      let columns: [(any DatabaseValueConvertible)?] = [
        k.objectiveID, k.title, k.kind, k.owner, k.weight, unit, k.start, k.target, current, done, k.themeID,
        k.audience?.rawValue, k.baselineWave, confidence, k.position,
      ]
      guard let old else {
        try db.execute(
          sql: """
            INSERT INTO key_result (objective_id, title, kind, owner, weight, unit, start_value, target_value,
              current_value, done, theme_id, audience, baseline_wave, confidence, position, id, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """,
          arguments: StatementArguments(columns + [k.id]))
        changes.append(("key_result", k.id, "created", nil, nil))
        added += 1
        continue
      }
      let fields = diff(keyResultValues(old), values)
      let oldVersion: Int = old["version"]
      let oldPosition: Int = old["position"]
      if !fields.isEmpty {
        try db.execute(
          sql: """
            UPDATE key_result SET objective_id = ?, title = ?, kind = ?, owner = ?, weight = ?, unit = ?,
              start_value = ?, target_value = ?, current_value = ?, done = ?, theme_id = ?, audience = ?,
              baseline_wave = ?, confidence = ?, position = ?, version = ? WHERE id = ?
            """,
          arguments: StatementArguments(columns + [oldVersion + 1, k.id]))
        changes += fields.map { ("key_result", k.id, $0.0, $0.1, $0.2) }
        changed += 1
      } else if oldPosition != k.position {
        try db.execute(sql: "UPDATE key_result SET position = ? WHERE id = ?", arguments: [k.position, k.id])
      }
    }

    for a in document.actions {
      let old = oldActions[a.id]
      let action = Action(
        id: a.id, objectiveID: a.objectiveID, keyResultID: a.keyResultID, title: a.title, owner: a.owner,
        status: a.status ?? old?.status ?? .planned, progress: a.progress ?? old?.progress ?? 0,
        start: a.start, due: a.due, themeIDs: distinct(a.themeIDs),
        confidence: a.confidence ?? old?.confidence,
        communicated: a.communicated ?? old?.communicated,
        position: a.position)
      let columns: [(any DatabaseValueConvertible)?] = [
        action.objectiveID, action.keyResultID, action.title, action.owner, action.status.rawValue,
        action.progress, action.start?.description, action.due?.description, action.confidence,
        action.communicated?.on.description, action.communicated?.channel, action.position,
      ]
      guard let old else {
        try db.execute(
          sql: """
            INSERT INTO action (objective_id, key_result_id, title, owner, status, progress, start_date,
              due_date, confidence, communicated_on, communication_channel, position, id, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """,
          arguments: StatementArguments(columns + [action.id]))
        try linkThemes(db, table: "action_theme", column: "action_id", id: action.id, themes: action.themeIDs)
        changes.append(("action", a.id, "created", nil, nil))
        added += 1
        continue
      }
      let fields = diff(actionValues(old), actionValues(action))
      if !fields.isEmpty {
        try db.execute(
          sql: """
            UPDATE action SET objective_id = ?, key_result_id = ?, title = ?, owner = ?, status = ?,
              progress = ?, start_date = ?, due_date = ?, confidence = ?, communicated_on = ?,
              communication_channel = ?, position = ?, version = ?
            WHERE id = ?
            """,
          arguments: StatementArguments(columns + [old.version + 1, action.id]))
        if old.themeIDs != action.themeIDs {
          try linkThemes(
            db, table: "action_theme", column: "action_id", id: action.id, themes: action.themeIDs)
        }
        changes += fields.map { ("action", a.id, $0.0, $0.1, $0.2) }
        changed += 1
      } else if old.position != action.position {
        try db.execute(
          sql: "UPDATE action SET position = ? WHERE id = ?", arguments: [action.position, a.id])
      }
    }

    // Items the file no longer has: removed, or kept by an update without pruning.
    let inFile = Set(document.ids.map { "\($0.kind)/\($0.id)" })
    let missingObjectives = oldObjectives.keys.sorted().filter { !inFile.contains("objective/\($0)") }
    let missingKeyResults = oldKeyResults.keys.sorted().filter { !inFile.contains("key result/\($0)") }
    let missingActions = oldActions.keys.sorted().filter { !inFile.contains("action/\($0)") }
    let missing = missingObjectives.count + missingKeyResults.count + missingActions.count
    if removesMissing {
      for id in missingObjectives {
        changes.append(("objective", id, "deleted", oldObjectives[id]!.title, nil))
      }
      for id in missingKeyResults {
        changes.append(("key_result", id, "deleted", oldKeyResults[id]!["title"], nil))
      }
      for id in missingActions { changes.append(("action", id, "deleted", oldActions[id]!.title, nil)) }
      for id in missingActions { try db.execute(sql: "DELETE FROM action WHERE id = ?", arguments: [id]) }
      for id in missingKeyResults {
        try db.execute(sql: "DELETE FROM key_result WHERE id = ?", arguments: [id])
      }
      for id in missingObjectives {
        try db.execute(sql: "DELETE FROM objective WHERE id = ?", arguments: [id])
      }
    } else {
      // Kept items follow the file's among their siblings, in their former order (the file
      // orders what it names; `normalize` below makes the places dense again).
      let after = TreePositions.afterAny
      for (table, ids) in [
        ("objective", missingObjectives), ("key_result", missingKeyResults), ("action", missingActions),
      ] {
        for id in ids {
          try db.execute(
            sql: "UPDATE \(table) SET position = position + ? WHERE id = ?", arguments: [after, id])
        }
      }
    }

    if let violation = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
      throw StoreError.invalid(
        "the import would break the workspace's references (\(violation)); nothing was written")
    }
    try TreePositions.normalize(db, cycleID: cycle.id)

    // The audit: the import itself (naming the file), then one row per changed field. An update
    // that changed nothing leaves no trace, so that export → import is a true no-op.
    var auditRows = 0
    if !update || !changes.isEmpty {
      let log = try AuditLog.begin(db, kind: .import, user: user)
      try log.record(db, entity: "cycle", id: cycle.id, field: "import", old: nil, new: file)
      for c in changes {
        try log.record(db, entity: c.entity, id: c.id, field: c.field, old: c.old, new: c.new)
      }
      auditRows = 1 + changes.count
    }
    return OKRImportSummary(
      cycleID: cycle.id, replacedCycle: oldCycle != nil, objectives: document.objectives.count,
      keyResults: document.keyResults.count, actions: document.actions.count, newThemes: newThemes,
      auditRows: auditRows, added: added, changed: changed, removed: removesMissing ? missing : 0,
      kept: removesMissing ? 0 : missing)
  }

  /// Replaces an item's theme links, in the file's order.
  private func linkThemes(_ db: Database, table: String, column: String, id: String, themes: [String]) throws
  {
    try db.execute(sql: "DELETE FROM \(table) WHERE \(column) = ?", arguments: [id])
    for (i, theme) in themes.enumerated() {
      try db.execute(
        sql: "INSERT INTO \(table) (\(column), theme_id, position) VALUES (?, ?, ?)",
        arguments: [id, theme, i])
    }
  }

  /// The ids in their first order, each once (a theme listed twice is linked once).
  private func distinct(_ ids: [String]) -> [String] {
    var seen: Set<String> = []
    return ids.filter { seen.insert($0).inserted }
  }

  private func fetchObjectives(_ db: Database, cycleID: String) throws -> [Objective] {
    let themes = try Row.fetchAll(
      db,
      sql: """
        SELECT ot.objective_id, ot.theme_id FROM objective_theme ot JOIN objective o ON o.id = ot.objective_id
        WHERE o.cycle_id = ? ORDER BY ot.position
        """, arguments: [cycleID])
    var byObjective: [String: [String]] = [:]
    for row in themes { byObjective[row[0], default: []].append(row[1]) }
    return try Row.fetchAll(db, sql: "SELECT * FROM objective WHERE cycle_id = ?", arguments: [cycleID]).map {
      try DomainRows.objective($0, themeIDs: byObjective[$0["id"]] ?? [])
    }
  }

  private func fetchActions(_ db: Database, cycleID: String) throws -> [Action] {
    let ids = try String.fetchAll(
      db, sql: "SELECT a.id FROM action a JOIN objective o ON o.id = a.objective_id WHERE o.cycle_id = ?",
      arguments: [cycleID])
    return try ids.compactMap { try DomainRows.fetchAction(db, id: $0) }
  }

  private func objectiveValues(_ o: Objective) -> [String: String?] {
    [
      "parent": o.parentID, "title": o.title, "kind": o.kind.rawValue, "owner": o.owner,
      "weight": AuditValue.text(o.weight), "themes": o.themeIDs.joined(separator: ","),
    ]
  }

  private func keyResultValues(_ row: Row) -> [String: String?] {
    [
      "objective": row["objective_id"], "title": row["title"], "kind": row["kind"], "owner": row["owner"],
      "weight": AuditValue.text(row["weight"] as Double?), "unit": row["unit"],
      "start": AuditValue.text(row["start_value"] as Double?),
      "target": AuditValue.text(row["target_value"] as Double?),
      "current_value": AuditValue.text(row["current_value"] as Double?),
      "done": AuditValue.text(row["done"] as Bool?),
      "theme": row["theme_id"], "audience": row["audience"], "baseline_wave": row["baseline_wave"],
      "confidence": AuditValue.text(row["confidence"] as Int?),
    ]
  }

  private func actionValues(_ a: Action) -> [String: String?] {
    [
      "objective": a.objectiveID, "key_result": a.keyResultID, "title": a.title, "owner": a.owner,
      "status": a.status.rawValue, "progress": AuditValue.text(a.progress), "start": a.start?.description,
      "due": a.due?.description, "themes": a.themeIDs.joined(separator: ","),
      "confidence": AuditValue.text(a.confidence), "communicated": a.communicated?.auditText,
    ]
  }

  /// Fields whose values differ, in a stable order; empty for a new item.
  private func diff(_ old: [String: String?]?, _ new: [String: String?]) -> [(String, String?, String?)] {
    guard let old else { return [] }
    return new.keys.sorted().compactMap { key in
      let o = old[key] ?? nil
      let n = new[key] ?? nil
      return o == n ? nil : (key, o, n)
    }
  }
}
