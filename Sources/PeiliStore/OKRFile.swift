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

  /// Reads and parses the file. A file that cannot be read as YAML throws `ImportError`;
  /// otherwise the document comes back with the problems found so far, so that the checks
  /// against the workspace can add theirs and every problem is reported at once.
  static func parse(path: String) throws -> (OKRFile, [ImportError]) {
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let problem):
      throw ImportError(file: path, line: 0, message: problem.message, detail: problem.detail)
    }
    if let utf16 = InputFile.utf16WithoutBOM(data) {
      throw ImportError(file: path, line: 1, message: InputFile.utf16Refusal(utf16, path: path))
    }
    if let kind = InputFile.binaryKind(data) {
      throw ImportError(file: path, line: 1, message: "the file is \(kind), not a YAML text file")
    }
    var parser = OKRFileParser(file: path)
    let text = try parser.decode(data)
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
  mutating func decode(_ data: Data) throws -> String {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar):
        offset += scalar.count
        continue
      case .emptyInput:
        break
      case .error(let length):
        let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        _ = length
        throw ImportError(
          file: file, line: line, column: offset - lineStart + 1,
          message:
            "the file is not UTF-8 text (invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) "
            + "at byte \(offset + 1)); save it as UTF-8")
      }
      break
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if text.allSatisfy({ $0.isWhitespace }) {
      throw ImportError(
        file: file, line: 1,
        message: "the file is empty; expected an OKR file with `cycle:` and `objectives:`")
    }
    return text
  }

  // MARK: - Document

  mutating func parse(text: String) -> OKRFile? {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      fail(yamlError: error)
      return nil
    } catch {
      // Yams throws only its YamlError; anything else is named, its words kept for --verbose.
      errors.append(
        ImportError(
          file: file, line: 1,
          message: "the file could not be read as YAML; expected an OKR file with `cycle:` and `objectives:`",
          detail: "\(error)"))
      return nil
    }
    guard let root else {
      errors.append(
        ImportError(
          file: file, line: 1,
          message: "the file is empty; expected an OKR file with `cycle:` and `objectives:`"))
      return nil
    }
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
      if let start, let end, end < start, let node = c.values["end"] {
        fail(
          node.value, "cycle end \(end) is before its start \(start); expected an end on or after the start")
      }
    }
    var document = OKRFile(cycle: cycle)

    if let list = top.values["themes"]?.value, !isNull(list) {
      for (i, node) in sequence(list, "themes").enumerated() {
        guard let t = fields(node, "theme #\(i + 1)", allowed: ["id", "name"]) else { continue }
        guard let themeID = id(t, "id") else { continue }
        let name = string(t, "name") ?? themeID
        document.themes.append(.init(id: themeID, name: name, place: place(node)))
      }
    }

    if let list = required(top, "objectives") {
      for (i, node) in sequence(list, "objectives").enumerated() {
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
    if let list = o2.values["key_results"]?.value, !isNull(list) {
      for (i, krNode) in sequence(list, "key_results of \(what)").enumerated() {
        parseKeyResult(
          krNode, position: i, objectiveID: objectiveID, actionPosition: &actionPosition, into: &doc)
      }
    }
    if let list = o2.values["actions"]?.value, !isNull(list) {
      for actionNode in sequence(list, "actions of \(what)") {
        parseAction(
          actionNode, objectiveID: objectiveID, keyResultID: nil, position: actionPosition, into: &doc)
        actionPosition += 1
      }
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
      let text = scalarText(kindNode) ?? ""
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
      for (key, pair) in k.ordered where !common.contains(key) && !allowed.contains(key) {
        fail(
          pair.key,
          "\(what): field `\(key)` does not apply to a \(kind) key result; expected "
            + Self.keyResultFields[kind]!.map { "`\($0)`" }.joined(separator: ", "))
      }
      switch kind {
      case "metric":
        entry.start = number(k, "start", required: true)
        entry.target = number(k, "target", required: true)
        entry.current = number(k, "current")
        entry.unit = storedLabel(k, "unit")
        if let start = entry.start, let target = entry.target, start == target, let node = k.values["target"]
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
        if let target = entry.target, !(0...100).contains(target), let node = k.values["target"] {
          fail(
            node.value, "\(what): target \(AuditValue.text(target)!) is outside 0–100; expected a 0–100 index"
          )
        }
      }
    }
    guard let krID else { return }
    doc.ids.append((krID, "key result", place(node)))
    doc.keyResults.append(entry)
    if let list = k.values["actions"]?.value, !isNull(list) {
      for actionNode in sequence(list, "actions of \(what)") {
        parseAction(
          actionNode, objectiveID: objectiveID, keyResultID: krID, position: actionPosition, into: &doc)
        actionPosition += 1
      }
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
    if let start, let due, due < start, let node = a.values["due"] {
      fail(
        node.value, "\(what): due \(due) is before start \(start); expected a due date on or after the start")
    }
    let themes = references(a, "themes")
    var krID = keyResultID
    var krPlace: OKRFile.Place?
    if let named = reference(a, "key_result") {
      if let keyResultID, named.0 != keyResultID {
        fail(
          a.values["key_result"]!.value,
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
  private mutating func communication(_ a: Fields) -> Communication? {
    guard let node = value(a, "communicated", required: false) else { return nil }
    guard
      let c = fields(
        node, "\(a.what): `communicated`", allowed: ["on", "channel"])
    else { return nil }
    let on = day(c, "on", required: true)
    guard let channel = string(c, "channel", required: true), let channelNode = c.values["channel"]?.value
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

  /// A mapping's entries by key, with the name used in messages.
  struct Fields {
    var what: String
    var node: Node
    var values: [String: (key: Node, value: Node)]
    var ordered: [(String, (key: Node, value: Node))]
    func renamed(_ what: String) -> Fields {
      var copy = self
      copy.what = what
      return copy
    }
  }

  private mutating func fields(_ node: Node, _ what: String, allowed: [String]) -> Fields? {
    guard let mapping = node.mapping else {
      fail(
        node, "\(what): expected a mapping of fields (\(allowed.map { "`\($0)`" }.joined(separator: ", ")))")
      return nil
    }
    var result = Fields(what: what, node: node, values: [:], ordered: [])
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        fail(key, "\(what): expected a field name")
        continue
      }
      guard allowed.contains(name) else {
        fail(
          key,
          "\(what): unknown field `\(name)`; expected one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
        )
        continue
      }
      result.values[name] = (key, value)
      result.ordered.append((name, (key, value)))
    }
    return result
  }

  /// The value of a field, or nil (with an error when `required`) when absent or null.
  private mutating func value(_ f: Fields, _ key: String, required: Bool) -> Node? {
    if let pair = f.values[key], !isNull(pair.value) { return pair.value }
    if required {
      let at = f.values[key]?.key ?? f.node
      fail(at, "\(f.what): missing required field `\(key)`")
    }
    return nil
  }

  private mutating func required(_ f: Fields, _ key: String) -> Node? { value(f, key, required: true) }

  private func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  private func scalarText(_ node: Node) -> String? { node.scalar?.string }

  private mutating func string(_ f: Fields, _ key: String, required: Bool = false) -> String? {
    guard let node = value(f, key, required: required) else { return nil }
    guard let text = scalarText(node) else {
      fail(node, "\(f.what): `\(key)` must be text, not a list or mapping")
      return nil
    }
    if required && text.trimmingCharacters(in: .whitespaces).isEmpty {
      fail(node, "\(f.what): `\(key)` must not be empty")
      return nil
    }
    return text
  }

  /// Text stored and shown as given (a unit): spaces allowed, no control, bidi or invisible
  /// character.
  private mutating func storedLabel(_ f: Fields, _ key: String) -> String? {
    guard let text = string(f, key) else { return nil }
    if let bad = UnsafeCharacter.first(in: text), let node = f.values[key] {
      fail(node.value, "\(f.what): " + bad.refusal(of: "`\(key)`", text))
      return nil
    }
    return text
  }

  /// An id: non-empty text without spaces or control, bidi or invisible characters.
  private mutating func id(_ f: Fields, _ key: String) -> String? {
    guard let text = string(f, key, required: true) else { return nil }
    return checkedID(text, node: f.values[key]!.value, what: f.what, key: key)
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

  private mutating func reference(_ f: Fields, _ key: String, required: Bool = false) -> (
    String, OKRFile.Place
  )? {
    guard let node = value(f, key, required: required), let text = string(f, key, required: true) else {
      return nil
    }
    guard let checked = checkedID(text, node: node, what: f.what, key: key) else { return nil }
    return (checked, place(node))
  }

  private mutating func references(_ f: Fields, _ key: String) -> [(String, OKRFile.Place)] {
    guard let node = value(f, key, required: false) else { return [] }
    var result: [(String, OKRFile.Place)] = []
    for item in sequence(node, "\(f.what): `\(key)`") {
      guard let text = scalarText(item), !text.isEmpty else {
        fail(item, "\(f.what): each of `\(key)` must be an id")
        continue
      }
      if let checked = checkedID(text, node: item, what: f.what, key: key) {
        result.append((checked, place(item)))
      }
    }
    return result
  }

  private mutating func sequence(_ node: Node, _ what: String) -> [Node] {
    guard let seq = node.sequence else {
      fail(node, "\(what): expected a list (`- item` lines or `[a, b]`)")
      return []
    }
    return Array(seq)
  }

  private mutating func number(_ f: Fields, _ key: String, required: Bool = false) -> Double? {
    guard let node = value(f, key, required: required) else { return nil }
    guard let text = scalarText(node), let n = Double(text.replacingOccurrences(of: "_", with: "")),
      n.isFinite
    else {
      fail(
        node,
        "\(f.what): `\(key)` must be a number, got `\(scalarText(node)?.shownForTerminal ?? "a list or mapping")`"
      )
      return nil
    }
    guard Bounds.isAllowed(n) else {
      fail(
        node,
        "\(f.what): `\(key)` \(text) is out of range; expected a number from -1e12 to 1e12")
      return nil
    }
    return n
  }

  /// A title: required, at most `Bounds.maxTitleLength` characters.
  private mutating func title(_ f: Fields) -> String {
    guard let text = string(f, "title", required: true) else { return "" }
    guard Bounds.isAllowed(title: text) else {
      fail(
        f.values["title"]!.value,
        "\(f.what): `title` has \(text.count) characters; expected at most \(Bounds.maxTitleLength)")
      return ""
    }
    return text
  }

  private mutating func weightValue(_ f: Fields) -> Double {
    guard let w = number(f, "weight") else { return 1 }
    if w < 0 {
      fail(
        f.values["weight"]!.value, "\(f.what): weight \(AuditValue.text(w)!) is negative; expected 0 or more")
      return 1
    }
    return w
  }

  private mutating func integer(_ f: Fields, _ key: String, range: ClosedRange<Int>) -> Int? {
    guard let node = value(f, key, required: false) else { return nil }
    guard let text = scalarText(node), let n = Int(text) else {
      fail(
        node,
        "\(f.what): `\(key)` must be a whole number \(range.lowerBound)–\(range.upperBound), "
          + "got `\(scalarText(node)?.shownForTerminal ?? "a list or mapping")`")
      return nil
    }
    guard range.contains(n) else {
      fail(node, "\(f.what): \(key) \(n) is outside \(range.lowerBound)–\(range.upperBound)")
      return nil
    }
    return n
  }

  private mutating func boolean(_ f: Fields, _ key: String) -> Bool? {
    guard let node = value(f, key, required: false) else { return nil }
    switch scalarText(node)?.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      fail(
        node,
        "\(f.what): `\(key)` must be true or false, got `\(scalarText(node)?.shownForTerminal ?? "a list or mapping")`"
      )
      return nil
    }
  }

  private mutating func day(_ f: Fields, _ key: String, required: Bool = false) -> Day? {
    guard let node = value(f, key, required: required) else { return nil }
    guard let text = scalarText(node), let d = Day(text) else {
      fail(
        node,
        "\(f.what): bad date `\(scalarText(node)?.shownForTerminal ?? "")` for `\(key)`; expected YYYY-MM-DD"
      )
      return nil
    }
    return d
  }

  private mutating func choice<T: RawRepresentable & CaseIterable>(
    _ f: Fields, _ key: String, _ type: T.Type, required: Bool = false
  ) -> T? where T.RawValue == String {
    guard let node = value(f, key, required: required) else { return nil }
    guard let text = scalarText(node), let v = T(rawValue: text) else {
      fail(
        node,
        "\(f.what): unknown \(key) `\(scalarText(node)?.shownForTerminal ?? "")`; expected one of "
          + T.allCases.map(\.rawValue).joined(separator: ", "))
      return nil
    }
    return v
  }

  // MARK: - Errors

  func place(_ node: Node) -> OKRFile.Place {
    guard let mark = node.mark else { return .init(line: 1, column: nil) }
    return .init(line: mark.line, column: mark.column)
  }

  mutating func fail(_ node: Node, _ message: String) {
    let p = place(node)
    errors.append(ImportError(file: file, line: p.line, column: p.column, message: message))
  }

  mutating func fail(at place: OKRFile.Place, _ message: String) {
    errors.append(ImportError(file: file, line: place.line, column: place.column, message: message))
  }

  private mutating func fail(yamlError error: YamlError) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      // Where the construct started, when libyaml says: an unclosed value is found far below it.
      let start = context.map { " (in what starts at line \($0.mark.line), column \($0.mark.column))" } ?? ""
      errors.append(
        ImportError(
          file: file, line: mark.line, column: mark.column,
          message: "YAML syntax error: \(YAMLProblem.explain(problem))\(start)")
      )
    case .duplicatedKeysInMapping(let duplicates, let context):
      errors.append(
        ImportError(
          file: file, line: context.mark.line, column: context.mark.column,
          message:
            "YAML error: the field \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) appears twice "
            + "in one mapping; expected each field once"))
    case .reader(let problem, let offset, _, let yaml):
      var line = 1
      var column = 1
      if let offset {
        for (i, ch) in yaml.utf8.enumerated() where i < offset {
          if ch == 0x0A {
            line += 1
            column = 1
          } else {
            column += 1
          }
        }
      }
      errors.append(
        ImportError(
          file: file, line: line, column: column, message: "YAML error: \(YAMLProblem.explain(problem))"))
    default:
      errors.append(ImportError(file: file, line: 1, message: "YAML error: \(YAMLProblem.explain(""))"))
    }
    // libyaml's own words, for --verbose only.
    errors[errors.count - 1].detail = "libyaml: \(error)"
  }
}
