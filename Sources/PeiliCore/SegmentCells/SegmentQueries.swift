import Foundation

/// The survey queries (`SurveyQuerying`) over any store's segment cells: filters, breakdowns,
/// comments and importance with their suppression, decided here once for every store.
public struct SegmentQueries<Source: SegmentCellSource> {
  let source: Source

  public init(_ source: Source) { self.source = source }

  public func segmentAttributes() throws -> [SegmentAttribute] {
    do {
      let index = try source.cellsIndex()
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
    do {
      if filter.isEmpty {
        return FilteredScores(filter: filter, scores: try source.cachedScores(), refused: [:])
      }
      let index = try source.cellsIndex()
      var scores: [ScoreKey: ScoreSummary] = [:]
      var refused: [ScoreKey: String] = [:]
      var applied: [Audience: [String]] = [:]
      for group in index.orderedGroups {
        let f = filter.restricted(to: index.attributesOf[group.audience] ?? [])
        if f.isEmpty {
          // Unfiltered: every cell merged, with the same suppression as the snapshot (none
          // here; the analysis hides cells under the minimum).
          let all = try merge(
            group: group, filter: .none, themeID: nil, questionID: nil, minimum: 0)
          scores.merge(all.shown, uniquingKeysWith: { a, _ in a })
          continue
        }
        applied[group.audience] = f.constraints.keys.sorted()
        let merged = try merge(
          group: group, filter: f, themeID: nil, questionID: nil, minimum: minimumGroup)
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
    do {
      let index = try source.cellsIndex()
      guard let group = index.group(waveID, audience),
        index.attributesOf[audience]?.contains(attribute) == true
      else { return [] }
      let f = filter.restricted(to: index.attributesOf[audience] ?? [])
      let values = Set(group.cells.filter { f.matches($0.values) }.compactMap { $0.values[attribute] })
        .sorted()
      guard !values.isEmpty else { return [] }
      // The filtered total first: rows are parts of it, so a refused total refuses them all.
      let total = try merge(
        group: group, filter: f, themeID: themeID, questionID: questionID, minimum: minimumGroup)
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
        let part = try merge(
          group: group, filter: rowFilter, themeID: themeID, questionID: questionID, minimum: minimumGroup
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
    let index = try source.cellsIndex()
    var groups: [CommentGroup] = []
    var withheld: [String] = []
    for group in index.orderedGroups {
      if let audience, group.audience != audience { continue }
      if let waveID, group.waveID != waveID { continue }
      let f = filter.restricted(to: index.attributesOf[group.audience] ?? [])
      if let reason = group.refusal(f, minimum: minimumGroup) {
        withheld.append(reason)
        continue
      }
      groups.append(
        CommentGroup(
          waveID: group.waveID, audience: group.audience,
          constraints: f.constraints.sorted(by: { $0.key < $1.key }).map {
            (attribute: $0.key, value: $0.value)
          }))
    }
    let reason = withheld.isEmpty ? nil : "comments withheld: " + withheld.joined(separator: "; ")
    guard !groups.isEmpty else { return ([], reason) }
    return (try source.comments(themeID: themeID, groups: groups, limit: limit), reason)
  }

  public func importance(audience: Audience, waveID: String, filter: SegmentFilter, minimumGroup: Int) throws
    -> [ThemeImportance]
  {
    do {
      guard let outcome = try source.outcomeQuestion(waveID: waveID, audience: audience) else { return [] }
      let index = try source.cellsIndex()
      guard let group = index.group(waveID, audience) else { return [] }
      let f = filter.restricted(to: index.attributesOf[audience] ?? [])
      let refusal = group.refusal(f, minimum: minimumGroup)
      var total: [String: BivariateSummary] = [:]
      var part: [String: BivariateSummary] = [:]
      let rows = try source.themeCellScores(waveID: waveID, audience: audience)
      let matching = Set(group.cells.filter { f.matches($0.values) }.map(\.key))
      var order: [String] = []
      for row in rows {
        let theme = row.themeID
        guard let pairs = try SegmentCellCodec.decode(row.summary).importance else { continue }
        if total[theme] == nil { order.append(theme) }
        total[theme, default: BivariateSummary()] = total[theme, default: BivariateSummary()].merged(
          with: pairs)
        if matching.contains(row.cellKey) {
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

  /// The merge of one group's cells under `filter` (restricted to the group's attributes),
  /// for every key or for one theme/question, with each key's suppression decided exactly
  /// on its own n: the filtered n, and the rest within each filter with one constraint fewer.
  private func merge(
    group: SegmentCellsIndex.Group, filter f: SegmentFilter, themeID: String?, questionID: String?,
    minimum: Int
  ) throws -> (shown: [ScoreKey: ScoreSummary], refused: [ScoreKey: String], n: [ScoreKey: Int]) {
    // Rows come in runs of one theme/question: keys are built once per run and cells looked
    // up by position, so a group costs little beyond its rows.
    let rows = try source.cellScores(
      waveID: group.waveID, audience: group.audience, themeID: themeID,
      questionID: themeID == nil ? nil : questionID ?? "")
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
    for row in rows {
      let rowTheme = row.themeID
      let rowQuestion = row.questionID
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
      guard let cell = cellIndex[row.cellKey] else { continue }
      let cellN = row.n
      for (i, m) in matchParents[cell].enumerated() where m { parents[i] += cellN }
      guard matchFilter[cell] else { continue }
      count += cellN
      guard groupRefusal == nil, cellN > 0 else { continue }
      let part = try SegmentCellCodec.decode(row.summary).summary
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
}
