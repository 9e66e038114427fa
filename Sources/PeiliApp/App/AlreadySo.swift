import PeiliCore

/// A stale edit whose every field already holds the value asked for (another session set the
/// same progress or status first): it is treated as applied, with no conflict to resolve.
enum AlreadySo {
  /// True when the stored item already is what the user asked for. A check-in with a note
  /// adds something the other session did not write, so it still conflicts.
  static func holds(_ conflict: Conflict, _ text: Catalogue) -> Bool {
    conflict.mine.note.isEmpty && conflict.rows(text).allSatisfy { $0.mine == $0.stored }
  }

  /// "A4 is already done", "A4 is already at 70%" (changed in another session).
  static func describe(_ conflict: Conflict, _ text: Catalogue) -> String {
    let m = text.messages
    let id = conflict.theirs.id
    switch (conflict.mine.progress, conflict.mine.status, conflict.theirs) {
    case (nil, _?, .action(let a)): return m.alreadyIs(id, text.name(a.status))
    case (_?, nil, .action(let a)): return m.alreadyIs(id, m.atPercent(a.progress))
    default: return m.alreadySo(id)
    }
  }
}
