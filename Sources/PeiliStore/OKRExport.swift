import GRDB
import PeiliCore
import PeiliText

extension Workspace {
  /// One cycle's OKRs (default: the current cycle, the latest by start date) as an OKR YAML file
  /// in the import format (docs/okr-format.md), with the current progress, status, confidence,
  /// metric values and theme links, so that `importOKRs(file:by:update: true)` of the unedited
  /// text changes nothing. The text depends only on the workspace's content: items in their
  /// stored order, fields in a fixed order, text quoted only where YAML needs it and stripped
  /// of control characters.
  public func exportOKRs(cycle: String? = nil) throws -> String {
    try writer.read { db in
      let row: Row?
      if let cycle {
        row = try Row.fetchOne(db, sql: "SELECT * FROM cycle WHERE id = ?", arguments: [cycle])
      } else {
        row = try Row.fetchOne(db, sql: "SELECT * FROM cycle ORDER BY start_date DESC, id DESC LIMIT 1")
      }
      guard let row else {
        let known = try String.fetchAll(db, sql: "SELECT id FROM cycle ORDER BY start_date, id")
        if known.isEmpty {
          throw StoreError.invalid(
            "the workspace has no OKR cycle yet; expected one imported with `peili import okrs FILE.yaml`")
        }
        throw StoreError.invalid(
          "no cycle `\((cycle ?? "").sanitizedForTerminal)` in the workspace; expected one of "
            + known.joined(separator: ", "))
      }
      return try OKRExport(cycle: try DomainRows.cycle(row), db: db).text()
    }
  }
}

/// Reads one cycle's OKRs and writes them as OKR YAML.
private struct OKRExport {
  let cycle: Cycle
  let objectives: [Objective]
  /// Key result rows by objective id, in order.
  let keyResults: [String: [Row]]
  let actions: [String: [Action]]
  /// (id, name) of every theme the OKRs link, in the workspace's theme order.
  let themes: [(String, String)]

  init(cycle: Cycle, db: Database) throws {
    self.cycle = cycle
    let objectiveThemes = try Self.links(
      db,
      sql: """
        SELECT ot.objective_id, ot.theme_id FROM objective_theme ot JOIN objective o ON o.id = ot.objective_id
        WHERE o.cycle_id = ? ORDER BY ot.objective_id, ot.position, ot.theme_id
        """, cycleID: cycle.id)
    objectives = try Row.fetchAll(
      db, sql: "SELECT * FROM objective WHERE cycle_id = ? ORDER BY position, id", arguments: [cycle.id]
    ).map { try DomainRows.objective($0, themeIDs: objectiveThemes[$0["id"]] ?? []) }
    var keyResults: [String: [Row]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT k.* FROM key_result k JOIN objective o ON o.id = k.objective_id
        WHERE o.cycle_id = ? ORDER BY k.position, k.id
        """, arguments: [cycle.id])
    {
      keyResults[row["objective_id"], default: []].append(row)
    }
    self.keyResults = keyResults
    let actionThemes = try Self.links(
      db,
      sql: """
        SELECT at.action_id, at.theme_id FROM action_theme at
        JOIN action a ON a.id = at.action_id JOIN objective o ON o.id = a.objective_id
        WHERE o.cycle_id = ? ORDER BY at.action_id, at.position, at.theme_id
        """, cycleID: cycle.id)
    var actions: [String: [Action]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT a.* FROM action a JOIN objective o ON o.id = a.objective_id
        WHERE o.cycle_id = ? ORDER BY a.position, a.id
        """, arguments: [cycle.id])
    {
      let action = try DomainRows.action(row, themeIDs: actionThemes[row["id"]] ?? [])
      actions[action.objectiveID, default: []].append(action)
    }
    self.actions = actions
    let linked = Set(
      objectives.flatMap(\.themeIDs) + actions.values.joined().flatMap(\.themeIDs)
        + keyResults.values.joined().compactMap { $0["theme_id"] as String? })
    themes = try Row.fetchAll(db, sql: "SELECT id, name FROM theme ORDER BY position, id").compactMap {
      let id: String = $0["id"]
      return linked.contains(id) ? (id, $0["name"]) : nil
    }
  }

  private static func links(_ db: Database, sql: String, cycleID: String) throws -> [String: [String]] {
    var result: [String: [String]] = [:]
    for row in try Row.fetchAll(db, sql: sql, arguments: [cycleID]) {
      result[row[0], default: []].append(row[1])
    }
    return result
  }

  func text() throws -> String {
    var out = """
      # OKRs exported by peili (format: docs/okr-format.md).
      # Edit, then apply with: peili import okrs FILE.yaml --update   (--prune also removes left-out items)

      """
    out +=
      "cycle: {id: \(flow(cycle.id)), name: \(flow(cycle.name)), start: \(cycle.start), end: \(cycle.end)}\n"
    if !themes.isEmpty {
      out += "themes:\n"
      for (id, name) in themes { out += "  - {id: \(flow(id)), name: \(flow(name))}\n" }
    }
    if objectives.isEmpty { return out + "objectives: []\n" }
    out += "objectives:\n"
    for o in objectives {
      var fields: [(String, String)] = [
        ("id", plain(o.id)), ("title", plain(o.title)), ("kind", o.kind.rawValue),
      ]
      if let owner = o.owner { fields.append(("owner", plain(owner))) }
      if let parent = o.parentID { fields.append(("parent", plain(parent))) }
      if o.weight != 1 { fields.append(("weight", YAMLScalar.number(o.weight))) }
      if !o.themeIDs.isEmpty { fields.append(("themes", list(o.themeIDs))) }
      out += item(fields, indent: 2)
      if let rows = keyResults[o.id], !rows.isEmpty {
        out += "    key_results:\n"
        for row in rows { out += item(try keyResultFields(row), indent: 6) }
      }
      if let list = actions[o.id], !list.isEmpty {
        out += "    actions:\n"
        for a in list { out += item(actionFields(a), indent: 6) }
      }
    }
    return out
  }

  private func keyResultFields(_ row: Row) throws -> [(String, String)] {
    let k = try DomainRows.keyResult(row)
    var fields: [(String, String)] = [
      ("id", plain(k.id)), ("title", plain(k.title)), ("kind", k.measure.kindName),
    ]
    if let owner = k.owner { fields.append(("owner", plain(owner))) }
    if k.weight != 1 { fields.append(("weight", YAMLScalar.number(k.weight))) }
    if let confidence = k.confidence { fields.append(("confidence", String(confidence))) }
    switch k.measure {
    case .metric(let start, let target, let current, let unit):
      fields += [
        ("start", YAMLScalar.number(start)), ("target", YAMLScalar.number(target)),
        ("current", YAMLScalar.number(current)),
      ]
      if !unit.isEmpty { fields.append(("unit", plain(unit))) }
    case .milestone(let done):
      fields.append(("done", done ? "true" : "false"))
    case .perception(let theme, let audience, let baselineWave, let target):
      fields += [("theme", plain(theme)), ("audience", audience.rawValue)]
      if let baselineWave { fields.append(("baseline_wave", plain(baselineWave))) }
      fields.append(("target", YAMLScalar.number(target)))
    }
    return fields
  }

  private func actionFields(_ a: Action) -> [(String, String)] {
    // Every action sits under its objective, naming its key result, so that the stored order of
    // the objective's actions is the file's order (the parser numbers them in file order).
    var fields: [(String, String)] = [("id", plain(a.id)), ("title", plain(a.title))]
    if let owner = a.owner { fields.append(("owner", plain(owner))) }
    if let kr = a.keyResultID { fields.append(("key_result", plain(kr))) }
    fields += [("status", a.status.rawValue), ("progress", String(a.progress))]
    if let confidence = a.confidence { fields.append(("confidence", String(confidence))) }
    if let start = a.start { fields.append(("start", start.description)) }
    if let due = a.due { fields.append(("due", due.description)) }
    if !a.themeIDs.isEmpty { fields.append(("themes", list(a.themeIDs))) }
    if let c = a.communicated {
      fields.append(("communicated", "{on: \(c.on), channel: \(flow(c.channel))}"))
    }
    return fields
  }

  /// A block mapping as a list item: `- key: value` then `  key: value` lines.
  private func item(_ fields: [(String, String)], indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    return fields.enumerated().map { i, field in
      "\(pad)\(i == 0 ? "- " : "  ")\(field.0): \(field.1)\n"
    }.joined()
  }

  private func plain(_ text: String) -> String { YAMLScalar.text(text) }
  private func flow(_ text: String) -> String { YAMLScalar.text(text, inFlow: true) }
  private func list(_ ids: [String]) -> String { "[" + ids.map(flow).joined(separator: ", ") + "]" }
}
