/// The material thresholds of favourable % and NPS: a change or gap of either is marked only
/// when its CI excludes 0 and it is at least this many points (the index's own threshold is
/// `MirrorAnalysis.materialThreshold`, 5 index points by default).
public enum Materiality {
  /// Percentage points of favourable share (0–100): as the index's 5 points, a shift a review
  /// would act on, and about the smallest a 250-respondent wave resolves.
  public static let favourablePoints = 5.0
  /// NPS points (−100…100): the same 5 points; an NPS interval is wide (its SE is about twice a
  /// share's), so it is the CI, not this threshold, that usually decides.
  public static let npsPoints = 5.0
}
