import PeiliCore
import PeiliUI

/// The two sides of a conflicting edit: what the user asked for and the item as stored now.
public struct Conflict: Hashable, Sendable {
  public let mine: CheckInRequest
  public let theirs: CheckInRequest.Item
  /// The key's edit the conflict came from (nil: a check-in from the dialog): "apply mine"
  /// sends it again as it was, on the stored version.
  public let edit: EditRequest?

  public init(mine: CheckInRequest, theirs: CheckInRequest.Item, edit: EditRequest? = nil) {
    self.mine = mine
    self.theirs = theirs
    self.edit = edit
  }

  /// A key's edit as the check-in it amounts to.
  public init(mine edit: EditRequest, theirs: Action) {
    var request = CheckInRequest(before: .action(edit.before))
    switch edit.change {
    case .progress(let p): request.progress = p
    case .status(let s): request.status = s
    case .checkIn(let p, let c, let note):
      request.progress = p
      request.confidence = c
      request.note = note
    case .communicated(let c): request.communicated = .some(c)
    }
    self.init(mine: request, theirs: .action(theirs), edit: edit)
  }

  /// One field: as the user saw it, as stored now, as the user asked.
  struct Row: Hashable {
    var field: String
    var seen: String
    var stored: String
    var mine: String
  }

  /// Every field that someone else changed or that the user is changing.
  func rows(_ text: Catalogue) -> [Row] {
    let none = text.messages.none
    let numerals = Numerals(text.language)
    func show(_ v: Int?) -> String { v.map(String.init) ?? none }
    var out: [Row] = []
    func add(_ field: String, _ seen: String, _ stored: String, _ mine: String?) {
      if seen != stored || (mine != nil && mine != seen) {
        out.append(Row(field: text.field(field), seen: seen, stored: stored, mine: mine ?? stored))
      }
    }
    switch (mine.before, theirs) {
    case (.action(let a), .action(let b)):
      add(
        "progress", numerals.percent(a.progress), numerals.percent(b.progress),
        self.mine.progress.map(numerals.percent))
      add("status", text.name(a.status), text.name(b.status), self.mine.status.map(text.name))
      add("confidence", show(a.confidence), show(b.confidence), self.mine.confidence.map(String.init))
      func told(_ c: Communication?) -> String {
        c.map { text.checkIn.communication(numerals.date($0.on), $0.channel) } ?? none
      }
      add("communicated", told(a.communicated), told(b.communicated), self.mine.communicated.map(told))
    case (.keyResult(let a), .keyResult(let b)):
      add(
        "current_value", Self.value(a, text), Self.value(b, text),
        self.mine.value.map { v in Self.value(a, text, override: v) })
      add("confidence", show(a.confidence), show(b.confidence), self.mine.confidence.map(String.init))
    default:
      break
    }
    return out
  }

  static func value(_ k: KeyResult, _ text: Catalogue, override: Double? = nil) -> String {
    switch k.measure {
    case .metric(_, _, let current, let unit):
      return CheckInDialog.number(override ?? current, text.language) + (unit.isEmpty ? "" : " \(unit)")
    case .milestone(let done):
      return (override.map { $0 != 0 } ?? done) ? text.messages.done : text.messages.notDone
    case .perception:
      return text.messages.none
    }
  }

  /// The dialog's body.
  func lines(_ text: Catalogue, title: String) -> [[Span]] {
    let t = text.checkIn
    let rows = rows(text)
    let w0 = max(([t.youSaw, t.theirs, t.yours].map { Span($0).width }.max() ?? 0) + 1, 10)
    let ws = rows.map {
      max(Span($0.field).width, Span($0.seen).width, Span($0.stored).width, Span($0.mine).width) + 2
    }
    func line(_ label: String, _ cells: [String], _ style: Style) -> [Span] {
      [Span(TextFit.left(label, w0), Style(.muted))]
        + zip(cells, ws).map { Span(TextFit.left($0, $1), style) }
    }
    var out: [[Span]] = [
      [Span(title, Style(.text, bold: true))],
      [Span(t.conflictBody, Style(.muted))],
      [],
      [Span(TextFit.left("", w0))]
        + zip(rows, ws).map { Span(TextFit.left($0.field, $1), Style(.header, bold: true)) },
      line(t.youSaw, rows.map(\.seen), Style(.text)),
      line(t.theirs, rows.map(\.stored), Style(.warn, bold: true)),
      line(t.yours, rows.map(\.mine), Style(.accent, bold: true)),
    ]
    if !mine.note.isEmpty { out.append([Span(TextFit.left(t.note, w0), Style(.muted)), Span(mine.note)]) }
    return out
  }
}
