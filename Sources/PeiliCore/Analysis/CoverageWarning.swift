/// A gap in coverage between the OKR tree and the survey themes.
public enum CoverageWarning: Hashable, Sendable {
  /// An OKR without a mirror: the objective, its KRs and actions link no theme.
  case objectiveWithoutTheme(objectiveID: String)
  /// A weak theme or large gap that no action targets, with why it matters (never empty).
  case blindSpot(themeID: String, reasons: [BlindSpotReason])
}
