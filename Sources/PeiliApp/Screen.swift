/// A screen of the app. The numbered ones are reached by their digit from anywhere; the
/// theme drill-down opens on a theme (`3` reopens the last one).
public enum Screen: Hashable, Sendable {
  case dashboard
  /// Every theme ranked by a gap, or the importance–performance grid.
  case gaps
  /// One theme's questions, segments and comments.
  case theme(id: String)

  /// The screens in the header and the help, in digit order.
  public static let numbered: [Screen] = [.dashboard, .gaps, .theme(id: "")]

  /// The digit that opens the screen.
  public var digit: Int {
    switch self {
    case .dashboard: 1
    case .gaps: 2
    case .theme: 3
    }
  }

  /// The name shown in the header and the help.
  public var title: String {
    switch self {
    case .dashboard: "Dashboard"
    case .gaps: "Gaps"
    case .theme: "Theme"
    }
  }

  /// True for the same kind of screen (any theme counts as the theme screen).
  public func isSameKind(as other: Screen) -> Bool { digit == other.digit }
}

/// Which pane of the dashboard has the keyboard.
public enum Pane: Hashable, Sendable {
  case tree, mirror
}

/// What the gaps screen shows: the ranked list or the importance–performance grid.
public enum GapsMode: Hashable, Sendable {
  case ranking, grid
}
