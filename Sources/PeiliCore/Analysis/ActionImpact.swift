/// Whether an action moved a theme it targets (DESIGN §8).
public enum ImpactVerdict: String, Sendable, CaseIterable, Codable {
  case moved, worse, noEvidenceYet = "no evidence yet", tooEarly = "too early", notStarted = "not started"
  /// A dropped action: never judged, never credited.
  case notJudged = "not judged"
}

/// How much a verdict can claim, in the order the labels are decided (DESIGN §8).
public enum ImpactDesign: String, Sendable, CaseIterable, Codable {
  case dropped, notStarted = "not started", tooEarly = "too early", shared
  case withComparison = "with comparison", beforeAfterOnly = "before/after only"
}

/// One action's impact on one of its linked themes.
public struct ActionImpact: Hashable, Sendable {
  public let themeID: String
  public let verdict: ImpactVerdict
  public let design: ImpactDesign
  /// Audience whose change is judged (customer, or staff when customers were not asked).
  public let audience: Audience?
  /// The waves compared: the last before the start, the first after the finish (or, while
  /// the action is unfinished, the latest: `isInterim`).
  public let baselineWaveID: String?
  public let followUpWaveID: String?
  public let isInterim: Bool
  /// follow-up − baseline on the index.
  public let change: Gap?
  /// The change less the mean change of the same audience's untargeted themes.
  public let did: DifferenceInDifferences?
  /// The untargeted themes `did` compares with, in theme order.
  public let comparisonThemeIDs: [String]
  /// Other live actions targeting the same theme (credit is shared with them).
  public let sharedWith: Int

  public init(
    themeID: String, verdict: ImpactVerdict, design: ImpactDesign, audience: Audience?,
    baselineWaveID: String?, followUpWaveID: String?, isInterim: Bool = false, change: Gap? = nil,
    did: DifferenceInDifferences? = nil, comparisonThemeIDs: [String] = [], sharedWith: Int = 0
  ) {
    self.themeID = themeID
    self.verdict = verdict
    self.design = design
    self.audience = audience
    self.baselineWaveID = baselineWaveID
    self.followUpWaveID = followUpWaveID
    self.isInterim = isInterim
    self.change = change
    self.did = did
    self.comparisonThemeIDs = comparisonThemeIDs
    self.sharedWith = sharedWith
  }

  /// The difference-in-differences point estimate.
  public var didDelta: Double? { did?.diff }
}

/// The design label and verdict from the facts they depend on: one table, tested as one.
public enum ImpactRule {
  /// What is known of one action and one of its themes.
  public struct Facts: Hashable, Sendable {
    public var status: ActionStatus
    public var progress: Int
    /// A wave after the start (and after the baseline) exists.
    public var hasFollowUp: Bool
    /// Other live actions targeting the theme.
    public var sharedWith: Int
    /// The comparison's baseline within 0.25 SD of the theme's (nil: no comparison).
    public var comparisonBalanced: Bool?
    /// The change's class between the compared waves (nil: no change computed).
    public var change: GapClass?
    public init(
      status: ActionStatus, progress: Int, hasFollowUp: Bool, sharedWith: Int = 0,
      comparisonBalanced: Bool? = nil, change: GapClass? = nil
    ) {
      self.status = status
      self.progress = progress
      self.hasFollowUp = hasFollowUp
      self.sharedWith = sharedWith
      self.comparisonBalanced = comparisonBalanced
      self.change = change
    }
  }

  /// Balanced when the comparison's mean baseline lies within this many of the theme's
  /// baseline SDs (What Works Clearinghouse's rule for baseline equivalence).
  public static let balanceSD = 0.25

  /// Labels in DESIGN §8's order; a dropped or never-started action is never credited.
  public static func judge(_ f: Facts) -> (design: ImpactDesign, verdict: ImpactVerdict) {
    if f.status == .dropped { return (.dropped, .notJudged) }
    if f.status == .planned || f.progress == 0 { return (.notStarted, .notStarted) }
    guard f.hasFollowUp else { return (.tooEarly, .tooEarly) }
    let design: ImpactDesign =
      f.sharedWith > 0 ? .shared : f.comparisonBalanced == true ? .withComparison : .beforeAfterOnly
    // Every action intends its themes to rise.
    let verdict: ImpactVerdict =
      switch f.change {
      case .over: .moved
      case .under: .worse
      default: .noEvidenceYet
      }
    return (design, verdict)
  }

  /// Busy, no change: at least 80% done (or done), judged on a follow-up, and no theme moved.
  public static let busyProgress = 80
  public static func isBusyNoChange(status: ActionStatus, progress: Int, impacts: [ActionImpact]) -> Bool {
    guard status != .dropped, status == .done || progress >= busyProgress else { return false }
    let judged = impacts.filter {
      $0.verdict == .moved || $0.verdict == .worse || $0.verdict == .noEvidenceYet
    }
    return !judged.isEmpty && !judged.contains { $0.verdict == .moved }
  }
}
