/// Where an action stands between what was done and what moved (the Impact screen's quadrants).
public enum ImpactQuadrant: String, Sendable, CaseIterable, Codable {
  case moved, busyNoChange = "busy, no change", movedWithoutMuchDone = "moved without much done"
  case notYet = "not yet"
}

/// One action's impact across its themes: the verdict that counts and what follows from it.
public struct ActionOutcome: Hashable, Sendable {
  /// The strongest verdict of its themes (moved before worse before no evidence…); nil when
  /// the action links no theme.
  public let verdict: ImpactVerdict?
  /// Done or at least 80% through.
  public let isBusy: Bool
  public let busyNoChange: Bool
  public let quadrant: ImpactQuadrant
  public let impacts: [ActionImpact]

  /// Verdicts from the strongest claim to the weakest.
  public static let verdictOrder: [ImpactVerdict] = [
    .moved, .worse, .noEvidenceYet, .tooEarly, .notStarted, .notJudged,
  ]

  public init(action: Action, impacts: [ActionImpact]) {
    self.impacts = impacts
    let verdicts = Set(impacts.map(\.verdict))
    verdict = Self.verdictOrder.first { verdicts.contains($0) }
    isBusy =
      action.status != .dropped && (action.status == .done || action.progress >= ImpactRule.busyProgress)
    busyNoChange = ImpactRule.isBusyNoChange(
      status: action.status, progress: action.progress, impacts: impacts)
    let moved = verdict == .moved
    quadrant =
      switch (isBusy, moved) {
      case (true, true): .moved
      case (false, true): .movedWithoutMuchDone
      case (true, false) where busyNoChange: .busyNoChange
      default: .notYet
      }
  }

  /// The one word a rollup counts it under (nil: linked to no theme).
  public var tally: ImpactTally? {
    guard let verdict else { return nil }
    // Worse says more than "busy, no change", which it also is.
    if busyNoChange && verdict != .worse { return .busyNoChange }
    return switch verdict {
    case .moved: .moved
    case .worse: .worse
    case .noEvidenceYet: .noEvidenceYet
    case .tooEarly: .tooEarly
    case .notStarted: .notStarted
    case .notJudged: .dropped
    }
  }
}

/// The classes a rollup counts actions in, in the order they are named.
public enum ImpactTally: String, Sendable, CaseIterable, Codable {
  case moved, busyNoChange = "busy, no change", worse, noEvidenceYet = "no evidence yet"
  case tooEarly = "too early", notStarted = "not started", dropped
}

/// Counts of actions per tally under an objective or key result ("3 moved, 5 busy, no change").
public struct ImpactRollup: Hashable, Sendable {
  public private(set) var counts: [ImpactTally: Int] = [:]
  public init() {}
  public init(_ outcomes: some Sequence<ActionOutcome>) {
    for o in outcomes { add(o) }
  }
  public mutating func add(_ outcome: ActionOutcome) {
    if let t = outcome.tally { counts[t, default: 0] += 1 }
  }
  /// The non-zero counts in tally order.
  public var entries: [(tally: ImpactTally, count: Int)] {
    ImpactTally.allCases.compactMap { t in counts[t].map { (t, $0) } }
  }
  public var isEmpty: Bool { counts.isEmpty }
}
