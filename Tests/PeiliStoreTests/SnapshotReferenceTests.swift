import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

/// `snapshot()` reads columns by index, filters instead of joining and sorts in Swift; these
/// tests hold it to a plain reading of the same tables (joins, ORDER BY in SQL, columns by
/// name, JSONDecoder), written separately here, on the demo and on awkward hand-made rows.
@Suite("Snapshot against a reference read")
struct SnapshotReferenceTests {
  @Test func theDemoWorkspaceReadsTheSameAsTheReference() throws {
    let fx = try StoreFixture()
    let ws = try DemoWorkspace.build(at: fx.path("demo.db"), by: "tester")
    let snapshot = try ws.snapshot()
    #expect(snapshot.actions.count >= 20 && snapshot.keyResults.count >= 10 && snapshot.scores.count > 100)
    #expect(snapshot.actions.contains { !$0.themeIDs.isEmpty && $0.start != nil })
    try expectSame(snapshot, try referenceSnapshot(ws))
  }

  @Test func awkwardRowsReadTheSameAsTheReference() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    try ws.writer.write { db in
      // An older cycle whose rows must stay out, with links to the same themes.
      try db.execute(
        sql: """
          INSERT INTO cycle (id, name, start_date, end_date) VALUES ('2025', 'Old', '2025-01-01', '2025-12-31');
          INSERT INTO objective (id, cycle_id, title, kind, position) VALUES ('OLD', '2025', 'Old one', 'committed', 0);
          INSERT INTO action (id, objective_id, title, status, progress, position) VALUES ('OLD-A', 'OLD', 'x', 'done', 100, 0);
          INSERT INTO action_theme (action_id, theme_id, position) VALUES ('OLD-A', 'communication', 0);
          INSERT INTO key_result (id, objective_id, title, kind, position) VALUES ('OLD-K', 'OLD', 'x', 'milestone', 0);
          """)
      // Ties: O3 has O1's position, so their rows interleave by position and then by id as
      // bytes ("O" + combining diaeresis before "Z" before "a" before "Ä"); links written out
      // of order, an unknown status.
      try db.execute(
        sql: """
          INSERT INTO objective (id, cycle_id, title, kind, position, weight) VALUES ('O3', '2026', 'Tie', 'aspirational', 0, 0.5);
          INSERT INTO objective_theme (objective_id, theme_id, position) VALUES ('O3', 'reliability', 1), ('O3', 'communication', 0);
          INSERT INTO action (id, objective_id, title, status, progress, position, start_date, due_date, confidence)
          VALUES ('a1', 'O3', 'lower-case id', 'paused', 5, 0, '2024-02-29', NULL, 7),
                 ('Ä1', 'O3', 'non-ASCII id', 'dropped', 0, 0, NULL, '2026-12-31', NULL),
                 ('Z1', 'O3', 'capital id', 'done', 100, 0, '2026-01-01', '2026-01-02', 3),
                 ('Z0', 'O1', 'same position as A1', 'blocked', 10, 0, NULL, NULL, NULL),
                 ('O\u{308}1', 'O3', 'decomposed: bytes put it before Z, Unicode after a', 'active', 1, 0, NULL, NULL, NULL);
          INSERT INTO action_theme (action_id, theme_id, position)
          VALUES ('a1', 'reliability', 2), ('Z1', 'reliability', 0), ('a1', 'communication', 1),
                 ('Ä1', 'reliability', 0), ('Ä1', 'communication', 0);
          INSERT INTO key_result (id, objective_id, title, kind, position, start_value, target_value, unit, theme_id, audience, baseline_wave, confidence)
          VALUES ('b', 'O3', 'perception', 'perception', 0, NULL, 55, NULL, 'reliability', 'staff', NULL, 4),
                 ('B', 'O3', 'metric without values', 'metric', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
          INSERT INTO wave (id, date) VALUES ('w2', '2026-09-15'), ('w1', '2026-09-15'), ('bad', 'not a date');
          """)
    }
    let snapshot = try ws.snapshot()
    let reference = try referenceSnapshot(ws)
    try expectSame(snapshot, reference)
    #expect(!snapshot.actions.contains { $0.id == "OLD-A" })
    #expect(
      snapshot.actions.filter { $0.objectiveID != "O2" }.map(\.id) == [
        "A1", "O\u{308}1", "Z0", "Z1", "a1", "Ä1", "A2",
      ])
    #expect(snapshot.actions.first { $0.id == "a1" }?.themeIDs == ["communication", "reliability"])
    #expect(snapshot.actions.first { $0.id == "Ä1" }?.themeIDs == ["communication", "reliability"])
    #expect(snapshot.waves.map(\.id) == ["w1", "w2"])
  }

  @Test func meanwhileRunsOnTheReturnedSnapshotWithoutItsActions() throws {
    let fx = try StoreFixture()
    let writable = try DemoWorkspace.build(at: fx.path("demo.db"), by: "tester")
    let readOnly = try Workspace.open(path: fx.path("demo.db"), readOnly: true)
    // A pool (actions on a second connection) and a read-only queue (one connection).
    for ws in [writable, readOnly] {
      var calls = 0
      let (snapshot, bare) = try ws.snapshot { partial -> Snapshot in
        calls += 1
        return partial
      }
      #expect(calls >= 1)
      #expect(bare.actions.isEmpty && !snapshot.actions.isEmpty)
      var expected = snapshot
      expected.actions = []
      try expectSame(bare, expected)
      try expectSame(snapshot, try referenceSnapshot(ws))
    }
  }

  @Test func meanwhileThatWritesStillAnswersForTheSnapshotReturned() throws {
    let fx = try StoreFixture()
    let ws = try DemoWorkspace.build(at: fx.path("demo.db"), by: "tester")
    let other = try Workspace.open(path: fx.path("demo.db"))
    let action = try #require(try ws.snapshot().actions.first)
    // Another session edits while the actions are being read: whether the read is repeated
    // or not, the answer belongs to the snapshot that comes back.
    var edited = false
    let (snapshot, bare) = try ws.snapshot { partial -> Snapshot in
      if !edited {
        edited = true
        _ = try other.apply(.progress(77), toAction: action.id, basedOn: action.version, by: "other")
        try other.writer.write { db in
          try db.execute(
            sql: "UPDATE objective SET title = title || ' (edited)' WHERE id = ?", arguments: ["O1"])
        }
      }
      return partial
    }
    var expected = snapshot
    expected.actions = []
    try expectSame(bare, expected)
    #expect(edited)
  }

  @Test func aStoredSummaryJSONDecoderRefusesStillFailsTheSnapshot() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    try ws.writer.write { db in
      try db.execute(sql: "INSERT INTO wave (id, date) VALUES ('w', '2026-01-01')")
      try db.execute(
        sql: """
          INSERT INTO score_cache (wave_id, audience, theme_id, question_id, summary)
          VALUES ('w', 'staff', 'communication', '', ?)
          """, arguments: [Data(#"{"index":{"n":1}}"#.utf8)])
    }
    #expect(throws: DecodingError.self) { try ws.snapshot() }
  }

  @Test func parseDayAgreesWithDay() {
    let texts = [
      "2026-01-01", "2024-02-29", "2025-02-29", "2025-13-01", "2025-00-10", "2025-01-32", "0000-01-01",
      "9999-12-31", "+025-01-01", "2025-+1-05", "2025-1-05", " 2025-01-05", "2025-01-05 ", "２０２５-01-01",
      "", "2025/01/05", "20250105", "2025-01-05T00", "-025-01-05",
    ]
    for text in texts { #expect(DomainRows.parseDay(text) == Day(text), "\(text)") }
  }

  @Test func columnBytesReadAsTheTextPathReadsThem() throws {
    let texts = [
      "2026-01-01", "2024-02-29", "2025-02-29", "2025-13-01", "２０２５-01-01", "2025-1-05", "", "d", "done",
      "dropped", "doneX", "planned", "active", "blocked", "Done", "paused", "ä",
    ]
    let db = try DatabaseQueue()
    try db.write { db in
      try db.execute(sql: "CREATE TABLE t (position INTEGER, value TEXT)")
      for (i, text) in texts.enumerated() {
        try db.execute(sql: "INSERT INTO t VALUES (?, ?)", arguments: [i, text])
      }
      try db.execute(sql: "INSERT INTO t VALUES (?, NULL)", arguments: [texts.count])
    }
    try db.read { db in
      let statement = try db.makeStatement(sql: "SELECT value FROM t ORDER BY position")
      let rows = try Row.fetchCursor(statement)
      let row = ColumnReader(statement)
      var seen = 0
      while try rows.next() != nil {
        defer { seen += 1 }
        guard seen < texts.count else {
          #expect(try DomainRows.optionalDay(at: row, 0, "t.value") == nil)
          continue
        }
        let text = texts[seen]
        #expect(DomainRows.actionStatus(at: row, 0) == DomainRows.actionStatus(text), "\(text)")
        if let day = DomainRows.parseDay(text) {
          #expect(try DomainRows.optionalDay(at: row, 0, "t.value") == day, "\(text)")
        } else {
          #expect(throws: StoreError.self) { try DomainRows.optionalDay(at: row, 0, "t.value") }
        }
      }
      #expect(seen == texts.count + 1)
    }
  }

  @Test func actionStatusAgreesWithTheRawValueInit() {
    let texts =
      ActionStatus.allCases.map(\.rawValue) + ["", "d", "don", "doneX", "Done", "paused", "active "]
    for text in texts { #expect(DomainRows.actionStatus(text) == (ActionStatus(rawValue: text) ?? .planned)) }
  }

  private func expectSame(_ s: Snapshot, _ r: Snapshot) throws {
    #expect(s.workspacePath == r.workspacePath && s.isReadOnly == r.isReadOnly)
    #expect(s.cycle == r.cycle)
    #expect(s.objectives == r.objectives)
    #expect(s.keyResults == r.keyResults)
    #expect(s.actions == r.actions)
    #expect(s.themes == r.themes)
    #expect(s.questions == r.questions)
    #expect(s.waves == r.waves)
    #expect(s.scores == r.scores)
  }

  /// The snapshot read the plain way, as `snapshot()` first did.
  private func referenceSnapshot(_ ws: Workspace) throws -> Snapshot {
    try ws.writer.read { db in
      var s = Snapshot(workspacePath: ws.path, isReadOnly: ws.isReadOnly)
      if let c = try Row.fetchOne(db, sql: "SELECT * FROM cycle ORDER BY start_date DESC, id DESC LIMIT 1") {
        let cycle = Cycle(
          id: c["id"], name: c["name"], start: Day(c["start_date"])!, end: Day(c["end_date"])!)
        s.cycle = cycle
        func links(_ sql: String) throws -> [String: [String]] {
          var result: [String: [String]] = [:]
          for row in try Row.fetchAll(db, sql: sql, arguments: [cycle.id]) {
            result[row[0], default: []].append(row[1])
          }
          return result
        }
        let objectiveThemes = try links(
          """
          SELECT ot.objective_id, ot.theme_id FROM objective_theme ot JOIN objective o ON o.id = ot.objective_id
          WHERE o.cycle_id = ? ORDER BY ot.objective_id, ot.position, ot.theme_id
          """)
        s.objectives = try Row.fetchAll(
          db, sql: "SELECT * FROM objective WHERE cycle_id = ? ORDER BY position, id", arguments: [cycle.id]
        ).map { o in
          Objective(
            id: o["id"], cycleID: o["cycle_id"], parentID: o["parent_id"], title: o["title"],
            kind: ObjectiveKind(rawValue: o["kind"]) ?? .committed, owner: o["owner"], weight: o["weight"],
            themeIDs: objectiveThemes[o["id"]] ?? [], position: o["position"], version: o["version"])
        }
        s.keyResults = try Row.fetchAll(
          db,
          sql: """
            SELECT k.* FROM key_result k JOIN objective o ON o.id = k.objective_id
            WHERE o.cycle_id = ? ORDER BY o.position, k.position, k.id
            """, arguments: [cycle.id]
        ).map { k in
          let start: Double = k["start_value"] ?? 0
          let measure: KeyResultMeasure =
            switch k["kind"] as String {
            case "metric":
              .metric(
                start: start, target: k["target_value"] ?? start, current: k["current_value"] ?? start,
                unit: k["unit"] ?? "")
            case "milestone": .milestone(done: k["done"] ?? false)
            default:
              .perception(
                themeID: k["theme_id"] ?? "", audience: Audience(rawValue: k["audience"] ?? "") ?? .customer,
                baselineWave: k["baseline_wave"], target: k["target_value"] ?? 0)
            }
          return KeyResult(
            id: k["id"], objectiveID: k["objective_id"], title: k["title"], measure: measure,
            owner: k["owner"],
            weight: k["weight"], confidence: k["confidence"], position: k["position"], version: k["version"])
        }
        let actionThemes = try links(
          """
          SELECT at.action_id, at.theme_id FROM action_theme at
          JOIN action a ON a.id = at.action_id JOIN objective o ON o.id = a.objective_id
          WHERE o.cycle_id = ? ORDER BY at.action_id, at.position, at.theme_id
          """)
        s.actions = try Row.fetchAll(
          db,
          sql: """
            SELECT a.* FROM action a JOIN objective o ON o.id = a.objective_id
            WHERE o.cycle_id = ? ORDER BY o.position, a.position, a.id
            """, arguments: [cycle.id]
        ).map { a in
          Action(
            id: a["id"], objectiveID: a["objective_id"], keyResultID: a["key_result_id"], title: a["title"],
            owner: a["owner"], status: ActionStatus(rawValue: a["status"]) ?? .planned,
            progress: a["progress"],
            start: (a["start_date"] as String?).map { Day($0)! },
            due: (a["due_date"] as String?).map { Day($0)! },
            themeIDs: actionThemes[a["id"]] ?? [], confidence: a["confidence"],
            communicated: (a["communicated_on"] as String?).map {
              Communication(on: Day($0)!, channel: a["communication_channel"])
            },
            position: a["position"], version: a["version"])
        }
      }
      s.themes = try Row.fetchAll(db, sql: "SELECT * FROM theme ORDER BY position, id").map {
        Theme(id: $0["id"], name: $0["name"], position: $0["position"])
      }
      s.questions = try Row.fetchAll(db, sql: "SELECT * FROM question ORDER BY position, id").map { q in
        Question(
          id: q["id"], text: q["text"], themeID: q["theme_id"],
          scale: Scale(min: q["scale_min"], max: q["scale_max"]),
          isNPS: q["nps"], isOutcome: q["outcome"], position: q["position"])
      }
      s.waves = try Row.fetchAll(db, sql: "SELECT * FROM wave ORDER BY date, id").compactMap { w in
        Day(w["date"]).map { Wave(id: w["id"], date: $0) }
      }
      for row in try Row.fetchAll(db, sql: "SELECT * FROM score_cache") {
        let question: String = row["question_id"]
        let key = ScoreKey(
          themeID: row["theme_id"], questionID: question.isEmpty ? nil : question,
          audience: Audience(rawValue: row["audience"])!, waveID: row["wave_id"])
        s.scores[key] = try JSONDecoder().decode(ScoreSummary.self, from: row["summary"] as Data)
      }
      return s
    }
  }
}
