/// The gaps the gaps screen ranks themes by.
public enum GapKind: String, CaseIterable, Sendable, Codable {
  /// mirror − customer (staff's estimate of customers against customers), largest |Δ| first.
  case mirror
  /// staff − customer on themes both answer, largest |Δ| first.
  case experience
  /// Perception KR target − current, largest shortfall first.
  case target
  /// Lowest customer index first.
  case weakness
  /// Largest absolute change since the baseline wave (any audience) first.
  case change
}

/// What in the OKR tree links to a theme.
public struct ThemeLinks: Hashable, Sendable {
  public let objectives: [String]
  public let keyResults: [String]
  public let actions: [String]
  public var isEmpty: Bool { objectives.isEmpty && keyResults.isEmpty && actions.isEmpty }
}

/// One theme's place in a ranking.
public struct RankedGap: Sendable {
  public let themeID: String
  public let theme: Theme
  public let kind: GapKind
  /// The ranked quantity (gap diff, target − current, customer index or change); nil when
  /// the theme has none (missing or suppressed data, no perception KR): those rank last.
  public let value: Double?
  /// The tested gap behind `value` for mirror, experience and change; nil otherwise.
  public let gap: Gap?
  /// Follow-up scores, unsuppressed only.
  public let scores: [Audience: ScoreEstimate]
  /// The audience `value` is about (change: the audience with the largest change; target:
  /// the KR's audience; weakness: customer).
  public let audience: Audience?
  /// The perception KR behind a target gap.
  public let keyResultID: String?
  public let links: ThemeLinks
  /// Nothing in the OKR tree links to the theme, or the analysis warns that no action
  /// targets a weak theme or large gap.
  public var isBlindSpot: Bool { !blindSpotReasons.isEmpty }
  /// Why the theme is a blind spot (empty when it is not): the analysis's warning, else
  /// `.unlinked` for a theme nothing links to.
  public let blindSpotReasons: [BlindSpotReason]
}

/// Ranks every theme of an analysis by one kind of gap (pure).
public struct GapRanking {
  public static func rank(_ analysis: MirrorAnalysis, by kind: GapKind) -> [RankedGap] {
    // Links and perception key results come from the analysis's per-theme index: a ranking is
    // built on every key of the gaps screen and must not scan the OKR tree.
    var warned: [String: [BlindSpotReason]] = [:]
    for w in analysis.warnings {
      if case .blindSpot(let id, let reasons) = w { warned[id] = reasons }
    }

    var rows: [(row: RankedGap, order: Int)] = []
    for (order, m) in analysis.themes.enumerated() {
      let id = m.theme.id
      var value: Double?
      var gap: Gap?
      var audience: Audience?
      var keyResultID: String?
      switch kind {
      case .mirror:
        gap = m.mirrorGap
        value = shown(gap)
        audience = .mirror
      case .experience:
        gap = m.experienceGap
        value = shown(gap)
        audience = .staff
      case .target:
        for kr in analysis.perceptionKeyResults(theme: id) {
          guard case .perception(let t, let a, _, let target) = kr.measure, t == id,
            let current = analysis.current(keyResult: kr.id)
          else { continue }
          let d = target - current
          if value == nil || d > value! {
            value = d
            audience = a
            keyResultID = kr.id
          }
        }
      case .weakness:
        value = m.scores[.customer]?.index
        audience = .customer
      case .change:
        for a in Audience.allCases {
          guard let g = m.change[a], let d = shown(g) else { continue }
          if value == nil || abs(d) > abs(value!) {
            value = d
            gap = g
            audience = a
          }
        }
      }
      let links = analysis.links(theme: id)
      let reasons = warned[id] ?? (links.isEmpty ? [.unlinked] : [])
      rows.append(
        (
          RankedGap(
            themeID: id, theme: m.theme, kind: kind, value: value, gap: gap, scores: m.scores,
            audience: audience, keyResultID: keyResultID, links: links, blindSpotReasons: reasons), order
        ))
    }
    func key(_ v: Double) -> Double {
      switch kind {
      case .mirror, .experience, .change: -abs(v)
      case .target: -v
      case .weakness: v
      }
    }
    return rows.sorted { a, b in
      switch (a.row.value, b.row.value) {
      case (let x?, let y?): key(x) != key(y) ? key(x) < key(y) : a.order < b.order
      case (.some, nil): true
      case (nil, .some): false
      case (nil, nil): a.order < b.order
      }
    }.map(\.row)
  }

  /// A gap's difference when it is shown (not suppressed or missing).
  private static func shown(_ g: Gap?) -> Double? {
    guard let g, g.gapClass != .notEnoughData else { return nil }
    return g.diff
  }
}
