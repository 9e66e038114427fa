import PeiliCore
import PeiliUI

/// Whether this session follows the presenter (DESIGN §9): opt-in with `f`, left by any
/// navigation key (the banner then offers `f` to rejoin).
public enum Follow: Hashable, Sendable {
  case off
  /// Following; the sequence of the published state last applied.
  case on(applied: Int?)
  /// Left by moving; the presenter's name for the banner.
  case left(presenter: String)

  public var isOn: Bool {
    if case .on = self { return true }
    return false
  }
}

/// The presenter's side (publishing the view after every message) and the follower's side
/// (applying a published view, leaving on a move) of following.
enum Following {
  /// Keys that do not leave follow: they are not moves (help, quit, a repaint).
  static let staying: Set<Key> = [
    .char("f"), .char("?"), .function(1), .char("q"), .ctrl("c"), .ctrl("l"), .resize,
  ]
  /// On the Review screen also the keys that act on the presented item: a vote, a decision,
  /// a note (elsewhere the same letters may move).
  static let stayingOnReview: Set<Key> = [.char("v"), .char("d"), .char("N")]

  static func isPresenting(_ m: Model) -> Bool {
    guard let id = m.shared.sessionID, let lease = m.shared.presenter else { return false }
    return lease.holder.id == id
  }

  /// After every message: the presenter publishes its view when it changed.
  static func publish(_ m: inout Model) -> [Command] {
    guard isPresenting(m) else { return [] }
    let now = ViewState(m)
    guard now != m.shared.published, let text = now.encoded() else { return [] }
    m.shared.published = now
    return [.publish(text)]
  }

  /// A navigation key while following leaves follow (the key then acts as usual).
  static func leave(_ m: inout Model, on key: Key) -> [Command] {
    guard m.shared.follow.isOn, !staying.contains(key),
      !(m.screen == .review && stayingOnReview.contains(key))
    else { return [] }
    m.shared.follow = .left(presenter: m.shared.presenter?.holder.user ?? "")
    return [.follow(false)]
  }

  /// `f`: follow the presenter, or stop following.
  static func toggle(_ m: inout Model) -> [Command] {
    let t = m.shared.text.review
    if m.shared.follow.isOn {
      m.shared.follow = .off
      return [.follow(false)]
    }
    guard let lease = m.shared.presenter, !isPresenting(m) else {
      m.shared.status = StatusMessage(isPresenting(m) ? t.youPresent : t.nobodyPresents)
      return []
    }
    m.shared.follow = .on(applied: nil)
    m.shared.adopted = nil
    return [.follow(true)] + apply(&m, lease)
  }

  /// The lease as last polled: a follower applies a newer published view.
  static func receive(_ m: inout Model, _ lease: PresenterLease?, gone: Bool) -> [Command] {
    if lease == nil, let was = m.shared.presenter, m.shared.follow.isOn {
      m.shared.follow = .off
      m.shared.status = StatusMessage(m.shared.text.review.presenterLeft(was.holder.user))
    }
    if lease?.sequence != m.shared.presenter?.sequence || lease?.holder != m.shared.presenter?.holder {
      m.shared.presented = lease?.state.flatMap(ViewState.decoded)
    }
    if let lease, gone, !m.shared.presenterGone, lease.holder.id != m.shared.sessionID {
      m.shared.status = StatusMessage(m.shared.text.review.presenterGone(lease.holder.user))
    }
    m.shared.presenter = lease
    m.shared.presenterGone = gone
    guard case .on = m.shared.follow, let lease, !isPresenting(m) else { return [] }
    return apply(&m, lease)
  }

  /// The agenda place the presenter shows now (nil: nobody presents a view).
  static func presentedPlace(_ m: Model) -> Int? {
    if isPresenting(m) { return m[ReviewScreen.self].cursor }
    guard m.shared.presenter != nil, !m.shared.presenterGone, let view = m.shared.presented else {
      return nil
    }
    return view.states[ReviewScreen.self].cursor
  }

  private static func apply(_ m: inout Model, _ lease: PresenterLease) -> [Command] {
    guard case .on(let applied) = m.shared.follow, applied != lease.sequence else { return [] }
    m.shared.follow = .on(applied: lease.sequence)
    guard let view = m.shared.presented ?? lease.state.flatMap(ViewState.decoded) else { return [] }
    // Only the screens whose published state changed since the last view adopted are taken:
    // the others keep this session's derived rows and caches (a view never carries them).
    let changed = Set(
      m.shared.adopted.map { view.states.changed(from: $0.states) } ?? ScreenRegistry.all.map { $0.id })
    m.shared.adopted = view
    m.screen = view.screen
    m.states.take(changed, from: view.states)
    // Derived at this terminal's size (rows, scrolls, caches), for the screens that changed.
    for part in ScreenRegistry.all where changed.contains(part.id) { part.followed(&m) }
    var commands: [Command] = []
    if view.filter != m.shared.segmentFilter {
      SegmentChoice.choose(&m, view.filter)
    }
    if let cycle = view.cycle, cycle != m.shared.snapshot.cycle?.id { commands.append(.selectCycle(cycle)) }
    return commands
  }

  /// The status line's word on following, when there is no message.
  static func banner(_ m: Model) -> [Span]? {
    let t = m.shared.text.review
    let name = m.shared.presenter?.holder.user ?? ""
    if m.shared.presenter != nil, m.shared.presenterGone, !isPresenting(m) {
      return [Span(t.presenterGone(name), Style(.warn, bold: true))]
    }
    switch m.shared.follow {
    case .on: return [Span(t.followingBanner(name), Style(.accent, bold: true))]
    case .left(let who): return [Span(t.leftBanner(who), Style(.accent))]
    case .off: return nil
    }
  }

  /// "presenting: aino · 4 following" for the header (nil: nobody presents).
  static func header(_ m: Model, separator: String) -> String? {
    guard let lease = m.shared.presenter, !m.shared.presenterGone else { return nil }
    let t = m.shared.text.review
    let name = isPresenting(m) ? m.shared.text.frame.you : lease.holder.user
    return t.presenting(name) + separator + t.following(lease.followers.count)
  }
}
