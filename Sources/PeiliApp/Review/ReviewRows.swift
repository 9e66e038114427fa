import PeiliCore
import PeiliText
import PeiliUI

/// The Review screen's lines, built from the model alone: the agenda's rows and the selected
/// item's detail (its state then and now, mirror, actions' impact, check-ins, decisions and
/// notes, vote).
enum ReviewRows {
  /// One agenda row: the presented mark, the place, the reason, the item.
  static func agenda(_ item: ReviewItem, _ m: Model, current: Bool) -> [Span] {
    let t = m.shared.text.review
    let g = m.shared.glyphs
    let muted = item.item.skipped
    let mark = current ? (g.isUnicode ? "▶" : ">") : " "
    return [
      Span(mark, Style(.accent, bold: true)),
      Span(" \(item.position + 1). ", Style(.muted)),
      Span(item.item.id + " ", Style(muted ? .muted : .text, bold: !muted)),
      Span(item.item.title, Style(muted ? .muted : .text)),
      Span("  " + t.reason(item.item.reason), Style(reasonRole(item.item.reason))),
    ]
  }

  static func reasonRole(_ r: AgendaReason) -> Role {
    switch r {
    case .quickWin: .good
    case .offTrack, .blocked, .busyNoChange: .bad
    case .lowConfidence, .blindSpot, .withoutMirror, .openDecision: .warn
    case .onTrack, .added: .muted
    }
  }

  /// The selected item's detail, line by line: then and now, its vote, decisions and notes,
  /// then the mirror, the actions' impact and the check-ins.
  static func detail(_ item: ReviewItem, _ review: Review, _ m: Model) -> [[Span]] {
    let t = m.shared.text.review
    let text = ScoreText(m.shared)
    let sep = text.separator
    var lines: [[Span]] = [
      [
        Span(item.item.id + "  ", Style(.accent, bold: true)),
        Span(item.item.title, Style(.text, bold: true)),
      ],
      [Span(t.kind(item.item.kind) + sep + t.reason(item.item.reason), Style(reasonRole(item.item.reason)))],
    ]
    // Then and now: what the room saw when the review started, and the node as it is.
    lines.append([Span(t.atStart + ": ", Style(.muted))] + state(item.state, m))
    lines.append([Span(t.now + ": ", Style(.muted))] + state(ReviewItemState.of(item.item, m), m))
    // What the meeting takes away comes first: on a small terminal it must show.
    lines.append([])
    lines.append([Span(t.entries, Style(.text, bold: true))])
    let entries = review.entries.filter { $0.itemPosition == item.position }
    if entries.isEmpty { lines.append([Span("  " + t.noEntries, Style(.muted))]) }
    let selected = m[ReviewScreen.self].entryID
    for e in entries {
      var spans = [
        Span(e.id == selected ? m.shared.glyphs.collapsed + " " : "  ", Style(.accent, bold: true)),
        Span(
          (e.kind == .decision ? t.decision : t.note) + ": ", Style(e.kind == .decision ? .accent : .muted)),
        Span(e.text, Style(.text, bold: e.id == selected)),
      ]
      var facts = [t.entryBy(e.createdBy)]
      if let owner = e.owner { facts.append(t.owner(owner)) }
      if let due = e.due { facts.append(t.due("\(due)")) }
      if let action = e.actionID { facts.append(t.createdAction(action)) }
      if e.status == .done { facts.append(t.doneMark) }
      spans.append(Span(" " + facts.joined(separator: sep), Style(.muted)))
      lines.append(spans)
    }
    if let vote = review.vote(on: item.position) {
      if let r = vote.result {
        lines.append([Span(result(r, m), Style(.accent, bold: true))])
      } else {
        var spans = [Span(t.voteHidden(vote.voters.count), Style(.warn, bold: true))]
        if vote.voters.contains(m.shared.user) { spans.append(Span(sep + t.youVoted, Style(.muted))) }
        lines.append(spans)
      }
    }
    lines.append([])
    lines.append([Span(t.mirror, Style(.text, bold: true))])
    let themes = themeIDs(item.item, m)
    if themes.isEmpty { lines.append([Span("  " + t.noMirror, Style(.muted))]) }
    for id in themes.prefix(3) {
      guard let mirror = m.shared.analysis.mirror(theme: id) else { continue }
      var line = [Span("  " + mirror.theme.name + "  ", Style(.text))]
      for audience in [Audience.customer, .staff] {
        line.append(Span(m.shared.text.analysis.audience(audience) + " ", Style(.muted)))
        line.append(Span(text.index(mirror.scores[audience]) + " ", Style(.text, bold: true)))
        line.append(text.changeCell(mirror.change[audience]))
        line.append(Span("  ", Style(.text)))
      }
      lines.append(line)
    }
    lines.append([])
    lines.append([Span(t.actions, Style(.text, bold: true))])
    let actions = actionsOf(item.item, m)
    if actions.isEmpty { lines.append([Span("  " + t.noActions, Style(.muted))]) }
    for a in actions.prefix(4) {
      let outcome = m.shared.analysis.outcome(of: a)
      let verdict = outcome.verdict.map { m.shared.text.impact.verdict($0) } ?? text.missing
      lines.append([
        Span("  \(a.id) ", Style(.text, bold: true)), Span(a.title + "  ", Style(.text)),
        Span(text.percent(Double(a.progress) / 100), Style(.muted)), Span(sep + verdict, Style(.accent)),
      ])
    }
    lines.append([])
    lines.append([Span(t.checkIns, Style(.text, bold: true))])
    let checkIns = self.checkIns(item.item, actions, m)
    if checkIns.isEmpty { lines.append([Span("  " + t.noCheckIns, Style(.muted))]) }
    for c in checkIns.prefix(3) {
      lines.append([Span("  " + t.checkIn(text.date(ofStamp: c.at), c.author, c.note), Style(.text))])
    }
    return lines
  }

  /// "vote: median 7.5, spread 5–9, n 6".
  static func result(_ r: VoteResult, _ m: Model) -> String {
    let median = ScoreText(m.shared).decimal(r.median, r.median == r.median.rounded() ? 0 : 1)
    return m.shared.text.review.voteResult(median, r.lowest, r.highest, r.n)
  }

  /// An item's state as facts in a line: progress, pace, confidence, index, verdict.
  static func state(_ s: ReviewItemState, _ m: Model) -> [Span] {
    let t = m.shared.text.review
    let text = ScoreText(m.shared)
    var parts: [String] = []
    if let p = s.progress { parts.append(t.progress(text.percent(p))) }
    if let raw = s.status, let pace = PaceStatus(rawValue: raw) { parts.append(m.shared.text.name(pace)) }
    if let c = s.confidence { parts.append(t.confidence(c)) }
    if let i = s.index, let theme = s.themeID {
      let name = m.shared.snapshot.themes.first { $0.id == theme }?.name ?? theme
      parts.append("\(name) \(Int(i.rounded()))")
    }
    if let raw = s.verdict, let v = ImpactVerdict(rawValue: raw) {
      parts.append(m.shared.text.impact.verdict(v))
    }
    return [Span(parts.isEmpty ? text.missing : parts.joined(separator: text.separator), Style(.text))]
  }

  static func themeIDs(_ item: AgendaItem, _ m: Model) -> [String] {
    let a = m.shared.analysis
    switch item.kind {
    case .objective: return a.themeIDs(objective: item.id)
    case .keyResult: return a.themeIDs(keyResult: item.id)
    case .action: return m.shared.tree.action(item.id).map { a.themeIDs(of: $0) } ?? []
    case .theme: return [item.id]
    case .decision: return []
    }
  }

  /// The actions under the item's node (an action: itself).
  static func actionsOf(_ item: AgendaItem, _ m: Model) -> [Action] {
    let all = m.shared.snapshot.actions
    switch item.kind {
    case .objective: return all.filter { $0.objectiveID == item.id }
    case .keyResult: return all.filter { $0.keyResultID == item.id }
    case .action: return all.filter { $0.id == item.id }
    case .theme: return all.filter { $0.themeIDs.contains(item.id) }
    case .decision: return []
    }
  }

  /// The latest check-ins of the node and its actions, newest first.
  static func checkIns(_ item: AgendaItem, _ actions: [Action], _ m: Model) -> [CheckIn] {
    let s = m.shared.snapshot
    var found = actions.compactMap { s.lastActionCheckIns[$0.id] }
    if item.kind == .keyResult, let c = s.lastKeyResultCheckIns[item.id] { found.append(c) }
    if item.kind == .objective {
      found += s.keyResults.filter { $0.objectiveID == item.id }.compactMap { s.lastKeyResultCheckIns[$0.id] }
    }
    return found.sorted { $0.at > $1.at }
  }
}

extension ReviewItemState {
  /// The state of `item` as the model's analysis sees it now.
  static func of(_ item: AgendaItem, _ m: Model) -> ReviewItemState {
    ReviewItemState.of(item, snapshot: m.shared.snapshot, analysis: m.shared.analysis)
  }
}
