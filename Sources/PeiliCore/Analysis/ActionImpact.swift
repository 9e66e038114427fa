/// Whether an action moved the themes it targets.
public enum ImpactVerdict: String, Sendable, CaseIterable {
  case moved, noEvidenceYet = "no evidence yet", worse, tooEarly = "too early"
}

/// One action's impact on one of its linked themes.
public struct ActionImpact: Hashable, Sendable {
  public let themeID: String
  public let verdict: ImpactVerdict
  /// Audience whose change is judged (customer, or staff when customers were not asked).
  public let audience: Audience?
  /// The waves compared (last before the start, first after it).
  public let baselineWaveID: String?
  public let followUpWaveID: String?
  /// follow-up − baseline on the index.
  public let change: Gap?
  /// The change minus the mean change of the same audience's untargeted themes.
  public let didDelta: Double?
}
