import Foundation
import GRDB
import PeiliCore
import PeiliText

/// The segment cells of every (wave, audience) with their values and respondent counts, and
/// the suppression rules that are decided on respondent counts alone (read in one go: a few
/// hundred rows at most).
struct SegmentCellsIndex {
  /// One (wave, audience) group.
  struct Group {
    let waveID: String
    let audience: Audience
    var cells: [(key: String, values: [String: String], respondents: Int)] = []
    var respondents: Int { cells.reduce(0) { $0 + $1.respondents } }

    func respondents(matching f: SegmentFilter) -> Int {
      cells.reduce(0) { $0 + (f.matches($1.values) ? $1.respondents : 0) }
    }

    /// Values of `attribute` whose filter or breakdown row is withheld: those under the
    /// minimum, and then the smallest others until everyone not in a shown value (including
    /// respondents without the attribute) is 0 or at least the minimum — otherwise the shown
    /// values' results, taken from the total, would give away the small rest.
    func withheldValues(_ attribute: String, minimum: Int) -> Set<String> {
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
    func refusal(_ filter: SegmentFilter, minimum: Int) -> String? {
      refusalCause(filter, minimum: minimum)?.reason
    }

    /// `refusal` with its cause as a fact: too few, or the complement rule.
    func refusalCause(_ filter: SegmentFilter, minimum: Int) -> (reason: String, cause: Suppression.Cause)? {
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

  struct GroupKey: Hashable {
    let waveID: String
    let audience: Audience
  }

  var groups: [GroupKey: Group] = [:]
  /// Attributes each audience's respondents carry in any wave.
  var attributesOf: [Audience: Set<String>] = [:]

  func group(_ waveID: String, _ audience: Audience) -> Group? {
    groups[GroupKey(waveID: waveID, audience: audience)]
  }

  /// Groups ordered by wave id then audience.
  var orderedGroups: [Group] {
    groups.values.sorted { ($0.waveID, $0.audience) < ($1.waveID, $1.audience) }
  }

  static func load(_ db: Database) throws -> SegmentCellsIndex {
    var index = SegmentCellsIndex()
    var values: [String: [String: String]] = [:]
    let valueRows = try Row.fetchCursor(
      db, sql: "SELECT wave_id, audience, cell_key, attribute, value FROM segment_cell_value")
    while let row = try valueRows.next() {
      let wave: String = row[0]
      let audience: String = row[1]
      let key: String = row[2]
      values[wave + "\u{0}" + audience + "\u{0}" + key, default: [:]][row[3]] = row[4]
      if let a = Audience(rawValue: audience) { index.attributesOf[a, default: []].insert(row[3]) }
    }
    let cellRows = try Row.fetchCursor(
      db, sql: "SELECT wave_id, audience, cell_key, respondents FROM segment_cell")
    while let row = try cellRows.next() {
      let wave: String = row[0]
      let audienceName: String = row[1]
      guard let audience = Audience(rawValue: audienceName) else { continue }
      let key: String = row[2]
      let gk = GroupKey(waveID: wave, audience: audience)
      index.groups[gk, default: Group(waveID: wave, audience: audience)].cells.append(
        (key, values[wave + "\u{0}" + audienceName + "\u{0}" + key] ?? [:], row[3]))
    }
    return index
  }
}
