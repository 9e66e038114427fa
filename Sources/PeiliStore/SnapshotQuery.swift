import Dispatch
import GRDB
import PeiliCore

extension Workspace {
  /// Everything the screens read, as of one moment: the current cycle (the latest by start
  /// date) with its objectives, key results and actions, all themes, questions and waves,
  /// and the cached scores.
  public func snapshot() throws -> Snapshot {
    // The actions are most of a large workspace's read (the first frame waits for it), so
    // on a pool they are read on a second connection meanwhile. Two read transactions saw
    // the same content when they saw the same newest audit row (every content write leaves
    // one); when a write came between them, the read is repeated.
    if writer is DatabasePool {
      for _ in 0..<3 {
        if let snapshot = try concurrentSnapshot() { return snapshot }
      }
    }
    return try writer.read { db in try serialSnapshot(db) }
  }

  /// The snapshot with its actions read concurrently; nil when a write came in between.
  private func concurrentSnapshot() throws -> Snapshot? {
    try writer.read { db in
      let audit = try SnapshotQuery.lastAudit(db)
      let cycle = try SnapshotQuery.latestCycle(db)
      let objectives = try cycle.map { try SnapshotQuery.objectives(db, cycleID: $0.id) } ?? []
      let positions = SnapshotQuery.positions(objectives)
      let actions = ConcurrentRead<(audit: Int, actions: [Action])>()
      let group = DispatchGroup()
      if let cycle {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [writer] in
          actions.result = Result {
            try writer.read { db in
              (
                try SnapshotQuery.lastAudit(db),
                try SnapshotQuery.actions(db, cycleID: cycle.id, positions, themes: [:])
              )
            }
          }
        }
      }
      var snapshot = try read(db, cycle: cycle, objectives: objectives, positions: positions)
      // The theme links here meanwhile: reading the actions is the longer half.
      let themes = cycle == nil ? [:] : try SnapshotQuery.actionThemes(db)
      group.wait()
      if let result = actions.result {
        let (seen, list) = try result.get()
        guard seen == audit else { return nil }
        snapshot.actions = list
        for i in snapshot.actions.indices {
          if let ids = themes[snapshot.actions[i].id] { snapshot.actions[i].themeIDs = ids }
        }
      }
      return snapshot
    }
  }

  /// The whole snapshot in `db`'s one transaction.
  private func serialSnapshot(_ db: Database) throws -> Snapshot {
    let cycle = try SnapshotQuery.latestCycle(db)
    let objectives = try cycle.map { try SnapshotQuery.objectives(db, cycleID: $0.id) } ?? []
    let positions = SnapshotQuery.positions(objectives)
    var snapshot = try read(db, cycle: cycle, objectives: objectives, positions: positions)
    if let cycle { snapshot.actions = try SnapshotQuery.actions(db, cycleID: cycle.id, positions) }
    return snapshot
  }

  /// Everything but the actions, in `db`'s transaction.
  private func read(_ db: Database, cycle: Cycle?, objectives: [Objective], positions: [String: Int]) throws
    -> Snapshot
  {
    var snapshot = Snapshot(workspacePath: path, isReadOnly: isReadOnly)
    if let cycle {
      snapshot.cycle = cycle
      snapshot.objectives = objectives
      snapshot.keyResults = try SnapshotQuery.keyResults(db, cycleID: cycle.id, positions)
    }
    try SnapshotQuery.loadSurvey(db, into: &snapshot)
    return snapshot
  }
}

/// The result of a read on another thread, handed over by `DispatchGroup.wait` (which
/// orders the write before the read).
private final class ConcurrentRead<Value>: @unchecked Sendable {
  var result: Result<Value, any Error>?
}

/// The queries behind `snapshot()`. It runs on the dashboard's first frame and on every
/// external change, so each reads named columns by index through cached statements and a
/// cursor (no intermediate row arrays), and the large tables (actions, their themes, key
/// results) are read without joins or SQL sorts, which cost more than reading the rows: they
/// are filtered to the cycle in SQL and put in the documented order here.
enum SnapshotQuery {
  /// The newest audit row's id (0 without any): what two read transactions compare.
  static func lastAudit(_ db: Database) throws -> Int {
    try Int.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM audit")) ?? 0
  }

  static func positions(_ objectives: [Objective]) -> [String: Int] {
    var positions = [String: Int](minimumCapacity: objectives.count)
    for o in objectives { positions[o.id] = o.position }
    return positions
  }

  static func latestCycle(_ db: Database) throws -> Cycle? {
    let statement = try db.cachedStatement(
      sql: "SELECT \(DomainRows.cycleColumns) FROM cycle ORDER BY start_date DESC, id DESC LIMIT 1")
    return try ColumnReader.firstRow(statement, DomainRows.cycle(at:))
  }

  static func objectives(_ db: Database, cycleID: String) throws -> [Objective] {
    let themes = try links(
      db,
      sql: """
        SELECT ot.objective_id, ot.theme_id FROM objective_theme ot
        JOIN objective o ON o.id = ot.objective_id WHERE o.cycle_id = ?
        ORDER BY ot.objective_id, ot.position, ot.theme_id
        """, cycleID: cycleID)
    let statement = try db.cachedStatement(
      sql: "SELECT \(DomainRows.objectiveColumns) FROM objective WHERE cycle_id = ? ORDER BY position, id")
    var result: [Objective] = []
    try ColumnReader.forEachRow(statement, arguments: [cycleID]) { row in
      result.append(try DomainRows.objective(at: row, themes: themes))
    }
    return result
  }

  /// The cycle's key results in `ORDER BY objective position, position, id` order. Filtered
  /// by objective rather than joined and sorted in SQL: the join looks up the objective of
  /// every row and the sorter copies every row, which cost more than reading the rows.
  static func keyResults(_ db: Database, cycleID: String, _ objectivePositions: [String: Int]) throws
    -> [KeyResult]
  {
    let statement = try db.cachedStatement(
      sql: """
        SELECT \(DomainRows.keyResultColumns()) FROM key_result
        WHERE objective_id IN (SELECT id FROM objective WHERE cycle_id = ?)
        """)
    return try inTreeOrder(statement, cycleID: cycleID, objectivePositions) { row in
      let keyResult = try DomainRows.keyResult(at: row)
      return (keyResult, keyResult.objectiveID, keyResult.position, keyResult.id)
    }
  }

  /// The cycle's actions in the same order as key results, with their theme links from
  /// `themes` (read here when nil).
  static func actions(
    _ db: Database, cycleID: String, _ objectivePositions: [String: Int],
    themes links: [String: [String]]? = nil
  ) throws -> [Action] {
    var themes = try links ?? actionThemes(db)
    let statement = try db.cachedStatement(
      sql: """
        SELECT \(DomainRows.actionColumns()) FROM action
        WHERE objective_id IN (SELECT id FROM objective WHERE cycle_id = ?)
        """)
    return try inTreeOrder(statement, cycleID: cycleID, objectivePositions) { row in
      let id = row.text(0)
      let action = try DomainRows.action(at: row, id: id, themeIDs: themes.removeValue(forKey: id) ?? [])
      return (action, action.objectiveID, action.position, id)
    }
  }

  /// The rows of `statement` decoded and put in `ORDER BY objective position, position, id`
  /// order (ids compared as SQLite compares text).
  private static func inTreeOrder<T>(
    _ statement: Statement, cycleID: String, _ objectivePositions: [String: Int],
    decode: (ColumnReader) throws -> (item: T, objectiveID: String, position: Int, id: String)
  ) throws -> [T] {
    var positions = ObjectivePositions(objectivePositions)
    var result: [T?] = []
    var ids: [String] = []
    var keys: [(Int, Int)] = []
    // A loop rather than `forEachRow`: captured variables cost an access check per use.
    let rows = try Row.fetchCursor(statement, arguments: [cycleID])
    let row = ColumnReader(statement)
    while try rows.next() != nil {
      let (item, objectiveID, position, id) = try decode(row)
      keys.append((positions.of(objectiveID), position))
      ids.append(id)
      result.append(item)
    }
    // Moved into place, not copied: copying thousands of actions showed in the profile.
    return treeOrder(keys) { ids[$0] }.map { result[$0].take()! }
  }

  /// Every action's theme ids in `ORDER BY position, theme_id` order, by action id. All
  /// cycles' (the snapshot takes out its own): a plain scan and grouping here cost a tenth of
  /// joining to the cycle and sorting in SQL (10 ms at 7,500 links).
  static func actionThemes(_ db: Database) throws -> [String: [String]] {
    var runs = ThemeRuns()
    // Sized up front: growing it rehashes every key at each doubling.
    runs.result.reserveCapacity(
      try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM action_theme")) ?? 0)
    let statement = try db.cachedStatement(sql: "SELECT action_id, position, theme_id FROM action_theme")
    let rows = try Row.fetchCursor(statement)
    let row = ColumnReader(statement)
    while try rows.next() != nil { runs.add(action: row.text(0), position: row.int(1), theme: row.text(2)) }
    runs.endRun()
    var result = runs.result
    let ordered = try db.cachedStatement(
      sql: "SELECT theme_id FROM action_theme WHERE action_id = ? ORDER BY position, theme_id")
    for id in runs.scattered { result[id] = try String.fetchAll(ordered, arguments: [id]) }
    return result
  }

  /// Groups action_theme rows by action. An action's links usually come one after another
  /// (an import writes them so) and in order: one run per action, one hash per run. An action
  /// met in two runs is listed in `scattered` for the caller to read again.
  private struct ThemeRuns {
    var result: [String: [String]] = [:]
    var scattered: [String] = []
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
          ? positions[$0 - 1] < positions[$0] : binaryPrecedes(ids[$0 - 1], ids[$0])
      }) {
        ids = zip(positions, ids).sorted { a, b in a.0 != b.0 ? a.0 < b.0 : binaryPrecedes(a.1, b.1) }.map(
          \.1)
      }
      if result.updateValue(ids, forKey: id) != nil { scattered.append(id) }
      runID = nil
      ids = []
      positions.removeAll(keepingCapacity: true)
    }
  }

  /// The order SQL `ORDER BY o.position, x.position, x.id` gives rows of the cycle's
  /// objectives with these keys (objective position, position) and ids, as their indices.
  private static func treeOrder(_ keys: [(Int, Int)], id: (Int) -> String) -> [Int] {
    keys.indices.sorted { i, j in
      if keys[i] != keys[j] { return keys[i] < keys[j] }
      // The same objective position and position (rare): the id decides, as in SQL.
      return binaryPrecedes(id(i), id(j))
    }
  }

  /// Objective positions by id, remembering the last one asked: the rows of one objective
  /// usually come one after another, and a string comparison is cheaper than a hash.
  private struct ObjectivePositions {
    let byID: [String: Int]
    var last: (id: String, position: Int)?
    init(_ byID: [String: Int]) { self.byID = byID }

    /// The position of objective `id`, which is in the cycle (the queries filter on it).
    mutating func of(_ id: String) -> Int {
      if let last, last.id == id { return last.position }
      let position = byID[id] ?? 0
      last = (id, position)
      return position
    }
  }

  /// SQLite's BINARY collation: UTF-8 bytes compared with memcmp, a prefix first. (Swift's
  /// `<` on String compares Unicode-normalised text, which may order differently.)
  static func binaryPrecedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// (owner id, theme id) rows grouped by owner, in the query's order.
  private static func links(_ db: Database, sql: String, cycleID: String) throws -> [String: [String]] {
    var result: [String: [String]] = [:]
    try ColumnReader.forEachRow(db.cachedStatement(sql: sql), arguments: [cycleID]) { row in
      result[row.text(0), default: []].append(row.text(1))
    }
    return result
  }

  static func loadSurvey(_ db: Database, into snapshot: inout Snapshot) throws {
    var themes: [Theme] = []
    try ColumnReader.forEachRow(
      db.cachedStatement(sql: "SELECT id, name, position FROM theme ORDER BY position, id")
    ) {
      themes.append(Theme(id: $0.text(0), name: $0.text(1), position: $0.int(2)))
    }
    snapshot.themes = themes

    var questions: [Question] = []
    let questionStatement = try db.cachedStatement(
      sql: """
        SELECT id, text, theme_id, scale_min, scale_max, nps, outcome, position FROM question
        ORDER BY position, id
        """)
    try ColumnReader.forEachRow(questionStatement) { row in
      questions.append(
        Question(
          id: row.text(0), text: row.text(1), themeID: row.text(2),
          scale: Scale(min: row.int(3), max: row.int(4)),
          isNPS: row.bool(5), isOutcome: row.bool(6), position: row.int(7)))
    }
    snapshot.questions = questions

    var waves: [Wave] = []
    try ColumnReader.forEachRow(db.cachedStatement(sql: "SELECT id, date FROM wave ORDER BY date, id")) {
      row in
      // A wave whose date does not parse is left out, as before.
      if let date = DomainRows.parseDay(row.text(1)) { waves.append(Wave(id: row.text(0), date: date)) }
    }
    snapshot.waves = waves
    snapshot.scores = try ScoreCache.load(db)
  }
}
