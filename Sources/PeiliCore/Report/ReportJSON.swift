extension Report {
  /// The report as JSON with sorted keys (documented in docs/report-json.md); all text sanitized.
  public static func json(_ s: Snapshot, analysis a: MirrorAnalysis, drilldown: Drilldown = Drilldown())
    -> String
  {
    jsonValue(s, analysis: a, drilldown: drilldown).text + "\n"
  }

  /// The JSON document as a value (what `json` writes).
  public static func jsonValue(_ s: Snapshot, analysis a: MirrorAnalysis, drilldown: Drilldown = Drilldown())
    -> JSONValue
  {
    let forest = objectiveForest(s)
    let tree = Tree(s)
    var visited = Set<String>()
    func objective(_ o: Objective) -> JSONValue {
      visited.insert(o.id)
      let kids = (forest.children[o.id] ?? []).filter { !visited.contains($0.id) }
      return [
        "id": .text(o.id), "title": .text(o.title), "kind": .string(o.kind.rawValue), "owner": .text(o.owner),
        "weight": .num(o.weight), "progress": .num(a.progress(objective: o.id)),
        "status": .string(a.status(objective: o.id).rawValue), "themes": texts(a.themeIDs(objective: o.id)),
        "key_results": .array(tree.keyResults(objective: o.id).map { keyResult($0) }),
        "actions": .array(tree.actions(objective: o.id, keyResult: nil).map { action($0, judgedBy: a) }),
        "children": .array(kids.map { objective($0) }),
      ]
    }
    func keyResult(_ kr: KeyResult) -> JSONValue {
      var d: [String: JSONValue] = [
        "id": .text(kr.id), "title": .text(kr.title), "kind": .string(kr.measure.kindName),
        "owner": .text(kr.owner), "weight": .num(kr.weight),
        "confidence": kr.confidence.map { .int($0) } ?? .null,
        "progress": .num(a.progress(keyResult: kr.id)),
        "status": .string(a.status(keyResult: kr.id).rawValue),
        "themes": texts(a.themeIDs(keyResult: kr.id)),
        "withheld_under_filter": .bool(a.isWithheldUnderFilter(keyResult: kr.id)),
        "actions": .array(
          tree.actions(objective: kr.objectiveID, keyResult: kr.id).map { action($0, judgedBy: a) }),
      ]
      switch kr.measure {
      case .metric(let start, let target, let current, let unit):
        d["start"] = .num(start)
        d["target"] = .num(target)
        d["current"] = .num(current)
        d["unit"] = .text(unit)
      case .milestone(let done):
        d["done"] = .bool(done)
      case .perception(let theme, let audience, let baselineWave, let target):
        d["theme"] = .text(theme)
        d["audience"] = .string(audience.rawValue)
        d["baseline_wave"] = .text(baselineWave)
        d["target"] = .num(target)
        d["current"] = .num(a.current(keyResult: kr.id))
        d["current_wave"] = .text(a.currentWave(keyResult: kr.id))
      }
      return .object(d)
    }
    // `judge`: the analysis whose waves judge the action (last cycle's for the re-evaluation).
    func action(_ x: Action, judgedBy judge: MirrorAnalysis) -> JSONValue {
      let outcome = judge.outcome(of: x)
      return [
        "id": .text(x.id), "title": .text(x.title), "owner": .text(x.owner),
        "action_status": .string(x.status.rawValue), "status": .string(judge.status(of: x).rawValue),
        "progress": .int(x.progress), "start": .text(x.start?.description), "due": .text(x.due?.description),
        "confidence": x.confidence.map { .int($0) } ?? .null, "themes": texts(judge.themeIDs(of: x)),
        "busy_no_change": .bool(outcome.busyNoChange), "quadrant": .string(outcome.quadrant.rawValue),
        "communicated": x.communicated.map { c in
          ["on": .string(c.on.description), "channel": .text(c.channel)]
        } ?? .null,
        "done_not_communicated": .bool(x.isDoneButNotCommunicated),
        "impact": .array(
          outcome.impacts.map { i in
            [
              "theme": .text(i.themeID), "verdict": .string(i.verdict.rawValue),
              "design": .string(i.design.rawValue), "interim": .bool(i.isInterim),
              "shared_with": .int(i.sharedWith),
              "audience": .text(i.audience?.rawValue), "baseline_wave": .text(i.baselineWaveID),
              "follow_up_wave": .text(i.followUpWaveID), "change": i.change.map { gap($0) } ?? .null,
              "did_delta": .num(i.didDelta),
              "did": i.did.map { d in
                [
                  "diff": .num(d.diff), "low": .num(d.low), "high": .num(d.high), "se": .num(d.se),
                  "df": .num(d.df), "class": .string(d.gapClass.rawValue),
                  "comparison_change": .num(d.comparisonChange),
                  "comparison_themes": texts(i.comparisonThemeIDs),
                ]
              } ?? .null,
            ]
          }),
      ]
    }

    let cells = cells(s, analysis: a)
    let cellsByTheme = Dictionary(grouping: cells, by: \.theme.id)
    var themes: [JSONValue] = []
    for m in a.themes {
      let shown = (cellsByTheme[m.theme.id] ?? []).filter { $0.estimate != nil }
      var changes: [JSONValue] = []
      for audience in Audience.allCases {
        guard let g = m.change[audience] else { continue }
        var d = gapFields(g)
        d["audience"] = .string(audience.rawValue)
        d["from_wave"] = .text(a.baseline?.id)
        d["to_wave"] = .text(a.followUp?.id)
        changes.append(.object(d))
      }
      let p = m.points
      func pointChanges(_ gaps: [Audience: PointGap]) -> JSONValue {
        .array(
          Audience.allCases.compactMap { audience in
            gaps[audience].map { g in
              var d = pointGapFields(g)
              d["audience"] = .string(audience.rawValue)
              d["from_wave"] = .text(a.baseline?.id)
              d["to_wave"] = .text(a.followUp?.id)
              return .object(d)
            }
          })
      }
      themes.append([
        "id": .text(m.theme.id), "name": .text(m.theme.name), "reading": .text(ReportWording.reading(m)),
        "scores": .array(shown.map { score($0) }), "mirror_gap": m.mirrorGap.map { gap($0) } ?? .null,
        "experience_gap": m.experienceGap.map { gap($0) } ?? .null, "changes": .array(changes),
        "favourable_changes": pointChanges(p.favourableChange), "nps_changes": pointChanges(p.npsChange),
        "favourable_mirror_gap": p.favourableMirrorGap.map { .object(pointGapFields($0)) } ?? .null,
        "favourable_experience_gap": p.favourableExperienceGap.map { .object(pointGapFields($0)) } ?? .null,
        "nps_mirror_gap": p.npsMirrorGap.map { .object(pointGapFields($0)) } ?? .null,
        "nps_experience_gap": p.npsExperienceGap.map { .object(pointGapFields($0)) } ?? .null,
      ])
    }
    var suppressed: [JSONValue] = []
    for c in cells {
      let measure: String
      let reason: String
      if let r = c.suppressedReason {
        (measure, reason) = ("score", r)
      } else if let r = c.npsSuppressedReason {
        (measure, reason) = ("nps", r)
      } else {
        continue
      }
      suppressed.append([
        "theme": .text(c.theme.id), "question": nil, "audience": .string(c.audience.rawValue),
        "wave": .text(c.wave.id), "measure": .string(measure), "reason": .text(reason),
        "withheld_under_filter": false,
      ])
    }
    // What the filter withheld: every score (theme or question level) with its reason.
    for (key, reason) in withheldUnderFilter(drilldown) {
      suppressed.append([
        "theme": .text(key.themeID), "question": .text(key.questionID),
        "audience": .string(key.audience.rawValue),
        "wave": .text(key.waveID), "measure": "score", "reason": .text(reason), "withheld_under_filter": true,
      ])
    }
    let warnings: [JSONValue] = a.warnings.map { w in
      switch w {
      case .objectiveWithoutTheme(let id):
        return ["kind": "objective_without_theme", "objective": .text(id), "message": .text(message(w, s))]
      case .blindSpot(let id, let reasons):
        return [
          "kind": "blind_spot", "theme": .text(id), "reason": .text(ReportWording.reasons(reasons)),
          "message": .text(message(w, s)),
        ]
      }
    }
    func cycleJSON(_ c: Cycle) -> JSONValue {
      [
        "id": .text(c.id), "name": .text(c.name), "start": .string(c.start.description),
        "end": .string(c.end.description),
      ]
    }
    let cycle: JSONValue = s.cycle.map(cycleJSON) ?? .null
    // Last cycle's actions judged by the same survey: each by the first wave after it finished.
    var reEvaluation: JSONValue = .null
    if let last = s.previousCycleSnapshot, let lastCycle = last.cycle {
      let judge = MirrorAnalysis(
        snapshot: last, today: a.today, minimumGroup: a.minimumGroup, materialThreshold: a.materialThreshold)
      reEvaluation = [
        "cycle": cycleJSON(lastCycle),
        "actions": .array(last.actions.map { action($0, judgedBy: judge) }),
      ]
    }
    let document: [String: JSONValue] = [
      "format": "peili-report", "version": 1, "workspace": .text(s.workspacePath),
      "today": .string(a.today.description), "minimum_group": .int(a.minimumGroup),
      "material_threshold": .num(a.materialThreshold),
      "material_points": [
        "favourable": .num(Materiality.favourablePoints), "nps": .num(Materiality.npsPoints),
      ],
      "cycle": cycle, "cycles": .array(s.cycles.sorted { $0.start < $1.start }.map(cycleJSON)),
      "re_evaluation": reEvaluation,
      "waves": .array(
        s.waves.sorted { $0.date < $1.date }.map {
          ["id": .text($0.id), "date": .string($0.date.description)]
        }),
      "baseline_wave": .text(a.baseline?.id), "follow_up_wave": .text(a.followUp?.id),
      "objectives": .array(forest.roots.map { objective($0) }), "themes": .array(themes),
      "suppressed": .array(suppressed), "warnings": .array(warnings),
    ]
    return .object(document.merging(drilldownJSON(s, a, drilldown)) { a, _ in a })
  }

  static func score(_ c: Cell) -> JSONValue {
    guard let e = c.estimate else { return .null }
    var d: [String: JSONValue] = [
      "audience": .string(c.audience.rawValue), "wave": .text(c.wave.id), "n": .int(e.n),
      "index": ["value": .num(e.index), "low": .num(e.indexLow), "high": .num(e.indexHigh)],
    ]
    if let mean = e.nativeMean {
      var native: [String: JSONValue] = [
        "mean": .num(mean), "low": .num(e.nativeLow), "high": .num(e.nativeHigh),
      ]
      if let scale = e.scale { native["scale"] = [.int(scale.min), .int(scale.max)] }
      d["native"] = .object(native)
    }
    if let f = e.favourable {
      d["favourable"] = [
        "share": .num(f), "low": .num(e.favourableLow), "high": .num(e.favourableHigh),
        "n": .int(e.favourableN), "answers": .int(e.favourableAnswers),
        "basis": .string(e.favourableBasis == .respondentShares ? "respondent_shares" : "answers"),
      ]
    }
    if let nps = e.nps, let se = e.npsSE {
      d["nps"] = ["value": .num(nps), "se": .num(se), "n": .int(e.npsN)]
    }
    return .object(d)
  }

  static func gap(_ g: Gap) -> JSONValue { .object(gapFields(g)) }

  static func gapFields(_ g: Gap) -> [String: JSONValue] {
    guard g.gapClass != .notEnoughData else {
      return ["class": .string(g.gapClass.rawValue), "marked": false]
    }
    return [
      "class": .string(g.gapClass.rawValue), "marked": .bool(g.isMarked), "diff": .num(g.diff),
      "low": .num(g.low),
      "high": .num(g.high), "se": .num(g.se), "df": .num(g.df), "p": .num(g.p), "n1": .int(g.n1),
      "n2": .int(g.n2),
    ]
  }

  /// A favourable or NPS difference in points (see docs/report-json.md, "Point gap object").
  static func pointGapFields(_ g: PointGap) -> [String: JSONValue] {
    var d: [String: JSONValue] = [
      "class": .string(g.gapClass.rawValue), "marked": .bool(g.isMarked),
      "measure": .string(g.measure.rawValue),
    ]
    guard g.gapClass != .notEnoughData else { return d }
    let method: String =
      switch g.method {
      case .twoProportions: "two_proportions"
      case .respondentShares: "respondent_shares"
      case .npsDifference: "nps_difference"
      case .none: "none"
      }
    d["method"] = .string(method)
    d["diff"] = .num(g.diff)
    d["low"] = .num(g.low)
    d["high"] = .num(g.high)
    d["se"] = .num(g.se)
    d["statistic"] = .num(g.statistic)
    d["df"] = g.df.map { .num($0) } ?? .null
    d["p"] = .num(g.p)
    d["n1"] = .int(g.n1)
    d["n2"] = .int(g.n2)
    return d
  }

  static func texts(_ list: [String]) -> JSONValue { .array(list.map { .text($0) }) }
}
