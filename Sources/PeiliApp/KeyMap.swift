import PeiliUI

/// The keys of the app in words: the `?` help (every key) and the footer (the keys that
/// apply to the selection right now).
public enum KeyMap {
  /// Every key, grouped, for the help overlay; lists only screens that exist.
  public static func help(glyphs: Glyphs) -> [HelpOverlay.Section] {
    let u = glyphs.isUnicode
    let screens = Screen.allCases.map { HelpOverlay.Entry("\($0.rawValue)", "\($0.title) screen") }
    return [
      .init(
        "Move",
        [
          .init(u ? "↑ ↓  k j" : "Up Down  k j", "previous / next row"),
          .init(u ? "→ l" : "Right l", "open the item, or go to its first child"),
          .init(u ? "← h" : "Left h", "close the item, or go to its parent"),
          .init("Enter", "open / close; on a theme: its scores per audience and wave"),
          .init("PgUp PgDn", "a page up / down"),
          .init("g G  Home End", "first / last row"),
          .init("Tab", "switch between the OKR tree and the mirror"),
          .init("Esc", "close a box, clear the filter, back to the tree"),
        ]),
      .init("Find", [.init("/", "filter the tree by text (Enter keeps it, Esc clears it)")]),
      .init(
        "Change the selected action",
        [
          .init("+ -", "progress +10 / -10"),
          .init("> <", "progress +1 / -1"),
          .init("s", "next status (planned, active, done, blocked, dropped)"),
          .init("u", "undo your last change"),
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
    case .themeDetail: return [("Esc", "close")]
    case .conflict: return [("m", "apply mine anyway"), ("t Esc", "keep theirs")]
    case nil: break
    }
    var keys: [(String, String)] = []
    if model.focus == .mirror {
      keys.append((u ? "↑↓" : "j k", "theme"))
      if !model.mirrorThemeIDs.isEmpty { keys.append(("Enter", "details")) }
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
