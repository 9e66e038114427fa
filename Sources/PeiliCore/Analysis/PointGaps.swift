/// What a theme's favourable % and NPS did (follow-up wave): the change of each per audience
/// and the mirror and experience gaps of each, marked by `Materiality`'s points.
public struct PointGaps: Hashable, Sendable {
  /// follow-up − baseline of favourable %, per audience (empty when one wave is compared).
  public var favourableChange: [Audience: PointGap]
  /// follow-up − baseline of NPS, per audience with an NPS item.
  public var npsChange: [Audience: PointGap]
  /// mirror − customer and staff − customer of favourable %.
  public var favourableMirrorGap: PointGap?
  public var favourableExperienceGap: PointGap?
  /// mirror − customer and staff − customer of NPS.
  public var npsMirrorGap: PointGap?
  public var npsExperienceGap: PointGap?

  public init(
    favourableChange: [Audience: PointGap] = [:], npsChange: [Audience: PointGap] = [:],
    favourableMirrorGap: PointGap? = nil, favourableExperienceGap: PointGap? = nil,
    npsMirrorGap: PointGap? = nil, npsExperienceGap: PointGap? = nil
  ) {
    self.favourableChange = favourableChange
    self.npsChange = npsChange
    self.favourableMirrorGap = favourableMirrorGap
    self.favourableExperienceGap = favourableExperienceGap
    self.npsMirrorGap = npsMirrorGap
    self.npsExperienceGap = npsExperienceGap
  }

  /// The changes and gaps of one theme from its summaries: `summary(audience, wave)` reads the
  /// cache; nil waves give no change.
  public static func of(
    baseline: Wave?, followUp: Wave?, minimumGroup: Int,
    summary: (Audience, Wave?) -> ScoreSummary?
  ) -> PointGaps {
    var gaps = PointGaps()
    if let b = baseline, let f = followUp, b.id != f.id {
      for audience in Audience.allCases {
        let before = summary(audience, b)
        let after = summary(audience, f)
        if let g = PointGap.favourable(before, after, minimumGroup: minimumGroup) {
          gaps.favourableChange[audience] = g
        }
        // Only where an NPS item was asked on either side.
        if (before?.npsN ?? 0) > 0 || (after?.npsN ?? 0) > 0,
          let g = PointGap.nps(before, after, minimumGroup: minimumGroup)
        {
          gaps.npsChange[audience] = g
        }
      }
    }
    let customer = summary(.customer, followUp)
    let mirror = summary(.mirror, followUp)
    let staff = summary(.staff, followUp)
    gaps.favourableMirrorGap = PointGap.favourable(customer, mirror, minimumGroup: minimumGroup)
    gaps.favourableExperienceGap = PointGap.favourable(customer, staff, minimumGroup: minimumGroup)
    func nps(_ other: ScoreSummary?) -> PointGap? {
      (customer?.npsN ?? 0) > 0 || (other?.npsN ?? 0) > 0
        ? PointGap.nps(customer, other, minimumGroup: minimumGroup) : nil
    }
    gaps.npsMirrorGap = nps(mirror)
    gaps.npsExperienceGap = nps(staff)
    return gaps
  }
}
