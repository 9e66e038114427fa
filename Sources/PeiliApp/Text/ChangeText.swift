import PeiliCore
import PeiliUI

/// How the store's facts about changes read on the status line: "A4 progress 60% → 70%",
/// "aino: A4 progress 60% → 70% (+2 more)", "undone: A4 progress 70% → 60%".
struct ChangeText {
  let arrow: String
  let text: Catalogue
  let numerals: Numerals

  init(glyphs: Glyphs, text: Catalogue) {
    arrow = glyphs.arrow
    self.text = text
    numerals = Numerals(text.language, unicode: glyphs.isUnicode)
  }

  /// One field of one item, from its old value to its new one.
  func field(_ c: FieldChange) -> String {
    if c.field == "check_in" { return text.messages.checkInNote(c.id, c.new ?? "") }
    if let review = review(c) { return review }
    return "\(c.id) \(values(c))"
  }

  /// A review's change in words ("voted on item 2"); nil for any other entity. Agenda items
  /// and votes are audited as `review/place`, decisions and notes by their row id.
  func review(_ c: FieldChange) -> String? {
    let t = text.review
    let place = Int(c.id.split(separator: "/").last ?? "") ?? 0
    switch (c.entity, c.field) {
    case ("review", "started"): return t.changeStarted(c.new ?? "")
    case ("review", "closed"): return t.changeClosed
    case ("review_decision", "created"), ("review_decision", "text"):
      return t.changeEntry(t.decision, c.new ?? "")
    case ("review_note", "created"), ("review_note", "text"): return t.changeEntry(t.note, c.new ?? "")
    case ("review_decision", "status"):
      return t.changeEntry(t.decision, c.new == "done" ? t.doneMark : text.messages.notDone)
    case ("review_vote", "opened"): return t.changeVoteOpened(place)
    case ("review_vote", "voted"): return t.changeVoted(place)
    case ("review_vote", "revealed"): return t.changeRevealed(place, c.new ?? "")
    case ("review_item", "position"): return t.changeMoved(place, Int(c.new ?? "") ?? place)
    case ("review_item", "skipped"): return c.new == "true" ? t.changeDropped(place) : t.changeRestored(place)
    case ("review_item", "added"): return t.changeAdded(c.new ?? "")
    default: return nil
    }
  }

  /// "progress 60% → 70%".
  func values(_ c: FieldChange) -> String {
    "\(text.field(c.field)) \(value(c.old, of: c.field)) \(arrow) \(value(c.new, of: c.field))"
  }

  /// What an undo reverted: its item and every field it put back.
  func undone(_ fields: [FieldChange]) -> String {
    guard let first = fields.first else { return text.messages.undone }
    let rest = fields.dropFirst().map(values)
    return "\(text.messages.undone): " + ([field(first)] + rest).joined(separator: ", ")
  }

  /// Who changed what in another session: the newest change, and how many more there were.
  /// The user's own other session is "you, in another session".
  /// With `fields` (every field of that change, of one item) all of them are named.
  func byOthers(_ changes: ChangesByOthers, me: String, fields: [FieldChange] = []) -> String {
    guard let newest = changes.newest else { return text.messages.updatedByOther }
    let changed = fields.filter { $0.field != "check_in" }
    let shown = changed.count > 1 && changed.allSatisfy({ $0.id == newest.id }) ? changed : [newest]
    // A check-in's note row counts with its change, not as one more.
    let rest = changes.count - shown.count - (fields.count - changed.count)
    let more = rest > 0 ? " (\(text.messages.more(rest)))" : ""
    let who =
      changes.user.map { $0 == me ? text.messages.youElsewhere : $0 } ?? text.messages.anotherSession
    return "\(who): \(field(shown[0]))" + shown.dropFirst().map { ", " + values($0) }.joined() + more
  }

  /// An edit as asked for, before the store answers: "A4 progress 60% → 70%".
  func requested(_ r: EditRequest) -> String {
    switch r.change {
    case .status(let s):
      return "\(r.actionID) \(text.field("status")) \(text.name(r.before.status)) \(arrow) \(text.name(s))"
    case .progress(let p), .checkIn(progress: let p?, _, _):
      return
        "\(r.actionID) \(text.field("progress")) \(numerals.percent(r.before.progress)) \(arrow) \(numerals.percent(p))"
    case .checkIn:
      return text.messages.checkInNote(r.actionID, "")
    case .communicated(let c):
      return "\(r.actionID) \(text.field("communicated")) \(told(r.before.communicated)) \(arrow) \(told(c))"
    }
  }

  /// An edit as the store wrote it.
  func done(_ r: EditRequest, now: Action) -> String {
    switch r.change {
    case .status:
      return
        "\(now.id) \(text.field("status")) \(text.name(r.before.status)) \(arrow) \(text.name(now.status))"
    case .progress, .checkIn:
      return
        "\(now.id) \(text.field("progress")) \(numerals.percent(r.before.progress)) \(arrow) \(numerals.percent(now.progress))"
    case .communicated:
      return
        "\(now.id) \(text.field("communicated")) \(told(r.before.communicated)) \(arrow) \(told(now.communicated))"
    }
  }

  /// "2026-03-01 by newsletter" ("1.3.2026, kanava uutiskirje"), or none.
  func told(_ c: Communication?) -> String {
    c.map { text.checkIn.communication(numerals.date($0.on), $0.channel) } ?? text.messages.none
  }

  /// A stored value as the screen shows it ("70" progress is "70%", "true" done is "done",
  /// a status by its name).
  func value(_ stored: String?, of field: String) -> String {
    guard let stored else { return text.messages.none }
    switch field {
    case "progress": return Int(stored).map(numerals.percent) ?? stored
    case "done": return stored == "true" ? text.messages.done : text.messages.notDone
    case "status": return ActionStatus(rawValue: stored).map(text.name) ?? stored
    case "communicated": return told(Communication(auditText: stored))
    default: return stored
    }
  }
}
