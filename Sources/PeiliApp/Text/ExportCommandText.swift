import PeiliCore

/// What `peili export` refuses, in one language (what it writes is the same in every language).
public struct ExportCommandText: Sendable {
  public var cannotWrite: @Sendable (_ path: String) -> String

  /// The lines of a language.
  public static func of(_ language: Language) -> ExportCommandText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English.
  public static let english = ExportCommandText(
    cannotWrite: { "cannot write \($0): check that its folder exists and that you may write there" })
}
