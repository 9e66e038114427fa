import PeiliUI

/// The keys of the app in words: the `?` help (every key) and the footer (the keys that
/// apply to the selection right now).
public enum KeyMap {
  /// Every key, grouped, for the help overlay; lists only screens that exist.
  public static func help(glyphs: Glyphs) -> [HelpOverlay.Section] {
    let u = glyphs.isUnicode
    let screens = Screen.numbered.map { s in
      HelpOverlay.Entry(
        "\(s.digit)",
        s == .dashboard ? "Dashboard screen" : s == .gaps ? "Gaps screen" : "Theme drill-down (last theme)")
    }
    return [
      .init(
        "Everywhere",
        [
          .init("f", "segment filter: choose an attribute, then a value"),
          .init("F", "clear the segment filter"),
          .init("Esc Backspace", "back to the previous screen (selection kept)"),
        ]),
      .init(
        "Dashboard: move",
        [
          .init(u ? "↑ ↓  k j" : "Up Down  k j", "previous / next row"),
          .init(u ? "→ l" : "Right l", "open the item, or go to its first child"),
          .init(u ? "← h" : "Left h", "close the item, or go to its parent"),
          .init("Enter", "open / close; on a theme: its drill-down"),
          .init("PgUp PgDn", "a page up / down"),
          .init("g G  Home End", "first / last row"),
          .init("Tab", "switch between the OKR tree and the mirror"),
          .init("Esc", "close a box, clear the filter, back to the tree"),
        ]),
      .init("Dashboard: find", [.init("/", "filter the tree by text (Enter keeps it, Esc clears it)")]),
      .init(
        "Change the selected action (dashboard)",
        [
          .init("+ -", "progress +10 / -10"),
          .init("> <", "progress +1 / -1"),
          .init("s", "next status (planned, active, done, blocked, dropped)"),
          .init("u", "undo your last change in this session"),
        ]),
      .init(
        "Gaps screen",
        [
          .init(u ? "↑ ↓  k j" : "Up Down  k j", "previous / next theme"),
          .init(
            "Tab Shift-Tab", "rank by the next / previous gap (mirror, experience, target, weakness, change)"),
          .init("Enter", "open the theme's drill-down"),
          .init("i", "importance-performance grid / back to the ranking"),
          .init("a", "grid: next audience"),
        ]),
      .init(
        "Theme drill-down",
        [
          .init(u ? "↑ ↓  k j" : "Up Down  k j", "scroll a line"),
          .init("PgUp PgDn Space", "scroll a page"),
          .init("Tab Shift-Tab", "next / previous section (scores, questions, segments, comments)"),
          .init("a", "segment breakdown by the next attribute"),
          .init("c", "comments of the next audience (all, customer, staff, mirror)"),
          .init("w", "comments of the next wave (all, each wave)"),
        ]),
      .init("Screens", screens),
      .init("Other", [.init("? F1", "this help"), .init("q", "quit")]),
    ]
  }

  /// The keys that apply now, as (keys, what) pairs for the footer.
  public static func footer(model: Model) -> [(keys: String, action: String)] {
    let u = model.glyphs.isUnicode
    if model.isEditingFilter { return [("Enter", "keep filter"), ("Esc", "clear"), ("Backspace", "delete")] }
    switch model.overlay {
    case .help: return [("j k", "scroll"), ("Esc", "close")]
    case .segmentPicker(let attribute, _):
      return [
        (u ? "↑↓" : "j k", attribute == nil ? "attribute" : "value"),
        ("Enter", attribute == nil ? "choose" : "apply"),
        ("F", "clear all"), ("Esc", attribute == nil ? "close" : "back"),
      ]
    case .conflict: return [("m", "apply mine anyway"), ("t Esc", "keep theirs")]
    case nil: break
    }
    let segment: [(String, String)] =
      model.segmentFilter.isEmpty ? [("f", "segment")] : [("f", "segment"), ("F", "clear segment")]
    let back: [(String, String)] = model.back.isEmpty ? [] : [("Esc", "back")]
    switch model.screen {
    case .dashboard: break
    case .gaps:
      if model.gapsView == .grid {
        return [("a", "audience"), ("i", "ranking"), ("Tab", "rank by")] + segment + back + [
          ("?", "help"), ("q", "quit"),
        ]
      }
      return [(u ? "↑↓" : "j k", "theme"), ("Enter", "open"), ("Tab", "gap"), ("i", "grid")] + segment + back
        + [
          ("?", "help"), ("q", "quit"),
        ]
    case .theme:
      return [(u ? "↑↓" : "j k", "scroll"), ("Tab", "section"), ("a", "attribute"), ("c w", "comments")]
        + segment
        + back + [("?", "help"), ("q", "quit")]
    }
    var keys: [(String, String)] = []
    if model.focus == .mirror {
      keys.append((u ? "↑↓" : "j k", "theme"))
      if !model.mirrorThemeIDs.isEmpty { keys.append(("Enter", "drill down")) }
      keys.append(("Tab Esc", "tree"))
    } else {
      keys.append((u ? "↑↓" : "j k", "move"))
      if model.selectedRow?.hasChildren == true { keys.append(("Enter", "open/close")) }
      if model.selectedAction != nil && !model.isReadOnly {
        keys += [("+ -", u ? "±10" : "+/-10"), ("> <", u ? "±1" : "+/-1"), ("s", "status"), ("u", "undo")]
      }
      keys.append(("Tab", "mirror"))
      keys.append(("/", model.filter.isEmpty ? "filter" : "edit filter"))
      if !model.filter.isEmpty { keys.append(("Esc", "clear filter")) }
    }
    keys += [("?", "help"), ("q", "quit")]
    return keys
  }
}
