import GRDB
import PeiliCore

extension Workspace {
  /// Everything the screens read, in one read transaction: the current cycle (the latest by
  /// start date) with its objectives, key results and actions, all themes, questions and waves,
  /// and the cached scores.
  public func snapshot() throws -> Snapshot {
    let path = self.path
    let isReadOnly = self.isReadOnly
    return try writer.read { db in
      var snapshot = Snapshot(workspacePath: path, isReadOnly: isReadOnly)
      guard
        let cycleRow = try Row.fetchOne(
          db, sql: "SELECT * FROM cycle ORDER BY start_date DESC, id DESC LIMIT 1")
      else {
        try Workspace.loadSurvey(db, into: &snapshot)
        return snapshot
      }
      let cycle = try DomainRows.cycle(cycleRow)
      snapshot.cycle = cycle

      let objectiveThemes = try Workspace.links(
        db,
        sql: """
          SELECT ot.objective_id, ot.theme_id FROM objective_theme ot
          JOIN objective o ON o.id = ot.objective_id WHERE o.cycle_id = ?
          ORDER BY ot.objective_id, ot.position, ot.theme_id
          """, cycleID: cycle.id)
      snapshot.objectives = try Row.fetchAll(
        db, sql: "SELECT * FROM objective WHERE cycle_id = ? ORDER BY position, id", arguments: [cycle.id]
      ).map { row in try DomainRows.objective(row, themeIDs: objectiveThemes[row["id"]] ?? []) }

      snapshot.keyResults = try Row.fetchAll(
        db,
        sql: """
          SELECT k.* FROM key_result k JOIN objective o ON o.id = k.objective_id
          WHERE o.cycle_id = ? ORDER BY o.position, k.position, k.id
          """, arguments: [cycle.id]
      ).map(DomainRows.keyResult)

      let actionThemes = try Workspace.links(
        db,
        sql: """
          SELECT at.action_id, at.theme_id FROM action_theme at
          JOIN action a ON a.id = at.action_id JOIN objective o ON o.id = a.objective_id
          WHERE o.cycle_id = ? ORDER BY at.action_id, at.position, at.theme_id
          """, cycleID: cycle.id)
      snapshot.actions = try Row.fetchAll(
        db,
        sql: """
          SELECT a.* FROM action a JOIN objective o ON o.id = a.objective_id
          WHERE o.cycle_id = ? ORDER BY o.position, a.position, a.id
          """, arguments: [cycle.id]
      ).map { row in try DomainRows.action(row, themeIDs: actionThemes[row["id"]] ?? []) }

      try Workspace.loadSurvey(db, into: &snapshot)
      return snapshot
    }
  }

  private static func links(_ db: Database, sql: String, cycleID: String) throws -> [String: [String]] {
    var result: [String: [String]] = [:]
    let rows = try Row.fetchCursor(db, sql: sql, arguments: [cycleID])
    while let row = try rows.next() {
      result[row[0], default: []].append(row[1])
    }
    return result
  }

  private static func loadSurvey(_ db: Database, into snapshot: inout Snapshot) throws {
    snapshot.themes = try Row.fetchAll(db, sql: "SELECT id, name, position FROM theme ORDER BY position, id")
      .map { Theme(id: $0["id"], name: $0["name"], position: $0["position"]) }
    snapshot.questions = try Row.fetchAll(db, sql: "SELECT * FROM question ORDER BY position, id").map {
      row in
      Question(
        id: row["id"], text: row["text"], themeID: row["theme_id"],
        scale: Scale(min: row["scale_min"], max: row["scale_max"]), isNPS: row["nps"],
        isOutcome: row["outcome"],
        position: row["position"])
    }
    snapshot.waves = try Row.fetchAll(db, sql: "SELECT id, date FROM wave ORDER BY date, id").compactMap {
      row in
      let date: String = row["date"]
      return Day(date).map { Wave(id: row["id"], date: $0) }
    }
    snapshot.scores = try ScoreCache.load(db)
  }
}
