import PeiliCore
import PeiliUI

/// How the store's facts about changes read on the status line: "A4 progress 60% → 70%",
/// "aino: A4 progress 60% → 70% (+2 more)", "undone: A4 progress 70% → 60%".
struct ChangeText {
  let arrow: String

  init(glyphs: Glyphs) {
    arrow = ScoreText(glyphs: glyphs).arrow
  }

  /// One field of one item, from its old value to its new one.
  func field(_ c: FieldChange) -> String {
    let name = Self.fieldNames[c.field] ?? c.field
    if c.field == "check_in" { return "\(c.id) check-in" + (c.new.map { $0.isEmpty ? "" : ": \($0)" } ?? "") }
    return "\(c.id) \(name) \(value(c.old, of: c.field)) \(arrow) \(value(c.new, of: c.field))"
  }

  /// What an undo reverted: its item and every field it put back.
  func undone(_ fields: [FieldChange]) -> String {
    guard let first = fields.first else { return "undone" }
    let rest = fields.dropFirst().map { c in
      "\(Self.fieldNames[c.field] ?? c.field) \(value(c.old, of: c.field)) \(arrow) \(value(c.new, of: c.field))"
    }
    return "undone: " + ([field(first)] + rest).joined(separator: ", ")
  }

  /// Who changed what in another session: the newest change, and how many more there were.
  /// The user's own other session is "you, in another session".
  func byOthers(_ changes: ChangesByOthers, me: String) -> String {
    guard let newest = changes.newest else { return "updated: another session changed the workspace" }
    let more = changes.count > 1 ? " (+\(changes.count - 1) more)" : ""
    let who = changes.user.map { $0 == me ? "you, in another session" : $0 } ?? "another session"
    return "\(who): \(field(newest))\(more)"
  }

  /// Stored field names as the screen names them.
  private static let fieldNames = ["current_value": "value", "check_in": "check-in"]

  /// A stored value as the screen shows it ("70" progress is "70%", "true" done is "done").
  private func value(_ text: String?, of field: String) -> String {
    guard let text else { return "none" }
    switch field {
    case "progress": return "\(text)%"
    case "done": return text == "true" ? "done" : "not done"
    default: return text
    }
  }
}
