import Foundation
import PeiliText

extension Report {
  /// The report as Markdown; all text sanitized, suppressed cells absent (listed with the reason).
  public static func markdown(_ s: Snapshot, analysis a: MirrorAnalysis, drilldown: Drilldown = Drilldown())
    -> String
  {
    var out: [String] = ["# peili report", ""]
    var header = "Workspace: \(md(s.workspacePath))"
    if let c = s.cycle {
      header += " · cycle \(md(c.name)) (\(c.start) – \(c.end))"
    }
    out.append(header + " · today \(a.today)")
    out.append(
      "Baseline wave: \(md(a.baseline?.id ?? "none")) · follow-up wave: \(md(a.followUp?.id ?? "none"))"
        + " · minimum group \(a.minimumGroup) · material threshold \(fmt(a.materialThreshold, 0))")
    out.append("")

    out.append("## OKRs")
    out.append("")
    let forest = objectiveForest(s)
    let tree = Tree(s)
    var visited = Set<String>()
    func objective(_ o: Objective, depth: Int) {
      visited.insert(o.id)
      let pad = String(repeating: "  ", count: depth)
      out.append(
        "\(pad)- Objective **\(md(o.id))** \(md(o.title)) — \(pct(a.progress(objective: o.id)))"
          + " · \(a.status(objective: o.id).rawValue)\(owner(o.owner))")
      for kr in tree.keyResults(objective: o.id) {
        out.append(
          "\(pad)  - KR **\(md(kr.id))** \(md(kr.title)) (\(measure(kr, a))) — \(pct(a.progress(keyResult: kr.id)))"
            + " · \(a.status(keyResult: kr.id).rawValue)\(confidence(kr.confidence))\(owner(kr.owner))")
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
        "\(pad)- Action **\(md(x.id))** \(md(x.title)) — \(x.progress)% · \(x.status.rawValue)"
          + " · \(a.status(of: x).rawValue)\(confidence(x.confidence))\(owner(x.owner))"
          + (x.due.map { " · due \($0)" } ?? ""))
      let outcome = a.outcome(of: x)
      if outcome.busyNoChange { out.append("\(pad)  - busy, no change: no linked theme moved") }
      if let c = x.communicated {
        out.append("\(pad)  - communicated \(c.on) by \(md(c.channel))")
      } else if x.isDoneButNotCommunicated {
        out.append("\(pad)  - done but never communicated")
      }
      for i in outcome.impacts {
        var line =
          "\(pad)  - impact on \(md(themeName(i.themeID, s))): \(i.verdict.rawValue)"
          + " (\(i.design.rawValue)\(i.isInterim ? ", interim" : ""))"
        if let g = i.change, g.gapClass != .notEnoughData {
          line +=
            " (\(i.audience?.rawValue ?? "") \(md(i.baselineWaveID ?? "")) → \(md(i.followUpWaveID ?? "")):"
          line += " \(signed(g.diff)) [\(fmt(g.low, 1)), \(fmt(g.high, 1))], p \(pValue(g.p))"
          if let d = i.did {
            line +=
              ", vs \(d.comparisonCount) untargeted themes \(signed(d.diff)) [\(fmt(d.low, 1)), \(fmt(d.high, 1))]"
          }
          line += ")"
        }
        out.append(line)
      }
    }
    if forest.roots.isEmpty { out.append("No objectives.") }
    for o in forest.roots { objective(o, depth: 0) }
    out.append("")

    // Last cycle's actions, judged by the same survey a year later (DESIGN §8).
    if let last = s.previousCycleSnapshot, let lastCycle = last.cycle {
      let judge = MirrorAnalysis(
        snapshot: last, today: a.today, minimumGroup: a.minimumGroup, materialThreshold: a.materialThreshold)
      out.append("## Re-evaluation: cycle \(md(lastCycle.name)) (\(lastCycle.start) – \(lastCycle.end))")
      out.append("")
      if last.actions.isEmpty { out.append("No actions.") }
      for x in last.actions { action(x, pad: "", judgedBy: judge) }
      out.append("")
    }

    out.append("## Themes")
    let cells = cells(s, analysis: a)
    for m in a.themes {
      out.append("")
      out.append("### \(md(m.theme.name))")
      out.append("")
      out.append(md(ReportWording.reading(m)))
      out.append("")
      let shown = cells.filter { $0.theme.id == m.theme.id && $0.estimate != nil }
      if shown.isEmpty {
        out.append("No scores shown.")
      } else {
        out.append(
          "| audience | wave | n | mean (native) | index [95% CI] | favourable [95% CI] | NPS (SE) |")
        out.append("|---|---|---:|---:|---:|---:|---:|")
        for c in shown {
          guard let e = c.estimate else { continue }
          let native =
            e.nativeMean.map { fmt($0, 2) + (e.scale.map { " (\($0.min)–\($0.max))" } ?? "") } ?? ""
          let fav = e.favourable.map {
            "\(fmt($0 * 100, 0))% [\(fmt((e.favourableLow ?? 0) * 100, 0)), \(fmt((e.favourableHigh ?? 0) * 100, 0))]"
          }
          let nps = e.nps.map { "\(signed($0, 0)) (\(fmt(e.npsSE ?? 0, 1)))" }
          out.append(
            "| \(c.audience.rawValue) | \(cellText(c.wave.id)) | \(e.n) | \(native) | \(fmt(e.index, 1))"
              + " [\(fmt(e.indexLow, 1)), \(fmt(e.indexHigh, 1))] | \(fav ?? "") | \(nps ?? "") |")
        }
      }
      out.append("")
      out.append("- mirror gap (mirror − customer): \(gapText(m.mirrorGap))")
      out.append("- experience gap (staff − customer): \(gapText(m.experienceGap))")
      for audience in Audience.allCases {
        guard let g = m.change[audience] else { continue }
        out.append(
          "- change \(audience.rawValue) \(md(a.baseline?.id ?? "")) → \(md(a.followUp?.id ?? "")): \(gapText(g))"
        )
      }
      // Favourable % and NPS in points, beside the index's gaps and changes.
      let p = m.points
      for (label, gap) in [
        ("favourable mirror gap (mirror − customer)", p.favourableMirrorGap),
        ("favourable experience gap (staff − customer)", p.favourableExperienceGap),
        ("NPS mirror gap (mirror − customer)", p.npsMirrorGap),
        ("NPS experience gap (staff − customer)", p.npsExperienceGap),
      ] {
        guard let gap else { continue }
        out.append("- \(label): \(pointText(gap))")
      }
      for audience in Audience.allCases {
        let waves = "\(md(a.baseline?.id ?? "")) → \(md(a.followUp?.id ?? ""))"
        if let g = p.favourableChange[audience] {
          out.append("- favourable change \(audience.rawValue) \(waves): \(pointText(g))")
        }
        if let g = p.npsChange[audience] {
          out.append("- NPS change \(audience.rawValue) \(waves): \(pointText(g))")
        }
      }
    }
    out.append("")

    out += drilldownMarkdown(s, a, drilldown)

    out.append("## Suppressed")
    out.append("")
    let hidden = cells.filter { $0.suppressedReason != nil || $0.npsSuppressedReason != nil }
    let withheld = withheldUnderFilter(drilldown)
    if hidden.isEmpty && withheld.isEmpty { out.append("Nothing suppressed.") }
    for c in hidden {
      let what = c.suppressedReason == nil ? "NPS of " : ""
      out.append(
        "- \(what)\(md(c.theme.name)) · \(c.audience.rawValue) · \(md(c.wave.id)):"
          + " \(c.suppressedReason ?? c.npsSuppressedReason ?? "")")
    }
    // What the filter withheld (a small group would be revealed): every score, its reason.
    let themeNames = Dictionary(s.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    for (key, reason) in withheld {
      let theme = md(themeNames[key.themeID] ?? key.themeID)
      let question = key.questionID.map { " · question \(md($0))" } ?? ""
      out.append(
        "- \(theme)\(question) · \(key.audience.rawValue) · \(md(key.waveID)):"
          + " withheld under the filter: \(md(reason))")
    }
    out.append("")

    out.append("## Coverage warnings")
    out.append("")
    if a.warnings.isEmpty { out.append("None.") }
    for w in a.warnings { out.append("- \(md(message(w, s)))") }
    out.append("")
    return out.joined(separator: "\n")
  }

  static func gapText(_ g: Gap?) -> String {
    guard let g else { return "no data" }
    guard g.gapClass != .notEnoughData else { return "not enough data" }
    let mark = g.isMarked ? " **marked**" : ""
    return
      "\(signed(g.diff)) [\(fmt(g.low, 1)), \(fmt(g.high, 1))], p \(pValue(g.p)), n \(g.n1)/\(g.n2),"
      + " \(g.gapClass.rawValue)\(mark)"
  }

  /// A favourable or NPS difference in points, as `gapText` writes an index gap.
  static func pointText(_ g: PointGap) -> String {
    guard g.gapClass != .notEnoughData else { return "not enough data" }
    let mark = g.isMarked ? " **marked**" : ""
    return
      "\(signed(g.diff)) points [\(fmt(g.low, 1)), \(fmt(g.high, 1))], p \(pValue(g.p)), n \(g.n1)/\(g.n2),"
      + " \(g.gapClass.rawValue)\(mark)"
  }

  static func measure(_ kr: KeyResult, _ a: MirrorAnalysis) -> String {
    switch kr.measure {
    case .metric(let start, let target, let current, let unit):
      let u = unit.isEmpty ? "" : " \(md(unit))"
      return "metric \(fmt(start, 2)) → \(fmt(target, 2))\(u), now \(fmt(current, 2))"
    case .milestone(let done):
      return "milestone, \(done ? "done" : "not done")"
    case .perception(let theme, let audience, let baselineWave, let target):
      var now = a.current(keyResult: kr.id).map { fmt($0, 1) } ?? "no score"
      if let wave = a.currentWave(keyResult: kr.id) {
        let whole =
          a.isWithheldUnderFilter(keyResult: kr.id) ? ", unfiltered: withheld under this filter" : ""
        now += " (\(md(wave))\(whole))"
      }
      return
        "perception \(md(theme)) \(audience.rawValue), baseline \(md(baselineWave ?? "none")),"
        + " target \(fmt(target, 1)), now \(now)"
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
