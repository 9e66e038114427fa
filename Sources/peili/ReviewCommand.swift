import ArgumentParser
import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliText

/// `peili review`: starts, follows and closes a review meeting, and records its decisions.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: Help.text("Start or close a review meeting, see where it stands, record decisions and notes."),
    discussion: Help.text(
      """
      A review goes through an agenda built from the workspace when it starts: the quick wins \
      (done actions whose theme moved), then what is off track, blocked or of low confidence, \
      actions that kept people busy with no change, blind spots, objectives without a mirror \
      and the open decisions of the last review; on-track key results are listed and skipped. \
      Each item keeps its state at the start (progress, status, scores, verdicts), so the \
      minutes (`peili export minutes`) say what the room saw. One review is open at a time; \
      closing it locks its decisions and notes.

      Examples:
        peili review start --title "Q4 review"
        peili review status
        peili review decide "Ship the outage SMS before Christmas" --item 2 --owner Eero \\
              --due 2026-12-20 --create-action
        peili review note "Staff see the app rated far higher than customers do" --item 5
        peili review close
        peili export minutes > minutes.md
      """),
    subcommands: [
      ReviewStartCommand.self, ReviewStatusCommand.self, ReviewDecideCommand.self, ReviewNoteCommand.self,
      ReviewCloseCommand.self,
    ])
}

/// `peili review start --title TEXT`.
struct ReviewStartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: Help.text("Open a review of the cycle with its agenda built from the workspace."))

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(Help.text("The review's title, e.g. \"Q4 review\"."), valueName: "text"))
  var title: String

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .command)
      try global.selectCycle(in: workspace)
      let review = try workspace.startReview(title: title, today: LocalDate.today(), by: CurrentUser.name)
      let items = review.agenda.filter { !$0.item.skipped }.count
      let skipped = review.agenda.count - items
      let t = ReviewCommandText.of(StartLanguage.current)
      print(t.started(review.id, review.title, review.cycleID, t.items(items), skipped))
      for i in review.agenda { print(ReviewStatusCommand.line(i, current: review.current)) }
    }
  }
}

/// `peili review status [--format text|json]`.
struct ReviewStatusCommand: ParsableCommand {
  /// Output formats of the status.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: Help.text(
      "Print the open review: title, presenter, followers, the current item, decisions so far."),
    discussion: Help.text(
      """
      Without an open review it says so (exit 0) and names the latest closed one. The JSON is \
      {"review": {id, title, cycle, started_at, started_by, open}, "presenter", "followers", \
      "item": {kind, id, title, position, reason, skipped}, "agenda": [...], "participants", \
      "decisions": [...], "notes": [...]}, items and entries as in the minutes \
      (docs/minutes-json.md); "review" is null when none is open.
      """))

  @OptionGroup var global: GlobalOptions

  @Option(help: Help.text("Output format."))
  var format: Format = .text

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .reading)
      let review = try workspace.review()
      let open = review.flatMap { $0.isOpen ? $0 : nil }
      let lease = open == nil ? nil : try workspace.presenter()
      let gone = lease?.isGone(now: Date().timeIntervalSince1970) ?? false
      let t = ReviewCommandText.of(StartLanguage.current)
      switch format {
      case .json: print(Self.json(open, lease: lease, gone: gone), terminator: "")
      case .text:
        guard let r = open else {
          print(t.noReview(review.map { t.latest($0.id, $0.title, $0.closedAt ?? "") }))
          return
        }
        print(t.header(r.id, r.title, r.cycleID, r.startedAt, r.startedBy))
        print(t.presenter(lease?.holder.user, gone, lease?.followers.count ?? 0))
        if let item = r.currentItem {
          print(
            t.currentItem(
              item.position + 1, r.agenda.count, t.kind(item.item.kind), item.item.id, item.item.title))
        }
        for i in r.agenda { print(Self.line(i, current: r.current)) }
        let decisions = r.entries.filter { $0.kind == .decision }
        print(t.decisions(decisions.count))
        for d in decisions { print("  #\(d.id) " + Self.entryText(d)) }
        let notes = r.entries.filter { $0.kind == .note }
        print(t.notes(notes.count))
        for n in notes { print("  #\(n.id) " + Self.entryText(n)) }
      }
    }
  }

  /// "▸ 2. key_result KR4 Charger uptime — off track" (▸ on the current item, ~ on a skipped one).
  static func line(_ i: ReviewItem, current: Int) -> String {
    let t = ReviewCommandText.of(StartLanguage.current)
    let mark = i.position == current ? "▸" : i.item.skipped ? "~" : " "
    return
      "\(mark) \(i.position + 1). \(t.kind(i.item.kind)) \(i.item.id) \(i.item.title) — \(t.reason(i.item.reason))"
  }

  static func entryText(_ e: ReviewEntry) -> String {
    let t = ReviewCommandText.of(StartLanguage.current)
    var s = e.text
    if let item = e.itemPosition { s = t.entryItem(item + 1) + s }
    if let o = e.owner { s += t.entryOwner(o) }
    if let d = e.due { s += t.entryDue(t.numerals.date(d)) }
    if let a = e.actionID { s += t.entryAction(a) }
    if let st = e.status { s += t.entryStatus(st) }
    return s + " — \(e.createdBy)"
  }

  static func json(_ r: Review?, lease: PresenterLease?, gone: Bool) -> String {
    guard let r else {
      return JSONValue.object(["review": .null, "presenter": .null, "followers": .array([]), "item": .null])
        .text
        + "\n"
    }
    return JSONValue.object([
      "review": .object([
        "id": .int(Int(r.id)), "title": .string(r.title), "cycle": .string(r.cycleID),
        "started_at": .string(r.startedAt), "started_by": .string(r.startedBy), "open": .bool(r.isOpen),
      ]),
      "presenter": lease.map {
        .object(["user": .string($0.holder.user), "host": .string($0.holder.host), "gone": .bool(gone)])
      } ?? .null,
      "followers": .array((lease?.followers ?? []).map { .string($0) }),
      "item": r.currentItem.map(Minutes.item) ?? .null,
      "agenda": .array(r.agenda.map(Minutes.item)),
      "participants": .array(r.participants.map { .string($0) }),
      "decisions": .array(r.entries.filter { $0.kind == .decision }.map(Minutes.entry)),
      "notes": .array(r.entries.filter { $0.kind == .note }.map(Minutes.entry)),
    ]).text + "\n"
  }
}

/// `peili review decide TEXT [--item N] [--owner NAME] [--due DAY] [--create-action]`.
struct ReviewDecideCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decide",
    abstract: Help.text(
      "Record a decision in the open review (on an agenda item, or the review as a whole)."),
    discussion: Help.text(
      """
      With --create-action the decision also becomes a planned action under the item's node \
      (its objective, key result and themes), owned and due as the decision is; it shows on \
      the Actions screen. A decision stays open until it is done, and open decisions of a \
      closed review come back on the next review's agenda.
      """))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(Help.text("What was decided."), valueName: "text"))
  var text: String

  @Option(
    help: ArgumentHelp(Help.text("The agenda item (its number in `peili review status`)."), valueName: "n"))
  var item: Int?

  @Option(help: ArgumentHelp(Help.text("Who carries it out."), valueName: "name"))
  var owner: String?

  @Option(help: ArgumentHelp(Help.text("By when."), valueName: "YYYY-MM-DD"))
  var due: String?

  @Flag(help: Help.text("Also create a planned action for it under the item's node."))
  var createAction = false

  func run() throws {
    try reportingFailures(global) {
      let due = try due.map { try CycleNewCommand.day($0, option: "--due") }
      if let item, item < 1 {
        throw CommandFailure(ReviewCommandText.of(StartLanguage.current).itemAtLeastOne(item))
      }
      let workspace = try Workspace.open(path: global.workspacePath, use: .command)
      let e = try workspace.addReviewEntry(
        .decision, text: text, item: item.map { $0 - 1 }, owner: owner, due: due, createAction: createAction,
        by: CurrentUser.name)
      print(ReviewCommandText.of(StartLanguage.current).recordedDecision(e.id, e.actionID))
    }
  }
}

/// `peili review note TEXT [--item N]`.
struct ReviewNoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: Help.text("Add a note to the open review (on an agenda item, or the review as a whole)."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(Help.text("The note."), valueName: "text"))
  var text: String

  @Option(
    help: ArgumentHelp(Help.text("The agenda item (its number in `peili review status`)."), valueName: "n"))
  var item: Int?

  func run() throws {
    try reportingFailures(global) {
      if let item, item < 1 {
        throw CommandFailure(ReviewCommandText.of(StartLanguage.current).itemAtLeastOne(item))
      }
      let workspace = try Workspace.open(path: global.workspacePath, use: .command)
      let e = try workspace.addReviewEntry(.note, text: text, item: item.map { $0 - 1 }, by: CurrentUser.name)
      print(ReviewCommandText.of(StartLanguage.current).recordedNote(e.id))
    }
  }
}

/// `peili review close`.
struct ReviewCloseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: Help.text("Close the open review: its decisions and notes are locked from now on."))

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .command)
      let r = try workspace.closeReview(by: CurrentUser.name)
      let open = r.entries.filter { $0.kind == .decision && $0.status == .open }.count
      print(ReviewCommandText.of(StartLanguage.current).closed(r.id, r.title, open))
    }
  }
}

/// `peili export minutes [--review ID] [--format markdown|json]`.
struct ExportMinutesCommand: ParsableCommand {
  /// Output formats of the minutes.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
  }

  static let configuration = CommandConfiguration(
    commandName: "minutes",
    abstract: Help.text(
      "Write a review's minutes: participants, the agenda as it stood, decisions, notes, changes."),
    discussion: Help.text(
      """
      The open review, else the latest (or --review ID). The agenda gives each item's state \
      when the review started; "changes" lists every change written to the workspace while \
      the review was open, from the audit trail. A closed review's minutes never change.

      Examples:
        peili export minutes > minutes.md
        peili export minutes --review 3 --format json | jq '.decisions'
      """))

  @OptionGroup var global: GlobalOptions

  @Option(
    help: ArgumentHelp(Help.text("The review (default: the open one, else the latest)."), valueName: "id"))
  var review: Int64?

  @Option(help: Help.text("Output format."))
  var format: Format = .markdown

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .reading)
      guard let r = try workspace.review(id: review) else {
        throw CommandFailure(
          review.map { "no review #\($0) in the workspace" }
            ?? "the workspace has no review yet; start one with `peili review start --title TEXT`")
      }
      let changes = try workspace.reviewChanges(r)
      switch format {
      case .markdown:
        print(Minutes.markdown(r, changes: changes, text: .of(StartLanguage.current)), terminator: "")
      case .json: print(Minutes.json(r, changes: changes), terminator: "")
      }
    }
  }
}
