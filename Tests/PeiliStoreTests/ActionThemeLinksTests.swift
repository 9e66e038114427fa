import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

/// `ActionThemeLinks` hands links out in step when the table holds them in the actions'
/// order, and by id otherwise; both must give every action exactly its links in
/// `ORDER BY position, theme_id` order (the reference below asks SQL for each action).
@Suite("Action theme links")
struct ActionThemeLinksTests {
  private func database(_ rows: [(String, String, Int)]) throws -> DatabaseQueue {
    let db = try DatabaseQueue()
    try db.write { db in
      try db.execute(
        sql:
          "CREATE TABLE action_theme (action_id TEXT NOT NULL, theme_id TEXT NOT NULL, position INTEGER NOT NULL)"
      )
      for (action, theme, position) in rows {
        try db.execute(
          sql: "INSERT INTO action_theme (action_id, theme_id, position) VALUES (?, ?, ?)",
          arguments: [action, theme, position])
      }
    }
    return db
  }

  private func actions(_ ids: [String]) -> [Action] {
    // Stale links on purpose: attach must replace them, also with none.
    ids.map { Action(id: $0, objectiveID: "O1", title: $0, themeIDs: ["stale"]) }
  }

  /// What each action's links are by a plain query per action.
  private func reference(_ db: DatabaseQueue, _ ids: [String]) throws -> [[String]] {
    try db.read { db in
      try ids.map { id in
        try String.fetchAll(
          db, sql: "SELECT theme_id FROM action_theme WHERE action_id = ? ORDER BY position, theme_id",
          arguments: [id])
      }
    }
  }

  private func attach(_ db: DatabaseQueue, _ ids: [String]) throws -> (links: [[String]], inStep: Bool) {
    var list = actions(ids)
    let inStep = try db.read { db in try ActionThemeLinks.read(db).attach(to: &list, db) }
    return (list.map(\.themeIDs), inStep)
  }

  @Test func linksInTheActionsOrderAreHandedOutInStep() throws {
    // A2 has no links; A3's are out of order within its run; ids compare as bytes.
    let db = try database([
      ("A1", "service", 0), ("A1", "communication", 1), ("A3", "pricing", 1), ("A3", "app", 0),
      ("A3", "B", 1), ("A4", "service", 0),
    ])
    let ids = ["A1", "A2", "A3", "A4", "A5"]
    let (links, inStep) = try attach(db, ids)
    #expect(inStep)
    #expect(links == (try reference(db, ids)))
    #expect(links[2] == ["app", "B", "pricing"])
  }

  @Test func anythingElseIsHandedOutByID() throws {
    let cases: [(rows: [(String, String, Int)], ids: [String])] = [
      // Another cycle's action among them.
      ([("A1", "service", 0), ("OLD", "app", 0), ("A2", "pricing", 0)], ["A1", "A2"]),
      // An action's links in two runs.
      ([("A1", "service", 1), ("A2", "pricing", 0), ("A1", "app", 0)], ["A1", "A2"]),
      // The actions in another order than their links.
      ([("A1", "service", 0), ("A2", "pricing", 0), ("A3", "app", 0)], ["A3", "A1", "A2"]),
      // Links of no action asked for at the end.
      ([("A1", "service", 0), ("ZZ", "app", 0)], ["A1"]),
    ]
    for c in cases {
      let db = try database(c.rows)
      let (links, inStep) = try attach(db, c.ids)
      #expect(!inStep, "\(c.rows)")
      #expect(links == (try reference(db, c.ids)), "\(c.rows)")
    }
  }

  @Test func noLinksAtAllLeavesEveryActionWithout() throws {
    let db = try database([])
    let (links, inStep) = try attach(db, ["A1", "A2"])
    #expect(inStep && links == [[], []])
  }
}
