import PeiliCore

/// Moving between screens, and going back to where the user came from (each screen keeps
/// its own state in the model, so going back finds it as it was).
enum Navigation {
  /// The most screens remembered for going back.
  static let depth = 50

  /// Shows `screen`, remembering the current one for `back`.
  static func go(_ m: inout Model, to screen: ScreenID) {
    guard screen != m.screen else { return }
    m.back.append(m.screen)
    if m.back.count > depth { m.back.removeFirst(m.back.count - depth) }
    m.screen = screen
  }

  /// Esc / Backspace: the previous screen, if there is one.
  static func back(_ m: inout Model) {
    guard let previous = m.back.popLast() else { return }
    m.screen = previous
  }
}
