import PeiliCore
import PeiliText
import PeiliUI

/// The lines of one action's impact detail: its verdict and rollups, then per theme the
/// waves compared, the scores with their interval strips, the change, the DiD and what it
/// is compared with, favourable % and NPS, the trend, and what the verdict can claim. Pure.
enum ImpactDetailRows {
  static func lines(_ a: Action, _ m: Model, width: Int) -> [[Span]] {
    let t = m.shared.text.impact
    let text = ScoreText(m.shared)
    let o = ImpactRows.analysis(m).outcome(of: a)
    var out: [[Span]] = []
    out.append([Span(t.detailTitle(a.id, a.title), Style(.header, bold: true))])
    var facts = [m.shared.text.name(a.status), text.percent(Double(a.progress) / 100)]
    if let due = a.due { facts.append(m.shared.text.dashboard.due(text.date(due))) }
    if let owner = a.owner { facts.append(owner) }
    out.append([Span(facts.joined(separator: text.separator), Style(.muted))])
    if let c = a.communicated {
      out.append([Span(t.communicatedLine(text.date(c.on), c.channel), Style(.muted))])
    } else if a.isDoneButNotCommunicated {
      out += wrapped(t.doneNeverCommunicated, indent: "", width: width).map { line in
        line.map { Span($0.text, Style(.warn)) }
      }
    }
    if let tally = o.tally {
      var line = [Span(t.tally(tally), Style(ImpactRows.role(o), bold: true))]
      // The quadrant where it says more than the tally ("moved without much done").
      if t.quadrant(o.quadrant) != t.tally(tally) {
        line.append(Span(text.separator + t.quadrant(o.quadrant), Style(.muted)))
      }
      out.append(line)
    }
    out += ImpactRows.rollups(a, m)
    guard !o.impacts.isEmpty else {
      out.append([])
      out.append([Span(t.noThemes, Style(.muted))])
      return out
    }
    for i in o.impacts { out += theme(i, a, m, width: width) }
    out.append([])
    out += wrapped(t.claimSampling, indent: "", width: width)
    if let told = toldComparison(m) { out += wrapped(told, indent: "", width: width) }
    return out
  }

  /// The fewest finished actions on each side before communicated and uncommunicated ones
  /// are compared: fewer say nothing even as an association.
  static let toldComparisonMinimum = 3

  /// The mean change of finished actions' first themes, communicated against not, when each
  /// side has enough actions; nil otherwise.
  static func toldComparison(_ m: Model) -> String? {
    let cache = ImpactRows.cache(m)
    var told: [Double] = []
    var untold: [Double] = []
    for e in cache.entries {
      let a = cache.actions[e.position]
      guard a.status == .done, let g = e.primary?.change, g.gapClass != .notEnoughData else { continue }
      if a.communicated != nil { told.append(g.diff) } else { untold.append(g.diff) }
    }
    guard told.count >= toldComparisonMinimum, untold.count >= toldComparisonMinimum else { return nil }
    let text = ScoreText(m.shared)
    func mean(_ xs: [Double]) -> String { text.signed(xs.reduce(0, +) / Double(xs.count)) }
    let t = m.shared.text.impact
    return t.toldComparison(mean(told), t.count(told.count), mean(untold), t.count(untold.count))
  }

  /// One linked theme's part of the detail.
  static func theme(_ i: ActionImpact, _ a: Action, _ m: Model, width: Int) -> [[Span]] {
    let t = m.shared.text.impact
    let words = m.shared.text.analysis
    let text = ScoreText(m.shared)
    let analysis = ImpactRows.analysis(m)
    let name = analysis.mirror(theme: i.themeID)?.theme.name ?? i.themeID
    let audience = i.audience ?? .customer
    var out: [[Span]] = [[]]
    out.append([
      Span(t.themeHeading(name, words.audience(audience)), Style(.text, bold: true)),
      Span("  " + t.verdictLine(t.verdict(i.verdict), t.design(i.design)), Style(verdictRole(i.verdict))),
    ])
    guard let b = i.baselineWaveID, let f = i.followUpWaveID else {
      out.append([Span("  " + t.noFollowUp, Style(.muted))])
      out += claims(i, t).flatMap { wrapped($0, indent: "  ", width: width) }
      return out
    }
    out.append([Span("  " + t.waves(b, text.arrow, f), Style(.muted))])
    if i.isInterim { out.append([Span("  " + t.interimNote, Style(.warn))]) }
    let strip = max(10, min(40, width - 40))
    for wave in [b, f] {
      var line = [Span("  " + TextFit.left(wave, 9), Style(.muted))]
      if let e = analysis.estimate(theme: i.themeID, audience: audience, wave: wave) {
        line.append(
          Span(
            m.shared.glyphs.ciStrip(low: e.indexLow, estimate: e.index, high: e.indexHigh, width: strip),
            Style(.customer)))
        line.append(Span(" " + text.indexWithMargin(e), Style(.text, bold: true)))
      } else {
        line.append(Span(text.missing, Style(.muted)))
      }
      out.append(line)
    }
    if let c = i.change {
      let cell = text.changeCell(c)
      out.append([Span("  " + t.changeLine(cell.text), cell.style)])
    }
    if let d = i.did {
      let cell = ImpactRows.didCell(d, text: text)
      let cmp = "\(text.signed(d.comparisonChange))"
      out.append([Span("  " + t.didLine(cell.text, cmp), cell.style)])
      let names = i.comparisonThemeIDs.map { analysis.mirror(theme: $0)?.theme.name ?? $0 }
      out.append([Span("  " + t.comparedWith(names.joined(separator: ", ")), Style(.muted))])
    } else if i.change != nil {
      out.append([Span("  " + t.noComparison, Style(.muted))])
    }
    let points = analysis.pointChanges(theme: i.themeID, audience: audience, from: b, to: f)
    var pointParts: [Span] = []
    if let g = points.favourable, g.gapClass != .notEnoughData {
      pointParts.append(Span(t.favourableChange(text.difference(g)), Style(pointRole(g.gapClass))))
    }
    if let g = points.nps, g.gapClass != .notEnoughData {
      if !pointParts.isEmpty { pointParts.append(Span(text.separator, Style(.muted))) }
      pointParts.append(Span(t.npsChange(text.difference(g)), Style(pointRole(g.gapClass))))
    }
    if !pointParts.isEmpty { out.append([Span("  ")] + pointParts) }
    let trend = analysis.trend(theme: i.themeID, audience: audience)
    if trend.count > 2 {
      var line = [Span("  " + t.trend(words.audience(audience)) + " ", Style(.muted))]
      for (k, point) in trend.enumerated() {
        if k > 0 { line.append(Span(text.separator, Style(.muted))) }
        line.append(Span("\(point.wave.id) ", Style(.muted)))
        line.append(Span(point.estimate.map(text.indexWithMargin) ?? text.missing, Style(.text)))
      }
      out.append(line)
    }
    out += claims(i, t).flatMap { wrapped($0, indent: "  ", width: width) }
    return out
  }

  /// A sentence as muted lines of at most `width` columns, each after `indent`.
  static func wrapped(_ sentence: String, indent: String, width: Int) -> [[Span]] {
    TextFit.wrap(sentence, width: max(10, width - DisplayWidth.of(indent))).map {
      [Span(indent + $0, Style(.muted))]
    }
  }

  /// What this theme's verdict cannot claim, beyond sampling error (said once for all).
  static func claims(_ i: ActionImpact, _ t: Catalogue.ImpactText) -> [String] {
    var out: [String] = []
    switch i.design {
    case .dropped: out.append(t.claimDropped)
    case .notStarted: out.append(t.claimNotStarted)
    case .tooEarly: out.append(t.claimTooEarly)
    case .beforeAfterOnly: out.append(t.claimBeforeAfter)
    case .shared, .withComparison: break
    }
    if i.sharedWith > 0 { out.append(t.claimShared(i.sharedWith)) }
    if i.isInterim { out.append(t.claimInterim) }
    return out
  }

  static func verdictRole(_ v: ImpactVerdict) -> Role {
    switch v {
    case .moved: .good
    case .worse: .bad
    default: .muted
    }
  }

  static func pointRole(_ c: GapClass) -> Role {
    switch c {
    case .over: .good
    case .under: .bad
    default: .text
    }
  }
}
