import PeiliCore

/// Moving between screens: digits, opening a theme, and going back to where the user came
/// from (each screen keeps its own selection in the model, so going back finds it as it was).
enum Navigation {
  /// The most screens remembered for going back.
  static let depth = 50

  /// Shows `screen`, remembering the current one for `back`.
  static func go(_ m: inout Model, to screen: Screen) {
    guard screen != m.screen else { return }
    m.back.append(m.screen)
    if m.back.count > depth { m.back.removeFirst(m.back.count - depth) }
    m.screen = screen
  }

  /// Esc / Backspace: the previous screen, if there is one.
  static func back(_ m: inout Model) {
    guard let previous = m.back.popLast() else { return }
    m.screen = previous
    if case .theme(let id) = previous, m.drill?.themeID != id { m.drill = DrillState(themeID: id) }
  }

  /// A digit: its screen (`3`: the last theme opened, else the one selected on the gaps screen).
  static func digit(_ m: inout Model, _ c: Character) {
    switch c.wholeNumberValue {
    case 1: go(&m, to: .dashboard)
    case 2: go(&m, to: .gaps)
    case 3:
      guard
        let id = m.drill?.themeID ?? m.gapsThemeID ?? m.analysis.themes.first?.theme.id,
        m.analysis.mirror(theme: id) != nil
      else {
        m.status = StatusMessage("no theme to open: import a survey first")
        return
      }
      openTheme(&m, id)
    default: break
    }
  }

  /// Opens the drill-down of theme `id` (where it was left, if it is the last one opened).
  static func openTheme(_ m: inout Model, _ id: String) {
    if m.drill?.themeID != id { m.drill = DrillState(themeID: id) }
    go(&m, to: .theme(id: id))
  }
}
