import PeiliCore

/// What `peili report` refuses, in one language (the report itself is `ReportWording`).
public struct ReportCommandText: Sendable {
  public var noWave: @Sendable (_ option: String, _ id: String, _ known: [String]) -> String
  public var baselineLater:
    @Sendable (_ baseline: String, _ baselineDate: Day, _ wave: String, _ waveDate: Day) -> String
  public var noAttribute: @Sendable (_ name: String, _ known: [String]) -> String
  public var badFilter: @Sendable (_ option: String) -> String
  public var filterTwice: @Sendable (_ attribute: String, _ first: String, _ second: String) -> String

  /// The lines of a language.
  public static func of(_ language: Language) -> ReportCommandText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English.
  public static let english = ReportCommandText(
    noWave: { option, id, known in
      let list =
        known.isEmpty ? "the workspace has no survey waves yet" : "waves: " + known.joined(separator: ", ")
      return "\(option): no wave named \"\(id)\"; \(list)"
    },
    baselineLater: { "--baseline \($0) (\($1)) is later than --wave \($2) (\($3))" },
    noAttribute: { name, known in
      let list = known.isEmpty ? "the workspace has none" : known.joined(separator: ", ")
      return "no segment attribute named \"\(name)\"; attributes: \(list)"
    },
    badFilter: { "--filter \($0): expected attribute=value, e.g. --filter region=Uusimaa" },
    filterTwice: { "--filter gives \($0) twice (\($1) and \($2)); expected one value" })
}
