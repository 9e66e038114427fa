import PeiliCore

/// What `peili review …` prints, in one language: the lines of starting, following and closing
/// a review meeting from the command line.
public struct ReviewCommandText: Sendable {
  public var started:
    @Sendable (_ id: Int64, _ title: String, _ cycle: String, _ items: String, _ skipped: Int)
      -> String
  public var items: Catalogue.Plural
  public var noReview: @Sendable (_ latest: String?) -> String
  public var latest: @Sendable (_ id: Int64, _ title: String, _ closedAt: String) -> String
  public var header:
    @Sendable (_ id: Int64, _ title: String, _ cycle: String, _ at: String, _ by: String) -> String
  /// "presenter: aino · 2 following" (who: nil when nobody presents; gone: 30 s unheard).
  public var presenter: @Sendable (_ who: String?, _ gone: Bool, _ following: Int) -> String
  public var currentItem:
    @Sendable (_ position: Int, _ count: Int, _ kind: String, _ id: String, _ title: String)
      -> String
  public var kind: @Sendable (AgendaKind) -> String
  public var reason: @Sendable (AgendaReason) -> String
  public var decisions: Catalogue.Plural, notes: Catalogue.Plural
  public var entryItem: @Sendable (Int) -> String
  public var entryOwner: @Sendable (String) -> String, entryDue: @Sendable (String) -> String
  public var entryAction: @Sendable (String) -> String
  public var entryStatus: @Sendable (ReviewEntry.Status) -> String
  public var recordedDecision: @Sendable (_ id: Int64, _ action: String?) -> String
  public var recordedNote: @Sendable (Int64) -> String
  public var closed: @Sendable (_ id: Int64, _ title: String, _ openDecisions: Int) -> String
  public var itemAtLeastOne: @Sendable (Int) -> String
  /// Days in the language ("2026-12-20", "20.12.2026").
  public var numerals: Numerals

  /// The lines of a language.
  public static func of(_ language: Language) -> ReviewCommandText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English.
  public static let english = ReviewCommandText(
    started: { id, title, cycle, items, skipped in
      "Started review #\(id) “\(title)” of cycle \(cycle): \(items) on the agenda"
        + (skipped > 0 ? ", \(skipped) on track listed and skipped" : "") + "."
    },
    items: Catalogue.Plural(one: "{n} item", other: "{n} items"),
    noReview: { "No review is open" + ($0 ?? "") + "; start one with `peili review start --title TEXT`." },
    latest: { " (the latest, #\($0) “\($1)”, closed \($2))" },
    header: { "Review #\($0) “\($1)” of cycle \($2), started \($3) by \($4)" },
    presenter: { who, gone, n in
      "presenter: \(who.map { $0 + (gone ? " (gone)" : "") } ?? "none") · \(n) following"
    },
    currentItem: { "item \($0)/\($1): \($2) \($3) \($4)" },
    kind: { $0.rawValue },
    reason: { $0.rawValue },
    decisions: Catalogue.Plural(one: "1 decision", other: "{n} decisions"),
    notes: Catalogue.Plural(one: "1 note", other: "{n} notes"),
    entryItem: { "(item \($0)) " },
    entryOwner: { " · owner \($0)" }, entryDue: { " · due \($0)" }, entryAction: { " · action \($0)" },
    entryStatus: { " · \($0.rawValue)" },
    recordedDecision: { "Recorded decision #\($0)" + ($1.map { " and created action \($0)" } ?? "") + "." },
    recordedNote: { "Recorded note #\($0)." },
    closed: { id, title, open in
      "Closed review #\(id) “\(title)”"
        + (open > 0
          ? "; \(open == 1 ? "1 open decision goes" : "\(open) open decisions go") to the next review" : "")
        + ". Minutes: `peili export minutes --review \(id)`."
    },
    itemAtLeastOne: { "--item must be 1 or more, got \($0)" },
    numerals: Numerals(.english))
}
