/// Progress rules of key results and objectives (all 0…1).
public enum OKRProgress {
  /// (current − start)/(target − start) clamped to 0…1; works for decreasing targets.
  /// With target == start: 1 once current has reached the target, else 0.
  public static func metric(start: Double, target: Double, current: Double) -> Double {
    guard target != start else {
      return current == target ? 1 : 0
    }
    return min(1, max(0, (current - start) / (target - start)))
  }

  /// 0 or 1.
  public static func milestone(done: Bool) -> Double { done ? 1 : 0 }

  /// An action's 0–100 progress as 0…1.
  public static func action(_ progress: Int) -> Double { min(1, max(0, Double(progress) / 100)) }

  /// Weighted mean of the parts that have a progress; nil when none has (or weights sum to 0).
  public static func weightedMean(_ parts: [(progress: Double?, weight: Double)]) -> Double? {
    var sum = 0.0
    var weights = 0.0
    for part in parts {
      guard let p = part.progress, part.weight > 0 else { continue }
      sum += p * part.weight
      weights += part.weight
    }
    return weights > 0 ? sum / weights : nil
  }
}
