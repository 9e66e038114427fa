import PeiliText

/// attribute = value constraints, ANDed; applies to the audiences that have the attribute.
///
/// An audience whose respondents were never given an attribute (staff have no `region`, say)
/// is not filtered by that constraint: its scores stay as they are, and `FilteredScores`
/// says which audiences a filter applied to.
public struct SegmentFilter: Hashable, Sendable, Codable, CustomStringConvertible {
  /// attribute -> value.
  public var constraints: [String: String]

  public init(_ constraints: [String: String] = [:]) { self.constraints = constraints }

  /// No constraint: every respondent.
  public static let none = SegmentFilter()

  public var isEmpty: Bool { constraints.isEmpty }

  /// "customer_type = business, region = Uusimaa" (sorted by attribute, sanitized).
  public var description: String {
    constraints.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)".sanitizedForTerminal }
      .joined(separator: ", ")
  }

  /// The constraints whose attribute is in `attributes` (those that apply to one audience).
  public func restricted(to attributes: Set<String>) -> SegmentFilter {
    SegmentFilter(constraints.filter { attributes.contains($0.key) })
  }

  /// The filter with `attribute` set to `value` (nil removes the constraint).
  public func setting(_ attribute: String, to value: String?) -> SegmentFilter {
    var copy = self
    copy.constraints[attribute] = value
    return copy
  }

  /// True when a respondent with these segment values matches every constraint.
  public func matches(_ values: [String: String]) -> Bool {
    constraints.allSatisfy { values[$0.key] == $0.value }
  }
}
