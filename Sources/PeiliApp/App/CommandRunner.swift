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
    case .pollExternalChanges(let since):
      do {
        guard try store.hasExternalChanges() else { return nil }
        // Read before the snapshot: a change that lands between the two is in the snapshot
        // and is named by the next poll, never lost.
        let changes = try store.changesByOthers(since: since)
        let loaded = load(external: true)
        guard case .snapshotLoaded(let snapshot, _, _) = loaded else { return loaded }
        return .snapshotLoaded(snapshot, external: true, changes: changes)
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
    case .revert:
      return .loadFailed("not yet")
    case .history(let query):
      return .historyLoaded(HistoryPage(query: query, entries: []))
    }
  }

  /// Writes a check-in from the dialog.
  private func checkIn(_ r: CheckInRequest) throws -> CheckInOutcome {
    switch r.before {
    case .action(let a):
      var outcome = try store.apply(
        .checkIn(progress: r.progress, confidence: r.confidence, note: r.note), toAction: a.id,
        basedOn: a.version,
        by: user)
      if let status = r.status, case .applied(let now) = outcome {
        outcome = try store.apply(.status(status), toAction: a.id, basedOn: now.version, by: user)
      }
      switch outcome {
      case .applied(let now): return .applied(.action(now))
      case .conflict(let current): return .conflict(current: .action(current))
      }
    case .keyResult:
      throw StoreError.invalid("not yet")
    }
  }

  /// A fresh snapshot as a message.
  public func load(external: Bool) -> Msg {
    do {
      return .snapshotLoaded(try store.snapshot(), external: external)
    } catch {
      return .loadFailed(describe(error))
    }
  }
}
