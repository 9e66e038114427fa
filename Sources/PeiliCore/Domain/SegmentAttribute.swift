/// One segment attribute with its values and, per (audience, wave), how many respondents each has.
public struct SegmentAttribute: Hashable, Sendable {
  public let name: String
  /// Audiences whose respondents carry the attribute (a filter on it applies only to these).
  public let audiences: [Audience]
  /// Sorted.
  public let values: [String]
  /// Respondents per (audience, wave, value); counts are group sizes, never scores.
  public let counts: [SegmentCount: Int]

  public init(name: String, audiences: [Audience], values: [String], counts: [SegmentCount: Int] = [:]) {
    self.name = name
    self.audiences = audiences
    self.values = values
    self.counts = counts
  }

  /// Respondents of `audience` in `waveID` with this attribute equal to `value` (0 if none).
  public func respondents(value: String, audience: Audience, waveID: String) -> Int {
    counts[SegmentCount(audience: audience, waveID: waveID, value: value)] ?? 0
  }
}

/// Key of `SegmentAttribute.counts`: one value of the attribute in one (audience, wave).
public struct SegmentCount: Hashable, Sendable {
  public let audience: Audience
  public let waveID: String
  public let value: String
  public init(audience: Audience, waveID: String, value: String) {
    self.audience = audience
    self.waveID = waveID
    self.value = value
  }
}
