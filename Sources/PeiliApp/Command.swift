/// A side effect `update` asks the main loop to perform; its result comes back as a `Msg`.
public enum Command: Hashable, Sendable {
  /// Write one edit through the store (answers `.editFinished` or `.editFailed`).
  case save(EditRequest)
  /// Revert the user's own latest change through the store (answers `.undoFinished`).
  case undo
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
  /// Leave the dashboard.
  case quit
}
