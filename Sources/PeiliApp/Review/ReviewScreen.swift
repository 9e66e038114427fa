import PeiliCore
import PeiliUI

extension ScreenID {
  public static let review = ScreenID("review")
}

/// The review meeting (DESIGN §9): the agenda, the presented item side by side with its mirror,
/// its actions' impact and the latest check-ins, its decisions, notes and vote; the presenter's
/// lease and following.
enum ReviewScreen: ScreenPart {
  /// The agenda place selected, its scroll, and the selected decision or note (by id).
  struct State: ScreenState {
    var cursor = 0
    var scroll = 0
    var entryID: Int64?
  }

  static let id = ScreenID.review
  static let digit = 6
  static func title(_ t: Catalogue) -> String { t.title(id) }

  static func review(_ m: Model) -> Review? { m.shared.review }

  /// The agenda item selected (nil: no review, or an empty agenda).
  static func selected(_ m: Model) -> ReviewItem? {
    guard let r = review(m), !r.agenda.isEmpty else { return nil }
    return r.agenda[max(0, min(r.agenda.count - 1, m[Self.self].cursor))]
  }

  /// The selected item's decisions and notes, oldest first.
  static func entries(_ m: Model) -> [ReviewEntry] {
    guard let r = review(m), let item = selected(m) else { return [] }
    return r.entries.filter { $0.itemPosition == item.position }
  }

  static func selectedEntry(_ m: Model) -> ReviewEntry? {
    entries(m).first { $0.id == m[Self.self].entryID }
  }

  static func visibleRows(_ m: Model) -> Int { max(1, ScreenArea.body(m).height - 2) }

  static func select(_ m: inout Model, _ i: Int) {
    let count = review(m)?.agenda.count ?? 0
    guard count > 0 else { return }
    m[Self.self].cursor = max(0, min(count - 1, i))
    m[Self.self].entryID = nil
    keepInView(&m)
  }

  static func keepInView(_ m: inout Model) {
    m[Self.self].scroll = TreeWidget.scrollOffset(
      selected: m[Self.self].cursor, previous: m[Self.self].scroll, height: visibleRows(m),
      count: review(m)?.agenda.count ?? 0)
  }

  static func reloaded(_ m: inout Model) {
    let count = review(m)?.agenda.count ?? 0
    m[Self.self].cursor = min(m[Self.self].cursor, max(0, count - 1))
    if selectedEntry(m) == nil { m[Self.self].entryID = nil }
    keepInView(&m)
  }

  /// Whoever presents leads the agenda and the votes; with nobody presenting (or the
  /// presenter gone), anyone may.
  static func mayLead(_ m: Model) -> Bool {
    Following.isPresenting(m) || m.shared.presenter == nil || m.shared.presenterGone
  }

  static func bindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.review
    let r = review(m)
    let isOpen = r?.isOpen == true
    let count = r?.agenda.count ?? 0
    let i = m[Self.self].cursor
    let item = selected(m)
    let presenting = Following.isPresenting(m)
    let lead = mayLead(m)
    let vote = item.flatMap { r?.vote(on: $0.position) }
    let entries = entries(m)
    let entry = selectedEntry(m)
    let writable = !m.shared.isReadOnly
    let g = t.groupReview
    /// A lead's key: refused with the reason when someone else presents.
    func leading(_ run: @escaping (inout Model, Key) -> [Command]) -> (inout Model, Key) -> [Command] {
      { m, key in
        guard mayLead(m) else {
          m.shared.status = StatusMessage(m.shared.text.review.presenterOnly)
          return []
        }
        return run(&m, key)
      }
    }
    var out = ListKeys.bindings(
      m, count: count, at: i, page: max(1, visibleRows(m) - 1), group: m.shared.text.keys.groupMove,
      select: select)
    out += [
      KeyBinding(
        [.char("n"), .char("p")], label: "n p", help: t.keyNext, short: t.keyNextShort, group: g,
        priority: .high, when: count > 0
      ) { m, key in
        guard let r = review(m) else { return [] }
        var at = r
        at.current = m[Self.self].cursor
        guard let next = at.step(key == .char("n") ? 1 : -1) else { return [] }
        select(&m, next)
        // The presenter moves the review itself (`peili review status` names it).
        return Following.isPresenting(m) && r.isOpen ? [.review(.present(next))] : []
      },
      KeyBinding(
        [.char("S")], label: "S", help: t.keyStart, short: t.keyStartShort, group: g, priority: .high,
        when: !isOpen && writable
      ) { m, _ in
        m.overlay = .reviewForm(ReviewForm(.start, text: m.shared.text))
        return []
      },
      KeyBinding(
        [.char("P")], label: "P", help: presenting ? t.keyHandOver : t.keyPresent,
        short: presenting ? t.keyHandOverShort : t.keyPresentShort, group: g, priority: .high,
        when: isOpen && writable
      ) { m, _ in
        if Following.isPresenting(m) {
          m.shared.status = StatusMessage(m.shared.text.review.handedOver)
          m.shared.published = nil
          return [.releasePresenter]
        }
        return [.takePresenter]
      },
      KeyBinding(
        [.char("f")], label: "f", help: t.keyFollow,
        short: m.shared.follow.isOn || (m.shared.presenter != nil && !presenting)
          ? (m.shared.follow.isOn ? t.keyUnfollowShort : t.keyFollowShort) : nil,
        group: g, priority: .high,
        // Here `f` always means following (with nobody presenting it says so), never the
        // segment filter it is on the other screens.
        when: isOpen
      ) { m, _ in Following.toggle(&m) },
      KeyBinding(
        [.char("d")], label: "d", help: t.keyDecision, short: t.keyDecisionShort, group: g,
        when: isOpen && writable
      ) { m, _ in
        m.overlay = .reviewForm(ReviewForm(.decision(item: selected(m)?.position), text: m.shared.text))
        return []
      },
      KeyBinding(
        [.char("N")], label: "N", help: t.keyNote, short: t.keyNoteShort, group: g, when: isOpen && writable
      ) { m, _ in
        m.overlay = .reviewForm(ReviewForm(.note(item: selected(m)?.position), text: m.shared.text))
        return []
      },
      .act([.char("["), .char("]")], label: "[ ]", help: t.keyEntry, group: g, when: !entries.isEmpty) {
        m, key in
        let all = Self.entries(m)
        let at = all.firstIndex { $0.id == m[Self.self].entryID } ?? (key == .char("]") ? -1 : all.count)
        let next = max(0, min(all.count - 1, at + (key == .char("]") ? 1 : -1)))
        m[Self.self].entryID = all[next].id
      },
      KeyBinding(
        [.char("e")], label: "e", help: t.keyEdit, group: g, when: isOpen && writable && entry != nil
      ) {
        m, _ in
        guard let e = selectedEntry(m) else { return [] }
        m.overlay = .reviewForm(ReviewForm(.edit(e), text: m.shared.text))
        return []
      },
      KeyBinding(
        [.char("x")], label: "x", help: t.keyDone, group: g,
        when: writable && entry?.kind == .decision && (isOpen || entry?.status == .open)
      ) { m, _ in
        guard let e = selectedEntry(m) else { return [] }
        return [
          .review(
            .editEntry(id: e.id, text: nil, status: e.status == .done ? .open : .done, version: e.version))
        ]
      },
      KeyBinding(
        [.char("v")], label: "v", help: vote?.isRevealed == false ? t.keyVote : t.keyOpenVote,
        short: t.keyVoteShort, group: g, when: isOpen && writable && item != nil
      ) { m, _ in
        guard let item = selected(m) else { return [] }
        if let v = review(m)?.vote(on: item.position), !v.isRevealed {
          m.overlay = .reviewForm(ReviewForm(.vote(item: item.position), text: m.shared.text))
          return []
        }
        guard mayLead(m) else {
          m.shared.status = StatusMessage(m.shared.text.review.presenterOnly)
          return []
        }
        return [.review(.openVote(item.position))]
      },
      KeyBinding(
        [.char("V")], label: "V", help: t.keyReveal, short: t.keyRevealShort, group: g,
        when: isOpen && writable && vote.map { !$0.isRevealed && !$0.voters.isEmpty } == true && lead,
        run: leading { m, key in selected(m).map { [.review(.reveal($0.position))] } ?? [] }),
      KeyBinding(
        [.char("=")], label: "=", help: t.keyConfidence, group: g,
        when: writable && lead && item?.item.kind == .keyResult && vote?.result != nil,
        run: leading { m, key in setConfidence(&m) }),
      KeyBinding(
        [.char("K"), .char("J")], label: "K J", help: t.keyMove, group: g,
        when: isOpen && writable && count > 1,
        run: leading { m, key in
          let at = m[Self.self].cursor
          let to = at + (key == .char("K") ? -1 : 1)
          guard (0..<(review(m)?.agenda.count ?? 0)).contains(to) else { return [] }
          select(&m, to)
          return [.review(.move(at, to: to))]
        }),
      KeyBinding(
        [.char("D")], label: "D", help: t.keyDrop, group: g, when: isOpen && writable && item != nil,
        run: leading { m, key in
          guard let item = selected(m) else { return [] }
          return [.review(.skip(item.position, !item.item.skipped))]
        }),
      KeyBinding(
        [.char("a")], label: "a", help: t.keyAdd, group: g, when: isOpen && writable,
        run: leading { m, key in
          guard let row = DashboardScreen.selectedRow(m) else {
            m.shared.status = StatusMessage(m.shared.text.review.addHint)
            return []
          }
          let kind: AgendaKind =
            switch row.kind {
            case .objective: .objective
            case .keyResult: .keyResult
            case .action: .action
            }
          return [.review(.add(kind, id: row.id, today: m.shared.today))]
        }),
      KeyBinding(
        [.char("X")], label: "X", help: t.keyClose, short: t.keyCloseShort, group: g, priority: .low,
        when: isOpen && writable,
        run: leading { m, key in
          m.overlay = .confirmCloseReview(review(m)?.title ?? "")
          return []
        }),
    ]
    return out
  }

  /// `=`: the key result's confidence becomes the vote's median, as a check-in of it.
  private static func setConfidence(_ m: inout Model) -> [Command] {
    guard let item = selected(m), let result = review(m)?.vote(on: item.position)?.result,
      let k = m.shared.tree.keyResult(item.item.id)
    else { return [] }
    let request = CheckInRequest(before: .keyResult(k), confidence: result.confidence, note: "")
    m.shared.status = StatusMessage(m.shared.text.review.confidenceSet(k.id, result.confidence))
    return OverlayKeys.send(&m, request)
  }

  /// A review write went through: the review as it stands, and what it did on the status line.
  static func written(_ m: inout Model, _ request: ReviewRequest, _ review: Review?) -> [Command] {
    let t = m.shared.text.review
    m.shared.review = review
    reloaded(&m)
    switch request {
    case .start(let title, _):
      m.shared.status = StatusMessage(t.started(title))
      m[Self.self].cursor = 0
    case .close:
      m.shared.status = StatusMessage(t.closedNow)
      m.shared.presenter = nil
      m.shared.follow = .off
    case .present: break
    case .openVote(let i): m.shared.status = StatusMessage(t.voteOpened(i + 1))
    case .vote(let i, _): m.shared.status = StatusMessage(t.voted(i + 1))
    case .reveal(let i):
      if let r = review?.vote(on: i)?.result {
        m.shared.status = StatusMessage(ReviewRows.result(r, m))
      }
    case .add(_, let id, _): m.shared.status = StatusMessage(t.addedItem(id))
    case .entry, .editEntry, .move, .skip: m.shared.status = StatusMessage(t.saved)
    }
    HistoryScreen.invalidate(&m)
    return request.changesTree ? [.reload] : []
  }

  static func view(_ m: Model, area: Rect, into buffer: inout Buffer) {
    ReviewView.render(m, area: area, into: &buffer)
  }

  static func idleStatus(_ m: Model) -> [Span]? { Following.banner(m) }
}
