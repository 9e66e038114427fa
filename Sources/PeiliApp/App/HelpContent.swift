import PeiliUI

/// The `?` help, made from the same bindings that dispatch keys and fill the footer: the
/// keys of every screen in the registry, then those that work everywhere.
enum HelpContent {
  static func sections(_ m: Model) -> [HelpOverlay.Section] {
    var sections: [HelpOverlay.Section] = []
    for part in ScreenRegistry.all {
      // Each screen's bindings as they are when it is shown (its digit names it).
      var shown = m
      shown.screen = part.id
      shown.overlay = nil
      add(part.bindings(shown), title: part.title(m.shared.text), to: &sections)
    }
    // The gap direction words every screen uses, explained once (before the keys that work
    // everywhere, which end the help).
    let t = m.shared.text
    sections.append(
      HelpOverlay.Section(
        t.frame.helpWords,
        [
          HelpOverlay.Entry(t.analysis.under, t.frame.underMeans),
          HelpOverlay.Entry(t.analysis.over, t.frame.overMeans),
        ]))
    add(GlobalKeys.bindings(m), title: nil, to: &sections)
    // In the glyph set's characters, as every other text (a language's dashes and arrows).
    let g = m.shared.glyphs
    return sections.map { s in
      HelpOverlay.Section(g.plain(s.title), s.entries.map { HelpOverlay.Entry($0.keys, g.plain($0.action)) })
    }
  }

  /// Groups `bindings` into sections "Title: group" (one entry per label and text).
  private static func add(_ bindings: [KeyBinding], title: String?, to sections: inout [HelpOverlay.Section])
  {
    var order: [String] = []
    var entries: [String: [HelpOverlay.Entry]] = [:]
    var seen = Set<String>()
    for b in bindings where seen.insert(b.label + "\u{1F}" + b.help).inserted {
      let group = b.group ?? ""
      let name = [title, group.isEmpty ? nil : group].compactMap { $0 }.joined(separator: ": ")
      if entries[name] == nil { order.append(name) }
      entries[name, default: []].append(HelpOverlay.Entry(b.label, b.help))
    }
    for name in order { sections.append(HelpOverlay.Section(name, entries[name] ?? [])) }
  }
}
