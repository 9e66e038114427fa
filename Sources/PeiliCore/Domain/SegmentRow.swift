/// A question's or theme's result in one segment value (nil summary = suppressed, with the reason).
public struct SegmentRow: Hashable, Sendable {
  public let value: String
  /// nil when n < minimum, or when showing it would let a small group be worked out from the
  /// total (the UI shows "n<5" or the reason).
  public let summary: ScoreSummary?
  public let suppressedReason: String?

  public init(value: String, summary: ScoreSummary?, suppressedReason: String?) {
    self.value = value
    self.summary = summary
    self.suppressedReason = suppressedReason
  }
}
