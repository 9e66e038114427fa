import PeiliCore

/// What `peili demo` prints and refuses, in one language.
public struct DemoCommandText: Sendable {
  /// The first line when the demo is printed rather than opened: where it is.
  public var built: @Sendable (_ path: String) -> String
  public var openHint: @Sendable (_ path: String) -> String
  public var notADemo: @Sendable (_ path: String) -> String
  public var exists: @Sendable (_ path: String) -> String
  public var badCycleDates: String

  /// The lines of a language.
  public static func of(_ language: Language) -> DemoCommandText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English.
  public static let english = DemoCommandText(
    built: { "Demo workspace: \($0)" },
    openHint: { "Open it in a terminal with: peili --workspace \($0)" },
    notADemo: {
      "\($0) exists and is not a peili demo workspace; use --force to overwrite it, or another --workspace"
    },
    exists: { "\($0) already exists" },
    badCycleDates: "the demo cycle's dates do not parse")
}
