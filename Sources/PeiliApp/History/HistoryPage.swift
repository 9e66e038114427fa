import PeiliCore
import PeiliUI

/// The audit rows the History screen asked for, newest first.
public struct HistoryPage: Hashable, Sendable {
  public let query: AuditQuery
  public let entries: [AuditEntry]
  /// Derived once, when the page arrives, not on every key and frame: for each change id
  /// that was undone or reverted, the change that did it; each entry's place by audit id;
  /// the users and fields the filters cycle through.
  public let revertedBy: [Int64: Int64]
  let places: [Int64: Int]
  let users: [String]
  let fields: [String]

  public init(query: AuditQuery, entries: [AuditEntry]) {
    self.query = query
    self.entries = entries
    var reverted: [Int64: Int64] = [:]
    for e in entries { if let r = e.reverts { reverted[r] = e.changeID } }
    revertedBy = reverted
    places = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    users = Set(entries.map(\.user)).sorted()
    fields = Set(entries.map(\.field)).sorted()
  }
}

/// What reverting one change will do, shown for confirmation before anything is written.
public struct RevertPreview: Hashable, Sendable {
  public var changeID: Int64
  /// The fields as they go back: `old` is what the change wrote, `new` what it replaced.
  public var fields: [FieldChange]

  init(changeID: Int64, entries: [AuditEntry]) {
    self.changeID = changeID
    fields = entries.filter { $0.changeID == changeID && $0.field != "check_in" }.map {
      FieldChange(entity: $0.entity, id: $0.entityID, field: $0.field, old: $0.newValue, new: $0.oldValue)
    }
  }

  func lines(_ m: Model) -> [[Span]] {
    let words = ChangeText(glyphs: m.shared.glyphs, text: m.shared.text)
    var out: [[Span]] = [[Span(m.shared.text.history.confirmBody, Style(.muted))], []]
    for f in fields {
      out.append([
        Span(f.id + " ", Style(.text, bold: true)), Span(words.values(f), Style(.accent, bold: true)),
      ])
    }
    return out
  }
}
