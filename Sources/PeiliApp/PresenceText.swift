import PeiliCore
import PeiliUI

/// How the header names the other sessions on the workspace: their users in the order they
/// opened it, "you" for another session of this user, each name once with a count.
enum PresenceText {
  /// "also open by aino, mikko ×2, you"; nil when nobody else has the workspace open.
  static func line(others: [WorkspaceSession], user: String, glyphs: Glyphs) -> String? {
    guard !others.isEmpty else { return nil }
    var names: [String] = []
    var counts: [String: Int] = [:]
    for s in others {
      let name = s.user == user ? "you" : s.user
      if counts[name] == nil { names.append(name) }
      counts[name, default: 0] += 1
    }
    let listed = names.map { n in
      counts[n, default: 1] > 1 ? "\(n) \(glyphs.times)\(counts[n, default: 1])" : n
    }
    return "also open by " + listed.joined(separator: ", ")
  }
}
