import Foundation
import PeiliCore
import PostgresNIO

extension PostgresWorkspace {
  /// Everything the screens read, in one REPEATABLE READ transaction (one moment of the
  /// workspace, as SQLite's read transaction): the chosen cycle with its objectives, key
  /// results and actions, the previous cycle's, all themes, questions, waves and cached scores.
  public func snapshot() throws -> Snapshot {
    try snapshot(meanwhile: { _ in }).snapshot
  }

  public func snapshot<T>(meanwhile: (Snapshot) throws -> T) throws -> (snapshot: Snapshot, meanwhile: T) {
    try server.transaction(readOnly: true) { sql in try read(sql, meanwhile) }
  }

  private func read<T>(_ sql: SQL, _ meanwhile: (Snapshot) throws -> T) throws -> (Snapshot, T) {
    var snapshot = Snapshot(
      workspacePath: url.description, isReadOnly: isReadOnly, readOnlyReason: readOnlyReason)
    snapshot.lastAuditID = try sql.value("SELECT coalesce(max(id), 0) FROM audit", as: Int64.self) ?? 0
    let cycles = try sql.rows(
      PostgresQuery(
        unsafeSQL: #"SELECT \#(PostgresRows.cycleColumns) FROM cycle ORDER BY start_date, id COLLATE "C""#)
    ).map(PostgresRows.cycle)
    snapshot.cycles = cycles
    let choice = cycleChoice.withLock { $0 }
    let cycle = choice.pick(cycles)
    if cycle == nil, case .id(let id) = choice {
      throw StoreError.unknownCycle(id: id, known: cycles.map(\.id))
    }
    var okrs: CycleOKRs?
    if let cycle {
      okrs = try Self.okrs(sql, of: cycle)
      snapshot.cycle = cycle
      snapshot.objectives = okrs!.objectives
      snapshot.keyResults = okrs!.keyResults
      if let previous = CycleChoice.previous(of: cycle, in: cycles) {
        snapshot.previousCycle = try Self.okrs(sql, of: previous)
      }
      snapshot.lastActionCheckIns = try Self.lastCheckIns(sql, subject: .action)
      snapshot.lastKeyResultCheckIns = try Self.lastCheckIns(sql, subject: .keyResult)
    }
    try Self.loadSurvey(sql, into: &snapshot)
    let answer = try meanwhile(snapshot)
    if let okrs { snapshot.actions = okrs.actions }
    return (snapshot, answer)
  }

  /// One cycle's objectives, key results and actions, in tree order (objective position,
  /// position, id) with their theme links.
  static func okrs(_ sql: SQL, of cycle: Cycle) throws -> CycleOKRs {
    let objectiveThemes = try links(
      sql,
      #"""
      SELECT ot.objective_id, ot.theme_id FROM objective_theme ot JOIN objective o ON o.id = ot.objective_id
      WHERE o.cycle_id = \#(cycle.id) ORDER BY ot.objective_id COLLATE "C", ot.position, ot.theme_id COLLATE "C"
      """#)
    let objectives = try sql.rows(
      PostgresQuery(
        unsafeSQL: #"""
          SELECT \#(PostgresRows.objectiveColumns) FROM objective WHERE cycle_id = $1
          ORDER BY position, id COLLATE "C"
          """#, binds: PostgresRows.binds([cycle.id]))
    ).map { try PostgresRows.objective($0, themes: objectiveThemes) }
    let keyResults = try sql.rows(
      PostgresQuery(
        unsafeSQL: #"""
          SELECT \#(PostgresRows.keyResultColumns("k.")) FROM key_result k JOIN objective o ON o.id = k.objective_id
          WHERE o.cycle_id = $1 ORDER BY o.position, k.position, k.id COLLATE "C"
          """#, binds: PostgresRows.binds([cycle.id]))
    ).map(PostgresRows.keyResult)
    let actionThemes = try links(
      sql,
      #"""
      SELECT l.action_id, l.theme_id FROM action_theme l JOIN action a ON a.id = l.action_id
      JOIN objective o ON o.id = a.objective_id
      WHERE o.cycle_id = \#(cycle.id) ORDER BY l.action_id COLLATE "C", l.position, l.theme_id COLLATE "C"
      """#)
    let actions = try sql.rows(
      PostgresQuery(
        unsafeSQL: #"""
          SELECT \#(PostgresRows.actionColumns("a.")) FROM action a JOIN objective o ON o.id = a.objective_id
          WHERE o.cycle_id = $1 ORDER BY o.position, a.position, a.id COLLATE "C"
          """#, binds: PostgresRows.binds([cycle.id]))
    ).map { row in try PostgresRows.action(row, themeIDs: actionThemes[try row.decode(String.self)] ?? []) }
    return CycleOKRs(cycle: cycle, objectives: objectives, keyResults: keyResults, actions: actions)
  }

  /// (owner id, theme id) rows grouped by owner, in the query's order.
  private static func links(_ sql: SQL, _ query: PostgresQuery) throws -> [String: [String]] {
    var links: [String: [String]] = [:]
    for row in try sql.rows(query) {
      let (owner, theme) = try row.decode((String, String).self)
      links[owner, default: []].append(theme)
    }
    return links
  }

  /// The latest check-in of every subject of a kind (of two at the same second, the later row).
  static func lastCheckIns(_ sql: SQL, subject: CheckIn.Subject) throws -> [String: CheckIn] {
    var out: [String: CheckIn] = [:]
    for row in try sql.rows(
      """
      SELECT DISTINCT ON (subject_id) subject_id, at, author, value, progress, confidence, note FROM checkin
      WHERE subject = \(subject.rawValue) ORDER BY subject_id, at DESC, id DESC
      """)
    {
      let (id, at, author, value, progress, confidence, note) = try row.decode(
        (String, String, String, Double?, Int?, Int?, String).self)
      out[id] = CheckIn(
        subject: subject, subjectID: id, at: at, author: author, value: value, progress: progress,
        confidence: confidence, note: note)
    }
    return out
  }

  static func loadSurvey(_ sql: SQL, into snapshot: inout Snapshot) throws {
    snapshot.themes = try sql.rows(#"SELECT id, name, position FROM theme ORDER BY position, id COLLATE "C""#)
      .map {
        let (id, name, position) = try $0.decode((String, String, Int).self)
        return Theme(id: id, name: name, position: position)
      }
    snapshot.questions = try sql.rows(
      #"""
      SELECT id, text, theme_id, scale_min, scale_max, nps, outcome, position, favourable FROM question
      ORDER BY position, id COLLATE "C"
      """#
    ).map {
      let (id, text, theme, low, high, nps, outcome, position, favourable) = try $0.decode(
        (String, String, String, Int, Int, Int, Int, Int, String?).self)
      return Question(
        id: id, text: text, themeID: theme, scale: Scale(min: low, max: high), isNPS: nps != 0,
        isOutcome: outcome != 0, position: position,
        favourable: favourable.flatMap(FavourableRule.init(stored:)))
    }
    // A wave whose date does not parse is left out, as on SQLite.
    snapshot.waves = try sql.rows(#"SELECT id, date FROM wave ORDER BY date, id COLLATE "C""#).compactMap {
      let (id, date) = try $0.decode((String, String).self)
      return Day(date).map { Wave(id: id, date: $0) }
    }
    snapshot.scores = try cachedScores(sql)
  }

  /// The `score_cache` table: one JSON `ScoreSummary` per (wave, audience, theme, question).
  static func cachedScores(_ sql: SQL) throws -> [ScoreKey: ScoreSummary] {
    let decoder = JSONDecoder()
    var scores: [ScoreKey: ScoreSummary] = [:]
    for row in try sql.rows("SELECT wave_id, audience, theme_id, question_id, summary FROM score_cache") {
      let (wave, audienceText, theme, question, summary) = try row.decode(
        (String, String, String, String, Data).self)
      guard let audience = Audience(rawValue: audienceText) else { continue }
      let key = ScoreKey(
        themeID: theme, questionID: question.isEmpty ? nil : question, audience: audience, waveID: wave)
      do {
        scores[key] = try decoder.decode(ScoreSummary.self, from: summary)
      } catch {
        throw StoreError.invalid("a cached score of \(theme) in wave \(wave) is damaged")
      }
    }
    return scores
  }
}
