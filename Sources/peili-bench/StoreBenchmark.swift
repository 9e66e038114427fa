import Foundation
import GRDB
import GRDBSQLite
import PeiliCore
import PeiliStore

/// `peili-bench store [--workspace PATH] [--dir DIR]`: the store's hot paths on one workspace
/// (open, `snapshot()`, an action edit), each repeated for a median and p99, plus what the
/// edit's commit alone costs. Writes go to a copy of the workspace, never to the original.
enum StoreBenchmark {
  static let opens = 30
  static let snapshots = 30
  static let edits = 500

  static func run(_ args: BenchArguments) throws {
    let dir = try args.workingDirectory()
    let source: String
    if let workspace = args.workspace {
      source = workspace
    } else {
      source = dir.appendingPathComponent("store-demo.db").path
      removeWorkspace(source)
      print("building the demo workspace at \(source)")
      _ = try DemoWorkspace.build(at: source, by: "bench")
    }
    let copy = dir.appendingPathComponent("store-bench.db").path
    try copyWorkspace(source, to: copy)
    defer { if !args.keep { removeWorkspace(copy) } }

    let first = try Workspace.open(path: copy).snapshot()
    print(
      "workspace \(source) (measured on the copy \(copy)): \(first.objectives.count) objectives, "
        + "\(first.keyResults.count) key results, \(first.actions.count) actions, "
        + "\(first.scores.count) cached scores")

    var openTimes: [Double] = []
    for _ in 0..<opens {
      let (_, t) = try Measurement.time { try Workspace.open(path: copy) }
      openTimes.append(t)
    }
    report("open(path:)", openTimes)
    try openPhases(copy)

    // The dashboard's start: a fresh workspace (cold connections, no cached statements).
    var firstSnapshots: [Double] = []
    for _ in 0..<opens {
      let fresh = try Workspace.open(path: copy)
      firstSnapshots.append(try Measurement.time { try fresh.snapshot() }.1)
    }
    report("first snapshot() after open", firstSnapshots)

    let workspace = try Workspace.open(path: copy)
    _ = try workspace.snapshot()
    var snapshotTimes: [Double] = []
    var snapshotCPU: [Double] = []
    for _ in 0..<snapshots {
      let cpu = processCPUTime()
      let (_, t) = try Measurement.time { try workspace.snapshot() }
      snapshotCPU.append(processCPUTime() - cpu)
      snapshotTimes.append(t)
    }
    report("snapshot()", snapshotTimes)
    // CPU time as well: on a loaded machine the wall clock also counts time spent waiting.
    report("snapshot() CPU time", snapshotCPU)

    try editTimes(workspace, actions: first.actions)
    try commitTimes(copy, actionIDs: first.actions.map(\.id))
  }

  /// `apply(.progress)` over `edits` edits, walking through the actions.
  private static func editTimes(_ workspace: Workspace, actions: [Action]) throws {
    guard !actions.isEmpty else { return print("apply(.progress): no actions") }
    var current = Dictionary(uniqueKeysWithValues: actions.map { ($0.id, $0) })
    var times: [Double] = []
    for i in 0..<edits {
      let action = current[actions[i % actions.count].id]!
      let progress = action.progress >= 50 ? action.progress - 7 : action.progress + 7
      let (outcome, t) = try Measurement.time {
        try workspace.apply(.progress(progress), toAction: action.id, basedOn: action.version, by: "bench")
      }
      guard case .applied(let updated) = outcome else { throw BenchError("edit \(i) conflicted") }
      current[updated.id] = updated
      times.append(t)
    }
    report("apply(.progress)", times)
  }

  /// What the COMMIT costs an edit: the writes of an edit (UPDATE action, INSERT audit, INSERT
  /// checkin) in an IMMEDIATE transaction on a connection configured like the workspace's,
  /// the statements and the COMMIT timed apart; at the workspace's synchronous level, at
  /// NORMAL (no fsync per commit in WAL mode) and with the automatic checkpoint off (every
  /// ~1,000 WAL pages a commit also copies the WAL into the database and syncs it).
  /// Measurement only: the workspace's own settings are not changed.
  private static func commitTimes(_ path: String, actionIDs: [String]) throws {
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(5)
    config.prepareDatabase { db in try persistWAL(db) }
    let pool = try DatabasePool(path: path, configuration: config)
    let (level, autocheckpoint) = try pool.writeWithoutTransaction { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
        try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? -1
      )
    }
    let settings = [
      (level, autocheckpoint), (1, autocheckpoint), (level, 0),
    ]
    for (synchronous, checkpoint) in settings {
      try pool.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = \(synchronous); PRAGMA wal_autocheckpoint = \(checkpoint)")
      }
      var writes: [Double] = []
      var commits: [Double] = []
      for i in 0..<edits {
        let id = actionIDs[i % actionIDs.count]
        try pool.writeWithoutTransaction { db in
          writes.append(
            try Measurement.time {
              try db.execute(sql: "BEGIN IMMEDIATE")
              try db.cachedStatement(sql: "UPDATE action SET version = version WHERE id = ?").execute(
                arguments: [id])
              try db.cachedStatement(
                sql: """
                  INSERT INTO audit (change_id, kind, at, user, entity, entity_id, field, old_value, new_value)
                  VALUES (0, 'edit', '2026-01-01T00:00:00Z', 'bench', 'action', ?, 'progress', '1', '2')
                  """
              ).execute(arguments: [id])
              try db.cachedStatement(
                sql: """
                  INSERT INTO checkin (subject, subject_id, at, author, progress)
                  VALUES ('action', ?, '2026-01-01T00:00:00Z', 'bench', 2)
                  """
              ).execute(arguments: [id])
            }.1)
          commits.append(try Measurement.time { try db.execute(sql: "COMMIT") }.1)
        }
      }
      let label = "synchronous=\(synchronous), wal_autocheckpoint=\(checkpoint)"
      report("edit-shaped writes, \(label)", writes)
      report("  its COMMIT, \(label)", commits)
    }
  }

  /// As `Workspace.open`: the -wal and -shm files stay when the last connection closes.
  private static func persistWAL(_ db: Database) throws {
    guard !db.configuration.readonly else { return }
    var flag: CInt = 1
    let code = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &flag)
    guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
  }

  /// The GRDB calls `Workspace.open` makes, one by one, on the same file.
  private static func openPhases(_ path: String) throws {
    var inspect: [Double] = []
    var pool: [Double] = []
    var migrate: [Double] = []
    var dataVersion: [Double] = []
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { _ in throw BenchError("the workspace is not migrated") }
    for _ in 0..<opens {
      var readOnly = Configuration()
      readOnly.readonly = true
      inspect.append(
        try Measurement.time {
          let queue = try DatabaseQueue(path: path, configuration: readOnly)
          _ = try queue.read { db in
            (
              try Int.fetchOne(db, sql: "PRAGMA application_id"),
              try Int.fetchOne(db, sql: "PRAGMA user_version"),
              try migrator.appliedIdentifiers(db), try migrator.hasCompletedMigrations(db)
            )
          }
          try queue.close()
        }.1)
      var config = Configuration()
      config.foreignKeysEnabled = true
      config.busyMode = .timeout(5)
      config.prepareDatabase { db in try persistWAL(db) }
      let (opened, t) = try Measurement.time { try DatabasePool(path: path, configuration: config) }
      pool.append(t)
      migrate.append(try Measurement.time { try migrator.migrate(opened) }.1)
      dataVersion.append(
        try Measurement.time {
          try opened.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        }.1)
    }
    report("  open phase: inspect (read-only queue)", inspect)
    report("  open phase: DatabasePool(path:)", pool)
    report("  open phase: migrator.migrate (nothing to do)", migrate)
    report("  open phase: PRAGMA data_version", dataVersion)
  }

  /// CPU seconds this process has used (every thread).
  private static func processCPUTime() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  private static func report(_ label: String, _ seconds: [Double]) {
    let sorted = seconds.sorted()
    func at(_ p: Double) -> Double {
      sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
    let ms = { (s: Double) in String(format: "%.3f ms", s * 1000) }
    print(
      "\(label): median \(ms(at(0.5))), p99 \(ms(at(0.99))), max \(ms(sorted.last ?? 0)), n \(sorted.count)")
  }

  private static func copyWorkspace(_ source: String, to target: String) throws {
    removeWorkspace(target)
    let fm = FileManager.default
    for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: source + suffix) {
      try fm.copyItem(atPath: source + suffix, toPath: target + suffix)
    }
  }

  private static func removeWorkspace(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }
}
