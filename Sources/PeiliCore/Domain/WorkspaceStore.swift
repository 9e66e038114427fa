/// A change a user makes to an action from the keyboard or the command line.
public enum ActionChange: Hashable, Sendable {
  case progress(Int)
  case status(ActionStatus)
  case checkIn(progress: Int?, confidence: Int?, note: String)
}

/// What became of an edit.
public enum EditOutcome: Hashable, Sendable {
  /// Written; the action as it is now.
  case applied(Action)
  /// Someone changed the action after the version the edit was based on; nothing written.
  case conflict(current: Action)
}

/// Why a write was refused.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  case readOnly(path: String)
  case notFound(entity: String, id: String)
  case invalid(String)

  public var description: String {
    switch self {
    case .readOnly(let p): "the workspace \(p) is read-only for you"
    case .notFound(let e, let id): "no \(e) with id \(id)"
    case .invalid(let m): m
    }
  }
}

/// The store as the app sees it (the app never imports GRDB; PeiliStore implements this).
public protocol WorkspaceStore: AnyObject, Sendable {
  var isReadOnly: Bool { get }
  func snapshot() throws -> Snapshot
  /// True when another connection (another process) has written since the last call;
  /// cheap enough to ask on every tick (SQLite `PRAGMA data_version`).
  func hasExternalChanges() throws -> Bool
  /// Applies one change as one transaction, attributed to `user`, with an audit row per field.
  func apply(_ change: ActionChange, toAction id: String, basedOn version: Int, by user: String) throws
    -> EditOutcome
  /// Segment filters, breakdowns, comments and importance (see `SurveyQuerying`).
  var survey: any SurveyQuerying { get }
}
