/// How field values are written into audit rows, so that an undo can compare and restore
/// them — the same text in every store.
public enum AuditValue {
  public static func text(_ value: Int?) -> String? { value.map { String($0) } }
  public static func text(_ value: Bool?) -> String? { value.map { $0 ? "true" : "false" } }
  public static func text(_ value: Double?) -> String? {
    guard let value else { return nil }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// The fields (in `fields` order) whose audit text differs between two versions of a row.
  public static func changes(
    _ fields: [String], before: [String: String?], after: [String: String?]
  ) -> [(field: String, old: String?, new: String?)] {
    fields.compactMap { field in
      let o = before[field] ?? nil
      let n = after[field] ?? nil
      return o == n ? nil : (field, o, n)
    }
  }
}
