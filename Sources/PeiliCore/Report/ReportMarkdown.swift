import Foundation
import PeiliText

extension Report {
  /// The report as Markdown in `text`'s language; all text sanitized, suppressed cells absent
  /// (listed with the reason).
  public static func markdown(
    _ s: Snapshot, analysis a: MirrorAnalysis, drilldown: Drilldown = Drilldown(),
    text t: ReportText = .english
  ) -> String {
    let n = t.numerals
    // The language's numbers and dates: these shadow the report's locale-neutral helpers.
    func fmt(_ x: Double, _ digits: Int) -> String { n.localized(Report.fmt(x, digits)) }
    func signed(_ x: Double, _ digits: Int = 1) -> String { n.localized(Report.signed(x, digits)) }
    func pct(_ p: Double?) -> String {
      p.map { n.percent(Int(Report.fmt($0 * 100, 0)) ?? 0) } ?? t(.noProgress)
    }
    func pValue(_ p: Double) -> String { n.localized(Report.pValue(p)) }
    func date(_ d: Day) -> String { n.date(d) }
    func interval(_ low: Double, _ high: Double, _ digits: Int) -> String {
      n.interval(fmt(low, digits), fmt(high, digits))
    }
    func gapText(_ g: Gap?, change: Bool = false) -> String { Report.gapText(g, t, change: change) }
    func confidence(_ c: Int?) -> String { c.map { t(.confidence($0)) } ?? "" }
    var out: [String] = [t(.title), ""]
    var header = t(.workspace(md(s.workspacePath)))
    if let c = s.cycle {
      header += t(.cycle(name: md(c.name), start: date(c.start), end: date(c.end)))
    }
    out.append(header + t(.today(date(a.today))))
    out.append(
      t(.waves(baseline: md(a.baseline?.id ?? t(.none)), followUp: md(a.followUp?.id ?? t(.none))))
        + t(.minimum(group: a.minimumGroup, threshold: fmt(a.materialThreshold, 0))))
    out.append("")

    out.append(t(.okrs))
    out.append("")
    let forest = objectiveForest(s)
    let tree = Tree(s)
    var visited = Set<String>()
    func objective(_ o: Objective, depth: Int) {
      visited.insert(o.id)
      let pad = String(repeating: "  ", count: depth)
      out.append(
        "\(pad)- \(t(.objective)) **\(md(o.id))** \(md(o.title)) — \(pct(a.progress(objective: o.id)))"
          + " · \(t(.pace(a.status(objective: o.id))))\(owner(o.owner))")
      for kr in tree.keyResults(objective: o.id) {
        out.append(
          "\(pad)  - \(t(.keyResult)) **\(md(kr.id))** \(md(kr.title)) (\(measure(kr, a, t))) — "
            + "\(pct(a.progress(keyResult: kr.id)))"
            + " · \(t(.pace(a.status(keyResult: kr.id))))\(confidence(kr.confidence))\(owner(kr.owner))")
        for x in tree.actions(objective: o.id, keyResult: kr.id) { action(x, pad: pad + "    ") }
      }
      for x in tree.actions(objective: o.id, keyResult: nil) { action(x, pad: pad + "  ") }
      for child in forest.children[o.id] ?? [] where !visited.contains(child.id) {
        objective(child, depth: depth + 1)
      }
    }
    func action(_ x: Action, pad: String, judgedBy judge: MirrorAnalysis? = nil) {
      let a = judge ?? a
      out.append(
        "\(pad)- \(t(.action)) **\(md(x.id))** \(md(x.title)) — \(n.percent(x.progress)) · \(t(.status(x.status)))"
          + " · \(t(.pace(a.status(of: x))))\(confidence(x.confidence))\(owner(x.owner))"
          + (x.due.map { t(.due(date($0))) } ?? ""))
      let outcome = a.outcome(of: x)
      if outcome.busyNoChange { out.append("\(pad)  - \(t(.busyNoChange))") }
      if let c = x.communicated {
        out.append("\(pad)  - \(t(.communicated(day: date(c.on), channel: md(c.channel))))")
      } else if x.isDoneButNotCommunicated {
        out.append("\(pad)  - \(t(.doneNeverCommunicated))")
      }
      for i in outcome.impacts {
        var line =
          "\(pad)  - "
          + t(
            .impact(
              theme: md(themeName(i.themeID, s)), verdict: i.verdict, design: i.design, interim: i.isInterim))
        if let g = i.change, g.gapClass != .notEnoughData {
          line += t(
            .impactChange(
              audience: i.audience, baseline: md(i.baselineWaveID ?? ""), followUp: md(i.followUpWaveID ?? "")
            ))
          line += " \(signed(g.diff)) \(interval(g.low, g.high, 1)), p \(pValue(g.p))"
          if let d = i.did {
            line += t(
              .versusUntargeted(
                count: d.comparisonCount, change: "\(signed(d.diff)) \(interval(d.low, d.high, 1))"))
          }
          line += ")"
        }
        out.append(line)
      }
    }
    if forest.roots.isEmpty { out.append(t(.noObjectives)) }
    for o in forest.roots { objective(o, depth: 0) }
    out.append("")

    // Last cycle's actions, judged by the same survey a year later (DESIGN §8).
    if let last = s.previousCycleSnapshot, let lastCycle = last.cycle {
      let judge = MirrorAnalysis(
        snapshot: last, today: a.today, minimumGroup: a.minimumGroup, materialThreshold: a.materialThreshold)
      out.append(
        t(.reEvaluation(name: md(lastCycle.name), start: date(lastCycle.start), end: date(lastCycle.end))))
      out.append("")
      if last.actions.isEmpty { out.append(t(.noActions)) }
      for x in last.actions { action(x, pad: "", judgedBy: judge) }
      out.append("")
    }

    out.append(t(.themes))
    let cells = cells(s, analysis: a)
    for m in a.themes {
      out.append("")
      out.append("### \(md(m.theme.name))")
      out.append("")
      out.append(md(t.reading(m)))
      out.append("")
      let shown = cells.filter { $0.theme.id == m.theme.id && $0.estimate != nil }
      if shown.isEmpty {
        out.append(t(.noScores))
      } else {
        out.append(t(.scoresHeader))
        out.append("|---|---|---:|---:|---:|---:|---:|")
        for c in shown {
          guard let e = c.estimate else { continue }
          let native =
            e.nativeMean.map { fmt($0, 2) + (e.scale.map { " (\($0.min)–\($0.max))" } ?? "") } ?? ""
          let fav = e.favourable.map {
            n.percent(Int(Report.fmt($0 * 100, 0)) ?? 0)
              + " " + interval((e.favourableLow ?? 0) * 100, (e.favourableHigh ?? 0) * 100, 0)
          }
          let nps = e.nps.map { "\(signed($0, 0)) (\(fmt(e.npsSE ?? 0, 1)))" }
          out.append(
            "| \(t(.audience(c.audience))) | \(cellText(c.wave.id)) | \(e.n) | \(native) | \(fmt(e.index, 1))"
              + " \(interval(e.indexLow, e.indexHigh, 1)) | \(fav ?? "") | \(nps ?? "") |")
        }
      }
      out.append("")
      out.append("- \(t(.mirrorGap)): \(gapText(m.mirrorGap))")
      out.append("- \(t(.experienceGap)): \(gapText(m.experienceGap))")
      let waves = "\(md(a.baseline?.id ?? "")) → \(md(a.followUp?.id ?? ""))"
      for audience in Audience.allCases {
        guard let g = m.change[audience] else { continue }
        out.append("- \(t(.change(audience, waves: waves))): \(gapText(g, change: true))")
      }
      // Favourable % and NPS in points, beside the index's gaps and changes.
      let p = m.points
      for (label, gap) in [
        (t(.favourableMirrorGap), p.favourableMirrorGap),
        (t(.favourableExperienceGap), p.favourableExperienceGap),
        (t(.npsMirrorGap), p.npsMirrorGap),
        (t(.npsExperienceGap), p.npsExperienceGap),
      ] {
        guard let gap else { continue }
        out.append("- \(label): \(pointText(gap, t))")
      }
      for audience in Audience.allCases {
        if let g = p.favourableChange[audience] {
          out.append("- \(t(.favourableChange(audience, waves: waves))): \(pointText(g, t, change: true))")
        }
        if let g = p.npsChange[audience] {
          out.append("- \(t(.npsChange(audience, waves: waves))): \(pointText(g, t, change: true))")
        }
      }
    }
    out.append("")

    out += drilldownMarkdown(s, a, drilldown, t)

    out.append(t(.suppressed))
    out.append("")
    let hidden = cells.filter { $0.suppressedReason != nil || $0.npsSuppressedReason != nil }
    let withheld = withheldUnderFilter(drilldown)
    if hidden.isEmpty && withheld.isEmpty { out.append(t(.nothingSuppressed)) }
    for c in hidden {
      let what = c.suppressedReason == nil ? t(.npsOf) : ""
      out.append(
        "- \(what)\(md(c.theme.name)) · \(t(.audience(c.audience))) · \(md(c.wave.id)):"
          + " \(c.suppressedReason ?? c.npsSuppressedReason ?? "")")
    }
    // What the filter withheld (a small group would be revealed): every score, its reason.
    let themeNames = Dictionary(s.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    for (key, reason) in withheld {
      let theme = md(themeNames[key.themeID] ?? key.themeID)
      let question = key.questionID.map { t(.question(md($0))) } ?? ""
      out.append(
        "- \(theme)\(question) · \(t(.audience(key.audience))) · \(md(key.waveID)):"
          + t(.withheldUnderFilter(md(reason))))
    }
    out.append("")

    out.append(t(.coverageWarnings))
    out.append("")
    if a.warnings.isEmpty { out.append(t(.noWarnings)) }
    for w in a.warnings { out.append("- \(md(message(w, s, t)))") }
    out.append("")
    return out.joined(separator: "\n")
  }

  static func gapText(_ g: Gap?, _ t: ReportText = .english, change: Bool = false) -> String {
    guard let g else { return t(.noData) }
    guard g.gapClass != .notEnoughData else { return t(.notEnoughData) }
    let n = t.numerals
    let mark = g.isMarked ? t(.marked) : ""
    return
      n.localized(signed(g.diff)) + " "
      + n.interval(n.localized(fmt(g.low, 1)), n.localized(fmt(g.high, 1))) + ", p "
      + n.localized(pValue(g.p)) + ","
      + " n \(g.n1)/\(g.n2), \(t(change ? .changeClass(g.gapClass) : .gapClass(g.gapClass)))\(mark)"
  }

  /// A favourable or NPS difference in points, as `gapText` writes an index gap.
  static func pointText(_ g: PointGap, _ t: ReportText = .english, change: Bool = false) -> String {
    guard g.gapClass != .notEnoughData else { return t(.notEnoughData) }
    let n = t.numerals
    let mark = g.isMarked ? t(.marked) : ""
    return
      n.localized(signed(g.diff)) + t(.points)
      + " " + n.interval(n.localized(fmt(g.low, 1)), n.localized(fmt(g.high, 1))) + ", p "
      + n.localized(pValue(g.p)) + ","
      + " n \(g.n1)/\(g.n2), \(t(change ? .changeClass(g.gapClass) : .gapClass(g.gapClass)))\(mark)"
  }

  static func measure(_ kr: KeyResult, _ a: MirrorAnalysis, _ t: ReportText = .english) -> String {
    let n = t.numerals
    switch kr.measure {
    case .metric(let start, let target, let current, let unit):
      let u = unit.isEmpty ? "" : " \(md(unit))"
      return t(
        .metric(
          start: n.localized(fmt(start, 2)), target: n.localized(fmt(target, 2)), unit: u,
          now: n.localized(fmt(current, 2))))
    case .milestone(let done):
      return t(.milestone(done: done))
    case .perception(let theme, let audience, let baselineWave, let target):
      var now = a.current(keyResult: kr.id).map { n.localized(fmt($0, 1)) } ?? t(.noScore)
      if let wave = a.currentWave(keyResult: kr.id) {
        let whole = a.isWithheldUnderFilter(keyResult: kr.id) ? t(.unfilteredWithheld) : ""
        now += " (\(md(wave))\(whole))"
      }
      return t(
        .perception(
          theme: md(theme), audience: audience, baseline: md(baselineWave ?? t(.none)),
          target: n.localized(fmt(target, 1)), now: now))
    }
  }

  static func themeName(_ id: String, _ s: Snapshot) -> String { s.themes.first { $0.id == id }?.name ?? id }
  static func owner(_ o: String?) -> String { o.map { " · \(md($0))" } ?? "" }
  static func confidence(_ c: Int?) -> String { c.map { " · confidence \($0)" } ?? "" }
  static func pct(_ p: Double?) -> String { p.map { "\(fmt($0 * 100, 0))%" } ?? "no progress measured" }
  static func fmt(_ x: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", unsignedZero(x, digits))
  }
  static func signed(_ x: Double, _ digits: Int = 1) -> String {
    String(format: "%+.\(digits)f", unsignedZero(x, digits))
  }
  /// `x`, or +0 when it rounds to zero at `digits` decimals: "-0.0" is never written (a −0.04
  /// printed as "-0.0" would claim a direction the number does not have).
  static func unsignedZero(_ x: Double, _ digits: Int) -> Double {
    let scale = (0..<max(0, digits)).reduce(1.0) { r, _ in r * 10 }
    return (x * scale).rounded() == 0 ? 0 : x
  }
  static func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : String(format: "%.3f", p) }
  /// Sanitized text for Markdown prose.
  static func md(_ s: String) -> String { s.sanitizedForTerminal }
  /// Sanitized text for a table cell (a `|` would end the cell).
  static func cellText(_ s: String) -> String {
    s.sanitizedForTerminal.replacingOccurrences(of: "|", with: "\\|")
  }
}
