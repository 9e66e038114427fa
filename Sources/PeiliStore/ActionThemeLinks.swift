import GRDB
import PeiliCore

/// Every action's theme links (`ORDER BY position, theme_id` per action), from one scan of
/// `action_theme` without joins or SQL sorts: read on one connection while another reads the
/// actions, then attached to them.
struct ActionThemeLinks {
  /// The table's rows grouped into runs of one action, each run in link order.
  private let runs: [(action: String, themes: [String])]

  /// Scans the table in `db`'s transaction.
  static func read(_ db: Database) throws -> ActionThemeLinks {
    var runs = Runs()
    // Sized up front: growing it copies every run at each doubling.
    runs.list.reserveCapacity(
      try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM action_theme")) ?? 0)
    let statement = try db.cachedStatement(sql: "SELECT action_id, position, theme_id FROM action_theme")
    let rows = try Row.fetchCursor(statement)
    let row = ColumnReader(statement)
    while try rows.next() != nil { runs.add(action: row.text(0), position: row.int(1), theme: row.text(2)) }
    runs.endRun()
    return ActionThemeLinks(runs: runs.list)
  }

  /// Sets every action's `themeIDs` (empty without links); `db` is the transaction the links
  /// were read in. The table usually holds each action's links one after another and in the
  /// actions' own order (an import writes them so): then they are handed out in step,
  /// without hashing an id. Otherwise (links of another cycle's actions, an action's links
  /// written at different times, actions in another order) they are handed out by id.
  /// True when they were handed out in step.
  @discardableResult
  func attach(to actions: inout [Action], _ db: Database) throws -> Bool {
    var next = 0
    for i in actions.indices {
      if next < runs.count && runs[next].action == actions[i].id {
        actions[i].themeIDs = runs[next].themes
        next += 1
      } else {
        actions[i].themeIDs = []
      }
    }
    // Every run went, in order, to an action of its id: as ids are unique, no action had two
    // runs and the actions passed over have no links.
    if next == runs.count { return true }

    var byAction = [String: [String]](minimumCapacity: runs.count)
    var scattered: [String] = []
    for run in runs where byAction.updateValue(run.themes, forKey: run.action) != nil {
      scattered.append(run.action)
    }
    // An action met in two runs is read again, in order.
    let ordered = try db.cachedStatement(
      sql: "SELECT theme_id FROM action_theme WHERE action_id = ? ORDER BY position, theme_id")
    for id in scattered { byAction[id] = try String.fetchAll(ordered, arguments: [id]) }
    for i in actions.indices { actions[i].themeIDs = byAction[actions[i].id] ?? [] }
    return false
  }

  /// Consecutive rows of one action, sorted by (position, theme id) when they are not in
  /// that order already.
  private struct Runs {
    var list: [(action: String, themes: [String])] = []
    private var runID: String?
    private var ids: [String] = []
    private var positions: [Int] = []

    mutating func add(action: String, position: Int, theme: String) {
      if action != runID {
        endRun()
        runID = action
      }
      positions.append(position)
      ids.append(theme)
    }

    mutating func endRun() {
      guard let id = runID else { return }
      if !positions.indices.dropFirst().allSatisfy({
        positions[$0 - 1] != positions[$0]
          ? positions[$0 - 1] < positions[$0] : SnapshotQuery.binaryPrecedes(ids[$0 - 1], ids[$0])
      }) {
        ids = zip(positions, ids).sorted { a, b in
          a.0 != b.0 ? a.0 < b.0 : SnapshotQuery.binaryPrecedes(a.1, b.1)
        }.map(\.1)
      }
      list.append((id, ids))
      runID = nil
      ids = []
      positions.removeAll(keepingCapacity: true)
    }
  }
}
