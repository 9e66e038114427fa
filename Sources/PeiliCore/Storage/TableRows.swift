/// A stored value as every store keeps it (SQLite's storage classes), so that a workspace's
/// tables move between stores without any store's types crossing.
public enum StoredValue: Hashable, Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])
}

/// One table of a workspace: its column names and its rows in them, in the order stored.
public struct TableRows: Hashable, Sendable {
  public var name: String
  public var columns: [String]
  public var rows: [[StoredValue]]

  public init(name: String, columns: [String], rows: [[StoredValue]]) {
    self.name = name
    self.columns = columns
    self.rows = rows
  }
}

/// The tables that hold a workspace's content, which a move copies whole (the audit trail
/// among them). Presence (`session`, `presenter`) is left behind: it expires within seconds
/// and names processes of the old store.
public enum WorkspaceTables {
  public static let content: [String] = [
    "cycle", "theme", "objective", "objective_theme", "key_result", "action", "action_theme", "checkin",
    "question", "wave", "wave_question", "respondent", "respondent_segment", "comment", "score_cache",
    "segment_cell", "segment_cell_value", "segment_cell_score", "audit", "review", "review_item",
    "review_entry", "review_participant", "review_vote", "review_ballot",
  ]
}
