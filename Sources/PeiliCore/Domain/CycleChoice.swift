/// Which cycle a snapshot is of: the latest by start date, the current one on a day, or one
/// by id (`--cycle ID`, the cycle key on screen).
public enum CycleChoice: Hashable, Sendable {
  case latest
  case current(on: Day)
  case id(String)

  /// The chosen cycle of `cycles`: for `current`, the latest-starting cycle running on the day,
  /// else the latest that started before it, else the first; nil for an id none has.
  public func pick(_ cycles: [Cycle]) -> Cycle? {
    let ordered = cycles.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    switch self {
    case .latest: return ordered.last
    case .id(let id): return ordered.first { $0.id == id }
    case .current(let day):
      return ordered.last { $0.start <= day && day <= $0.end } ?? ordered.last { $0.start <= day }
        ?? ordered.first
    }
  }

  /// The cycle that started before `cycle` (the one re-evaluated a year later).
  public static func previous(of cycle: Cycle, in cycles: [Cycle]) -> Cycle? {
    cycles.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.last {
      ($0.start, $0.id) < (cycle.start, cycle.id)
    }
  }
}

/// The OKRs of the cycle before a snapshot's: its actions are judged a year later.
public struct CycleOKRs: Sendable {
  public var cycle: Cycle
  public var objectives: [Objective]
  public var keyResults: [KeyResult]
  public var actions: [Action]
  public init(cycle: Cycle, objectives: [Objective], keyResults: [KeyResult], actions: [Action]) {
    self.cycle = cycle
    self.objectives = objectives
    self.keyResults = keyResults
    self.actions = actions
  }
}

extension Snapshot {
  /// The same survey with the previous cycle's OKRs in place of this cycle's: what its actions
  /// are judged on (nil without a previous cycle).
  public var previousCycleSnapshot: Snapshot? {
    guard let p = previousCycle else { return nil }
    var s = self
    s.cycle = p.cycle
    s.objectives = p.objectives
    s.keyResults = p.keyResults
    s.actions = p.actions
    s.previousCycle = nil
    return s
  }
}
