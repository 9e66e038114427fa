import Foundation
import PeiliCore

/// A store that answers every call `delay` seconds late (a network database, a busy disk):
/// what `peili-bench screens` runs the dashboard against to show that keys never wait for
/// the store. Survey queries are passed through undelayed (they are not on the edit path).
final class SlowStore: WorkspaceStore, @unchecked Sendable {
  let inner: any WorkspaceStore
  let delay: Double

  init(_ inner: any WorkspaceStore, delay: Double) {
    self.inner = inner
    self.delay = delay
  }

  private func late<T>(_ body: () throws -> T) rethrows -> T {
    Thread.sleep(forTimeInterval: delay)
    return try body()
  }

  var isReadOnly: Bool { inner.isReadOnly }
  /// Reviews are passed through undelayed (the benchmark's edit path is the actions').
  var reviews: (any ReviewStore)? { inner.reviews }
  func snapshot() throws -> Snapshot { try late { try inner.snapshot() } }
  func select(cycle: CycleChoice) { inner.select(cycle: cycle) }
  func snapshot<T>(meanwhile: (Snapshot) throws -> T) throws -> (snapshot: Snapshot, meanwhile: T) {
    try late { try inner.snapshot(meanwhile: meanwhile) }
  }
  func hasExternalChanges() throws -> Bool { try late { try inner.hasExternalChanges() } }
  func apply(_ change: ActionChange, toAction id: String, basedOn version: Int, by user: String) throws
    -> EditOutcome
  { try late { try inner.apply(change, toAction: id, basedOn: version, by: user) } }
  func undoLastOfThisSession(by user: String) throws -> UndoOutcome {
    try late { try inner.undoLastOfThisSession(by: user) }
  }
  func changesByOthers(since auditID: Int64) throws -> ChangesByOthers {
    try late { try inner.changesByOthers(since: auditID) }
  }
  var survey: any SurveyQuerying { inner.survey }
  func heartbeat(_ session: WorkspaceSession) throws -> [WorkspaceSession] {
    try late { try inner.heartbeat(session) }
  }
  func leave(_ session: WorkspaceSession) throws { try late { try inner.leave(session) } }
  func tidy() throws { try late { try inner.tidy() } }
  func auditTrail(_ query: AuditQuery) throws -> [AuditEntry] { try late { try inner.auditTrail(query) } }
  func checkIn(action id: String, _ c: ActionCheckIn, basedOn version: Int, by user: String) throws
    -> EditOutcome
  {
    try late { try inner.checkIn(action: id, c, basedOn: version, by: user) }
  }
  func checkIn(
    keyResult id: String, value: Double?, confidence: Int?, note: String, basedOn version: Int,
    by user: String
  ) throws -> KeyResultEditOutcome {
    try late {
      try inner.checkIn(
        keyResult: id, value: value, confidence: confidence, note: note, basedOn: version, by: user)
    }
  }
  func revert(change changeID: Int64, by user: String) throws -> UndoOutcome {
    try late { try inner.revert(change: changeID, by: user) }
  }
  func actions(ids: [String]) throws -> [Action] { try late { try inner.actions(ids: ids) } }
  func keyResults(ids: [String]) throws -> [KeyResult] { try late { try inner.keyResults(ids: ids) } }
}
