import PeiliCore

/// What `peili init` prints and refuses, in one language.
public struct InitCommandText: Sendable {
  public var exists: @Sendable (_ path: String) -> String
  public var shared: @Sendable (_ path: String, _ group: String) -> String
  public var createdShared: @Sendable (_ path: String, _ group: String) -> String
  public var created: @Sendable (_ path: String) -> String
  public var next: @Sendable (_ path: String) -> String

  /// The lines of a language.
  public static func of(_ language: Language) -> InitCommandText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English.
  public static let english = InitCommandText(
    exists: { "\($0) already exists; peili init only creates new workspaces (or shares one: --group GROUP)" },
    shared: { "Shared \($0) with the group \($1)." },
    createdShared: { "Created \($0), shared with the group \($1)." },
    created: { "Created the workspace \($0)." },
    next: { "Next: peili --workspace \($0) import okrs FILE.yaml" })
}
