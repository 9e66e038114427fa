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
    var parser = MappingParser()
    do {
      return try parser.parse(text)
    } catch {
      throw SurveyImportError(file: file, error)
    }
  }

  /// Reads and parses a mapping file (must be UTF-8).
  public static func load(path: String) throws(SurveyImportError) -> SurveyMapping {
    let text: String
    do {
      text = try YAMLText.read(path, expected: MappingParser.expected)
    } catch {
      throw SurveyImportError(file: path, error)
    }
    return try parse(text, file: path)
  }
}

/// Walks the composed YAML node tree with the YAML layer's typed getters; the first problem
/// stops it, at its node's place.
private struct MappingParser {
  /// What a mapping holds, for the messages that say what was expected.
  static let expected = "a survey mapping with `respondent_id` and `questions`"

  /// Columns marked `personal: false` so far.
  var keptColumns: Set<String> = []

  func fail(_ node: Node?, _ message: String) -> YAMLFailure {
    node.map { YAMLFailure($0, message) } ?? YAMLFailure(line: 0, message: message)
  }

  func place(_ node: Node) -> SurveyMapping.Place {
    let place = YAMLValue.place(node)
    return SurveyMapping.Place(line: place.line, column: place.column ?? 0)
  }

  /// An entry of a list, refused at its first unknown field.
  func entry(_ node: Node, _ what: String, allowed: [String]) throws(YAMLFailure) -> YAMLMapping {
    let m = try YAMLMapping(node, what, allowed: allowed)
    try m.refuseUnknownFields()
    return m
  }

  mutating func parse(_ text: String) throws(YAMLFailure) -> SurveyMapping {
    let root = try YAMLDocument.root(of: text, expected: Self.expected)
    let top = try entry(
      root, "the mapping",
      allowed: [
        "respondent_id", "segments", "themes", "labels", "missing", "favourable", "questions", "comments",
      ])
    let globalFavourable = try top.value("favourable").map { node throws(YAMLFailure) in
      (node, try favourableRule(node))
    }
    let globalMissing =
      try top.value("missing").map { node throws(YAMLFailure) in try missingCodes(node) }
      ?? SurveyMapping.MissingCodes()
    let respondentID = try top.text(
      "respondent_id", required: true, expected: "the column holding the respondent id")!
    let idNode = top.fields["respondent_id"]!.value

    var segments: [SurveyMapping.Segment] = []
    let segmentItems = try top.list("segments")
    var segmentNames = Set<String>()
    for (i, item) in segmentItems.enumerated() {
      let m = try entry(item, "segment #\(i + 1)", allowed: ["column", "name", "personal"])
      try notPersonal(m)
      let column = try m.text("column", required: true)!
      let nameNode = m.fields["name"]?.value ?? m.fields["column"]?.value
      let name = try storedID(try m.text("name", nonEmpty: true) ?? column, nameNode, "segment name")
      guard segmentNames.insert(name).inserted else {
        throw fail(
          nameNode, "duplicate segment name \(name); expected a name of its own for each segment (name: …)")
      }
      segments.append(.init(column: column, name: name, place: place(item)))
    }

    var themes: [SurveyMapping.ThemeEntry] = []
    var themeIDs: Set<String> = []
    for (i, item) in try top.list("themes").enumerated() {
      let m = try entry(item, "theme #\(i + 1)", allowed: ["id", "name"])
      let id = try storedID(m.text("id", required: true)!, m.fields["id"]?.value, "theme id")
      let name = try m.text("name", nonEmpty: true) ?? id
      guard themeIDs.insert(id).inserted else {
        throw fail(m.fields["id"]?.value, "duplicate theme id \(id)")
      }
      themes.append(.init(id: id, name: name, place: place(item)))
    }

    // Shared label sets: `labels: {agree5: {"Strongly disagree": 1, …}}`.
    var labelSets: [String: (Node, Node.Mapping)] = [:]
    if let labelsNode = try top.value("labels") {
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
    let questionItems = try top.list("questions")
    if questionItems.isEmpty {
      throw fail(top.fields["questions"]?.value ?? root, "expected at least one entry under questions")
    }
    for (position, item) in questionItems.enumerated() {
      let numbered = try entry(
        item, "question #\(position + 1)",
        allowed: [
          "column", "id", "text", "theme", "scale", "nps", "outcome", "labels", "missing", "personal",
          "favourable",
        ])
      try notPersonal(numbered)
      let column = try numbered.text("column", required: true)!
      let id = try storedID(numbered.text("id", required: true)!, numbered.fields["id"]?.value, "question id")
      let m = numbered.renamed("question \(id)")
      guard questionIDs.insert(id).inserted else {
        throw fail(m.fields["id"]?.value, "duplicate question id \(id)")
      }
      // A blank text is no text: the question reads as its id (a draft of a header that is
      // only markup writes one; found by fuzzing).
      let text =
        try m.text("text").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? id
      let themeNode = m.fields["theme"]?.value
      let theme = try storedID(m.text("theme", required: true)!, themeNode, "theme")
      try rejectPlaceholder(theme, themeNode, of: "question \(id)")
      let scaleNode = try m.value("scale", required: true, expected: "scale: [min, max], e.g. scale: [1, 5]")!
      let scale = try parseScale(scaleNode)
      let nps = try m.boolean("nps") ?? false
      let outcome = try m.boolean("outcome") ?? false
      if nps && (scale.min != 0 || scale.max != 10) {
        throw fail(m.fields["nps"]?.value, "nps: true needs a 0–10 scale, got [\(scale.min), \(scale.max)]")
      }
      let favourable: FavourableRule?
      if let node = try m.value("favourable") {
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
      var question = SurveyMapping.QuestionEntry(
        column: column, question: q, place: place(item), themePlace: place(themeNode!))
      if let labelsNode = try m.value("labels") {
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
        question.labels = try labelValues(table, scale: scale, question: id)
      }
      question.missing = try globalMissing.merged(
        m.value("missing").map { node throws(YAMLFailure) in try missingCodes(node) }
          ?? SurveyMapping.MissingCodes())
      questions.append(question)
    }

    var comments: [SurveyMapping.CommentEntry] = []
    let commentItems = try top.list("comments")
    for (i, item) in commentItems.enumerated() {
      let m = try entry(item, "comment #\(i + 1)", allowed: ["column", "theme", "personal"])
      try notPersonal(m)
      let column = try m.text("column", required: true)!
      let themeNode = m.fields["theme"]?.value
      let theme = try storedID(m.text("theme", required: true)!, themeNode, "theme")
      try rejectPlaceholder(theme, themeNode, of: "comment column \(column)")
      comments.append(
        .init(column: column, themeID: theme, place: place(item), themePlace: place(themeNode!)))
    }

    // One column may feed only one role.
    var seen: [String: Node] = [respondentID: idNode]
    func claim(_ column: String, _ node: Node) throws(YAMLFailure) {
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
  mutating func notPersonal(_ m: YAMLMapping) throws(YAMLFailure) {
    guard let personal = try m.boolean("personal") else { return }
    guard !personal else {
      throw fail(
        m.fields["personal"]?.value,
        "personal: true is not needed: leave a personal column out of the mapping")
    }
    keptColumns.insert(try m.text("column", required: true)!)
  }

  /// A draft mapping's `theme: TODO` left unassigned.
  func rejectPlaceholder(_ theme: String, _ node: Node?, of what: String) throws(YAMLFailure) {
    if theme.uppercased() == "TODO" {
      throw fail(
        node,
        "the theme of \(what) is still TODO; expected a theme id (listed under themes: or already in the "
          + "workspace) — assign one in the draft mapping")
    }
  }

  /// A label table's entries, normalised, each value a whole number on the question's scale.
  func labelValues(_ table: Node.Mapping, scale: Scale, question: String) throws(YAMLFailure) -> [String: Int]
  {
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

  /// `missing: [-9, "I don't know", "N/A"]`: whole numbers and labels that mean no answer.
  func missingCodes(_ node: Node) throws(YAMLFailure) -> SurveyMapping.MissingCodes {
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

  /// A text value that peili stores as an id: refused when it holds a control, bidi or
  /// invisible character.
  func storedID(_ text: String, _ node: Node?, _ what: String) throws(YAMLFailure) -> String {
    if let bad = UnsafeCharacter.first(in: text) { throw fail(node, bad.refusal(of: what, text)) }
    return text
  }
  /// `favourable: {top: N}` or `favourable: ">= X"`, read for its form; `check` holds it to a
  /// question's scale.
  func favourableRule(_ node: Node) throws(YAMLFailure) -> FavourableRule {
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
  func check(_ rule: FavourableRule, _ node: Node, scale: Scale, question: String) throws(YAMLFailure) {
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

  func parseScale(_ node: Node) throws(YAMLFailure) -> Scale {
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
