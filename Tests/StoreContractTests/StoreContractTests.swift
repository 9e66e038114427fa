import Foundation
import PeiliCore
import Testing

/// What every `WorkspaceStore` promises, held against each store with the same tests: the
/// SQLite workspace and the in-memory one (and the next backend when it comes).
@Suite("The store contract", .serialized)
struct StoreContractTests {
  @Test(arguments: Backend.available)
  func theSnapshotHoldsTheWorkspace(_ backend: Backend) throws {
    let template = try DemoTemplate.shared().snapshot
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let s = try ws.session().snapshot()
    #expect(s.objectives.map(\.id) == template.objectives.map(\.id))
    #expect(s.keyResults == template.keyResults)
    #expect(s.actions == template.actions)
    #expect(s.themes.map(\.id) == template.themes.map(\.id))
    #expect(s.waves.map(\.id) == template.waves.map(\.id))
    #expect(s.scores == template.scores)
    #expect(s.lastActionCheckIns["A8"]?.confidence == 7)
    #expect(s.lastKeyResultCheckIns["KR4"]?.note.hasPrefix("Uptime dips") == true)
    #expect(!s.isReadOnly)
  }

  @Test(arguments: Backend.available)
  func anEditBumpsTheVersionAndLeavesAnAuditRowAndACheckIn(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    let before = try store.snapshot()
    let a4 = try store.action("A4")
    let outcome = try store.apply(
      .progress(a4.progress + 10), toAction: "A4", basedOn: a4.version, by: "aino")
    #expect(outcome == .applied(try store.action("A4")))
    let now = try store.action("A4")
    #expect(now.progress == a4.progress + 10)
    #expect(now.version == a4.version + 1)

    let rows = try store.rows(after: before.lastAuditID)
    #expect(rows.count == 1)
    let row = try #require(rows.first)
    #expect(row.kind == .edit)
    #expect((row.user, row.entity, row.entityID, row.field) == ("aino", "action", "A4", "progress"))
    #expect((row.oldValue, row.newValue) == ("\(a4.progress)", "\(a4.progress + 10)"))
    #expect(row.at.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil)

    let after = try store.snapshot()
    #expect(after.lastAuditID == row.id)
    #expect(after.lastActionCheckIns["A4"]?.progress == now.progress)
    #expect(after.lastActionCheckIns["A4"]?.author == "aino")
  }

  @Test(arguments: Backend.available)
  func progressClampsAndAnEditThatChangesNothingWritesNothing(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    let base = try store.snapshot().lastAuditID
    let a2 = try store.action("A2")  // done, 100%
    #expect(a2.progress == 100)
    #expect(try store.apply(.progress(130), toAction: "A2", basedOn: a2.version, by: "aino") == .applied(a2))
    #expect(try store.rows(after: base).isEmpty)
    let a9 = try store.action("A9")
    _ = try store.apply(.progress(-20), toAction: "A9", basedOn: a9.version, by: "aino")
    #expect(try store.action("A9").progress == 0)
  }

  @Test(arguments: Backend.available)
  func aStaleVersionIsAConflictAndWritesNothing(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let mine = try ws.session()
    let theirs = try ws.session()
    let a4 = try mine.action("A4")
    _ = try theirs.apply(.status(.blocked), toAction: "A4", basedOn: a4.version, by: "eero")
    let base = try mine.snapshot().lastAuditID
    let outcome = try mine.apply(.progress(90), toAction: "A4", basedOn: a4.version, by: "aino")
    #expect(outcome == .conflict(current: try mine.action("A4")))
    if case .conflict(let current) = outcome { #expect(current.status == .blocked) }
    let dialog = try mine.checkIn(
      action: "A4", ActionCheckIn(progress: 90, confidence: 9, note: "mine"), basedOn: a4.version, by: "aino")
    #expect(dialog == .conflict(current: try mine.action("A4")))
    let kr4 = try mine.keyResult("KR4")
    _ = try theirs.checkIn(
      keyResult: "KR4", value: 99, confidence: nil, note: "", basedOn: kr4.version, by: "eero")
    let krBase = try mine.snapshot().lastAuditID
    #expect(
      try mine.checkIn(keyResult: "KR4", value: 98, confidence: 5, note: "", basedOn: kr4.version, by: "aino")
        == .conflict(current: try mine.keyResult("KR4")))
    #expect(try mine.rows(after: krBase).isEmpty)
    #expect(try mine.rows(after: base).count == 1, "only their KR check-in")
  }

  @Test(arguments: Backend.available)
  func theCheckInDialogIsOneChangeWithItsNote(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    let base = try store.snapshot().lastAuditID
    let a4 = try store.action("A4")
    let outcome = try store.checkIn(
      action: "A4",
      ActionCheckIn(progress: 75, confidence: 8, status: .blocked, note: "waiting\u{1B}[31m for IT"),
      basedOn: a4.version, by: "ville")
    guard case .applied(let now) = outcome else {
      Issue.record("expected applied, got \(outcome)")
      return
    }
    #expect((now.progress, now.confidence, now.status) == (75, 8, .blocked))
    #expect(now.version == a4.version + 1)
    let rows = try store.rows(after: base)
    #expect(Set(rows.map(\.changeID)).count == 1)
    #expect(Set(rows.map(\.field)) == ["progress", "confidence", "status", "check_in"])
    let note = try #require(rows.first { $0.field == "check_in" }?.newValue)
    #expect(!note.contains("\u{1B}"), "a note never keeps control characters")
    #expect(note.contains("for IT"))
    let last = try #require(try store.snapshot().lastActionCheckIns["A4"])
    #expect((last.author, last.progress, last.confidence) == ("ville", 75, 8))
    #expect(last.note == note)
  }

  @Test(arguments: Backend.available)
  func outOfRangeValuesAreRefusedAndWriteNothing(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    let base = try store.snapshot().lastAuditID
    let a4 = try store.action("A4")
    #expect(throws: StoreError.invalid("confidence must be between 1 and 10, got 11")) {
      try store.checkIn(
        action: "A4", ActionCheckIn(progress: 50, confidence: 11), basedOn: a4.version, by: "a")
    }
    #expect(throws: StoreError.invalid("progress must be between 0 and 100, got 101")) {
      try store.checkIn(action: "A4", ActionCheckIn(progress: 101), basedOn: a4.version, by: "a")
    }
    let kr1 = try store.keyResult("KR1")
    #expect(throws: StoreError.self) {
      try store.checkIn(keyResult: "KR1", value: 40, confidence: nil, note: "", basedOn: kr1.version, by: "a")
    }
    let kr2 = try store.keyResult("KR2")
    #expect(throws: StoreError.invalid("the value must be a finite number")) {
      try store.checkIn(
        keyResult: "KR2", value: .nan, confidence: nil, note: "", basedOn: kr2.version, by: "a")
    }
    #expect(throws: StoreError.notFound(entity: "action", id: "A999")) {
      try store.apply(.progress(1), toAction: "A999", basedOn: 1, by: "a")
    }
    #expect(throws: StoreError.notFound(entity: "key result", id: "KR999")) {
      try store.checkIn(keyResult: "KR999", value: 1, confidence: nil, note: "", basedOn: 1, by: "a")
    }
    #expect(try store.rows(after: base).isEmpty)
    #expect(try store.action("A4") == a4)
  }

  @Test(arguments: Backend.available)
  func keyResultCheckInsSetAMetricsValueAndAMilestonesDone(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    let base = try store.snapshot().lastAuditID
    let kr2 = try store.keyResult("KR2")
    guard
      case .applied(let metric) = try store.checkIn(
        keyResult: "KR2", value: 33.5, confidence: 7, note: "campaign", basedOn: kr2.version, by: "siiri")
    else { throw ContractFailure("KR2 check-in not applied") }
    guard case .metric(_, _, let current, _) = metric.measure else {
      throw ContractFailure("KR2 not a metric")
    }
    #expect(current == 33.5)
    #expect(metric.version == kr2.version + 1)
    let kr3 = try store.keyResult("KR3")  // a milestone, done
    _ = try store.checkIn(
      keyResult: "KR3", value: 0, confidence: nil, note: "", basedOn: kr3.version, by: "eero")
    #expect(try store.keyResult("KR3").measure == .milestone(done: false))
    let rows = try store.rows(after: base)
    #expect(
      rows.map { "\($0.entityID) \($0.field) \($0.oldValue ?? "nil") \($0.newValue ?? "nil")" } == [
        "KR2 current_value 31 33.5", "KR2 confidence \(kr2.confidence.map(String.init) ?? "nil") 7",
        "KR2 check_in nil campaign", "KR3 done true false",
      ])
    #expect(try store.snapshot().lastKeyResultCheckIns["KR2"]?.value == 33.5)
  }

  @Test(arguments: Backend.available)
  func undoStaysInItsSessionsLane(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let mine = try ws.session()
    let theirs = try ws.session()
    #expect(try mine.undoLastOfThisSession(by: "aino") == .nothingToUndo, "the demo's past is no one's undo")
    let a4 = try mine.action("A4")
    let a9 = try theirs.action("A9")
    _ = try mine.apply(.progress(a4.progress + 10), toAction: "A4", basedOn: a4.version, by: "aino")
    _ = try theirs.apply(.progress(30), toAction: "A9", basedOn: a9.version, by: "aino")
    // A note-only check-in changes no field: undo walks past it.
    let a4now = try mine.action("A4")
    _ = try mine.checkIn(action: "A4", ActionCheckIn(note: "just a note"), basedOn: a4now.version, by: "aino")

    let outcome = try mine.undoLastOfThisSession(by: "aino")
    guard case .undone(_, let fields) = outcome else {
      throw ContractFailure("expected undone, got \(outcome)")
    }
    #expect(
      fields == [
        FieldChange(
          entity: "action", id: "A4", field: "progress", old: "\(a4.progress + 10)", new: "\(a4.progress)")
      ])
    #expect(try mine.action("A4").progress == a4.progress)
    #expect(try mine.undoLastOfThisSession(by: "aino") == .nothingToUndo)
    #expect(try mine.action("A9").progress == 30, "the same user's other session keeps its edit")
  }

  @Test(arguments: Backend.available)
  func undoOfAFieldThatMovedOnIsAConflictAndWritesNothing(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let mine = try ws.session()
    let theirs = try ws.session()
    let a4 = try mine.action("A4")
    _ = try mine.apply(.progress(80), toAction: "A4", basedOn: a4.version, by: "aino")
    _ = try theirs.apply(.progress(90), toAction: "A4", basedOn: a4.version + 1, by: "eero")
    let base = try mine.snapshot().lastAuditID
    #expect(
      try mine.undoLastOfThisSession(by: "aino")
        == .conflict(entity: "action", id: "A4", field: "progress", expected: "80", current: "90"))
    #expect(try mine.rows(after: base).isEmpty)
    #expect(try mine.action("A4").progress == 90)
  }

  @Test(arguments: Backend.available)
  func anyChangeCanBeRevertedOnceFromHistory(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let owner = try ws.session()
    let lead = try ws.session()
    let kr4 = try owner.keyResult("KR4")
    _ = try owner.checkIn(
      keyResult: "KR4", value: 99.1, confidence: 8, note: "", basedOn: kr4.version, by: "mikko")
    let change = try #require(try owner.rows(after: 0).last?.changeID)
    let outcome = try lead.revert(change: change, by: "aino")
    guard case .undone(let reverted, let fields) = outcome else {
      throw ContractFailure("expected undone, got \(outcome)")
    }
    #expect(reverted == change)
    #expect(Set(fields.map(\.field)) == ["current_value", "confidence"])
    #expect(try lead.keyResult("KR4").measure == kr4.measure)
    #expect(try lead.keyResult("KR4").confidence == kr4.confidence)
    let undo = try #require(try lead.rows(after: 0).last)
    #expect((undo.kind, undo.user, undo.reverts) == (.undo, "aino", change))

    #expect(throws: StoreError.invalid("change #\(change) is reverted already")) {
      try lead.revert(change: change, by: "aino")
    }
    #expect(throws: StoreError.notFound(entity: "change", id: "#999999")) {
      try lead.revert(change: 999_999, by: "aino")
    }
    let a4 = try owner.action("A4")
    _ = try owner.checkIn(action: "A4", ActionCheckIn(note: "only words"), basedOn: a4.version, by: "ville")
    let noteOnly = try #require(try owner.rows(after: 0).last?.changeID)
    #expect(throws: StoreError.invalid("change #\(noteOnly) changed no field that can be put back")) {
      try lead.revert(change: noteOnly, by: "aino")
    }
  }

  @Test(arguments: Backend.available)
  func otherSessionsChangesAreNewsAndOnesOwnAreNot(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let mine = try ws.session()
    let theirs = try ws.session()
    let base = try mine.snapshot().lastAuditID
    #expect(try !mine.hasExternalChanges())
    // Presence is no content change.
    let me = WorkspaceSession(id: "s-mine", user: "aino", host: "h", pid: 1)
    let them = WorkspaceSession(id: "s-theirs", user: "eero", host: "h", pid: 2)
    _ = try mine.heartbeat(me)
    _ = try theirs.heartbeat(them)
    #expect(try !mine.hasExternalChanges())

    let a4 = try mine.action("A4")
    _ = try mine.apply(.progress(71), toAction: "A4", basedOn: a4.version, by: "aino")
    #expect(try !mine.hasExternalChanges(), "one's own edit is no news")
    #expect(try theirs.hasExternalChanges())
    #expect(try !theirs.hasExternalChanges(), "asked again, nothing new")
    let a9 = try theirs.action("A9")
    _ = try theirs.checkIn(
      action: "A9", ActionCheckIn(progress: 10, confidence: 4), basedOn: a9.version, by: "eero")
    #expect(try mine.hasExternalChanges())

    let news = try mine.changesByOthers(since: base)
    #expect(news.count == 2)
    #expect(news.user == "eero")
    #expect(news.newest?.id == "A9")
    #expect(news.lastAuditID == (try mine.snapshot().lastAuditID))
    #expect(try theirs.changesByOthers(since: base).count == 1)
    #expect(try theirs.changesByOthers(since: news.lastAuditID).count == 0)
  }

  @Test(arguments: Backend.available)
  func theAuditTrailIsReadNewestFirstByAnyCondition(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    let base = try store.snapshot().lastAuditID
    for (id, user, progress) in [("A4", "ville", 61), ("A9", "eero", 5), ("A4", "aino", 62)] {
      let a = try store.action(id)
      _ = try store.apply(.progress(progress), toAction: id, basedOn: a.version, by: user)
    }
    let mine = try store.auditTrail(AuditQuery(afterID: base))
    #expect(mine.map(\.newValue) == ["62", "5", "61"])
    #expect(mine.map(\.id) == mine.map(\.id).sorted(by: >))
    #expect(try store.auditTrail(AuditQuery(user: "eero", afterID: base)).map(\.entityID) == ["A9"])
    #expect(try store.auditTrail(AuditQuery(entity: "action", entityID: "A4", afterID: base)).count == 2)
    #expect(try store.auditTrail(AuditQuery(field: "status", afterID: base)).isEmpty)
    #expect(try store.auditTrail(AuditQuery(afterID: base, limit: 1)).map(\.newValue) == ["62"])
    let at = try #require(mine.first?.at)
    let since = try store.auditTrail(AuditQuery(since: at, afterID: base))
    #expect(since.map(\.id) == mine.filter { $0.at >= at }.map(\.id))
    #expect(try store.auditTrail(AuditQuery(until: "2000-01-01T00:00:00Z", afterID: base)).isEmpty)
  }

  @Test(arguments: Backend.available)
  func presenceListsTheOthersOldestFirstUntilTheyLeave(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let a = try ws.session()
    let b = try ws.session()
    let reader = try ws.session(readOnly: true)
    let aino = WorkspaceSession(id: "s-a", user: "aino", host: "h", pid: 1)
    let eero = WorkspaceSession(id: "s-b", user: "eero", host: "h", pid: 2)
    let lurker = WorkspaceSession(id: "s-r", user: "juho", host: "h", pid: 3)
    #expect(try a.heartbeat(aino) == [])
    #expect(try b.heartbeat(eero) == [aino])
    #expect(try reader.heartbeat(lurker) == [aino, eero])
    #expect(try a.heartbeat(aino) == [eero], "a read-only session only reads: it leaves no presence")
    try b.leave(eero)
    #expect(try a.heartbeat(aino) == [])
  }

  @Test(arguments: Backend.available)
  func aReadOnlySessionReadsAndRefusesEveryWrite(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let reader = try ws.session(readOnly: true)
    let s = try reader.snapshot()
    #expect(reader.isReadOnly)
    #expect(s.isReadOnly)
    #expect(s.actions.count == (try DemoTemplate.shared().snapshot.actions.count))
    let a4 = try reader.action("A4")
    func refused(_ body: () throws -> Void) {
      do {
        try body()
        Issue.record("a read-only session wrote")
      } catch let error as StoreError {
        guard case .readOnly = error else {
          Issue.record("expected readOnly, got \(error)")
          return
        }
      } catch { Issue.record("expected StoreError, got \(error)") }
    }
    refused { _ = try reader.apply(.progress(1), toAction: "A4", basedOn: a4.version, by: "a") }
    refused { _ = try reader.checkIn(action: "A4", ActionCheckIn(note: "x"), basedOn: a4.version, by: "a") }
    refused {
      _ = try reader.checkIn(keyResult: "KR2", value: 1, confidence: nil, note: "", basedOn: 1, by: "a")
    }
    refused { _ = try reader.revert(change: 1, by: "a") }
    #expect(try reader.undoLastOfThisSession(by: "a") == .nothingToUndo)
    #expect(try ws.session().action("A4") == a4)
  }

  @Test(arguments: Backend.available)
  func itemsAreReadByIdInTheOrderAsked(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    #expect(try store.actions(ids: ["A9", "nope", "A1"]).map(\.id) == ["A9", "A1"])
    #expect(try store.keyResults(ids: ["KR3", "KR1", "KR0"]).map(\.id) == ["KR3", "KR1"])
    #expect(try store.actions(ids: []).isEmpty)
  }

  @Test(arguments: Backend.available)
  func theSurveyAnswersWithTheSnapshotsScoresAndTheThemesComments(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    let s = try store.snapshot()
    let unfiltered = try store.survey.scores(filter: .none, minimumGroup: 5)
    #expect(unfiltered.scores == s.scores)
    #expect(unfiltered.refused.isEmpty)
    // An attribute no audience has filters nothing.
    let unknown = try store.survey.scores(filter: SegmentFilter(["no such attribute": "x"]), minimumGroup: 5)
    // The same statistics, merged from the segment cells on SQLite: equal to rounding.
    #expect(Set(unknown.scores.keys) == Set(s.scores.keys))
    for (key, score) in s.scores {
      let other = try #require(unknown.scores[key])
      #expect(other.index.n == score.index.n && other.favourable == score.favourable)
      #expect(abs(other.index.mean - score.index.mean) < 1e-9, "\(key)")
    }
    #expect(unknown.appliesTo.isEmpty)
    let theme = try #require(s.themes.first { $0.id == "communication" }?.id)
    let all = try store.survey.comments(
      themeID: theme, audience: nil, waveID: nil, filter: .none, minimumGroup: 1)
    #expect(!all.rows.isEmpty)
    let wave = try #require(s.waves.last?.id)
    let staff = try store.survey.comments(
      themeID: theme, audience: .staff, waveID: wave, filter: .none, minimumGroup: 1)
    #expect(staff.rows.allSatisfy { $0.audience == .staff && $0.waveID == wave })
    #expect(staff.rows.count < all.rows.count)
    let few = try store.survey.comments(
      themeID: theme, audience: nil, waveID: nil, filter: .none, minimumGroup: 1, limit: 2)
    #expect(few.rows == Array(all.rows.prefix(2)))
  }
}

/// A contract step that could not go on.
struct ContractFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
