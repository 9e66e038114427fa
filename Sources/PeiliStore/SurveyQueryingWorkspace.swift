import Foundation
import GRDB
import PeiliCore

/// The workspace answers the drill-down queries itself, from the segment cells cached at import.
extension Workspace: SurveyQuerying {
  public var survey: any SurveyQuerying { self }

  public func segmentAttributes() throws -> [SegmentAttribute] {
    try writer.read { db in
      let index = try SegmentCellsIndex.load(db)
      var audiences: [String: Set<Audience>] = [:]
      var counts: [String: [SegmentCount: Int]] = [:]
      for g in index.groups.values {
        for c in g.cells {
          for (attribute, value) in c.values {
            audiences[attribute, default: []].insert(g.audience)
            counts[attribute, default: [:]][
              SegmentCount(audience: g.audience, waveID: g.waveID, value: value), default: 0] += c.respondents
          }
        }
      }
      return audiences.keys.sorted().map { name in
        let c = counts[name] ?? [:]
        return SegmentAttribute(
          name: name, audiences: audiences[name, default: []].sorted(),
          values: Set(c.keys.map(\.value)).sorted(), counts: c)
      }
    }
  }

  public func scores(filter: SegmentFilter, minimumGroup: Int) throws -> FilteredScores {
    try writer.read { db in
      if filter.isEmpty {
        return FilteredScores(filter: filter, scores: try Self.cachedScores(db, group: nil), refused: [:])
      }
      let index = try SegmentCellsIndex.load(db)
      var scores: [ScoreKey: ScoreSummary] = [:]
      var refused: [ScoreKey: String] = [:]
      var applied: [Audience: [String]] = [:]
      for group in index.orderedGroups {
        let f = filter.restricted(to: index.attributesOf[group.audience] ?? [])
        if f.isEmpty {
          // Unfiltered: every cell merged, with the same suppression as the snapshot (none
          // here; the analysis hides cells under the minimum).
          let all = try Self.merge(
            db, group: group, filter: .none, themeID: nil, questionID: nil, minimum: 0)
          scores.merge(all.shown, uniquingKeysWith: { a, _ in a })
          continue
        }
        applied[group.audience] = f.constraints.keys.sorted()
        let merged = try Self.merge(
          db, group: group, filter: f, themeID: nil, questionID: nil, minimum: minimumGroup)
        scores.merge(merged.shown, uniquingKeysWith: { a, _ in a })
        refused.merge(merged.refused, uniquingKeysWith: { a, _ in a })
      }
      return FilteredScores(filter: filter, scores: scores, refused: refused, appliedAttributes: applied)
    }
  }

  public func breakdown(
    themeID: String, questionID: String?, audience: Audience, waveID: String, attribute: String,
    filter: SegmentFilter, minimumGroup: Int
  ) throws -> [SegmentRow] {
    try writer.read { db in
      let index = try SegmentCellsIndex.load(db)
      guard let group = index.group(waveID, audience),
        index.attributesOf[audience]?.contains(attribute) == true
      else { return [] }
      let f = filter.restricted(to: index.attributesOf[audience] ?? [])
      let values = Set(group.cells.filter { f.matches($0.values) }.compactMap { $0.values[attribute] })
        .sorted()
      guard !values.isEmpty else { return [] }
      // The filtered total first: rows are parts of it, so a refused total refuses them all.
      let total = try Self.merge(
        db, group: group, filter: f, themeID: themeID, questionID: questionID, minimum: minimumGroup)
      let key = ScoreKey(themeID: themeID, questionID: questionID, audience: audience, waveID: waveID)
      if let reason = total.refused[key] ?? (f.isEmpty ? nil : group.refusal(f, minimum: minimumGroup)) {
        return values.map {
          SegmentRow(value: $0, summary: nil, suppressedReason: reason, cause: .filterWithheld)
        }
      }
      let totalN = total.shown[key]?.n ?? total.n[key] ?? 0
      var rows: [(value: String, summary: ScoreSummary?, reason: String?, cause: Suppression.Cause?)] = []
      for value in values {
        let rowFilter = f.setting(attribute, to: value)
        let part = try Self.merge(
          db, group: group, filter: rowFilter, themeID: themeID, questionID: questionID, minimum: minimumGroup
        )
        if let refused = group.refusalCause(rowFilter, minimum: minimumGroup) {
          rows.append((value, nil, refused.reason, refused.cause))
        } else if let reason = part.refused[key] {
          let small = Suppression.isSuppressed(n: part.n[key] ?? 0, minimum: minimumGroup)
          rows.append((value, nil, reason, small ? .tooFew : .complement))
        } else if let shown = part.shown[key] {
          rows.append((value, shown, nil, nil))
        } else {
          rows.append((value, nil, "no answers", .noAnswers))
        }
      }
      // Whoever is in no shown row must be 0 or at least the minimum, else the shown rows,
      // taken from the total, would give the small rest away: withhold the smallest rows.
      var rest = totalN - rows.reduce(0) { $0 + ($1.summary?.n ?? 0) }
      while rest > 0 && rest < minimumGroup,
        let smallest = rows.indices.filter({ rows[$0].summary != nil }).min(by: {
          rows[$0].summary!.n < rows[$1].summary!.n
        })
      {
        rest += rows[smallest].summary!.n
        rows[smallest].summary = nil
        rows[smallest].reason = Suppression.complementReason(minimum: minimumGroup)
        rows[smallest].cause = .complement
      }
      return rows.map {
        SegmentRow(value: $0.value, summary: $0.summary, suppressedReason: $0.reason, cause: $0.cause)
      }
    }
  }

  public func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter, minimumGroup: Int
  ) throws -> (rows: [CommentRow], suppressedReason: String?) {
    try comments(
      themeID: themeID, audience: audience, waveID: waveID, filter: filter, minimumGroup: minimumGroup,
      limit: nil)
  }

  /// The same, at most `limit` comments (oldest import first): a screenful without reading
  /// thousands of comments of a large workspace.
  public func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter, minimumGroup: Int,
    limit: Int?
  ) throws -> (rows: [CommentRow], suppressedReason: String?) {
    try writer.read { db in
      let index = try SegmentCellsIndex.load(db)
      var clauses: [String] = []
      var arguments: [any DatabaseValueConvertible] = [themeID]
      var withheld: [String] = []
      for group in index.orderedGroups {
        if let audience, group.audience != audience { continue }
        if let waveID, group.waveID != waveID { continue }
        let f = filter.restricted(to: index.attributesOf[group.audience] ?? [])
        if let reason = group.refusal(f, minimum: minimumGroup) {
          withheld.append(reason)
          continue
        }
        var clause = "(r.wave_id = ? AND r.audience = ?"
        arguments += [group.waveID, group.audience.rawValue]
        for (attribute, value) in f.constraints.sorted(by: { $0.key < $1.key }) {
          clause +=
            " AND EXISTS (SELECT 1 FROM respondent_segment s WHERE s.respondent_id = r.id"
            + " AND s.attribute = ? AND s.value = ?)"
          arguments += [attribute, value]
        }
        clauses.append(clause + ")")
      }
      let reason = withheld.isEmpty ? nil : "comments withheld: " + withheld.joined(separator: "; ")
      guard !clauses.isEmpty else { return ([], reason) }
      var sql = """
        SELECT c.text, r.wave_id, r.audience FROM comment c JOIN respondent r ON r.id = c.respondent_id
        WHERE c.theme_id = ? AND (\(clauses.joined(separator: " OR "))) ORDER BY c.id
        """
      if let limit {
        sql += " LIMIT ?"
        arguments.append(limit)
      }
      let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap {
        row -> CommentRow? in
        guard let a = Audience(rawValue: row[2]) else { return nil }
        return CommentRow(audience: a, waveID: row[1], text: row[0])
      }
      return (rows, reason)
    }
  }

  public func importance(audience: Audience, waveID: String, filter: SegmentFilter, minimumGroup: Int) throws
    -> [ThemeImportance]
  {
    try writer.read { db in
      guard
        let outcome = try String.fetchOne(
          db,
          sql: """
            SELECT q.id FROM wave_question wq JOIN question q ON q.id = wq.question_id
            WHERE wq.wave_id = ? AND wq.audience = ? AND q.outcome = 1 ORDER BY wq.slot LIMIT 1
            """, arguments: [waveID, audience.rawValue])
      else { return [] }
      let index = try SegmentCellsIndex.load(db)
      guard let group = index.group(waveID, audience) else { return [] }
      let f = filter.restricted(to: index.attributesOf[audience] ?? [])
      let refusal = group.refusal(f, minimum: minimumGroup)
      var total: [String: BivariateSummary] = [:]
      var part: [String: BivariateSummary] = [:]
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT s.cell_key, s.theme_id, s.summary FROM segment_cell_score s JOIN theme t ON t.id = s.theme_id
          WHERE s.wave_id = ? AND s.audience = ? AND s.question_id = '' ORDER BY t.position, t.id
          """, arguments: [waveID, audience.rawValue])
      let matching = Set(group.cells.filter { f.matches($0.values) }.map(\.key))
      var order: [String] = []
      while let row = try rows.next() {
        let theme: String = row[1]
        guard let pairs = try SegmentCellCodec.decode(row[2]).importance else { continue }
        if total[theme] == nil { order.append(theme) }
        total[theme, default: BivariateSummary()] = total[theme, default: BivariateSummary()].merged(
          with: pairs)
        if matching.contains(row[0]) {
          part[theme, default: BivariateSummary()] = part[theme, default: BivariateSummary()].merged(
            with: pairs)
        }
      }
      return order.map { theme in
        let p = part[theme] ?? BivariateSummary()
        let rest = (total[theme]?.n ?? 0) - p.n
        let hidden =
          refusal != nil || Suppression.isSuppressed(n: p.n, minimum: minimumGroup)
          || (rest > 0 && rest < minimumGroup)
        let c = hidden ? nil : p.correlation
        return ThemeImportance(
          themeID: theme, audience: audience, waveID: waveID, r: c?.r, p: c?.p, n: hidden ? 0 : p.n,
          outcomeQuestionID: outcome)
      }
    }
  }

  // MARK: - Merging cells

  /// The merge of one group's cells under `filter` (restricted to the group's attributes),
  /// for every key or for one theme/question, with each key's suppression decided exactly
  /// on its own n: the filtered n, and the rest within each filter with one constraint fewer.
  private static func merge(
    _ db: Database, group: SegmentCellsIndex.Group, filter f: SegmentFilter, themeID: String?,
    questionID: String?, minimum: Int
  ) throws -> (shown: [ScoreKey: ScoreSummary], refused: [ScoreKey: String], n: [ScoreKey: Int]) {
    var sql =
      "SELECT cell_key, theme_id, question_id, n, summary FROM segment_cell_score WHERE wave_id = ? AND audience = ?"
    var arguments: [any DatabaseValueConvertible] = [group.waveID, group.audience.rawValue]
    if let themeID {
      sql += " AND theme_id = ? AND question_id = ?"
      arguments += [themeID, questionID ?? ""]
    }
    // Rows come in primary-key order, one run of cells per theme/question: keys are built
    // once per run and cells looked up by position, so a group costs little beyond its rows.
    sql += " ORDER BY theme_id, question_id"
    let attributes = f.constraints.keys.sorted()
    // Per cell: does it match the filter, and each filter with one constraint dropped?
    var cellIndex: [String: Int] = [:]
    var matchFilter: [Bool] = []
    var matchParents: [[Bool]] = []
    for c in group.cells {
      cellIndex[c.key] = matchFilter.count
      matchFilter.append(f.matches(c.values))
      matchParents.append(attributes.map { f.setting($0, to: nil).matches(c.values) })
    }
    let groupRefusal = group.refusal(f, minimum: minimum)
    var merged: [ScoreKey: ScoreSummary] = [:]
    var n: [ScoreKey: Int] = [:]
    var parentN: [ScoreKey: [Int]] = [:]
    var key: ScoreKey?
    var theme = ""
    var question = ""
    var count = 0
    var parents = Array(repeating: 0, count: attributes.count)
    var summary: ScoreSummary?
    func flush() {
      guard let key else { return }
      n[key] = count
      parentN[key] = parents
      if let summary { merged[key] = summary }
    }
    let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
    while let row = try rows.next() {
      let rowTheme: String = row[1]
      let rowQuestion: String = row[2]
      if key == nil || rowTheme != theme || rowQuestion != question {
        flush()
        theme = rowTheme
        question = rowQuestion
        key = ScoreKey(
          themeID: theme, questionID: question.isEmpty ? nil : question, audience: group.audience,
          waveID: group.waveID)
        count = 0
        for i in parents.indices { parents[i] = 0 }
        summary = nil
      }
      let cellKey: String = row[0]
      guard let cell = cellIndex[cellKey] else { continue }
      let cellN: Int = row[3]
      for (i, m) in matchParents[cell].enumerated() where m { parents[i] += cellN }
      guard matchFilter[cell] else { continue }
      count += cellN
      guard groupRefusal == nil, cellN > 0 else { continue }
      let part = try SegmentCellCodec.decode(row[4]).summary
      summary = summary.map { $0.merged(with: part) } ?? part
    }
    flush()
    var shown: [ScoreKey: ScoreSummary] = [:]
    var refused: [ScoreKey: String] = [:]
    let reason = Suppression.reason(minimum: minimum)
    for (key, count) in n {
      if let groupRefusal {
        refused[key] = groupRefusal
        continue
      }
      if count == 0 { continue }
      if Suppression.isSuppressed(n: count, minimum: minimum) {
        refused[key] = reason
      } else if let parents = parentN[key],
        parents.contains(where: { Suppression.refusesFilter(filteredN: count, totalN: $0, minimum: minimum) })
      {
        refused[key] = "the rest of the group would be fewer than \(minimum) respondents"
      } else if let s = merged[key] {
        shown[key] = s
      }
    }
    return (shown, refused, n)
  }

  /// Cached unfiltered scores, of every group or of one.
  private static func cachedScores(_ db: Database, group: SegmentCellsIndex.Group?) throws -> [ScoreKey:
    ScoreSummary]
  {
    var sql = "SELECT wave_id, audience, theme_id, question_id, summary FROM score_cache"
    var arguments: StatementArguments = []
    if let group {
      sql += " WHERE wave_id = ? AND audience = ?"
      arguments = [group.waveID, group.audience.rawValue]
    }
    let decoder = JSONDecoder()
    var result: [ScoreKey: ScoreSummary] = [:]
    let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
    while let row = try rows.next() {
      guard let audience = Audience(rawValue: row[1]) else { continue }
      let question: String = row[3]
      let key = ScoreKey(
        themeID: row[2], questionID: question.isEmpty ? nil : question, audience: audience, waveID: row[0])
      result[key] = try decoder.decode(ScoreSummary.self, from: row[4] as Data)
    }
    return result
  }
}
