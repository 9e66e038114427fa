import PeiliCore
import PeiliUI

/// Something that happened: a key, a tick, the answer to a command.
public enum Msg: Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  /// The input timeout passed without a key (about 250 ms).
  case tick
  /// A fresh snapshot; `external` when another session's write caused it, with what that
  /// session (or sessions) wrote; `derived`, what the worker already worked out from it.
  case snapshotLoaded(
    Snapshot, external: Bool = false, changes: ChangesByOthers? = nil, derived: SnapshotDerivation? = nil)
  /// Other sessions changed these items (and nothing wider): applied without a reload.
  case itemsChanged(ChangedItems, changes: ChangesByOthers)
  case editFinished(EditRequest, EditOutcome)
  case editFailed(EditRequest, String)
  case checkInFinished(CheckInRequest, CheckInOutcome)
  case checkInFailed(CheckInRequest, String)
  case undoFinished(UndoOutcome)
  /// The History screen's revert of an older change.
  case revertFinished(UndoOutcome)
  /// The audit trail the History screen asked for.
  case historyLoaded(HistoryPage)
  /// The answer to a survey query.
  case answered(SurveyQuery, SurveyAnswer)
  /// The other sessions that have the workspace open changed.
  case presence([WorkspaceSession])
  /// Following: the moment to look at the presenter's lease again (every 50 ms).
  case followTick
  /// The presenter's lease changed (a newer published view, a follower more, the holder
  /// gone or back); `gone` as judged when it was read.
  case presenter(PresenterLease?, gone: Bool)
  /// The answer to taking the presenter's place.
  case leaseTaken(LeaseOutcome)
  /// Taking the presenter's place failed (the message says why).
  case leaseFailed(String)
  /// A published view was refused: this session no longer presents.
  case leaseLost
  /// A review write went through; the review as it now stands.
  case reviewWritten(ReviewRequest, Review?)
  /// A review write was refused (nil: the store keeps no reviews).
  case reviewFailed(ReviewRequest, String?)
  /// A store read failed; the message goes to the status line.
  case loadFailed(String)
}
