import PeiliCore

/// What `peili` (the dashboard) says when it cannot open, in one language.
public struct DashboardCommandText: Sendable {
  public var notATerminal: String

  /// The lines of a language.
  public static func of(_ language: Language) -> DashboardCommandText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English.
  public static let english = DashboardCommandText(
    notATerminal: "the dashboard needs a terminal; for scripts use `peili report`")
}
