import GRDB

/// Keeps a cycle's stored order dense: 0, 1, 2… among objectives, and among the key results
/// and the actions of each objective, in the order the tree shows (position, then id).
/// Items kept by an update or carried over by a new cycle keep positions that can tie with
/// the file's; the tree's order is the same either way, but an export → import would then
/// renumber them, and that round trip must be a true no-op.
enum TreePositions {
  /// Added to a position to place an item after any a file can give, before `normalize`.
  static let afterAny = 1 << 40

  static func normalize(_ db: Database, cycleID: String) throws {
    try renumber(
      db, table: "objective",
      sql: "SELECT id, position, '' AS parent FROM objective WHERE cycle_id = ?", cycleID)
    try renumber(
      db, table: "key_result",
      sql: """
        SELECT k.id, k.position, k.objective_id AS parent FROM key_result k
        JOIN objective o ON o.id = k.objective_id WHERE o.cycle_id = ?
        """, cycleID)
    try renumber(
      db, table: "action",
      sql: """
        SELECT a.id, a.position, a.objective_id AS parent FROM action a
        JOIN objective o ON o.id = a.objective_id WHERE o.cycle_id = ?
        """, cycleID)
  }

  private static func renumber(_ db: Database, table: String, sql: String, _ cycleID: String) throws {
    let rows = try Row.fetchAll(db, sql: sql, arguments: [cycleID]).map {
      (id: $0["id"] as String, position: $0["position"] as Int, parent: $0["parent"] as String)
    }
    for siblings in Dictionary(grouping: rows, by: \.parent).values {
      let ordered = siblings.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
      for (place, item) in ordered.enumerated() where item.position != place {
        try db.execute(sql: "UPDATE \(table) SET position = ? WHERE id = ?", arguments: [place, item.id])
      }
    }
  }
}
