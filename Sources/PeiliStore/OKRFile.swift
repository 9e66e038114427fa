import Foundation
import PeiliCore
import PeiliText
import Yams

/// An OKR YAML file as parsed (format: docs/okr-format.md), with where each item and each
/// reference stood so that errors can point at them. Values the file leaves out are nil, so an
/// import can keep what the workspace already has (progress entered in the dashboard).
struct OKRFile {
  /// A 1-based line and column in the file.
  struct Place: Hashable {
    var line: Int
    var column: Int?
  }

  struct ThemeEntry {
    var id: String
    var name: String
    var place: Place
  }

  struct ObjectiveEntry {
    var objective: Objective
    var place: Place
    var parentPlace: Place?
    var themePlaces: [Place]
  }

  struct KeyResultEntry {
    var id: String
    var objectiveID: String
    var title: String
    var kind: String
    var owner: String?
    var weight: Double
    var confidence: Int?
    var position: Int
    // metric
    var unit: String?
    var start: Double?
    var target: Double?
    var current: Double?
    // milestone
    var done: Bool?
    // perception
    var themeID: String?
    var audience: Audience?
    var baselineWave: String?
    var place: Place
    var themePlace: Place?
  }

  struct ActionEntry {
    var id: String
    var objectiveID: String
    var keyResultID: String?
    var title: String
    var owner: String?
    var status: ActionStatus?
    var progress: Int?
    var start: Day?
    var due: Day?
    var themeIDs: [String]
    var confidence: Int?
    var communicated: Communication?
    var position: Int
    var place: Place
    var keyResultPlace: Place?
    var themePlaces: [Place]
  }

  var cycle: Cycle
  var themes: [ThemeEntry] = []
  var objectives: [ObjectiveEntry] = []
  var keyResults: [KeyResultEntry] = []
  var actions: [ActionEntry] = []
  /// Every id with where it was defined and what it names, in file order.
  var ids: [(id: String, kind: String, place: Place)] = []
}

/// Reads an OKR YAML file into an `OKRFile`, collecting every problem it finds.
struct OKRFileParser {
  let file: String
  var errors: [ImportError] = []

  init(file: String) { self.file = file }

  /// What an OKR file holds, for the messages that say what was expected.
  static let expected = "an OKR file with `cycle:` and `objectives:`"

  /// Reads and parses the file. A file that cannot be read as YAML throws `ImportError`;
  /// otherwise the document comes back with the problems found so far, so that the checks
  /// against the workspace can add theirs and every problem is reported at once.
  static func parse(path: String) throws -> (OKRFile, [ImportError]) {
    let text: String
    do {
      text = try YAMLText.read(path, expected: expected)
    } catch {
      throw ImportError(file: path, error)
    }
    var parser = OKRFileParser(file: path)
    guard let parsed = parser.parse(text: text) else {
      try parser.throwIfFailed()
      throw ImportError(file: path, line: 1, message: "the file holds no OKRs")
    }
    return (parsed, parser.errors)
  }

  func throwIfFailed() throws {
    let sorted = errors.sorted { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
    guard var first = sorted.first else { return }
    first.more = Array(sorted.dropFirst())
    throw first
  }

  // MARK: - Text

  /// UTF-8 text without a byte-order mark; refuses other encodings and empty files.
  func decode(_ data: Data) throws -> String {
    do {
      return try YAMLText.decode(data, path: file, expected: Self.expected)
    } catch {
      throw ImportError(file: file, error)
    }
  }

  // MARK: - Document

  mutating func parse(text: String) -> OKRFile? {
    let expected = Self.expected
    guard
      let root = collect({ () throws(YAMLFailure) in try YAMLDocument.root(of: text, expected: expected) })
    else { return nil }
    guard let top = fields(root, "the file", allowed: ["cycle", "themes", "objectives"]) else { return nil }

    var cycle = Cycle(id: "", name: "", start: Day(ordinal: 0), end: Day(ordinal: 0))
    if let node = required(top, "cycle"),
      let c = fields(node, "cycle", allowed: ["id", "name", "start", "end"])
    {
      cycle.id = id(c, "id") ?? ""
      cycle.name = string(c, "name") ?? cycle.id
      let start = day(c, "start", required: true)
      let end = day(c, "end", required: true)
      if let start { cycle.start = start }
      if let end { cycle.end = end }
      if let start, let end, end < start, let node = c.fields["end"] {
        fail(
          node.value, "cycle end \(end) is before its start \(start); expected an end on or after the start")
      }
    }
    var document = OKRFile(cycle: cycle)

    for (i, node) in list(top, "themes").enumerated() {
      guard let t = fields(node, "theme #\(i + 1)", allowed: ["id", "name"]) else { continue }
      guard let themeID = id(t, "id") else { continue }
      let name = string(t, "name") ?? themeID
      document.themes.append(.init(id: themeID, name: name, place: place(node)))
    }

    if required(top, "objectives") != nil {
      for (i, node) in list(top, "objectives").enumerated() {
        parseObjective(node, position: i, cycleID: cycle.id, into: &document)
      }
    }
    return document
  }

  private mutating func parseObjective(_ node: Node, position: Int, cycleID: String, into doc: inout OKRFile)
  {
    guard
      let o = fields(
        node, "objective #\(position + 1)",
        allowed: ["id", "title", "kind", "owner", "parent", "weight", "themes", "key_results", "actions"])
    else { return }
    let objectiveID = id(o, "id")
    let what = "objective \(objectiveID ?? "#\(position + 1)")"
    let o2 = o.renamed(what)
    let title = title(o2)
    let kind = choice(o2, "kind", ObjectiveKind.self) ?? .committed
    let owner = string(o2, "owner")
    let parent = reference(o2, "parent")
    let weight = weightValue(o2)
    let themes = references(o2, "themes")
    guard let objectiveID else { return }
    doc.ids.append((objectiveID, "objective", place(node)))
    doc.objectives.append(
      .init(
        objective: Objective(
          id: objectiveID, cycleID: cycleID, parentID: parent?.0, title: title.sanitizedForTerminal,
          kind: kind,
          owner: owner?.sanitizedForTerminal, weight: weight, themeIDs: themes.map(\.0), position: position),
        place: place(node), parentPlace: parent?.1, themePlaces: themes.map(\.1)))

    var actionPosition = doc.actions.filter { $0.objectiveID == objectiveID }.count
    for (i, krNode) in list(o2, "key_results").enumerated() {
      parseKeyResult(
        krNode, position: i, objectiveID: objectiveID, actionPosition: &actionPosition, into: &doc)
    }
    for actionNode in list(o2, "actions") {
      parseAction(
        actionNode, objectiveID: objectiveID, keyResultID: nil, position: actionPosition, into: &doc)
      actionPosition += 1
    }
  }

  private static let keyResultFields: [String: [String]] = [
    "metric": ["start", "target", "current", "unit"],
    "milestone": ["done"],
    "perception": ["theme", "audience", "baseline_wave", "target"],
  ]

  private mutating func parseKeyResult(
    _ node: Node, position: Int, objectiveID: String, actionPosition: inout Int, into doc: inout OKRFile
  ) {
    let common = ["id", "title", "kind", "owner", "weight", "confidence", "actions"]
    let all = common + ["start", "target", "current", "unit", "done", "theme", "audience", "baseline_wave"]
    guard let k0 = fields(node, "key result #\(position + 1) of objective \(objectiveID)", allowed: all)
    else {
      return
    }
    let krID = id(k0, "id")
    let what = "key result \(krID ?? "#\(position + 1) of objective \(objectiveID)")"
    let k = k0.renamed(what)
    let title = title(k)
    let kind: String?
    if let kindNode = required(k, "kind") {
      let text = YAMLValue.scalar(kindNode) ?? ""
      if Self.keyResultFields[text] != nil {
        kind = text
      } else {
        fail(kindNode, "\(what): unknown kind `\(text)`; expected one of metric, milestone, perception")
        kind = nil
      }
    } else {
      kind = nil
    }
    var entry = OKRFile.KeyResultEntry(
      id: krID ?? "", objectiveID: objectiveID, title: title.sanitizedForTerminal, kind: kind ?? "",
      owner: string(k, "owner")?.sanitizedForTerminal, weight: weightValue(k),
      confidence: integer(k, "confidence", range: 1...10), position: position, place: place(node))
    if let kind {
      let allowed = Set(Self.keyResultFields[kind]!)
      for key in k.order where !common.contains(key) && !allowed.contains(key) {
        fail(
          k.fields[key]!.key,
          "\(what): field `\(key)` does not apply to a \(kind) key result; expected "
            + Self.keyResultFields[kind]!.map { "`\($0)`" }.joined(separator: ", "))
      }
      switch kind {
      case "metric":
        entry.start = number(k, "start", required: true)
        entry.target = number(k, "target", required: true)
        entry.current = number(k, "current")
        entry.unit = storedLabel(k, "unit")
        if let start = entry.start, let target = entry.target, start == target, let node = k.fields["target"]
        {
          fail(
            node.value,
            "\(what): target equals start (\(AuditValue.text(start)!)); expected a target different from the start"
          )
        }
      case "milestone":
        entry.done = boolean(k, "done")
      default:
        if let theme = reference(k, "theme", required: true) {
          entry.themeID = theme.0
          entry.themePlace = theme.1
        }
        entry.audience = choice(k, "audience", Audience.self, required: true)
        entry.baselineWave = string(k, "baseline_wave")
        entry.target = number(k, "target", required: true)
        if let target = entry.target, !(0...100).contains(target), let node = k.fields["target"] {
          fail(
            node.value, "\(what): target \(AuditValue.text(target)!) is outside 0–100; expected a 0–100 index"
          )
        }
      }
    }
    guard let krID else { return }
    doc.ids.append((krID, "key result", place(node)))
    doc.keyResults.append(entry)
    for actionNode in list(k, "actions") {
      parseAction(
        actionNode, objectiveID: objectiveID, keyResultID: krID, position: actionPosition, into: &doc)
      actionPosition += 1
    }
  }

  private mutating func parseAction(
    _ node: Node, objectiveID: String, keyResultID: String?, position: Int, into doc: inout OKRFile
  ) {
    guard
      let a0 = fields(
        node, "an action of objective \(objectiveID)",
        allowed: [
          "id", "title", "owner", "status", "progress", "start", "due", "themes", "key_result", "confidence",
          "communicated",
        ])
    else { return }
    let actionID = id(a0, "id")
    let what = "action \(actionID ?? "of objective \(objectiveID)")"
    let a = a0.renamed(what)
    let title = title(a)
    let status = choice(a, "status", ActionStatus.self)
    let progress = integer(a, "progress", range: 0...100)
    let start = day(a, "start")
    let due = day(a, "due")
    if let start, let due, due < start, let node = a.fields["due"] {
      fail(
        node.value, "\(what): due \(due) is before start \(start); expected a due date on or after the start")
    }
    let themes = references(a, "themes")
    var krID = keyResultID
    var krPlace: OKRFile.Place?
    if let named = reference(a, "key_result") {
      if let keyResultID, named.0 != keyResultID {
        fail(
          a.fields["key_result"]!.value,
          "\(what): key_result `\(named.0)` differs from the key result \(keyResultID) it is listed under")
      }
      krID = named.0
      krPlace = named.1
    }
    guard let actionID else { return }
    doc.ids.append((actionID, "action", place(node)))
    doc.actions.append(
      .init(
        id: actionID, objectiveID: objectiveID, keyResultID: krID, title: title.sanitizedForTerminal,
        owner: string(a, "owner")?.sanitizedForTerminal, status: status, progress: progress, start: start,
        due: due,
        themeIDs: themes.map(\.0), confidence: integer(a, "confidence", range: 1...10),
        communicated: communication(a), position: position,
        place: place(node), keyResultPlace: krPlace, themePlaces: themes.map(\.1)))
  }

  /// `communicated: {on: 2026-03-01, channel: newsletter}`: both fields required, the
  /// channel one line of text without control, bidi or invisible characters.
  private mutating func communication(_ a: YAMLMapping) -> Communication? {
    guard let node = value(a, "communicated", required: false) else { return nil }
    guard
      let c = fields(
        node, "\(a.what): `communicated`", allowed: ["on", "channel"])
    else { return nil }
    let on = day(c, "on", required: true)
    guard let channel = string(c, "channel", required: true), let channelNode = c.fields["channel"]?.value
    else { return nil }
    if let bad = UnsafeCharacter.first(in: channel) {
      fail(channelNode, "\(c.what): " + bad.refusal(of: "`channel`", channel))
      return nil
    }
    if !Bounds.isAllowed(channel, maxLength: Communication.maxChannelLength) {
      fail(
        channelNode,
        "\(c.what): `channel` has more than \(Communication.maxChannelLength) characters; expected a short name such as `newsletter`"
      )
      return nil
    }
    guard let on else { return nil }
    return Communication(on: on, channel: channel.trimmingCharacters(in: .whitespaces))
  }

  // MARK: - Fields

  /// Runs one of the YAML layer's getters, recording its failure: the OKR file reports every
  /// problem at once, so a bad value is noted and the reading goes on.
  private mutating func collect<T>(_ read: () throws(YAMLFailure) -> T?) -> T? {
    do {
      return try read()
    } catch {
      errors.append(ImportError(file: file, error))
      return nil
    }
  }

  /// The entry at `node` with its unknown fields recorded.
  private mutating func fields(_ node: Node, _ what: String, allowed: [String]) -> YAMLMapping? {
    guard let mapping = collect({ () throws(YAMLFailure) in try YAMLMapping(node, what, allowed: allowed) })
    else { return nil }
    errors += mapping.problems.map { ImportError(file: file, $0) }
    return mapping
  }

  /// The value of a field, or nil (with an error when `required`) when absent or null.
  private mutating func value(_ f: YAMLMapping, _ key: String, required: Bool) -> Node? {
    collect { () throws(YAMLFailure) in try f.value(key, required: required) }
  }

  private mutating func required(_ f: YAMLMapping, _ key: String) -> Node? { value(f, key, required: true) }

  private mutating func list(_ f: YAMLMapping, _ key: String) -> [Node] {
    collect { () throws(YAMLFailure) in try f.list(key) } ?? []
  }

  private mutating func string(_ f: YAMLMapping, _ key: String, required: Bool = false) -> String? {
    collect { () throws(YAMLFailure) in try f.text(key, required: required) }
  }

  /// Text stored and shown as given (a unit): spaces allowed, no control, bidi or invisible
  /// character.
  private mutating func storedLabel(_ f: YAMLMapping, _ key: String) -> String? {
    guard let text = string(f, key) else { return nil }
    if let bad = UnsafeCharacter.first(in: text), let node = f.fields[key] {
      fail(node.value, "\(f.what): " + bad.refusal(of: "`\(key)`", text))
      return nil
    }
    return text
  }

  /// An id: non-empty text without spaces or control, bidi or invisible characters.
  private mutating func id(_ f: YAMLMapping, _ key: String) -> String? {
    guard let text = string(f, key, required: true) else { return nil }
    return checkedID(text, node: f.fields[key]!.value, what: f.what, key: key)
  }

  private mutating func checkedID(_ text: String, node: Node, what: String, key: String) -> String? {
    if let bad = UnsafeCharacter.first(in: text) {
      fail(node, "\(what): " + bad.refusal(of: "`\(key)`", text))
      return nil
    }
    if text.unicodeScalars.contains(where: \.properties.isWhitespace) {
      fail(
        node, "\(what): `\(key)` `\(text.sanitizedForTerminal)` must not contain spaces or control characters"
      )
      return nil
    }
    return text
  }

  private mutating func reference(_ f: YAMLMapping, _ key: String, required: Bool = false) -> (
    String, OKRFile.Place
  )? {
    guard let node = value(f, key, required: required), let text = string(f, key, required: true) else {
      return nil
    }
    guard let checked = checkedID(text, node: node, what: f.what, key: key) else { return nil }
    return (checked, place(node))
  }

  private mutating func references(_ f: YAMLMapping, _ key: String) -> [(String, OKRFile.Place)] {
    var result: [(String, OKRFile.Place)] = []
    for item in list(f, key) {
      guard let text = YAMLValue.scalar(item), !text.isEmpty else {
        fail(item, "\(f.what): each of `\(key)` must be an id")
        continue
      }
      if let checked = checkedID(text, node: item, what: f.what, key: key) {
        result.append((checked, place(item)))
      }
    }
    return result
  }

  private mutating func number(_ f: YAMLMapping, _ key: String, required: Bool = false) -> Double? {
    collect { () throws(YAMLFailure) in try f.number(key, required: required) }
  }

  /// A title: required, at most `Bounds.maxTitleLength` characters.
  private mutating func title(_ f: YAMLMapping) -> String {
    guard let text = string(f, "title", required: true) else { return "" }
    guard Bounds.isAllowed(title: text) else {
      fail(
        f.fields["title"]!.value,
        "\(f.what): `title` has \(text.count) characters; expected at most \(Bounds.maxTitleLength)")
      return ""
    }
    return text
  }

  private mutating func weightValue(_ f: YAMLMapping) -> Double {
    guard let w = number(f, "weight") else { return 1 }
    if w < 0 {
      fail(
        f.fields["weight"]!.value, "\(f.what): weight \(AuditValue.text(w)!) is negative; expected 0 or more")
      return 1
    }
    return w
  }

  private mutating func integer(_ f: YAMLMapping, _ key: String, range: ClosedRange<Int>) -> Int? {
    collect { () throws(YAMLFailure) in try f.integer(key, range: range) }
  }

  private mutating func boolean(_ f: YAMLMapping, _ key: String) -> Bool? {
    collect { () throws(YAMLFailure) in try f.boolean(key) }
  }

  private mutating func day(_ f: YAMLMapping, _ key: String, required: Bool = false) -> Day? {
    collect { () throws(YAMLFailure) in try f.day(key, required: required) }
  }

  private mutating func choice<T: RawRepresentable & CaseIterable>(
    _ f: YAMLMapping, _ key: String, _ type: T.Type, required: Bool = false
  ) -> T? where T.RawValue == String {
    collect { () throws(YAMLFailure) in try f.choice(key, type, required: required) }
  }

  // MARK: - Errors

  func place(_ node: Node) -> OKRFile.Place {
    let place = YAMLValue.place(node)
    return .init(line: place.line, column: place.column)
  }

  mutating func fail(_ node: Node, _ message: String) {
    let p = place(node)
    errors.append(ImportError(file: file, line: p.line, column: p.column, message: message))
  }

  mutating func fail(at place: OKRFile.Place, _ message: String) {
    errors.append(ImportError(file: file, line: place.line, column: place.column, message: message))
  }
}
