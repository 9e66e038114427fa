import PeiliCore

/// Performs the commands `update` returns against a store and feeds the answers back into
/// `update`: the effectful half of the main loop, kept apart from the terminal so tests can
/// drive it with a real workspace.
public struct CommandRunner: Sendable {
  public let store: any WorkspaceStore
  public let user: String
  /// Survey queries withhold groups smaller than this (as the analysis does).
  public var minimumGroup = 5
  /// This session's presence (nil: the runner announces none).
  public let presence: PresenceBeat?
  /// How a failure reads on the status line; the wiring maps the store's library errors
  /// to sentences here, so no raw database text reaches the screen.
  public var describe: @Sendable (any Error) -> String = { String(describing: $0) }
  /// Another session's edit of actions or key results is read as those items only (false:
  /// the whole snapshot, as before; kept for `peili-bench refresh`'s comparison).
  public var refreshesByChange = true
  /// The day the model judges by: when set, a load also derives the analysis, the tree and
  /// the screens' rows here, off the key path (nil: the model derives them as it applies).
  public var today: Day?
  private let leaseWatch = LeaseWatch()

  public init(store: any WorkspaceStore, user: String, presence: PresenceBeat? = nil) {
    self.store = store
    self.user = user
    self.presence = presence
  }

  /// Runs `msg` and every message its commands produce; true when the screen may have
  /// changed (anything but a tick that found nothing new).
  @discardableResult
  public func dispatch(_ msg: Msg, _ model: inout Model) -> Bool {
    var queue = [msg]
    var changed = false
    while !queue.isEmpty {
      let next = queue.removeFirst()
      if case .tick = next {} else { changed = true }
      for command in update(&model, next) {
        if let answer = perform(command) { queue.append(answer) }
      }
    }
    return changed
  }

  /// One side effect; its answer as a message (nil when there is none).
  public func perform(_ command: Command) -> Msg? {
    switch command {
    case .quit:
      return nil
    case .reload:
      return load(external: false)
    case .selectCycle(let id):
      store.select(cycle: .id(id))
      return load(external: false)
    case .pollExternalChanges(let since):
      do {
        guard try store.hasExternalChanges() else { return nil }
        // Read before the snapshot: a change that lands between the two is in the snapshot
        // and is named by the next poll, never lost.
        let changes = try store.changesByOthers(since: since)
        if refreshesByChange,
          let items = try changedItems(since: since, upTo: changes.lastAuditID, news: changes)
        {
          return .itemsChanged(items, changes: changes)
        }
        let loaded = load(external: true)
        guard case .snapshotLoaded(let snapshot, _, _, let derived) = loaded else { return loaded }
        return .snapshotLoaded(snapshot, external: true, changes: changes, derived: derived)
      } catch {
        return .loadFailed(describe(error))
      }
    case .save(let request):
      do {
        let outcome = try store.apply(
          request.change, toAction: request.actionID, basedOn: request.basedOn, by: user)
        return .editFinished(request, outcome)
      } catch let error as StoreError {
        if case .readOnly = error { return .editFailed(request, "read-only: \(error)") }
        return .editFailed(request, error.description)
      } catch {
        return .editFailed(request, describe(error))
      }
    case .idle:
      // Both are housekeeping: a busy or read-only file must not disturb the session.
      try? store.tidy()
      return (try? presence?.beat(store)).flatMap { $0.map { .presence($0) } }
    case .query(let query):
      return .answered(query, store.survey.answer(query, minimumGroup: minimumGroup, describe: describe))
    case .undo:
      do {
        return .undoFinished(try store.undoLastOfThisSession(by: user))
      } catch {
        return .loadFailed(describe(error))
      }
    case .checkIn(let request):
      do {
        return .checkInFinished(request, try checkIn(request))
      } catch let error as StoreError {
        return .checkInFailed(request, error.description)
      } catch {
        return .checkInFailed(request, describe(error))
      }
    case .revert(let change):
      do {
        return .revertFinished(try store.revert(change: change, by: user))
      } catch let error as StoreError {
        return .loadFailed(error.description)
      } catch {
        return .loadFailed(describe(error))
      }
    case .review(let request):
      guard let reviews = store.reviews else { return .reviewFailed(request, nil) }
      do {
        return .reviewWritten(request, try request.perform(reviews, by: user))
      } catch let error as StoreError {
        return .reviewFailed(request, error.description)
      } catch {
        return .reviewFailed(request, describe(error))
      }
    case .pollPresenter:
      guard let reviews = store.reviews else { return nil }
      do {
        return leaseWatch.report(try reviews.presenter())
      } catch {
        return nil  // a busy file is asked again on the next tick
      }
    case .takePresenter:
      guard let reviews = store.reviews, let session = presence?.session else { return nil }
      do {
        let outcome = try reviews.takePresenter(session)
        leaseWatch.reset()
        return .leaseTaken(outcome)
      } catch let error as StoreError {
        return .leaseFailed(error.description)
      } catch {
        return .leaseFailed(describe(error))
      }
    case .releasePresenter:
      guard let reviews = store.reviews, let session = presence?.session else { return nil }
      try? reviews.releasePresenter(session)
      leaseWatch.reset()
      return leaseWatch.report(try? reviews.presenter())
    case .publish(let state):
      guard let reviews = store.reviews, let session = presence?.session else { return nil }
      // A publish that fails for a busy file is retried by the next change; a lost lease is news.
      return (try? reviews.publish(state, by: session)) == false ? .leaseLost : nil
    case .follow(let on):
      guard let reviews = store.reviews, let session = presence?.session else { return nil }
      try? reviews.setFollowing(session, on)
      return nil
    case .history(let query):
      do {
        return .historyLoaded(HistoryPage(query: query, entries: try store.auditTrail(query)))
      } catch {
        return .loadFailed(describe(error))
      }
    }
  }

  /// The most audit rows a refresh by change reads; more is a bulk change: reload it all.
  static let changeLimit = 500

  /// The actions and key results other sessions changed after audit row `since`, as stored
  /// now; nil when the change reaches further (an import, an objective, too many rows): the
  /// caller reloads everything then.
  private func changedItems(since: Int64, upTo last: Int64, news: ChangesByOthers) throws -> ChangedItems? {
    let rows = try store.auditTrail(AuditQuery(afterID: since, limit: Self.changeLimit + 1))
    guard !rows.isEmpty, rows.count <= Self.changeLimit,
      rows.allSatisfy({ $0.kind != .import && ($0.entity == "action" || $0.entity == "key_result") })
    else { return nil }
    func ids(_ entity: String) -> [String] {
      var seen = Set<String>()
      return rows.filter { $0.entity == entity && seen.insert($0.entityID).inserted }.map(\.entityID)
    }
    let actions = try store.actions(ids: ids("action"))
    let keyResults = try store.keyResults(ids: ids("key_result"))
    // The whole of the newest change the news names (the store names its newest field).
    let newestChange = rows.first {
      $0.user == news.user && $0.entityID == news.newest?.id && $0.field == news.newest?.field
    }?.changeID
    let newest = rows.filter { $0.changeID == newestChange }.reversed().map {
      FieldChange(entity: $0.entity, id: $0.entityID, field: $0.field, old: $0.oldValue, new: $0.newValue)
    }
    return ChangedItems(
      actions: actions, keyResults: keyResults, lastAuditID: max(last, rows.map(\.id).max() ?? since),
      newest: newest)
  }

  /// Writes a check-in from the dialog.
  private func checkIn(_ r: CheckInRequest) throws -> CheckInOutcome {
    switch r.before {
    case .action(let a):
      let c = ActionCheckIn(
        progress: r.progress, confidence: r.confidence, status: r.status, note: r.note,
        communicated: r.communicated)
      switch try store.checkIn(action: a.id, c, basedOn: a.version, by: user) {
      case .applied(let now): return .applied(.action(now))
      case .conflict(let current): return .conflict(current: .action(current))
      }
    case .keyResult(let k):
      switch try store.checkIn(
        keyResult: k.id, value: r.value, confidence: r.confidence, note: r.note, basedOn: k.version, by: user)
      {
      case .applied(let now): return .applied(.keyResult(now))
      case .conflict(let current): return .conflict(current: .keyResult(current))
      }
    }
  }

  /// A fresh snapshot as a message.
  public func load(external: Bool) -> Msg {
    do {
      let snapshot = try store.snapshot()
      return .snapshotLoaded(
        snapshot, external: external, derived: today.map { SnapshotDerivation(snapshot, today: $0) })
    } catch {
      return .loadFailed(describe(error))
    }
  }
}
