import PeiliCore

/// Every word the screens show, in one language: the one seam between the app and its
/// wording. A language is a value of this type (`Catalogue.english`, `Catalogue.finnish`); the
/// compiler makes a translation supply every entry. Plurals have one and other forms.
public struct Catalogue: Sendable {
  /// The language of these words; its numbers and dates are written by `Numerals`.
  public var language: Language
  /// Screen names by screen id, for the header and the help.
  public var screenTitles: [ScreenID: String]
  public var keys: Keys
  public var messages: Messages
  public var actions: ActionsText
  public var history: HistoryText
  public var checkIn: CheckInText
  public var fields: FieldText
  public var analysis: AnalysisText
  public var dashboard: DashboardText
  public var gaps: GapsText
  public var drill: DrillText
  public var frame: FrameText
  public var segments: SegmentText
  public var impact: ImpactText
  public var review: ReviewText

  /// A count with its noun: "1 row", "5 rows".
  public struct Plural: Sendable {
    public var one: String
    public var other: String
    public init(one: String, other: String) {
      self.one = one
      self.other = other
    }
    /// The form for `n`, with `{n}` replaced by the number.
    public func callAsFunction(_ n: Int) -> String {
      (n == 1 ? one : other).replacingOccurrences(of: "{n}", with: String(n))
    }
  }

  /// What keys do: the help's lines and the footer's words.
  public struct Keys: Sendable {
    public var everywhere: String
    public var help: String, helpShort: String
    public var quit: String, quitShort: String
    public var segment: String, segmentShort: String
    public var clearSegment: String, clearSegmentShort: String
    public var back: String, backShort: String
    public var screen: @Sendable (String) -> String
    public var move: String, moveShort: String
    public var page: String
    public var firstLast: String
    public var openChild: String
    public var closeParent: String
    public var openClose: String, openCloseShort: String
    public var switchPane: String, mirrorShort: String, treeShort: String
    public var escTree: String
    public var filterTree: String, filterShort: String, editFilterShort: String, clearFilterShort: String
    public var progress10: String, progress1: String, nextStatus: String, undo: String
    public var progress10Short: String, progress1Short: String, statusShort: String, undoShort: String
    public var checkIn: String, checkInShort: String
    public var mirrorMove: String, themeShort: String, drillShort: String, drill: String
    public var groupMove: String, groupFind: String, groupChange: String
    public var gapsMove: String, rankBy: String, rankByShort: String, openTheme: String, openShort: String
    public var grid: String, gridShort: String, rankingShort: String, audience: String, audienceShort: String
    public var scrollLine: String, scrollPage: String, scrollShort: String, section: String,
      sectionShort: String
    public var attribute: String, attributeShort: String, commentsAudience: String, commentsWave: String
    public var commentsShort: String
    public var jump: String, jumpShort: String
    public var sort: String, sortShort: String
    public var filterOwner: String, filterStatus: String, filterTheme: String, filterOverdue: String
    public var filterShortOwner: String, clearFilters: String, clearFiltersShort: String
    public var cycle: String, cycleShort: String
    public var impactPrevious: String, impactPreviousShort: String, impactCurrentShort: String
    public var impactDetail: String, impactDetailShort: String, impactQuadrant: String,
      impactQuadrantShort: String
    public var historyUser: String, historyItem: String, historyField: String, historySpan: String
    public var revert: String, revertShort: String
    public var close: String, closeShort: String, choose: String, apply: String, clearAll: String
    public var keepFilterShort: String, clearShort: String, deleteShort: String
    public var nextField: String, nextFieldShort: String, saveShort: String, cancelShort: String,
      newLine: String
    public var mine: String, theirs: String, editAgain: String
    public var confirm: String, cancel: String
  }

  /// Status-line sentences.
  public struct Messages: Sendable {
    public var tooSmall: @Sendable (_ minimum: String, _ now: String) -> String
    public var selectAction: String
    public var selectItem: String
    public var alreadyAt: @Sendable (_ id: String, _ percent: Int) -> String
    public var nothingToUndo: String
    public var cannotUndo: @Sendable (_ id: String, _ field: String, _ now: String?) -> String
    public var undone: String
    public var keptTheirs: @Sendable (String) -> String
    public var couldNotRead: @Sendable (String) -> String
    public var noTheme: String
    public var saving: @Sendable (String) -> String
    public var updatedByOther: String
    public var youElsewhere: String
    public var anotherSession: String
    public var more: Plural
    public var checkInNote: @Sendable (_ id: String, _ note: String) -> String
    public var checkInDone: @Sendable (String) -> String
    /// The cycle key was pressed: which cycle is being read.
    public var showingCycle: @Sendable (_ id: String, _ name: String) -> String
    public var none: String
    public var done: String, notDone: String
    public var readOnlyBanner: String, readOnlyFooter: String
    public var reverted: @Sendable (String) -> String
    public var filterPrompt: String, escClears: String
    public var alreadySo: @Sendable (String) -> String
    public var alreadyIs: @Sendable (_ id: String, _ what: String) -> String
    public var atPercent: @Sendable (Int) -> String
    public var conflictKept: @Sendable (String) -> String
    public var couldNotFilter: @Sendable (String) -> String
    public var couldNotReadSurvey: @Sendable (String) -> String
    public var segmentPrompt: String, segmentHint: String
  }

  /// The Actions screen.
  public struct ActionsText: Sendable {
    public var columns: [String]
    public var empty: String
    public var noMatch: String
    public var overdue: String
    public var sortBy: String
    public var sortNames: [String]
    public var filterLabel: String
    public var owner: String, status: String, theme: String
    public var anyone: String, unowned: String
    public var count: Plural
    public var lastCheckIn: @Sendable (_ when: String, _ who: String) -> String
    public var never: String
  }

  /// The History screen.
  public struct HistoryText: Sendable {
    public var columns: [String]
    public var empty: String
    public var loading: String
    public var reverted: String
    public var revertOf: @Sendable (Int64) -> String
    public var spans: [String]
    public var filterLabel: String
    public var user: String, item: String, field: String, span: String
    public var all: String
    public var confirmTitle: String
    public var confirmBody: String
    public var cannotRevert: String
    public var count: Plural
  }

  /// The check-in and conflict dialogs.
  public struct CheckInText: Sendable {
    public var title: @Sendable (String) -> String
    public var progress: String, confidence: String, status: String, note: String, value: String, done: String
    public var hint: String
    public var notWhole: @Sendable (_ low: Int, _ high: Int) -> String
    public var notNumber: String
    public var yesNo: String
    public var nothingChanged: String
    public var conflictTitle: String
    public var conflictBody: String
    public var youSaw: String, theirs: String, yours: String
    public var conflictHint: String
    public var perception: String
    /// The communication fields of an action and their problems.
    public var communicatedOn: String, channel: String
    public var notDate: String, channelNeeded: String, dateNeeded: String, channelUnsafe: String
    public var channelTooLong: @Sendable (Int) -> String
    /// "2026-03-01 by newsletter": a communication in a conflict's row.
    public var communication: @Sendable (_ day: String, _ channel: String) -> String
  }

  /// Stored names as people read them: statuses, fields, audiences, entities.
  public struct FieldText: Sendable {
    public var statuses: [ActionStatus: String]
    public var paces: [PaceStatus: String]
    public var fields: [String: String]
    public var entities: [String: String]
    public var kinds: [String: String]
  }

  /// A status as people read it (never the stored name).
  public func name(_ status: ActionStatus) -> String { fields.statuses[status] ?? "?" }
  /// A pace as people read it.
  public func name(_ pace: PaceStatus) -> String { fields.paces[pace] ?? "?" }
  /// A stored field's name ("current_value" is "value").
  public func field(_ name: String) -> String {
    fields.fields[name] ?? name.replacingOccurrences(of: "_", with: " ")
  }
  /// A screen's title.
  public func title(_ id: ScreenID) -> String { screenTitles[id] ?? id.rawValue }

  /// The catalogue of a language.
  public static func of(_ language: Language) -> Catalogue {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }
}
