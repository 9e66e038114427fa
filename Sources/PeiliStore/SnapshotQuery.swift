import Dispatch
import GRDB
import PeiliCore

extension Workspace {
  /// Everything the screens read, as of one moment: the current cycle (the latest by start
  /// date) with its objectives, key results and actions, all themes, questions and waves,
  /// and the cached scores.
  public func snapshot() throws -> Snapshot {
    try snapshot(meanwhile: { _ in }).snapshot
  }

  public func select(cycle: CycleChoice) { cycleChoice.withLock { $0 = cycle } }

  /// Every cycle, oldest first.
  public func cycles() throws -> [Cycle] {
    do {
      return try writer.read { db in try SnapshotQuery.cycles(db) }
    } catch {
      throw StoreFailure.explain(error, path: path, doing: .reading)
    }
  }

  public func snapshot<T>(meanwhile: (Snapshot) throws -> T) throws -> (snapshot: Snapshot, meanwhile: T) {
    // The actions are most of a large workspace's read (the first frame waits for it), so
    // on a pool they are read on a second connection meanwhile. Two read transactions saw
    // the same content when they saw the same newest audit row (every content write leaves
    // one); when a write came between them, the read is repeated.
    if writer is DatabasePool {
      for _ in 0..<3 {
        if let read = try concurrentSnapshot(meanwhile) { return read }
      }
    }
    return try writer.read { db in try serialSnapshot(db, meanwhile) }
  }

  /// The snapshot with its actions read concurrently; nil when a write came in between.
  private func concurrentSnapshot<T>(_ meanwhile: (Snapshot) throws -> T) throws -> (Snapshot, T)? {
    try writer.read { db in
      let audit = try SnapshotQuery.lastAudit(db)
      let cycles = try SnapshotQuery.cycles(db)
      let cycle = try SnapshotQuery.chosen(cycleChoice.withLock { $0 }, cycles)
      let objectives = try cycle.map { try SnapshotQuery.objectives(db, cycleID: $0.id) } ?? []
      let positions = SnapshotQuery.positions(objectives)
      let actions = ConcurrentRead<(audit: Int, actions: [Action])>()
      let group = DispatchGroup()
      if cycle != nil {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [writer] in
          actions.result = Result {
            try writer.read { db in
              (try SnapshotQuery.lastAudit(db), try SnapshotQuery.actions(db, positions))
            }
          }
        }
      }
      var snapshot = try read(db, cycles: cycles, cycle: cycle, objectives: objectives, positions: positions)
      snapshot.lastAuditID = Int64(audit)
      let answer = try meanwhile(snapshot)
      // The actions' theme links on this side: the two connections' halves then take about
      // as long (measured against reading them with the actions: BENCHMARKS.md).
      let links = cycle == nil ? nil : try ActionThemeLinks.read(db)
      group.wait()
      // Taken out of the box, and into one variable: the links go into that array in place
      // (with a second reference alive, the first write would copy all the actions).
      if var read = try actions.take()?.get(), let links {
        guard read.audit == audit else { return nil }
        try links.attach(to: &read.actions, db)
        snapshot.actions = read.actions
      }
      return (snapshot, answer)
    }
  }

  /// The whole snapshot in `db`'s one transaction.
  private func serialSnapshot<T>(_ db: Database, _ meanwhile: (Snapshot) throws -> T) throws -> (Snapshot, T)
  {
    let cycles = try SnapshotQuery.cycles(db)
    let cycle = try SnapshotQuery.chosen(cycleChoice.withLock { $0 }, cycles)
    let objectives = try cycle.map { try SnapshotQuery.objectives(db, cycleID: $0.id) } ?? []
    let positions = SnapshotQuery.positions(objectives)
    var snapshot = try read(db, cycles: cycles, cycle: cycle, objectives: objectives, positions: positions)
    snapshot.lastAuditID = Int64(try SnapshotQuery.lastAudit(db))
    let answer = try meanwhile(snapshot)
    if cycle != nil {
      snapshot.actions = try SnapshotQuery.actions(db, positions)
      try ActionThemeLinks.read(db).attach(to: &snapshot.actions, db)
    }
    return (snapshot, answer)
  }

  /// Everything but the actions, in `db`'s transaction.
  private func read(
    _ db: Database, cycles: [Cycle], cycle: Cycle?, objectives: [Objective], positions: [String: Int]
  ) throws -> Snapshot {
    let reason = readOnlyReason
    var snapshot = Snapshot(workspacePath: path, isReadOnly: reason != nil, readOnlyReason: reason)
    snapshot.cycles = cycles
    if let cycle, let previous = CycleChoice.previous(of: cycle, in: cycles) {
      snapshot.previousCycle = try SnapshotQuery.okrs(db, of: previous)
    }
    if let cycle {
      snapshot.cycle = cycle
      snapshot.objectives = objectives
      snapshot.keyResults = try SnapshotQuery.keyResults(db, positions)
      snapshot.lastActionCheckIns = try SnapshotQuery.lastCheckIns(db, subject: .action)
      snapshot.lastKeyResultCheckIns = try SnapshotQuery.lastCheckIns(db, subject: .keyResult)
    }
    try SnapshotQuery.loadSurvey(db, into: &snapshot)
    snapshot.review = try ReviewRows.fetch(db, id: nil)
    return snapshot
  }
}

/// The result of a read on another thread, handed over by `DispatchGroup.wait` (which
/// orders the write before the read).
private final class ConcurrentRead<Value>: @unchecked Sendable {
  var result: Result<Value, any Error>?

  /// The result, no longer held here: the array it brings is then referenced once, and
  /// writing into it (the theme links) does not copy it first.
  func take() -> Result<Value, any Error>? {
    defer { result = nil }
    return result
  }
}

/// The queries behind `snapshot()`. It runs on the dashboard's first frame and on every
/// external change, so each reads named columns by index through cached statements and a
/// cursor (no intermediate row arrays), and the large tables (actions, their themes, key
/// results) are read without joins or SQL sorts, which cost more than reading the rows: they
/// are filtered to the cycle in SQL and put in the documented order here.
enum SnapshotQuery {
  /// The newest audit row's id (0 without any): what two read transactions compare.
  /// The latest check-in of every subject of a kind: one grouped pass over the
  /// `checkin_subject` index (SQLite takes a bare column's value from the row of `max`).
  static func lastCheckIns(_ db: Database, subject: CheckIn.Subject) throws -> [String: CheckIn] {
    var out: [String: CheckIn] = [:]
    let rows = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT subject_id, max(at) AS at, author, value, progress, confidence, note FROM checkin
          WHERE subject = ? GROUP BY subject_id
          """), arguments: [subject.rawValue])
    while let row = try rows.next() {
      let id: String = row["subject_id"]
      out[id] = CheckIn(
        subject: subject, subjectID: id, at: row["at"], author: row["author"], value: row["value"],
        progress: row["progress"], confidence: row["confidence"], note: row["note"] ?? "")
    }
    return out
  }

  static func lastAudit(_ db: Database) throws -> Int {
    try Int.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM audit")) ?? 0
  }

  static func positions(_ objectives: [Objective]) -> [String: Int] {
    var positions = [String: Int](minimumCapacity: objectives.count)
    for o in objectives { positions[o.id] = o.position }
    return positions
  }

  /// Every cycle, oldest first.
  static func cycles(_ db: Database) throws -> [Cycle] {
    let statement = try db.cachedStatement(
      sql: "SELECT \(DomainRows.cycleColumns) FROM cycle ORDER BY start_date, id")
    var out: [Cycle] = []
    try ColumnReader.forEachRow(statement, arguments: []) { out.append(try DomainRows.cycle(at: $0)) }
    return out
  }

  /// The cycle `choice` picks; an id no cycle has is an error that lists the known ones.
  static func chosen(_ choice: CycleChoice, _ cycles: [Cycle]) throws -> Cycle? {
    if let cycle = choice.pick(cycles) { return cycle }
    if case .id(let id) = choice { throw StoreError.unknownCycle(id: id, known: cycles.map(\.id)) }
    return nil
  }

  /// One cycle's objectives, key results and actions with their theme links (the previous
  /// cycle's, for re-evaluation: read in full, it is one cycle).
  static func okrs(_ db: Database, of cycle: Cycle) throws -> CycleOKRs {
    let objectives = try objectives(db, cycleID: cycle.id)
    let positions = positions(objectives)
    var actions = try actions(db, positions)
    try ActionThemeLinks.read(db).attach(to: &actions, db)
    return CycleOKRs(
      cycle: cycle, objectives: objectives, keyResults: try keyResults(db, positions), actions: actions)
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

  /// The cycle's key results in `ORDER BY objective position, position, id` order. The whole
  /// table is read and rows of other cycles' objectives skipped here: neither a join nor an
  /// `IN (SELECT …)` filter in SQL, which look up the objective of every row (an index probe
  /// each, more than the rest of reading the row), nor a sort, which copies every row.
  static func keyResults(_ db: Database, _ objectivePositions: [String: Int]) throws -> [KeyResult] {
    let statement = try db.cachedStatement(sql: "SELECT \(DomainRows.keyResultColumns()) FROM key_result")
    let rows = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM key_result")) ?? 0
    return try inTreeOrder(statement, objectivePositions, capacity: rows) { row in
      let keyResult = try DomainRows.keyResult(at: row)
      return (keyResult, keyResult.position, keyResult.id)
    }
  }

  /// The cycle's actions in the same order as key results, read the same way, without their
  /// theme links (`ActionThemeLinks.attach` gives them).
  static func actions(_ db: Database, _ objectivePositions: [String: Int]) throws -> [Action] {
    let statement = try db.cachedStatement(sql: "SELECT \(DomainRows.actionColumns()) FROM action")
    let rows = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM action")) ?? 0
    return try inTreeOrder(statement, objectivePositions, capacity: rows) { row in
      let action = try DomainRows.action(at: row, themeIDs: [])
      return (action, action.position, action.id)
    }
  }

  /// The rows of `statement` (whose second column is the objective id) of the objectives in
  /// `objectivePositions`, decoded and put in `ORDER BY objective position, position, id`
  /// order (ids compared as SQLite compares text). `capacity`: the rows of the whole table,
  /// counted by SQLite from its pages: arrays grown by doubling instead copy themselves a
  /// dozen times into fresh pages, which showed as page faults.
  private static func inTreeOrder<T>(
    _ statement: Statement, _ objectivePositions: [String: Int], capacity: Int,
    decode: (ColumnReader) throws -> (item: T, position: Int, id: String)
  ) throws -> [T] {
    var positions = ObjectivePositions(objectivePositions)
    var result: [T] = []
    var ids: [String] = []
    var keys: [(Int, Int)] = []
    result.reserveCapacity(capacity)
    ids.reserveCapacity(capacity)
    keys.reserveCapacity(capacity)
    // A loop rather than `forEachRow`: captured variables cost an access check per use.
    let rows = try Row.fetchCursor(statement)
    let row = ColumnReader(statement)
    while try rows.next() != nil {
      // Another cycle's row is skipped before it is decoded.
      guard let objective = positions.of(row.text(1)) else { continue }
      let (item, position, id) = try decode(row)
      keys.append((objective, position))
      ids.append(id)
      result.append(item)
    }
    // Rows usually come in tree order already (an import writes them so): then the array
    // is the answer, and no second one is built.
    let inOrder = keys.indices.dropFirst().allSatisfy { i in
      keys[i - 1] != keys[i] ? keys[i - 1] < keys[i] : binaryPrecedes(ids[i - 1], ids[i])
    }
    if inOrder { return result }
    return treeOrder(keys) { ids[$0] }.map { result[$0] }
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

    /// The position of objective `id`; nil when it is not one of the cycle's.
    mutating func of(_ id: String) -> Int? {
      if let last, last.id == id { return last.position }
      guard let position = byID[id] else { return nil }
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
        SELECT id, text, theme_id, scale_min, scale_max, nps, outcome, position, favourable FROM question
        ORDER BY position, id
        """)
    try ColumnReader.forEachRow(questionStatement) { row in
      questions.append(
        Question(
          id: row.text(0), text: row.text(1), themeID: row.text(2),
          scale: Scale(min: row.int(3), max: row.int(4)),
          isNPS: row.bool(5), isOutcome: row.bool(6), position: row.int(7),
          favourable: row.optionalText(8).flatMap(FavourableRule.init(stored:))))
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
