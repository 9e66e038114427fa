import PeiliCore
import PeiliUI

/// The facts every screen reads: the workspace as loaded and derived, the segment filter and
/// its scores, who else is here, the status line, the terminal. Screens keep only their own
/// selections and views in their `ScreenState`.
public struct Shared: Sendable {
  public internal(set) var snapshot: Snapshot { didSet { revision &+= 1 } }
  /// Moves on whenever the snapshot changes (a load, an edit applied in place): what a
  /// screen derived from it is stale when its revision differs.
  public internal(set) var revision = 0
  /// Derived from `snapshot` once per load.
  public internal(set) var analysis: MirrorAnalysis
  public internal(set) var tree: OKRTree

  public var today: Day
  /// The operating-system user every write is attributed to.
  public let user: String
  public var glyphs: Glyphs
  /// Every word the screens show.
  public var text: Catalogue
  public var width: Int
  public var height: Int

  public var status: StatusMessage? { didSet { statusAge = 0 } }
  /// Ticks since `status` was set: another session's news does not replace a message of
  /// this session's within the tick it appeared in.
  public internal(set) var statusAge = 0
  /// The newest audit row this session has been told about: other sessions' changes after it
  /// are named when they arrive.
  public internal(set) var seenAudit: Int64
  /// The other sessions that have the workspace open, oldest first.
  public var others: [WorkspaceSession] = []
  /// Why edits are refused (nil when the workspace is writable).
  public var readOnlyReason: String?
  public var isReadOnly: Bool { readOnlyReason != nil }

  /// The segment filter every score obeys (`.none`: all respondents).
  public internal(set) var segmentFilter: SegmentFilter = .none
  /// The theme and question scores in view: the snapshot's, or those under the filter.
  public internal(set) var scores: [ScoreKey: ScoreSummary]
  /// Scores withheld under the filter to protect a small group, with the reason of each.
  public internal(set) var withheld: [ScoreKey: String] = [:]
  public var withheldCount: Int { withheld.count }
  /// The first reason, for the status line.
  public internal(set) var withheldReason: String?
  /// A filter asked for and not answered yet (applied, or refused, when it is).
  public var requestedFilter: SegmentFilter?
  /// The snapshot changed under a filter: its scores must be asked for again.
  public internal(set) var filterIsStale = false
  /// Answers of survey queries for the current snapshot (cleared on reload and filter change).
  public var answers: [SurveyQuery: SurveyAnswer] = [:]
  /// Queries asked and not yet answered.
  public var pending: Set<SurveyQuery> = []
  /// Ids of the items with an edit sent to the store and not answered yet (one entry per
  /// edit): they show as pending at once.
  public internal(set) var inFlight: [String] = []
  /// The audit trail as last read for the History screen (newest first).
  public internal(set) var history: HistoryPage?
  /// The workspace changed since `history` was read.
  public internal(set) var historyIsStale = false
  /// The audit query asked for and not answered yet.
  public internal(set) var historyAsked: AuditQuery?

  /// The review in view: the snapshot's, then as this session's review writes left it.
  public internal(set) var review: Review?
  /// This session's id, which the presenter's lease names (nil: no presence, as in tests
  /// that drive the app without one).
  public var sessionID: String?
  /// The presenter's lease as last polled, and whether its holder was gone then.
  public internal(set) var presenter: PresenterLease?
  public internal(set) var presenterGone = false
  /// The view the presenter published last, as read with the lease.
  public internal(set) var presented: ViewState?
  /// The published view this follower adopted last (nil: none yet since it began to follow).
  var adopted: ViewState?
  /// Following the presenter, or not (see `Following`).
  public internal(set) var follow: Follow = .off
  /// The view this session published last, as presenter.
  var published: ViewState?

  /// The segment attributes, once loaded.
  public var segmentAttributes: [SegmentAttribute]? {
    if case .attributes(let a)? = answers[.attributes] { return a }
    return nil
  }
}
