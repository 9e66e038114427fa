/// Minimum-group rules: a cell with fewer respondents than the minimum is never shown, and
/// neither is a filter whose complement would be that small (subtracting it from the
/// unfiltered cell would reveal the small group).
public enum Suppression {
  /// The default minimum group size.
  public static let defaultMinimum = 5

  /// True when a cell of n respondents must not be shown (n < minimum).
  public static func isSuppressed(n: Int, minimum: Int = defaultMinimum) -> Bool { n < minimum }

  /// True when a filtered cell must not be shown: it is itself below the minimum, or its
  /// complement within the group (totalN − filteredN) is 1…minimum − 1.
  public static func refusesFilter(filteredN: Int, totalN: Int, minimum: Int = defaultMinimum) -> Bool {
    if isSuppressed(n: filteredN, minimum: minimum) { return true }
    let complement = totalN - filteredN
    return complement >= 1 && complement < minimum
  }

  /// Why a cell is absent, as the report prints it.
  public static func reason(minimum: Int = defaultMinimum) -> String { "n < \(minimum)" }

  /// Why a cell is withheld, as a fact the screens word.
  public enum Cause: String, Hashable, Sendable, Codable {
    /// Fewer respondents than the minimum.
    case tooFew
    /// At least the minimum, but withheld so that a smaller group (the rest of the total, or
    /// another value's) cannot be worked out from the total: the complement rule.
    case complement
    /// The filter the cell is a part of is itself withheld for the group.
    case filterWithheld
    /// Nobody in it answered.
    case noAnswers
  }

  /// The reason of a value withheld by the complement rule, as the store and report write it.
  public static func complementReason(minimum: Int = defaultMinimum) -> String {
    "withheld so that a group under \(minimum) cannot be worked out from the total (complement rule)"
  }
}
