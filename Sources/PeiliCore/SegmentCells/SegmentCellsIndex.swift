import Foundation
import PeiliText

/// The segment cells of every (wave, audience) with their values and respondent counts, and
/// the suppression rules that are decided on respondent counts alone (read in one go: a few
/// hundred rows at most).
public struct SegmentCellsIndex: Sendable {
  /// One (wave, audience) group.
  public struct Group: Sendable {
    public let waveID: String
    public let audience: Audience
    public var cells: [(key: String, values: [String: String], respondents: Int)] = []
    public var respondents: Int { cells.reduce(0) { $0 + $1.respondents } }

    public func respondents(matching f: SegmentFilter) -> Int {
      cells.reduce(0) { $0 + (f.matches($1.values) ? $1.respondents : 0) }
    }

    /// Values of `attribute` whose filter or breakdown row is withheld: those under the
    /// minimum, and then the smallest others until everyone not in a shown value (including
    /// respondents without the attribute) is 0 or at least the minimum — otherwise the shown
    /// values' results, taken from the total, would give away the small rest.
    public func withheldValues(_ attribute: String, minimum: Int) -> Set<String> {
      var counts: [String: Int] = [:]
      for c in cells {
        if let v = c.values[attribute] { counts[v, default: 0] += c.respondents }
      }
      var withheld = Set(counts.filter { $0.value < minimum }.keys)
      var rest = respondents - counts.filter { !withheld.contains($0.key) }.values.reduce(0, +)
      let shown = counts.filter { !withheld.contains($0.key) }.sorted {
        ($0.value, $0.key) < ($1.value, $1.key)
      }
      var next = 0
      while rest > 0 && rest < minimum && next < shown.count {
        withheld.insert(shown[next].key)
        rest += shown[next].value
        next += 1
      }
      return withheld
    }

    /// Why `filter` (already restricted to this audience's attributes) may not be shown for
    /// this group, judged on respondent counts; nil when it may.
    public func refusal(_ filter: SegmentFilter, minimum: Int) -> String? {
      refusalCause(filter, minimum: minimum)?.reason
    }

    /// `refusal` with its cause as a fact: too few, or the complement rule.
    public func refusalCause(_ filter: SegmentFilter, minimum: Int) -> (
      reason: String, cause: Suppression.Cause
    )? {
      let reason = Suppression.reason(minimum: minimum)
      let group = "\(audience.rawValue) \(waveID)"
      guard !filter.isEmpty else {
        return Suppression.isSuppressed(n: respondents, minimum: minimum)
          ? ("\(group): \(reason)", .tooFew) : nil
      }
      for (attribute, value) in filter.constraints.sorted(by: { $0.key < $1.key })
      where withheldValues(attribute, minimum: minimum).contains(value) {
        // The true reason: too few itself, or withheld by the complement rule (a 30-person
        // value withheld so that a 3-person one cannot be worked out is not "n < 5").
        let small = Suppression.isSuppressed(
          n: respondents(matching: SegmentFilter([attribute: value])), minimum: minimum)
        let why = small ? reason : Suppression.complementReason(minimum: minimum)
        return (
          "\(group): \(attribute) = \(value): \(why)".sanitizedForTerminal, small ? .tooFew : .complement
        )
      }
      let n = respondents(matching: filter)
      if Suppression.isSuppressed(n: n, minimum: minimum) { return ("\(group): \(reason)", .tooFew) }
      for attribute in filter.constraints.keys.sorted() {
        let parent = respondents(matching: filter.setting(attribute, to: nil))
        if Suppression.refusesFilter(filteredN: n, totalN: parent, minimum: minimum) {
          return ("\(group): the rest of the group would be fewer than \(minimum) respondents", .complement)
        }
      }
      return nil
    }
  }

  public struct GroupKey: Hashable, Sendable {
    public let waveID: String
    public let audience: Audience
  }

  public var groups: [GroupKey: Group] = [:]
  /// Attributes each audience's respondents carry in any wave.
  public var attributesOf: [Audience: Set<String>] = [:]

  public func group(_ waveID: String, _ audience: Audience) -> Group? {
    groups[GroupKey(waveID: waveID, audience: audience)]
  }

  /// Groups ordered by wave id then audience.
  public var orderedGroups: [Group] {
    groups.values.sorted { ($0.waveID, $0.audience) < ($1.waveID, $1.audience) }
  }

  /// The index from the rows of `segment_cell_value` (wave, audience, cell key, attribute,
  /// value) and `segment_cell` (wave, audience, cell key, respondents), as any store reads them.
  public init(
    values valueRows: [(wave: String, audience: String, cell: String, attribute: String, value: String)],
    cells cellRows: [(wave: String, audience: String, cell: String, respondents: Int)]
  ) {
    var values: [String: [String: String]] = [:]
    for row in valueRows {
      values[row.wave + "\u{0}" + row.audience + "\u{0}" + row.cell, default: [:]][row.attribute] = row.value
      if let a = Audience(rawValue: row.audience) { attributesOf[a, default: []].insert(row.attribute) }
    }
    for row in cellRows {
      guard let audience = Audience(rawValue: row.audience) else { continue }
      let gk = GroupKey(waveID: row.wave, audience: audience)
      groups[gk, default: Group(waveID: row.wave, audience: audience)].cells.append(
        (row.cell, values[row.wave + "\u{0}" + row.audience + "\u{0}" + row.cell] ?? [:], row.respondents))
    }
  }
}
