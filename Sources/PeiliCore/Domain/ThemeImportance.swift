/// Importance of a theme for an audience: Pearson r between respondents' theme score and their outcome answer.
public struct ThemeImportance: Hashable, Sendable {
  public let themeID: String
  public let audience: Audience
  public let waveID: String
  /// nil when n < minimum or either variable is constant.
  public let r: Double?
  public let p: Double?
  /// Respondents with both a theme score and an outcome answer.
  public let n: Int
  /// The outcome question the theme was correlated with.
  public let outcomeQuestionID: String

  public init(
    themeID: String, audience: Audience, waveID: String, r: Double?, p: Double?, n: Int,
    outcomeQuestionID: String = ""
  ) {
    self.themeID = themeID
    self.audience = audience
    self.waveID = waveID
    self.r = r
    self.p = p
    self.n = n
    self.outcomeQuestionID = outcomeQuestionID
  }
}
