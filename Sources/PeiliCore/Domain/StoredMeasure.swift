extension KeyResultMeasure {
  /// A key result's measure from its stored columns (`kind`, `unit`, `start_value`,
  /// `target_value`, `current_value`, `done`, `theme_id`, `audience`, `baseline_wave`), as
  /// every store keeps them: one reading for SQLite and PostgreSQL alike.
  public init(
    storedKind kind: String, id: String?, unit: String?, start: Double?, target: Double?, current: Double?,
    done: Bool?, themeID: String?, audience: String?, baselineWave: String?
  ) throws {
    switch kind {
    case "metric":
      let start = start ?? 0
      self = .metric(start: start, target: target ?? start, current: current ?? start, unit: unit ?? "")
    case "milestone":
      self = .milestone(done: done ?? false)
    case "perception":
      self = .perception(
        themeID: themeID ?? "", audience: Audience(rawValue: audience ?? "") ?? .customer,
        baselineWave: baselineWave, target: target ?? 0)
    default:
      throw StoreError.invalid("key result \(id ?? "?") has an unknown kind \(kind)")
    }
  }
}
