import Foundation
import PeiliCore
import PeiliStore
import PeiliUI

@testable import PeiliApp

/// Marks every word of a text so that a screen shows where each word came from: the
/// catalogue's words get `catalogue` around them, the workspace's (titles, names, comments,
/// segment values) `data` before them.
enum WordMarks {
  static let catalogueMark: Character = "ö"
  static let dataMark: Character = "ɮ"
  /// The store's own sentences (PeiliStore's suppression reasons: "customer 2026-09: region =
  /// Lappi is too small a group to show"), still English until the store returns facts.
  static let storeMark: Character = "ʬ"

  /// `text` with `before` (and `after`) around each run of letters.
  static func mark(_ text: String, before: Character, after: Character? = nil) -> String {
    var out = ""
    var inWord = false
    for ch in text {
      if ch.isLetter && !inWord {
        out.append(before)
        inWord = true
      } else if !ch.isLetter && inWord {
        if let after { out.append(after) }
        inWord = false
      }
      out.append(ch)
    }
    if inWord, let after { out.append(after) }
    return out
  }

  /// A workspace text marked as data (at both ends of each word, so that the piece of a
  /// word a box leaves uncovered is marked too).
  static func data(_ text: String) -> String { mark(text, before: dataMark, after: dataMark) }
  /// A marked workspace text as the store knows it.
  static func unmarked(_ text: String) -> String { text.replacingOccurrences(of: String(dataMark), with: "") }
  /// A sentence of the store's.
  static func store(_ text: String) -> String { mark(text, before: storeMark, after: storeMark) }

  /// The language with every word marked ("öStaffö ögapö"): longer than English, as Finnish is.
  static let markedEnglish = Catalogue.english.mapped(
    TextMapping { mark($0, before: catalogueMark, after: catalogueMark) })

  /// Runs of letters in a line.
  static func words(_ line: String) -> [String] {
    var out: [String] = []
    var word = ""
    for ch in line {
      if ch.isLetter {
        word.append(ch)
      } else if !word.isEmpty {
        out.append(word)
        word = ""
      }
    }
    if !word.isEmpty { out.append(word) }
    return out
  }
}

/// The demo workspace's data with every text marked as data (`WordMarks.data`); ids, waves
/// and numbers stay as they are. Answers of the store are marked on their way to the model,
/// and what the model asks the store for is unmarked on its way there.
struct MarkedData {
  static func snapshot(_ s: Snapshot) -> Snapshot {
    var s = s
    let d = WordMarks.data
    s.workspacePath = d(s.workspacePath)
    if let name = s.cycle?.name { s.cycle?.name = d(name) }
    for i in s.objectives.indices {
      s.objectives[i].title = d(s.objectives[i].title)
      s.objectives[i].owner = s.objectives[i].owner.map(d)
    }
    for i in s.keyResults.indices {
      s.keyResults[i].title = d(s.keyResults[i].title)
      s.keyResults[i].owner = s.keyResults[i].owner.map(d)
      if case .metric(let start, let target, let current, let unit) = s.keyResults[i].measure {
        s.keyResults[i].measure = .metric(start: start, target: target, current: current, unit: d(unit))
      }
    }
    s.actions = s.actions.map(action)
    for i in s.themes.indices { s.themes[i].name = d(s.themes[i].name) }
    for i in s.questions.indices { s.questions[i].text = d(s.questions[i].text) }
    // The latest check-ins' authors are people, as owners are.
    s.lastActionCheckIns = s.lastActionCheckIns.mapValues { c in
      var c = c
      c.author = d(c.author)
      return c
    }
    s.lastKeyResultCheckIns = s.lastKeyResultCheckIns.mapValues { c in
      var c = c
      c.author = d(c.author)
      return c
    }
    s.review = s.review.map(review)
    return s
  }

  /// A review with its title, people and texts marked.
  static func review(_ r: Review) -> Review {
    let d = WordMarks.data
    var r = r
    r.title = d(r.title)
    r.startedBy = d(r.startedBy)
    r.closedBy = r.closedBy.map(d)
    r.participants = r.participants.map(d)
    for i in r.agenda.indices { r.agenda[i].item.title = d(r.agenda[i].item.title) }
    for i in r.entries.indices {
      r.entries[i].text = d(r.entries[i].text)
      r.entries[i].owner = r.entries[i].owner.map(d)
      r.entries[i].createdBy = d(r.entries[i].createdBy)
    }
    for i in r.votes.indices {
      r.votes[i].openedBy = d(r.votes[i].openedBy)
      r.votes[i].voters = r.votes[i].voters.map(d)
    }
    return r
  }

  /// A lease with its people marked.
  static func lease(_ l: PresenterLease) -> PresenterLease {
    var l = l
    l.holder = WorkspaceSession(
      id: l.holder.id, user: WordMarks.data(l.holder.user), host: l.holder.host, pid: l.holder.pid)
    l.followers = l.followers.map(WordMarks.data)
    return l
  }

  static func action(_ a: Action) -> Action {
    var a = a
    a.title = WordMarks.data(a.title)
    a.owner = a.owner.map(WordMarks.data)
    if let c = a.communicated { a.communicated = Communication(on: c.on, channel: WordMarks.data(c.channel)) }
    return a
  }

  static func keyResult(_ k: KeyResult) -> KeyResult {
    var k = k
    k.title = WordMarks.data(k.title)
    k.owner = k.owner.map(WordMarks.data)
    return k
  }

  static func item(_ item: CheckInRequest.Item) -> CheckInRequest.Item {
    switch item {
    case .action(let a): .action(action(a))
    case .keyResult(let k): .keyResult(keyResult(k))
    }
  }

  /// An answer of the store with the items in it marked.
  static func message(_ msg: Msg) -> Msg {
    switch msg {
    case .snapshotLoaded(let s, let external, let changes, _):
      return .snapshotLoaded(snapshot(s), external: external, changes: changes)
    case .editFinished(let request, .applied(let a)): return .editFinished(request, .applied(action(a)))
    case .editFinished(let request, .conflict(let a)):
      return .editFinished(request, .conflict(current: action(a)))
    case .checkInFinished(let request, .applied(let i)): return .checkInFinished(request, .applied(item(i)))
    case .checkInFinished(let request, .conflict(let i)):
      return .checkInFinished(request, .conflict(current: item(i)))
    case .reviewWritten(let request, let r): return .reviewWritten(request, r.map(review))
    case .presenter(let l, let gone): return .presenter(l.map(lease), gone: gone)
    case .leaseTaken(.taken(let l)): return .leaseTaken(.taken(lease(l)))
    case .leaseTaken(.heldBy(let l)): return .leaseTaken(.heldBy(lease(l)))
    default: return msg
    }
  }

  static func filter(_ f: SegmentFilter, _ change: (String) -> String) -> SegmentFilter {
    SegmentFilter(Dictionary(uniqueKeysWithValues: f.constraints.map { (change($0.key), change($0.value)) }))
  }

  static func query(_ q: SurveyQuery) -> SurveyQuery {
    let u = WordMarks.unmarked
    switch q {
    case .attributes: return q
    case .scores(let f): return .scores(filter(f, u))
    case .breakdown(let theme, let audience, let wave, let attribute, let f):
      return .breakdown(
        themeID: theme, audience: audience, waveID: wave, attribute: u(attribute), filter: filter(f, u))
    case .comments(let theme, let audience, let wave, let f):
      return .comments(themeID: theme, audience: audience, waveID: wave, filter: filter(f, u))
    case .importance(let audience, let wave, let f):
      return .importance(audience: audience, waveID: wave, filter: filter(f, u))
    }
  }

  /// The store's texts in an answer marked; its own reasons (suppression) stay as they are.
  static func answer(_ a: SurveyAnswer) -> SurveyAnswer {
    let d = WordMarks.data
    switch a {
    case .attributes(let list):
      return .attributes(
        list.map { at in
          SegmentAttribute(
            name: d(at.name), audiences: at.audiences, values: at.values.map(d),
            counts: Dictionary(
              uniqueKeysWithValues: at.counts.map {
                (
                  SegmentCount(audience: $0.key.audience, waveID: $0.key.waveID, value: d($0.key.value)),
                  $0.value
                )
              }))
        })
    case .scores(let f):
      return .scores(
        FilteredScores(
          filter: filter(f.filter, d), scores: f.scores, refused: f.refused.mapValues(WordMarks.store),
          appliedAttributes: f.appliedAttributes.mapValues { $0.map(d) }))
    case .breakdown(let rows):
      return .breakdown(
        rows.map {
          SegmentRow(
            value: d($0.value), summary: $0.summary,
            suppressedReason: $0.suppressedReason.map(WordMarks.store))
        })
    case .comments(let rows, let reason):
      return .comments(
        rows: rows.map { CommentRow(audience: $0.audience, waveID: $0.waveID, text: d($0.text)) },
        suppressedReason: reason.map(WordMarks.store))
    case .importance, .failed:
      return a
    }
  }
}

/// Drives a model as the loop does, the commands performed by the demo workspace, with the
/// data marked.
struct MarkedDriver {
  let runner: CommandRunner

  func send(_ msg: Msg, _ m: inout Model) {
    var queue = [msg]
    while !queue.isEmpty {
      let next = queue.removeFirst()
      for command in update(&m, next) {
        let asked: Command
        if case .query(let q) = command { asked = .query(MarkedData.query(q)) } else { asked = command }
        guard let answer = runner.perform(asked) else { continue }
        if case .query(let q) = command, case .answered(_, let a) = answer {
          queue.append(.answered(q, MarkedData.answer(a)))
        } else {
          queue.append(MarkedData.message(answer))
        }
      }
    }
  }

  func press(_ m: inout Model, _ keys: [Key]) {
    for key in keys { send(.key(key), &m) }
  }

  /// The workspace read again, as after another session's change.
  func reload(_ m: inout Model) {
    if let loaded = runner.perform(.reload) { send(MarkedData.message(loaded), &m) }
  }

  /// A review write of another session's, then the reload that brings it.
  func meanwhile(_ m: inout Model, _ write: (any ReviewStore) throws -> Void) {
    if let reviews = runner.store.reviews { try? write(reviews) }
    reload(&m)
  }
}

/// Every screen and box in the states that show different words: the scenes of the golden
/// files and more (each tree row's mirror, each gap kind and theme, each grid audience, each
/// drill-down section, the segment picker, every dialog, presence, read-only, too small).
enum MarkedScenes {
  typealias Scene = (name: String, run: (inout Model, MarkedDriver) -> Void)

  static func keys(_ name: String, _ keys: [Key]) -> Scene { (name, { m, d in d.press(&m, keys) }) }

  static func all(rows: Int, themes: Int) -> [Scene] {
    // The golden files' scenes, with what is typed marked as data.
    // A review's title and decision are typed after S and d; its scenes read the workspace
    // first (the review an earlier scene started).
    var scenes: [Scene] = ScreenGoldenTests.scenes.map { scene in
      let review = scene.name.hasPrefix("review")
      let typed: Set<Key> = review ? [.char("/"), .char("S"), .char("d")] : [.char("/")]
      let keys = scene.keys.flatMap { typed.contains($0) ? [$0, .char(WordMarks.dataMark)] : [$0] }
      return (
        scene.name,
        { m, d in
          if review { d.reload(&m) }
          d.press(&m, keys)
        }
      )
    }
    // Each row of the tree (its facts, its mirror or why there is none).
    for i in 0..<rows { scenes.append(keys("tree row \(i)", Array(repeating: .down, count: i))) }
    scenes += [
      keys("tree opened", [.down, .down, .right, .down]),
      keys("mirror scrolled", [.tab, .end]),
      keys(
        "filter kept", [.char("/"), .char(WordMarks.dataMark), .char("n"), .char("e"), .char("w"), .enter]),
      keys(
        "filter matches nothing", [.char("/"), .char(WordMarks.dataMark), .char("q"), .char("q"), .enter]),
      keys("progress edit", [.down, .down, .down, .down, .down, .char("+")]),
      keys("status edit", [.down, .down, .down, .down, .down, .char("s")]),
      keys("undo", [.down, .down, .down, .down, .down, .char("+"), .char("u")]),
      keys("check-in of a metric key result", [.down, .down, .char("c")]),
      keys("check-in of a perception key result", [.down, .char("c")]),
      keys("help at its end", [.char("?"), .end]),
      keys("segment attributes", [.char("f")]),
      keys("segment values", [.char("f"), .enter]),
      keys("segment applied", [.char("f"), .enter, .down, .enter]),
      keys("segment applied on the gaps", [.char("f"), .enter, .down, .enter, .char("2")]),
      keys("segment cleared", [.char("f"), .enter, .down, .enter, .char("F")]),
      keys("nothing to clear", [.char("F")]),
    ]
    // Each gap kind, each theme's facts under the ranking.
    for kind in 0..<GapKind.allCases.count {
      for theme in 0..<themes {
        scenes.append(
          keys(
            "gaps kind \(kind) theme \(theme)",
            [.char("2")] + Array(repeating: .tab, count: kind) + Array(repeating: .down, count: theme)))
      }
    }
    for audience in 0..<Audience.allCases.count {
      scenes.append(
        keys(
          "grid audience \(audience)",
          [.char("2"), .char("i")] + Array(repeating: .char("a"), count: audience)))
    }
    // The drill-down: each section, comments of each audience and wave, each attribute.
    for section in 0..<4 {
      scenes.append(keys("theme section \(section)", [.char("3")] + Array(repeating: .tab, count: section)))
    }
    for audience in 0...Audience.allCases.count {
      scenes.append(
        keys(
          "theme comments \(audience)",
          [.char("3"), .tab, .tab, .tab] + Array(repeating: .char("c"), count: audience)))
    }
    scenes += [
      keys("theme comments of a wave", [.char("3"), .tab, .tab, .tab, .char("w")]),
      keys("theme next attribute", [.char("3"), .tab, .tab, .char("a")]),
      keys("another theme", [.char("2"), .down, .down, .enter]),
      keys("actions by status", [.char("4"), .char("S")]),
      keys("actions by theme", [.char("4"), .char("t")]),
      keys("actions overdue", [.char("4"), .char("d")]),
      keys("actions sorted", [.char("4"), .tab, .tab]),
      keys(
        "actions matching none", [.char("4"), .char("d"), .char("S"), .char("S"), .char("S"), .char("S")]),
      (
        "presence",
        { m, d in
          d.send(
            .presence([
              WorkspaceSession(id: "1", user: WordMarks.data("aino"), host: "h", pid: 1),
              WorkspaceSession(id: "2", user: m.shared.user, host: "h", pid: 2),
              WorkspaceSession(id: "3", user: WordMarks.data("mikko"), host: "h", pid: 3),
              WorkspaceSession(id: "4", user: WordMarks.data("mikko"), host: "h", pid: 4),
            ]), &m)
        }
      ),
      (
        "conflict",
        { m, _ in
          guard let a = m.shared.snapshot.actions.first(where: { $0.id == "A4" }) else { return }
          var theirs = a
          theirs.progress = 90
          theirs.status = .blocked
          theirs.confidence = 3
          m.overlay = .conflict(
            Conflict(mine: CheckInRequest(before: .action(a), progress: 70), theirs: .action(theirs)))
        }
      ),
      (
        "history",
        { m, d in
          d.press(&m, [.char("7")])
          d.send(.historyLoaded(HistoryPage(query: HistoryScreen.query(m), entries: historyRows)), &m)
        }
      ),
      (
        "history revert",
        { m, d in
          d.press(&m, [.char("7")])
          d.send(.historyLoaded(HistoryPage(query: HistoryScreen.query(m), entries: historyRows)), &m)
          d.press(&m, [.char("j"), .char("r")])
        }
      ),
      (
        "history filtered",
        { m, d in
          d.press(&m, [.char("7")])
          d.send(.historyLoaded(HistoryPage(query: HistoryScreen.query(m), entries: historyRows)), &m)
          d.press(&m, [.char("w"), .char("e"), .char("t")])
        }
      ),
    ]
    scenes += reviewScenes
    return scenes
  }

  /// The Review screen's states beyond the golden files' (after their review was started).
  static var reviewScenes: [Scene] {
    let aino = WorkspaceSession(id: "aino-1", user: "aino", host: "h", pid: 1)
    let me = WorkspaceSession(id: "me-1", user: "tester", host: "h", pid: 2)
    func lease(_ holder: WorkspaceSession) -> PresenterLease {
      MarkedData.lease(PresenterLease(holder: holder, seenAt: 0, sequence: 1, followers: ["mikko", "siiri"]))
    }
    func open(_ m: inout Model, _ d: MarkedDriver) {
      m.shared.sessionID = me.id
      d.reload(&m)
      d.press(&m, [.char("6")])
    }
    return [
      (
        "review presenting",
        { m, d in
          open(&m, d)
          d.send(.leaseTaken(.taken(lease(me))), &m)
          d.press(&m, [.char("?")])
        }
      ),
      (
        "review held by another",
        { m, d in
          open(&m, d)
          d.send(.leaseTaken(.heldBy(lease(aino))), &m)
        }
      ),
      (
        "review following",
        { m, d in
          open(&m, d)
          d.send(.presenter(lease(aino), gone: false), &m)
          d.press(&m, [.char("f")])
        }
      ),
      (
        "review left follow",
        { m, d in
          open(&m, d)
          d.send(.presenter(lease(aino), gone: false), &m)
          d.press(&m, [.char("f"), .down, .down])
        }
      ),
      (
        "review presenter gone",
        { m, d in
          open(&m, d)
          d.send(.presenter(lease(aino), gone: true), &m)
        }
      ),
      (
        "review vote open",
        { m, d in
          open(&m, d)
          d.press(&m, [.char("v")])
          d.press(&m, [.char("v")])
        }
      ),
      (
        "review vote revealed",
        { m, d in
          open(&m, d)
          d.meanwhile(&m) { r in
            try r.castVote(item: 0, value: 7, by: "tester")
            try r.revealVote(item: 0, by: "tester")
          }
        }
      ),
      (
        "review note and entry",
        { m, d in
          open(&m, d)
          d.press(&m, [.char("N"), .char(WordMarks.dataMark), .char("o"), .char("k"), .enter, .char("]")])
        }
      ),
      keys("review close confirm", [.char("6"), .char("X")]),
      (
        "review closed",
        { m, d in
          open(&m, d)
          d.meanwhile(&m) { r in try r.closeReview(by: "tester") }
        }
      ),
    ]
  }

  /// Audit rows with their users and notes marked as data.
  static let historyRows = [
    AuditEntry(
      id: 3, changeID: 3, kind: .undo, at: "2026-10-15T09:31:00Z", user: WordMarks.data("aino"),
      entity: "action",
      entityID: "A4", field: "progress", oldValue: "70", newValue: "60", reverts: 2),
    AuditEntry(
      id: 2, changeID: 2, kind: .edit, at: "2026-10-15T09:30:00Z", user: WordMarks.data("aino"),
      entity: "action",
      entityID: "A4", field: "status", oldValue: "active", newValue: "blocked", reverts: nil),
    AuditEntry(
      id: 1, changeID: 1, kind: .edit, at: "2026-10-14T16:05:00Z", user: WordMarks.data("mikko"),
      entity: "key_result", entityID: "KR1", field: "check_in", oldValue: nil,
      newValue: WordMarks.data("survey booked for May"), reverts: nil),
  ]
}
