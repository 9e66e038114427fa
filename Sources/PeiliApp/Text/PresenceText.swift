import PeiliCore
import PeiliText
import PeiliUI

/// How the header names the other sessions on the workspace: their users in the order they
/// opened it, "you" for another session of this user, each name once with a count.
enum PresenceText {
  /// "also open by aino, mikko ×2, you", or as much of it as fits `room` columns with the
  /// rest counted ("aino +2 others", "+3 others"): never a name cut in half. Nil when
  /// nobody else has the workspace open.
  static func line(
    others: [WorkspaceSession], user: String, glyphs: Glyphs, text: Catalogue.FrameText, room: Int
  ) -> String? {
    guard let names = names(others: others, user: user, glyphs: glyphs, you: text.you) else { return nil }
    let full = text.alsoOpenBy(names.joined(separator: text.listSeparator))
    if DisplayWidth.of(full) <= room { return full }
    for shown in stride(from: names.count - 1, through: 1, by: -1) {
      let rest = names.count - shown
      let line = text.namesAndOthers(
        names.prefix(shown).joined(separator: text.listSeparator), text.others(rest))
      if DisplayWidth.of(line) <= room { return line }
    }
    return text.others(names.count)
  }

  /// Each other user once, in the order they opened it, with a count; this user's other
  /// sessions as `you`.
  static func names(others: [WorkspaceSession], user: String, glyphs: Glyphs, you: String) -> [String]? {
    guard !others.isEmpty else { return nil }
    var names: [String] = []
    var counts: [String: Int] = [:]
    for s in others {
      let name = s.user == user ? you : s.user
      if counts[name] == nil { names.append(name) }
      counts[name, default: 0] += 1
    }
    let listed = names.map { n in
      counts[n, default: 1] > 1 ? "\(n) \(glyphs.times)\(counts[n, default: 1])" : n
    }
    return listed
  }
}
