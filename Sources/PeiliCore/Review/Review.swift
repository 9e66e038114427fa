/// A review meeting held on a workspace (DESIGN §9): its agenda, where it stands, and what it
/// decided. One review is open at a time; a closed one never changes again.
public struct Review: Hashable, Sendable, Codable {
  public var id: Int64
  public var cycleID: String
  public var title: String
  /// ISO-8601 UTC.
  public var startedAt: String
  public var startedBy: String
  public var closedAt: String?
  public var closedBy: String?
  /// The agenda's place being presented.
  public var current: Int
  public var agenda: [ReviewItem]
  public var entries: [ReviewEntry]
  /// Everyone who had the workspace open while the review was open.
  public var participants: [String]
  /// The confidence votes opened on its items, in agenda order.
  public var votes: [ReviewVote]
  public var version: Int

  public var isOpen: Bool { closedAt == nil }
  /// The item presented now (nil: an empty agenda).
  public var currentItem: ReviewItem? { agenda.indices.contains(current) ? agenda[current] : nil }

  public init(
    id: Int64, cycleID: String, title: String, startedAt: String, startedBy: String, closedAt: String? = nil,
    closedBy: String? = nil, current: Int = 0, agenda: [ReviewItem] = [], entries: [ReviewEntry] = [],
    participants: [String] = [], votes: [ReviewVote] = [], version: Int = 1
  ) {
    self.id = id
    self.cycleID = cycleID
    self.title = title
    self.startedAt = startedAt
    self.startedBy = startedBy
    self.closedAt = closedAt
    self.closedBy = closedBy
    self.current = current
    self.agenda = agenda
    self.entries = entries
    self.participants = participants
    self.votes = votes
    self.version = version
  }

  /// The vote on agenda place `position`, if one was opened.
  public func vote(on position: Int) -> ReviewVote? { votes.first { $0.itemPosition == position } }

  /// The place of the next (or previous) item not skipped, from `current`; nil at the end.
  public func step(_ direction: Int) -> Int? {
    var i = current + direction
    while agenda.indices.contains(i) {
      if !agenda[i].item.skipped { return i }
      i += direction
    }
    return nil
  }
}

/// One agenda item of a review, with the node's state when the review started.
public struct ReviewItem: Hashable, Sendable, Codable {
  public var position: Int
  public var item: AgendaItem
  /// What the room saw: progress, status, scores and verdicts as facts (see `ReviewItemState`).
  public var state: ReviewItemState

  public init(position: Int, item: AgendaItem, state: ReviewItemState) {
    self.position = position
    self.item = item
    self.state = state
  }
}

/// A node's state at the time of the review, kept with the item so the minutes never change.
public struct ReviewItemState: Hashable, Sendable, Codable {
  /// 0…1 (nil: not measured).
  public var progress: Double?
  /// `PaceStatus.rawValue` (nil: a theme or a decision).
  public var status: String?
  public var confidence: Int?
  /// The customer (or staff) index of a theme, or of the node's first theme, at the follow-up.
  public var index: Double?
  public var themeID: String?
  /// An action's verdict (`ImpactVerdict.rawValue`) and busy-no-change.
  public var verdict: String?
  public var busyNoChange: Bool

  public init(
    progress: Double? = nil, status: String? = nil, confidence: Int? = nil, index: Double? = nil,
    themeID: String? = nil, verdict: String? = nil, busyNoChange: Bool = false
  ) {
    self.progress = progress
    self.status = status
    self.confidence = confidence
    self.index = index
    self.themeID = themeID
    self.verdict = verdict
    self.busyNoChange = busyNoChange
  }

  /// The state of `item` as `analysis` sees it now.
  public static func of(_ item: AgendaItem, snapshot: Snapshot, analysis: MirrorAnalysis) -> ReviewItemState {
    func index(_ themeID: String?) -> Double? {
      guard let themeID, let m = analysis.mirror(theme: themeID) else { return nil }
      return (m.scores[.customer] ?? m.scores[.staff])?.index
    }
    switch item.kind {
    case .objective:
      let theme = analysis.themeIDs(objective: item.id).first
      return ReviewItemState(
        progress: analysis.progress(objective: item.id), status: analysis.status(objective: item.id).rawValue,
        index: index(theme), themeID: theme)
    case .keyResult:
      let theme = analysis.themeIDs(keyResult: item.id).first
      let kr = snapshot.keyResults.first { $0.id == item.id }
      return ReviewItemState(
        progress: analysis.progress(keyResult: item.id), status: analysis.status(keyResult: item.id).rawValue,
        confidence: kr?.confidence, index: index(theme), themeID: theme)
    case .action:
      guard let a = snapshot.actions.first(where: { $0.id == item.id }) else { return ReviewItemState() }
      let outcome = analysis.outcome(of: a)
      let theme = analysis.themeIDs(of: a).first
      return ReviewItemState(
        progress: Double(a.progress) / 100, status: analysis.status(of: a).rawValue, confidence: a.confidence,
        index: index(theme), themeID: theme, verdict: outcome.verdict?.rawValue,
        busyNoChange: outcome.busyNoChange)
    case .theme:
      return ReviewItemState(index: index(item.id), themeID: item.id)
    case .decision:
      return ReviewItemState()
    }
  }
}

/// A decision or a note taken in a review, on one agenda item or on the review as a whole.
public struct ReviewEntry: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable { case decision, note }
  /// A decision is open until it is done; a note has no status.
  public enum Status: String, Hashable, Sendable, Codable { case open, done }

  public var id: Int64
  public var reviewID: Int64
  public var kind: Kind
  /// The agenda item's place (nil: the whole review).
  public var itemPosition: Int?
  public var text: String
  public var owner: String?
  public var due: Day?
  /// The action a decision created.
  public var actionID: String?
  public var status: Status?
  public var createdAt: String
  public var createdBy: String
  public var version: Int

  public init(
    id: Int64, reviewID: Int64, kind: Kind, itemPosition: Int?, text: String, owner: String? = nil,
    due: Day? = nil, actionID: String? = nil, status: Status? = nil, createdAt: String, createdBy: String,
    version: Int = 1
  ) {
    self.id = id
    self.reviewID = reviewID
    self.kind = kind
    self.itemPosition = itemPosition
    self.text = text
    self.owner = owner
    self.due = due
    self.actionID = actionID
    self.status = status
    self.createdAt = createdAt
    self.createdBy = createdBy
    self.version = version
  }
}
