extension ScoreSummary {
  /// Two disjoint groups' summaries of the same theme or question as one: index and native
  /// samples merge exactly (parallel formula), and so do the respondents' favourable shares;
  /// counts and distributions add up.
  public func merged(with o: ScoreSummary) -> ScoreSummary {
    if o.n == 0 && o.favourableN == 0 { return self }
    if n == 0 && favourableN == 0 { return o }
    let nativeMerged: SampleSummary? =
      switch (native, o.native) {
      case (let a?, let b?): a.merged(with: b)
      case (let a?, nil): a
      case (nil, let b?): b
      case (nil, nil): nil
      }
    let sharesMerged: SampleSummary? =
      switch (favourableShares, o.favourableShares) {
      case (let a?, let b?): a.merged(with: b)
      case (let a?, nil): a
      case (nil, let b?): b
      case (nil, nil): nil
      }
    var distribution = self.distribution
    if distribution.count < o.distribution.count {
      distribution += Array(repeating: 0, count: o.distribution.count - distribution.count)
    }
    for (i, c) in o.distribution.enumerated() { distribution[i] += c }
    return ScoreSummary(
      index: index.merged(with: o.index), native: nativeMerged, scale: scale ?? o.scale,
      favourable: favourable + o.favourable, favourableN: favourableN + o.favourableN,
      favourableShares: sharesMerged,
      promoters: promoters + o.promoters, detractors: detractors + o.detractors, npsN: npsN + o.npsN,
      distribution: distribution)
  }
}
