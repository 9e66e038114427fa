/// A question's or theme's result in one segment value (nil summary = suppressed, with the reason).
public struct SegmentRow: Hashable, Sendable {
  public let value: String
  /// nil when n < minimum, or when showing it would let a small group be worked out from the
  /// total (the UI shows "n<5" only for the first, and the reason).
  public let summary: ScoreSummary?
  public let suppressedReason: String?
  /// Why it is withheld, as a fact (nil when shown, or not known).
  public let cause: Suppression.Cause?

  public init(
    value: String, summary: ScoreSummary?, suppressedReason: String?, cause: Suppression.Cause? = nil
  ) {
    self.value = value
    self.summary = summary
    self.suppressedReason = suppressedReason
    self.cause = summary == nil ? cause : nil
  }
}
