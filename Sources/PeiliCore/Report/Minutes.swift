/// A review's minutes (DESIGN §9): title, date, participants, the agenda with each item's state
/// at the time, decisions, notes and every change made during the meeting. Pure: the review
/// and the audit rows written while it was open in, text out; a closed review's minutes are
/// the same bytes whenever they are asked for.
public enum Minutes {
  /// The audit rows of the meeting are those from its start to its close (to now while open),
  /// oldest first; `changes` is what `Workspace.auditTrail` returned for that span.
  public static func json(_ r: Review, changes: [AuditEntry]) -> String {
    var root: [String: JSONValue] = [
      "format": .string("peili-minutes"), "version": .int(1),
      "review": .object([
        "id": .int(Int(r.id)), "title": .string(r.title), "cycle": .string(r.cycleID),
        "started_at": .string(r.startedAt), "started_by": .string(r.startedBy),
        "closed_at": .text(r.closedAt), "closed_by": .text(r.closedBy), "open": .bool(r.isOpen),
      ]),
      "participants": .array(r.participants.map { .string($0) }),
    ]
    root["agenda"] = .array(
      r.agenda.map { i in
        guard case .object(var o) = item(i) else { return .null }
        let s = i.state
        o["state"] = .object([
          "progress": .num(s.progress), "status": .text(s.status),
          "confidence": s.confidence.map { .int($0) } ?? .null,
          "theme": .text(s.themeID), "index": .num(s.index), "verdict": .text(s.verdict),
          "busy_no_change": .bool(s.busyNoChange),
        ])
        o["vote"] = r.vote(on: i.position).map(vote) ?? .null
        o["decisions"] = .array(entries(r, .decision, at: i.position).map(entry))
        o["notes"] = .array(entries(r, .note, at: i.position).map(entry))
        return .object(o)
      })
    root["decisions"] = .array(r.entries.filter { $0.kind == .decision }.map(entry))
    root["notes"] = .array(r.entries.filter { $0.kind == .note }.map(entry))
    root["changes"] = .array(
      changes.map { c in
        .object([
          "at": .string(c.at), "user": .string(c.user), "kind": .string(c.kind.rawValue),
          "entity": .string(c.entity), "id": .string(c.entityID), "field": .string(c.field),
          "old": .text(c.oldValue), "new": .text(c.newValue),
        ])
      })
    return JSONValue.object(root).text + "\n"
  }

  static func entries(_ r: Review, _ kind: ReviewEntry.Kind, at position: Int?) -> [ReviewEntry] {
    r.entries.filter { $0.kind == kind && $0.itemPosition == position }
  }

  /// An agenda item as JSON, as `peili review status` and the minutes both write it.
  public static func item(_ i: ReviewItem) -> JSONValue {
    .object([
      "position": .int(i.position + 1), "kind": .string(i.item.kind.rawValue), "id": .string(i.item.id),
      "title": .string(i.item.title), "reason": .string(i.item.reason.rawValue),
      "skipped": .bool(i.item.skipped),
    ])
  }

  /// A confidence vote as JSON: its result once revealed, else only how many voted.
  public static func vote(_ v: ReviewVote) -> JSONValue {
    .object([
      "opened_by": .string(v.openedBy), "revealed": .bool(v.isRevealed), "voters": .int(v.voters.count),
      "n": v.result.map { .int($0.n) } ?? .null, "median": .num(v.result?.median),
      "lowest": v.result.map { .int($0.lowest) } ?? .null,
      "highest": v.result.map { .int($0.highest) } ?? .null,
    ])
  }

  /// A decision or note as JSON, as `peili review status` and the minutes both write it.
  public static func entry(_ e: ReviewEntry) -> JSONValue {
    .object([
      "id": .int(Int(e.id)), "kind": .string(e.kind.rawValue), "text": .string(e.text),
      "item": e.itemPosition.map { .int($0 + 1) } ?? .null, "owner": .text(e.owner),
      "due": .text(e.due?.description), "action": .text(e.actionID), "status": .text(e.status?.rawValue),
      "created_at": .string(e.createdAt), "created_by": .string(e.createdBy),
    ])
  }

  /// The minutes as Markdown in `text`'s language (numbers and days in its numerals; the
  /// stored times stay as recorded).
  public static func markdown(_ r: Review, changes: [AuditEntry], text t: ReportText = .english) -> String {
    let n = t.numerals
    var out: [String] = [t(.minutes(md(r.title))), ""]
    out.append(t(.meeting(cycle: md(r.cycleID), from: r.startedAt, to: r.closedAt, by: md(r.startedBy))))
    out.append("")
    out.append(
      t(
        .participants(
          r.participants.isEmpty ? t(.noneRecorded) : r.participants.map(md).joined(separator: ", "))))
    out += ["", t(.agenda), ""]
    for i in r.agenda {
      let s = i.state
      var facts: [String] = []
      if let p = s.progress { facts.append(n.percent(Int((p * 100).rounded()))) }
      if let st = s.status { facts.append(t(.itemStatus(st))) }
      if let c = s.confidence { facts.append(t(.confidence(c)).replacingOccurrences(of: " · ", with: "")) }
      if let x = s.index, let th = s.themeID { facts.append("\(md(th)) \(n.integer(x))") }
      if let v = s.verdict {
        facts.append(s.busyNoChange ? t(.busyWithNoChange(t(.itemStatus(v)))) : t(.itemStatus(v)))
      }
      let skipped = i.item.skipped ? t(.skipped) : ""
      out.append(
        "\(i.position + 1). **\(md(i.item.id))** \(md(i.item.title)) — \(t(.reason(i.item.reason)))\(skipped)"
          + (facts.isEmpty ? "" : " · " + facts.joined(separator: " · ")))
      if let v = r.vote(on: i.position) {
        out.append(
          "   - "
            + (v.result.map {
              t(
                .voteResult(
                  median: n.decimal($0.median, $0.median == $0.median.rounded() ? 0 : 1), lowest: $0.lowest,
                  highest: $0.highest, n: $0.n))
            } ?? t(.voteHidden(voters: v.voters.count))))
      }
      for e in entries(r, .decision, at: i.position) { out.append("   - \(t(.decision)): " + line(e, t)) }
      for e in entries(r, .note, at: i.position) { out.append("   - \(t(.note)): " + line(e, t)) }
    }
    let general = entries(r, .decision, at: nil) + entries(r, .note, at: nil)
    if !general.isEmpty {
      out += ["", t(.wholeReview), ""]
      for e in general { out.append("- \(e.kind == .decision ? t(.decision) : t(.note)): " + line(e, t)) }
    }
    out += ["", t(.decisions), ""]
    let decisions = r.entries.filter { $0.kind == .decision }
    if decisions.isEmpty { out.append(t(.noDecisions)) }
    for d in decisions { out.append("- [\(d.status == .done ? "x" : " ")] " + line(d, t)) }
    out += ["", t(.changesDuring), ""]
    if changes.isEmpty { out.append(t(.noDecisions)) }
    for c in changes {
      out.append(
        "- \(c.at) \(md(c.user)): \(md(c.entity)) \(md(c.entityID)) \(md(c.field)) "
          + "\(md(c.oldValue ?? "–")) → \(md(c.newValue ?? "–"))")
    }
    return out.joined(separator: "\n") + "\n"
  }

  static func line(_ e: ReviewEntry, _ t: ReportText) -> String {
    let n = t.numerals
    var s = md(e.text)
    if let o = e.owner {
      s += " (\(t(.owner(md(o), due: e.due.map(n.date)))))"
    } else if let d = e.due {
      s += " (\(t(.dueOnly(n.date(d)))))"
    }
    if let a = e.actionID { s += t(.toAction(md(a))) }
    return s + " — \(md(e.createdBy)), \(e.createdAt)"
  }

  /// Markdown's own characters in untrusted text are escaped, so a title cannot restyle the page.
  static func md(_ s: String) -> String {
    var out = ""
    for ch in s.sanitizedForTerminal {
      if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
      out.append(ch == "\n" ? " " : ch)
    }
    return out
  }
}
