/// OKR pace status.
public enum PaceStatus: String, Sendable, CaseIterable {
  case onTrack = "on track", atRisk = "at risk", offTrack = "off track", done, notStarted = "not started"
}

/// Pace rules: progress against the elapsed share of the cycle, capped by low confidence.
public enum Pace {
  /// Elapsed share 0…1 of the cycle at `today`; nil without a cycle.
  public static func expectedShare(cycle: Cycle?, today: Day) -> Double? {
    guard let cycle else { return nil }
    let span = Double(cycle.end.ordinal - cycle.start.ordinal)
    guard span > 0 else { return today >= cycle.end ? 1 : 0 }
    return min(1, max(0, Double(today.ordinal - cycle.start.ordinal) / span))
  }

  /// The status of an item with `progress` 0…1 (nil: nothing measured yet).
  /// - done: progress 1 or marked done. not started: before the cycle, or planned at 0.
  /// - otherwise ≥ expected − 0.1 on track, ≥ expected − 0.25 at risk, else off track;
  ///   a confidence ≤ 3 caps at off track, ≤ 6 at at risk.
  public static func status(
    progress: Double?, cycle: Cycle?, today: Day, isDone: Bool = false, isPlanned: Bool = false,
    confidence: Int? = nil
  ) -> PaceStatus {
    if isDone || (progress ?? 0) >= 1 { return .done }
    if let cycle, today < cycle.start { return .notStarted }
    guard let progress else { return .notStarted }
    if progress == 0 && isPlanned { return .notStarted }
    let expected = expectedShare(cycle: cycle, today: today) ?? 0
    var status: PaceStatus =
      progress >= expected - 0.1 ? .onTrack : progress >= expected - 0.25 ? .atRisk : .offTrack
    if let confidence {
      if confidence <= 3 {
        status = .offTrack
      } else if confidence <= 6, status == .onTrack {
        status = .atRisk
      }
    }
    return status
  }
}
