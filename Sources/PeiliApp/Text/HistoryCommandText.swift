import PeiliCore

/// What `peili history` prints and refuses, in one language: its table's columns and the
/// words of its cells (English keeps the stored names, which scripts grep for).
public struct HistoryCommandText: Sendable {
  public var columns: [String]
  public var kind: @Sendable (AuditEntry.Kind) -> String
  public var entity: @Sendable (String) -> String
  public var field: @Sendable (String) -> String
  public var empty: String
  public var limit: @Sendable (Int) -> String

  /// The lines of a language.
  public static func of(_ language: Language) -> HistoryCommandText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English.
  public static let english = HistoryCommandText(
    columns: ["when (UTC)", "who", "kind", "what", "field", "from", "to"],
    kind: { $0.rawValue }, entity: { $0 }, field: { $0 },
    empty: "No changes recorded yet.",
    limit: { "--limit must be at least 1, got \($0)" })
}
