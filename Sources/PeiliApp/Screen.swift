/// A screen of the app, reached by its digit; only screens that exist are listed.
public enum Screen: Int, CaseIterable, Hashable, Sendable {
  case dashboard = 1

  /// The name shown in the header and the help.
  public var title: String {
    switch self {
    case .dashboard: "Dashboard"
    }
  }

  /// The screen a digit key opens, if one is registered under it.
  public init?(digit: Character) {
    guard let value = digit.wholeNumberValue, let screen = Screen(rawValue: value) else { return nil }
    self = screen
  }
}

/// Which pane of the dashboard has the keyboard.
public enum Pane: Hashable, Sendable {
  case tree, mirror
}
