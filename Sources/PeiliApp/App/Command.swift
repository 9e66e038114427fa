import PeiliCore

/// A side effect `update` asks the main loop to perform; its result comes back as a `Msg`.
/// The loop runs them off the key path (see `Effects`): `update` never waits for the store.
public enum Command: Hashable, Sendable {
  /// Write one edit through the store (answers `.editFinished` or `.editFailed`).
  case save(EditRequest)
  /// Write a check-in from the dialog in one transaction (answers `.checkInFinished` or
  /// `.checkInFailed`).
  case checkIn(CheckInRequest)
  /// Revert the user's own latest change through the store (answers `.undoFinished`).
  case undo
  /// Revert an older change chosen on the History screen (answers `.revertFinished`).
  case revert(changeID: Int64)
  /// Read a fresh snapshot (answers `.snapshotLoaded`).
  case reload
  /// Ask the store whether another session changed the content; if so read what it wrote
  /// after audit row `since` and reload (answers `.snapshotLoaded(external: true, changes:)`).
  case pollExternalChanges(since: Int64)
  /// Nothing happened for a tick: refresh this session's presence when it is due (answers
  /// `.presence` when the other sessions changed) and let the store tidy up.
  case idle
  /// Ask the store's survey queries (answers `.answered`).
  case query(SurveyQuery)
  /// Read the audit trail for the History screen (answers `.historyLoaded`).
  case history(AuditQuery)
  /// Show another OKR cycle: the store reads that cycle from now on (answers `.snapshotLoaded`).
  case selectCycle(String)
  /// A review write: start, close, present an item, a decision or note, the agenda, a vote
  /// (answers `.reviewWritten` or `.reviewFailed`).
  case review(ReviewRequest)
  /// Read the presenter's lease (answers `.presenter` only when it changed).
  case pollPresenter
  /// Take the presenter's place (answers `.leaseTaken`), or give it up (answers `.presenter`).
  case takePresenter
  case releasePresenter
  /// Publish the presenter's view, encoded (answers `.leaseLost` when refused).
  case publish(String)
  /// Mark this session as following the presenter, or not.
  case follow(Bool)
  /// Leave the dashboard.
  case quit
}
