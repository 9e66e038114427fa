import Foundation
import PeiliCore
import PeiliText
import Yams

/// A survey mapping (YAML): which CSV columns hold the respondent id, segments, questions and
/// comments. Every entry remembers where it stood in the file so errors can point at it.
public struct SurveyMapping: Sendable {
  /// A line and column (1-based) in the mapping file.
  public struct Place: Hashable, Sendable {
    public var line: Int
    public var column: Int
  }

  /// A column copied onto each respondent as a segment attribute.
  public struct Segment: Hashable, Sendable {
    public var column: String
    public var name: String
    public var place: Place
  }

  /// A theme the mapping introduces or reuses.
  public struct ThemeEntry: Hashable, Sendable {
    public var id: String
    public var name: String
    public var place: Place
  }

  /// A question column.
  public struct QuestionEntry: Hashable, Sendable {
    public var column: String
    public var question: Question
    public var place: Place
    public var themePlace: Place
    /// Answer labels (compared `AnswerLabels.normalised`) → values on the question's scale.
    public var labels: [String: Int] = [:]
    /// Answers that mean "no answer" (`missing:` of the mapping and of the question): they
    /// become blanks. Numbers as written (`-9`), labels compared `AnswerLabels.normalised`.
    public var missing = MissingCodes()
  }

  /// Values a survey tool writes for "no answer" ("I don't know", SoSci's `-9`).
  public struct MissingCodes: Hashable, Sendable {
    public var numbers: Set<Int> = []
    public var labels: Set<String> = []
    public var isEmpty: Bool { numbers.isEmpty && labels.isEmpty }

    /// Both sets together.
    func merged(_ other: MissingCodes) -> MissingCodes {
      MissingCodes(numbers: numbers.union(other.numbers), labels: labels.union(other.labels))
    }
  }

  /// A free-text column whose non-blank cells become comments on a theme.
  public struct CommentEntry: Hashable, Sendable {
    public var column: String
    public var themeID: String
    public var place: Place
    public var themePlace: Place
  }

  /// The column with the respondent id, or `rowNumberID` for layouts without one.
  public var respondentID: String
  public var respondentIDPlace: Place
  public var segments: [Segment]
  public var themes: [ThemeEntry]
  public var questions: [QuestionEntry]
  public var comments: [CommentEntry]
  /// Columns whose entry says `personal: false`: the analyst has judged a column peili took
  /// for personal data (by its header) to be an ordinary answer.
  public var notPersonal: Set<String> = []

  /// `respondent_id: (row number)`: the 1-based data row number is the respondent id (Google
  /// Forms exports have no id column).
  public static let rowNumberID = "(row number)"

  /// The most points a scale may have before its favourable answers must be stated: on 0–10
  /// the top two points are the promoters; on 0–100 they would be 99–100.
  public static let defaultFavourableMaxPoints = 11

  /// The threshold a draft proposes, and a refusal suggests, for a scale too long for the top
  /// two points: 70% of the way up (70 on 0–100).
  public static func suggestedFavourable(_ scale: Scale) -> Int {
    scale.min + Int((Double(scale.max - scale.min) * 0.7).rounded(.up))
  }

  /// `favourable:` as a mapping writes it: `{top: 3}` or `">= 70"`.
  public static func favourableYAML(_ rule: FavourableRule) -> String {
    switch rule {
    case .top(let n): "{top: \(n)}"
    case .atLeast(let x): "\">= \(x)\""
    }
  }

  /// Parses mapping text; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws(SurveyImportError) -> SurveyMapping {
    var parser = MappingParser(file: file)
    do {
      return try parser.parse(text)
    } catch let e as SurveyImportError {
      throw e
    } catch {
      // Yams' own errors are worded by `yamlFailure`; anything else is named, not shown.
      throw SurveyImportError(
        file: file, line: 1,
        message:
          "the mapping could not be read as YAML; expected a YAML mapping with respondent_id and questions",
        detail: "\(error)")
    }
  }

  /// Reads and parses a mapping file (must be UTF-8).
  public static func load(path: String) throws(SurveyImportError) -> SurveyMapping {
    let name = path
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let problem):
      throw SurveyImportError(file: name, message: problem.message, detail: problem.detail)
    }
    if let utf16 = InputFile.utf16WithoutBOM(data) {
      throw SurveyImportError(file: name, line: 1, message: InputFile.utf16Refusal(utf16, path: path))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      let line = data.withUnsafeBytes { CSVReader.firstInvalidUTF8Line($0.bindMemory(to: UInt8.self)) }
      throw SurveyImportError(
        file: name, line: line, message: "the file is not valid UTF-8 (save it as UTF-8)")
    }
    return try parse(text, file: name)
  }
}

/// Walks the composed YAML node tree; each error carries the node's mark.
private struct MappingParser {
  let file: String
  /// Columns marked `personal: false` so far.
  var keptColumns: Set<String> = []

  func fail(_ node: Node?, _ message: String) -> SurveyImportError {
    let mark = node?.mark
    return SurveyImportError(
      file: file, line: mark?.line, column: mark.map { "\($0.column)" }, message: message)
  }

  func place(_ node: Node) -> SurveyMapping.Place {
    SurveyMapping.Place(line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
  }

  mutating func parse(_ text: String) throws -> SurveyMapping {
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw SurveyImportError(
        file: file, line: 1, message: "the mapping file is empty; expected respondent_id and questions")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw yamlFailure(error)
    }
    guard let root, let top = root.mapping else {
      throw fail(root, "expected a mapping with respondent_id, segments, themes, questions and comments")
    }
    try checkKeys(
      top,
      allowed: [
        "respondent_id", "segments", "themes", "labels", "missing", "favourable", "questions", "comments",
      ])
    let globalFavourable = try top["favourable"].map { ($0, try favourableRule($0)) }
    let globalMissing = try top["missing"].map { try missingCodes($0) } ?? SurveyMapping.MissingCodes()
    guard let idNode = top["respondent_id"] else {
      throw fail(root, "missing required field respondent_id (the column holding the respondent id)")
    }
    let respondentID = try scalar(idNode, "respondent_id")

    var segments: [SurveyMapping.Segment] = []
    let segmentItems = try list(top["segments"], "segments")
    var segmentNames = Set<String>()
    for item in segmentItems {
      let m = try entry(item, "segment", allowed: ["column", "name", "personal"])
      try notPersonal(m, item)
      let column = try required(m, item, "column", in: "segment")
      let name = try storedID(
        m["name"].map { try scalar($0, "name") } ?? column, m["name"] ?? m["column"], "segment name")
      guard segmentNames.insert(name).inserted else {
        throw fail(
          m["name"] ?? m["column"],
          "duplicate segment name \(name); expected a name of its own for each segment (name: …)")
      }
      segments.append(.init(column: column, name: name, place: place(item)))
    }

    var themes: [SurveyMapping.ThemeEntry] = []
    var themeIDs: Set<String> = []
    for item in try list(top["themes"], "themes") {
      let m = try entry(item, "theme", allowed: ["id", "name"])
      let id = try storedID(required(m, item, "id", in: "theme"), m["id"], "theme id")
      let name = try m["name"].map { try scalar($0, "name") } ?? id
      guard themeIDs.insert(id).inserted else { throw fail(m["id"], "duplicate theme id \(id)") }
      themes.append(.init(id: id, name: name, place: place(item)))
    }

    // Shared label sets: `labels: {agree5: {"Strongly disagree": 1, …}}`.
    var labelSets: [String: (Node, Node.Mapping)] = [:]
    if let labelsNode = top["labels"] {
      guard let sets = labelsNode.mapping else {
        throw fail(labelsNode, "expected labels: {name: {\"label\": value, …}, …}")
      }
      for (key, value) in sets {
        guard let name = key.string, let m = value.mapping else {
          throw fail(value, "expected a label set such as agree5: {\"Strongly disagree\": 1, \"Agree\": 4}")
        }
        labelSets[name] = (value, m)
      }
    }

    var questions: [SurveyMapping.QuestionEntry] = []
    var questionIDs: Set<String> = []
    let questionItems = try list(top["questions"], "questions")
    if questionItems.isEmpty {
      throw fail(top["questions"] ?? root, "expected at least one entry under questions")
    }
    for (position, item) in questionItems.enumerated() {
      let m = try entry(
        item, "question",
        allowed: [
          "column", "id", "text", "theme", "scale", "nps", "outcome", "labels", "missing", "personal",
          "favourable",
        ])
      try notPersonal(m, item)
      let column = try required(m, item, "column", in: "question")
      let id = try storedID(required(m, item, "id", in: "question"), m["id"], "question id")
      guard questionIDs.insert(id).inserted else { throw fail(m["id"], "duplicate question id \(id)") }
      let text = try m["text"].map { try scalar($0, "text") } ?? id
      let theme = try storedID(required(m, item, "theme", in: "question"), m["theme"], "theme")
      try rejectPlaceholder(theme, m["theme"], of: "question \(id)")
      guard let scaleNode = m["scale"] else {
        throw fail(item, "missing required field scale (e.g. scale: [1, 5])")
      }
      let scale = try parseScale(scaleNode)
      let nps = try m["nps"].map { try bool($0, "nps") } ?? false
      let outcome = try m["outcome"].map { try bool($0, "outcome") } ?? false
      if nps && (scale.min != 0 || scale.max != 10) {
        throw fail(m["nps"], "nps: true needs a 0–10 scale, got [\(scale.min), \(scale.max)]")
      }
      let favourable: FavourableRule?
      if let node = m["favourable"] {
        favourable = try favourableRule(node)
        try check(favourable!, node, scale: scale, question: id)
      } else if let (node, rule) = globalFavourable {
        try check(rule, node, scale: scale, question: id)
        favourable = rule
      } else {
        favourable = nil
        let points = scale.max - scale.min + 1
        if points > SurveyMapping.defaultFavourableMaxPoints {
          throw fail(
            item,
            "question \(id) has a \(points)-point scale [\(scale.min), \(scale.max)], where the top two "
              + "points are no measure of favourable; expected favourable: \">= "
              + "\(SurveyMapping.suggestedFavourable(scale))\" (answers at or above a value) or favourable: "
              + "{top: N} on the question, or favourable: at the top of the mapping")
        }
      }
      let q = Question(
        id: id, text: text, themeID: theme, scale: scale, isNPS: nps, isOutcome: outcome, position: position,
        favourable: favourable)
      var entry = SurveyMapping.QuestionEntry(
        column: column, question: q, place: place(item), themePlace: place(m["theme"]!))
      if let labelsNode = m["labels"] {
        let table: Node.Mapping
        if let name = labelsNode.scalar?.string {
          guard let set = labelSets[name] else {
            throw fail(
              labelsNode,
              "unknown label set \(name); expected one listed under labels: (\(labelSets.keys.sorted().joined(separator: ", ")))"
            )
          }
          table = set.1
        } else if let inline = labelsNode.mapping {
          table = inline
        } else {
          throw fail(labelsNode, "expected labels: NAME (a set under labels:) or {\"label\": value, …}")
        }
        entry.labels = try labelValues(table, scale: scale, question: id)
      }
      entry.missing = try globalMissing.merged(
        m["missing"].map { try missingCodes($0) } ?? SurveyMapping.MissingCodes())
      questions.append(entry)
    }

    var comments: [SurveyMapping.CommentEntry] = []
    let commentItems = try list(top["comments"], "comments")
    for item in commentItems {
      let m = try entry(item, "comment", allowed: ["column", "theme", "personal"])
      try notPersonal(m, item)
      let column = try required(m, item, "column", in: "comment")
      let theme = try storedID(required(m, item, "theme", in: "comment"), m["theme"], "theme")
      try rejectPlaceholder(theme, m["theme"], of: "comment column \(column)")
      comments.append(
        .init(column: column, themeID: theme, place: place(item), themePlace: place(m["theme"]!)))
    }

    // One column may feed only one role.
    var seen: [String: Node] = [respondentID: idNode]
    func claim(_ column: String, _ node: Node?) throws {
      if seen[column] != nil {
        throw fail(node, "column \(column) is mapped twice; each CSV column may be used once")
      }
      seen[column] = node
    }
    for (i, s) in segments.enumerated() { try claim(s.column, segmentItems[i]) }
    for (i, q) in questions.enumerated() { try claim(q.column, questionItems[i]) }
    for (i, c) in comments.enumerated() { try claim(c.column, commentItems[i]) }

    var mapping = SurveyMapping(
      respondentID: respondentID, respondentIDPlace: place(idNode), segments: segments, themes: themes,
      questions: questions, comments: comments)
    mapping.notPersonal = keptColumns
    return mapping
  }

  /// `personal: false` on an entry: only `false` is meaningful (personal columns are left out).
  mutating func notPersonal(_ m: Node.Mapping, _ item: Node) throws {
    guard let node = m["personal"] else { return }
    guard try !bool(node, "personal") else {
      throw fail(node, "personal: true is not needed: leave a personal column out of the mapping")
    }
    keptColumns.insert(try scalar(m["column"] ?? item, "column"))
  }

  /// A draft mapping's `theme: TODO` left unassigned.
  func rejectPlaceholder(_ theme: String, _ node: Node?, of what: String) throws {
    if theme.uppercased() == "TODO" {
      throw fail(
        node,
        "the theme of \(what) is still TODO; expected a theme id (listed under themes: or already in the "
          + "workspace) — assign one in the draft mapping")
    }
  }

  /// A label table's entries, normalised, each value a whole number on the question's scale.
  func labelValues(_ table: Node.Mapping, scale: Scale, question: String) throws -> [String: Int] {
    var result: [String: Int] = [:]
    for (key, value) in table {
      guard let label = key.string, !label.isEmpty else { throw fail(key, "expected a label text") }
      guard let v = value.int else {
        throw fail(value, "expected a whole number for the label \(label)")
      }
      guard v >= scale.min && v <= scale.max else {
        throw fail(
          value,
          "label \(label) has the value \(v), outside the scale \(scale.min)–\(scale.max) of question \(question)"
        )
      }
      result[AnswerLabels.normalised(label)] = v
    }
    return result
  }

  func yamlFailure(_ error: YamlError) -> SurveyImportError {
    // libyaml's own words are kept for --verbose only.
    let raw = "libyaml: \(error)"
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return SurveyImportError(
        file: file, line: mark.line, column: "\(mark.column)",
        message: "YAML syntax error: \(YAMLProblem.explain(problem))", detail: raw)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return SurveyImportError(
        file: file, line: context.mark.line, column: "\(context.mark.column)",
        message:
          "YAML error: the field \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) appears twice "
          + "in one mapping; expected each field once", detail: raw)
    case .reader(let problem, _, _, _):
      return SurveyImportError(
        file: file, message: "YAML error: \(YAMLProblem.explain(problem))", detail: raw)
    default:
      return SurveyImportError(file: file, message: "YAML error: \(YAMLProblem.explain(""))", detail: raw)
    }
  }

  func checkKeys(_ m: Node.Mapping, allowed: Set<String>) throws {
    for (key, _) in m {
      guard let k = key.string, allowed.contains(k) else {
        throw fail(
          key,
          "unknown field \(key.string ?? "?"); expected one of \(allowed.sorted().joined(separator: ", "))")
      }
    }
  }

  /// `missing: [-9, "I don't know", "N/A"]`: whole numbers and labels that mean no answer.
  func missingCodes(_ node: Node) throws -> SurveyMapping.MissingCodes {
    guard let items = node.sequence else {
      throw fail(node, "expected missing: [-9, \"I don't know\"] (numbers and labels that mean no answer)")
    }
    var codes = SurveyMapping.MissingCodes()
    for item in items {
      guard let text = item.scalar?.string, !text.isEmpty else {
        throw fail(item, "expected a number or a label in missing:")
      }
      if let n = Int(text.trimmingCharacters(in: .whitespaces)) {
        codes.numbers.insert(n)
      } else {
        codes.labels.insert(AnswerLabels.normalised(text))
      }
    }
    return codes
  }

  func list(_ node: Node?, _ name: String) throws -> [Node] {
    guard let node else { return [] }
    if case .scalar(let s) = node, s.string.isEmpty || s.string == "~" || s.string == "null" { return [] }
    guard let seq = node.sequence else { throw fail(node, "expected a list under \(name)") }
    return Array(seq)
  }

  func entry(_ node: Node, _ what: String, allowed: Set<String>) throws -> Node.Mapping {
    guard let m = node.mapping else {
      throw fail(node, "expected a \(what) entry such as {column: …}")
    }
    try checkKeys(m, allowed: allowed)
    return m
  }

  func scalar(_ node: Node, _ name: String) throws -> String {
    guard let s = node.scalar?.string, !s.isEmpty else {
      throw fail(node, "expected a text value for \(name)")
    }
    return s
  }

  /// A text value that peili stores as an id: refused when it holds a control, bidi or
  /// invisible character.
  func storedID(_ text: String, _ node: Node?, _ what: String) throws -> String {
    if let bad = UnsafeCharacter.first(in: text) { throw fail(node, bad.refusal(of: what, text)) }
    return text
  }

  func required(_ m: Node.Mapping, _ item: Node, _ key: String, in what: String) throws -> String {
    guard let node = m[key] else { throw fail(item, "missing required field \(key) of a \(what)") }
    return try scalar(node, key)
  }

  func bool(_ node: Node, _ name: String) throws -> Bool {
    switch node.scalar?.string {
    case "true", "yes": return true
    case "false", "no": return false
    default: throw fail(node, "expected true or false for \(name)")
    }
  }

  /// `favourable: {top: N}` or `favourable: ">= X"`, read for its form; `check` holds it to a
  /// question's scale.
  func favourableRule(_ node: Node) throws -> FavourableRule {
    let expected =
      "expected favourable: {top: N} (the top N points of the scale) or \">= X\" (answers at or above X "
      + "on the question's scale), e.g. favourable: {top: 2} or favourable: \">= 4\""
    if let m = node.mapping {
      guard m.count == 1, m["top"] != nil else {
        throw fail(node, "favourable: takes only top: in { }; " + expected)
      }
      guard let n = m["top"]?.int else {
        throw fail(m["top"], "favourable: top: needs a whole number of points; " + expected)
      }
      return .top(n)
    }
    if let text = node.scalar?.string {
      let t = text.trimmingCharacters(in: .whitespaces)
      if t.hasPrefix(">="), let x = Int(t.dropFirst(2).trimmingCharacters(in: .whitespaces)) {
        return .atLeast(x)
      }
      throw fail(node, "favourable: \(YAMLScalar.quoted(text)) is not a rule; " + expected)
    }
    throw fail(node, expected)
  }

  /// A rule on one question's scale: `top` from 1 to the points − 1, `>=` above the lowest
  /// point and at most the highest (so some answers are favourable and some are not).
  func check(_ rule: FavourableRule, _ node: Node, scale: Scale, question: String) throws {
    let points = scale.max - scale.min + 1
    switch rule {
    case .top(let n) where n < 1 || n > points - 1:
      throw fail(
        node,
        "favourable: {top: \(n)} does not fit question \(question) (scale [\(scale.min), \(scale.max)], "
          + "\(points) points); expected top: from 1 to \(points - 1)")
    case .atLeast(let x) where x <= scale.min || x > scale.max:
      throw fail(
        node,
        "favourable: \">= \(x)\" is outside the scale [\(scale.min), \(scale.max)] of question \(question); "
          + "expected a value from \(scale.min + 1) to \(scale.max)")
    default: break
    }
  }

  func parseScale(_ node: Node) throws -> Scale {
    guard let seq = node.sequence, seq.count == 2, let lo = seq[0].int, let hi = seq[1].int else {
      throw fail(node, "expected scale: [min, max] with two whole numbers, e.g. [1, 5] or [0, 10]")
    }
    // Overflow-checked: `hi - lo` traps for a span beyond Int (e.g. [-9223372036854775808, 1]).
    guard lo < hi, case (let span, false) = hi.subtractingReportingOverflow(lo), span <= 100 else {
      throw fail(node, "expected a scale whose min is below its max and spans at most 100 points")
    }
    guard Bounds.isAllowed(Double(lo)), Bounds.isAllowed(Double(hi)) else {
      throw fail(node, "scale [\(lo), \(hi)] is out of range; expected its ends from -1e12 to 1e12")
    }
    return Scale(min: lo, max: hi)
  }
}
