import Foundation
import PeiliText

extension Report {
  /// What the report adds from the store's drill-down queries (issue 4): the filter it was
  /// made under, derived importance per audience and segment breakdowns. Rankings and
  /// per-question distributions come from the snapshot and analysis alone.
  public struct Drilldown: Sendable {
    public var filter: SegmentFilter
    /// Audiences the filter applied to (others have none of its attributes).
    public var filterAppliesTo: [Audience]
    /// Scores the filter would have revealed a small group through, with the reason.
    public var refused: [ScoreKey: String]
    /// Importance per audience in the follow-up wave (`SurveyQuerying.importance`).
    public var importance: [Audience: [ThemeImportance]]
    /// `--segment ATTR`.
    public var segmentAttribute: String?
    public var breakdowns: [Breakdown]

    public init(
      filter: SegmentFilter = .none, filterAppliesTo: [Audience] = [], refused: [ScoreKey: String] = [:],
      importance: [Audience: [ThemeImportance]] = [:], segmentAttribute: String? = nil,
      breakdowns: [Breakdown] = []
    ) {
      self.filter = filter
      self.filterAppliesTo = filterAppliesTo
      self.refused = refused
      self.importance = importance
      self.segmentAttribute = segmentAttribute
      self.breakdowns = breakdowns
    }
  }

  /// One theme's (or question's) rows by the values of one segment attribute.
  public struct Breakdown: Sendable {
    public let themeID: String
    public let questionID: String?
    public let audience: Audience
    public let waveID: String
    public let attribute: String
    public let rows: [SegmentRow]
    public init(
      themeID: String, questionID: String? = nil, audience: Audience, waveID: String, attribute: String,
      rows: [SegmentRow]
    ) {
      self.themeID = themeID
      self.questionID = questionID
      self.audience = audience
      self.waveID = waveID
      self.attribute = attribute
      self.rows = rows
    }
  }

  /// The importance–performance grid of each audience with importance, in audience order;
  /// performance is the audience's shown follow-up index.
  public static func grids(_ a: MirrorAnalysis, _ d: Drilldown) -> [ImportanceGrid] {
    Audience.allCases.compactMap { audience in
      guard let importance = d.importance[audience] else { return nil }
      var performance: [String: Double] = [:]
      for m in a.themes {
        if let e = m.scores[audience] { performance[m.theme.id] = e.index }
      }
      return ImportanceGrid(importance: importance, performance: performance, audience: audience)
    }
  }

  /// The scores the filter withheld, in wave, audience, theme and question order.
  static func withheldUnderFilter(_ d: Drilldown) -> [(key: ScoreKey, reason: String)] {
    d.refused.sorted {
      ($0.key.waveID, $0.key.audience, $0.key.themeID, $0.key.questionID ?? "")
        < ($1.key.waveID, $1.key.audience, $1.key.themeID, $1.key.questionID ?? "")
    }.map { ($0.key, $0.value) }
  }

  // MARK: JSON

  static func drilldownJSON(_ s: Snapshot, _ a: MirrorAnalysis, _ d: Drilldown) -> [String: JSONValue] {
    var rankings: [String: JSONValue] = [:]
    for kind in GapKind.allCases {
      rankings[kind.rawValue] = .array(
        GapRanking.rank(a, by: kind).enumerated().map { i, g in
          [
            "rank": .int(i + 1), "theme": .text(g.themeID), "value": .num(g.value),
            "audience": .text(g.audience?.rawValue), "gap": g.gap.map { gap($0) } ?? .null,
            "key_result": .text(g.keyResultID),
            "links": [
              "objectives": texts(g.links.objectives), "key_results": texts(g.links.keyResults),
              "actions": texts(g.links.actions),
            ],
            "blind_spot": .bool(g.isBlindSpot),
            "blind_spot_reason": .text(ReportWording.reasons(g.blindSpotReasons)),
          ]
        })
    }
    let importance: [JSONValue] = grids(a, d).map { grid in
      let entries = d.importance[grid.audience] ?? []
      var quadrants: [String: JSONValue] = [:]
      for q in Quadrant.allCases { quadrants[q.rawValue] = texts(grid.themes(in: q)) }
      return [
        "audience": .string(grid.audience.rawValue), "wave": .text(entries.first?.waveID ?? a.followUp?.id),
        "outcome_question": .text(entries.first?.outcomeQuestionID),
        "available": .bool(grid.unavailable == nil),
        "reason": .text(grid.unavailable.map { ReportWording.reason($0, audience: grid.audience) }),
        "mean_importance": .num(grid.meanImportance), "mean_performance": .num(grid.meanPerformance),
        "themes": .array(
          entries.map { e in
            let placed = grid.placements.first { $0.themeID == e.themeID }
            return [
              "theme": .text(e.themeID), "r": .num(e.r), "p": .num(e.p), "n": .int(e.n),
              "performance": .num(placed?.performance), "quadrant": .text(placed?.quadrant.rawValue),
            ]
          }),
        "quadrants": .object(quadrants),
      ]
    }
    var result: [String: JSONValue] = [
      "gap_rankings": .object(rankings), "importance": .array(importance),
      "questions": .array(questionsJSON(s, a)),
      "filter": [
        "constraints": .object(
          d.filter.constraints.reduce(into: [:]) { $0[$1.key.sanitizedForTerminal] = .text($1.value) }),
        "description": .text(d.filter.description),
        "applies_to": .array(d.filterAppliesTo.map { .string($0.rawValue) }),
        "refused": .array(
          withheldUnderFilter(d).map { k, reason in
            [
              "theme": .text(k.themeID), "question": .text(k.questionID),
              "audience": .string(k.audience.rawValue),
              "wave": .text(k.waveID), "reason": .text(reason),
            ]
          }),
      ],
    ]
    if let attribute = d.segmentAttribute {
      result["segments"] = [
        "attribute": .text(attribute),
        "breakdowns": .array(
          d.breakdowns.map { b in
            [
              "theme": .text(b.themeID), "question": .text(b.questionID),
              "audience": .string(b.audience.rawValue),
              "wave": .text(b.waveID), "attribute": .text(b.attribute),
              "rows": .array(b.rows.map { segmentRow($0, a.minimumGroup) }),
            ]
          }),
      ]
    } else {
      result["segments"] = .null
    }
    return result
  }

  static func segmentRow(_ row: SegmentRow, _ minimum: Int) -> JSONValue {
    guard let summary = row.summary, let e = ScoreEstimate(summary, minimumGroup: minimum) else {
      return [
        "value": .text(row.value), "suppressed": true,
        "reason": .text(row.suppressedReason ?? Suppression.reason(minimum: minimum)),
        "cause": .string((row.cause ?? .tooFew).rawValue),
      ]
    }
    var d: [String: JSONValue] = [
      "value": .text(row.value), "suppressed": false, "n": .int(e.n),
      "index": ["value": .num(e.index), "low": .num(e.indexLow), "high": .num(e.indexHigh)],
    ]
    if let f = e.favourable {
      d["favourable"] = ["share": .num(f), "low": .num(e.favourableLow), "high": .num(e.favourableHigh)]
    }
    if let nps = e.nps { d["nps"] = ["value": .num(nps), "se": .num(e.npsSE)] }
    return .object(d)
  }

  /// Every question with its distribution per audience and wave (suppressed ones listed with
  /// the reason and nothing else).
  static func questionsJSON(_ s: Snapshot, _ a: MirrorAnalysis) -> [JSONValue] {
    let waves = s.waves.sorted { $0.date < $1.date }
    return s.questions.sorted { ($0.position, $0.id) < ($1.position, $1.id) }.map { q in
      var results: [JSONValue] = []
      for wave in waves {
        for audience in Audience.allCases {
          let key = ScoreKey(themeID: q.themeID, questionID: q.id, audience: audience, waveID: wave.id)
          guard let summary = s.scores[key], summary.n > 0 else { continue }
          guard let e = ScoreEstimate(summary, minimumGroup: a.minimumGroup) else {
            results.append([
              "audience": .string(audience.rawValue), "wave": .text(wave.id), "suppressed": true,
              "reason": .text(Suppression.reason(minimum: a.minimumGroup)),
            ])
            continue
          }
          var d: [String: JSONValue] = [
            "audience": .string(audience.rawValue), "wave": .text(wave.id), "suppressed": false,
            "n": .int(e.n),
            "distribution": .array(summary.distribution.map { .int($0) }),
            "index": ["value": .num(e.index), "low": .num(e.indexLow), "high": .num(e.indexHigh)],
            "mean": .num(e.nativeMean),
          ]
          if let f = e.favourable {
            d["favourable"] = [
              "share": .num(f), "low": .num(e.favourableLow), "high": .num(e.favourableHigh),
            ]
          }
          if let nps = e.nps { d["nps"] = ["value": .num(nps), "se": .num(e.npsSE)] }
          results.append(.object(d))
        }
      }
      return [
        "id": .text(q.id), "theme": .text(q.themeID), "text": .text(q.text),
        "scale": [.int(q.scale.min), .int(q.scale.max)], "nps": .bool(q.isNPS), "outcome": .bool(q.isOutcome),
        "results": .array(results),
      ]
    }
  }

  // MARK: Markdown

  static func drilldownMarkdown(
    _ s: Snapshot, _ a: MirrorAnalysis, _ d: Drilldown, _ t: ReportText = .english
  )
    -> [String]
  {
    let n = t.numerals
    func fmt(_ x: Double, _ digits: Int) -> String { n.localized(Report.fmt(x, digits)) }
    func signed(_ x: Double, _ digits: Int = 1) -> String { n.localized(Report.signed(x, digits)) }
    var out: [String] = []
    if !d.filter.isEmpty {
      let whom =
        d.filterAppliesTo.isEmpty
        ? t(.noAudience) : d.filterAppliesTo.map { t(.audience($0)) }.joined(separator: ", ")
      out += ["## \(t(.filterHeading))", "", t(.filter(md(d.filter.description), appliesTo: whom))]
      if !d.refused.isEmpty { out.append(t(.withheldCount(d.refused.count))) }
      out.append("")
    }
    out += [t(.gapsRanked), ""]
    for kind in GapKind.allCases {
      out.append(t(.rankedBy(kind)))
      out.append("")
      let ranked = GapRanking.rank(a, by: kind).filter { $0.value != nil }
      if ranked.isEmpty {
        out += [t(.noThemeHasGap), ""]
        continue
      }
      out.append(t(.rankedHeader))
      out.append("|---:|---|---:|---|---|---|")
      for (i, g) in ranked.enumerated() {
        let gapText =
          g.gap.map { g in
            g.gapClass == .notEnoughData
              ? ""
              : "\(signed(g.diff)) \(n.interval(fmt(g.low, 1), fmt(g.high, 1))) \(t(kind == .change ? .changeClass(g.gapClass) : .gapClass(g.gapClass)))"
          } ?? ""
        let links = (g.links.objectives + g.links.keyResults + g.links.actions).map(cellText).joined(
          separator: " ")
        out.append(
          "| \(i + 1) | \(cellText(g.theme.name)) | \(fmt(g.value ?? 0, 1)) | \(gapText) | \(links) | "
            + "\(g.isBlindSpot ? t(.blindSpotMark) : "") |")
      }
      out.append("")
    }
    out += [t(.importance), ""]
    let grids = grids(a, d)
    if grids.isEmpty { out += [t(.noImportance), ""] }
    for grid in grids {
      out.append(t(.audienceTitle(grid.audience)))
      out.append("")
      if let unavailable = grid.unavailable {
        out += [md(t(.notDrawn(unavailable, grid.audience))), ""]
        continue
      }
      out.append(
        t(
          .split(importance: fmt(grid.meanImportance ?? 0, 2), performance: fmt(grid.meanPerformance ?? 0, 1))
        ))
      out.append("")
      out.append(t(.quadrantHeader))
      out.append("|---|---|---:|---:|")
      for q in Quadrant.allCases {
        for id in grid.themes(in: q) {
          guard let p = grid.placements.first(where: { $0.themeID == id }) else { continue }
          out.append(
            "| \(t(.quadrant(q))) | \(cellText(themeName(id, s))) | \(fmt(p.importance, 2)) | \(fmt(p.performance, 1)) |"
          )
        }
      }
      out.append("")
    }
    out += [t(.questions), ""]
    let waves = s.waves.sorted { $0.date < $1.date }
    out.append(t(.questionsHeader))
    out.append("|---|---|---|---:|---|---:|---:|")
    for q in s.questions.sorted(by: { ($0.position, $0.id) < ($1.position, $1.id) }) {
      for wave in waves {
        for audience in Audience.allCases {
          guard
            let summary = s.scores[
              ScoreKey(themeID: q.themeID, questionID: q.id, audience: audience, waveID: wave.id)],
            summary.n > 0
          else { continue }
          guard let e = ScoreEstimate(summary, minimumGroup: a.minimumGroup) else {
            out.append(
              "| \(cellText(q.id)) | \(t(.audience(audience))) | \(cellText(wave.id)) | | "
                + "\(t(.tooFew(a.minimumGroup))) | | |")
            continue
          }
          let fav = e.favourable.map { n.percent(Int(Report.fmt($0 * 100, 0)) ?? 0) } ?? ""
          out.append(
            "| \(cellText(q.id)) | \(t(.audience(audience))) | \(cellText(wave.id)) | \(e.n) | "
              + "\(summary.distribution.map(String.init).joined(separator: " / ")) | \(fmt(e.index, 1)) | \(fav) |"
          )
        }
      }
    }
    out.append("")
    if let attribute = d.segmentAttribute {
      out += [t(.segmentsBy(md(attribute))), ""]
      if d.breakdowns.isEmpty { out += [t(.noAudienceHasAttribute), ""] }
      out.append(t(.segmentsHeader(cellText(attribute))))
      out.append("|---|---|---|---|---:|---:|")
      for b in d.breakdowns {
        for row in b.rows {
          let shown = row.summary.flatMap { ScoreEstimate($0, minimumGroup: a.minimumGroup) }
          let cells =
            shown.map {
              "\($0.n) | \(fmt($0.index, 1)) \(n.interval(fmt($0.indexLow, 1), fmt($0.indexHigh, 1)))"
            }
            ?? " | \(cellText(row.suppressedReason ?? t(.tooFew(a.minimumGroup))))"
          out.append(
            "| \(cellText(themeName(b.themeID, s))) | \(t(.audience(b.audience))) | \(cellText(b.waveID)) | "
              + "\(cellText(row.value)) | \(cells) |")
        }
      }
      out.append("")
    }
    return out
  }
}

extension Report {
  /// Everything `peili report` prints, gathered through the survey queries: the snapshot with
  /// its scores under `filter` (suppression as on the screens), the analysis of it, and the
  /// drill-down facts (importance in the follow-up wave, breakdowns by `segment`).
  public static func prepare(
    snapshot unfiltered: Snapshot, survey: any SurveyQuerying, filter: SegmentFilter = .none,
    segment: String? = nil, today: Day, minimumGroup: Int = Suppression.defaultMinimum,
    baselineWave: String? = nil, followUpWave: String? = nil
  ) throws -> (snapshot: Snapshot, analysis: MirrorAnalysis, drilldown: Drilldown) {
    var snapshot = unfiltered
    var drilldown = Drilldown(filter: filter, segmentAttribute: segment)
    if !filter.isEmpty {
      let filtered = try survey.scores(filter: filter, minimumGroup: minimumGroup)
      snapshot = filtered.applied(to: unfiltered)
      drilldown.filterAppliesTo = filtered.appliesTo
      drilldown.refused = filtered.refused
    }
    let analysis = MirrorAnalysis(
      snapshot: snapshot, today: today, minimumGroup: minimumGroup, baselineWave: baselineWave,
      followUpWave: followUpWave)
    guard let followUp = analysis.followUp else { return (snapshot, analysis, drilldown) }
    for audience in Audience.allCases
    where unfiltered.scores.keys.contains(where: { $0.audience == audience && $0.waveID == followUp.id }) {
      drilldown.importance[audience] = try survey.importance(
        audience: audience, waveID: followUp.id, filter: filter, minimumGroup: minimumGroup)
    }
    if let segment, let attribute = try survey.segmentAttributes().first(where: { $0.name == segment }) {
      for m in analysis.themes {
        for audience in attribute.audiences {
          let rows = try survey.breakdown(
            themeID: m.theme.id, questionID: nil, audience: audience, waveID: followUp.id, attribute: segment,
            filter: filter, minimumGroup: minimumGroup)
          guard !rows.isEmpty else { continue }
          drilldown.breakdowns.append(
            Breakdown(
              themeID: m.theme.id, audience: audience, waveID: followUp.id, attribute: segment, rows: rows))
        }
      }
    }
    return (snapshot, analysis, drilldown)
  }
}
