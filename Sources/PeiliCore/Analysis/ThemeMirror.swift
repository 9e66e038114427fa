import PeiliText

/// One theme as the dashboard's mirror pane shows it (follow-up = latest wave).
public struct ThemeMirror: Hashable, Sendable {
  public let theme: Theme
  /// Follow-up wave, unsuppressed only.
  public let scores: [Audience: ScoreEstimate]
  public let baselineScores: [Audience: ScoreEstimate]
  /// mirror − customer (follow-up wave).
  public let mirrorGap: Gap?
  /// staff − customer (follow-up wave).
  public let experienceGap: Gap?
  /// follow-up − baseline, per audience (empty when only one wave is compared).
  public let change: [Audience: Gap]
  /// e.g. "Staff underestimate customers on Communication by 12 ± 7".
  public let reading: String

  public init(
    theme: Theme, scores: [Audience: ScoreEstimate], baselineScores: [Audience: ScoreEstimate],
    mirrorGap: Gap?, experienceGap: Gap?, change: [Audience: Gap]
  ) {
    self.theme = theme
    self.scores = scores
    self.baselineScores = baselineScores
    self.mirrorGap = mirrorGap
    self.experienceGap = experienceGap
    self.change = change
    self.reading = ThemeMirror.reading(themeName: theme.name, mirrorGap: mirrorGap)
  }

  /// The mirror gap in words, magnitudes rounded to whole index points.
  public static func reading(themeName: String, mirrorGap: Gap?) -> String {
    let name = themeName.sanitizedForTerminal
    guard let gap = mirrorGap else { return "Not enough data on \(name)" }
    let size = "\(Int(abs(gap.diff).rounded())) ± \(Int(gap.margin.rounded()))"
    switch gap.gapClass {
    case .under: return "Staff underestimate customers on \(name) by \(size)"
    case .over: return "Staff overestimate customers on \(name) by \(size)"
    case .aligned: return "Staff and customers agree on \(name)"
    case .notEnoughData: return "Not enough data on \(name)"
    }
  }
}
