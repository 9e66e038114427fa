import Foundation
import PeiliCore
import PeiliText

/// What `peili import survey FILE --inspect` found in an export: its layout, encoding,
/// delimiter, header rows, respondents, and for each column the kind of data it holds.
public struct SurveyInspection: Sendable {
  /// The kind of data a column holds, inferred from its header and values.
  public enum Kind: Sendable, Hashable {
    /// The respondent id.
    case id
    /// Dates or timestamps.
    case date
    /// A few repeated text values: a segment attribute (region, customer type…).
    case segment(values: [String])
    /// Whole numbers on a small scale; `min`/`max` as seen.
    case numericScale(min: Int, max: Int)
    /// Answers as labels; `set` names the known label set covering them, `numbered` when every
    /// label starts with its value ("10 - Extremely likely").
    case labelScale(labels: [String], set: String?, min: Int, max: Int)
    /// Free text: comments.
    case freeText
    /// Personal data (email, name, IP address…): dropped, never stored.
    case personal(String)
    /// Vendor bookkeeping or numbers that are not answers: not mapped.
    case other(String)
    /// No value in any row.
    case empty
  }

  /// One column and what it holds.
  public struct Column: Sendable {
    public var index: Int
    public var key: String
    public var text: String
    public var kind: Kind
    /// Respondents with a non-blank value.
    public var filled: Int
  }

  public var file: String
  public var format: SurveyFormat
  /// True when `--format` chose the layout.
  public var forced: Bool
  public var encoding: SurveyTextEncoding
  public var delimiter: UInt8
  public var headerLines: [Int]
  public var respondents: Int
  public var excluded: [SurveyRowExclusion: Int]
  public var rowNumbersAsIDs: Bool
  public var columns: [Column]

  /// Reads the whole file in its layout (detected, or `format`) and infers every column's kind.
  public static func inspect(path: String, format: SurveyFormat? = nil, includeUnfinished: Bool = false)
    throws(SurveyImportError) -> SurveyInspection
  {
    let table = try SurveyTable(path: path, format: format, includeUnfinished: includeUnfinished)
    var stats = table.layout.columns.map { _ in ColumnStats() }
    var respondents = 0
    while try table.next() {
      respondents += 1
      for (k, column) in table.layout.columns.enumerated() where column.index < table.reader.count {
        stats[k].add(table.reader, column.index)
      }
    }
    var columns: [Column] = []
    var haveID = table.layout.rowNumbersAsIDs || table.layout.idColumn != nil
    for (k, c) in table.layout.columns.enumerated() {
      var kind = stats[k].kind(column: c, respondents: respondents, idTaken: haveID)
      if kind == .id {
        if haveID && c.role != .responseID { kind = .other("unique values") } else { haveID = true }
      }
      columns.append(Column(index: c.index, key: c.key, text: c.text, kind: kind, filled: stats[k].filled))
    }
    return SurveyInspection(
      file: path, format: table.layout.format, forced: format != nil, encoding: table.encoding,
      delimiter: table.delimiter, headerLines: table.headerLines, respondents: respondents,
      excluded: table.excluded, rowNumbersAsIDs: table.layout.rowNumbersAsIDs, columns: columns)
  }

  /// The columns that will never be stored.
  public var personalColumns: [Column] {
    columns.filter { if case .personal = $0.kind { true } else { false } }
  }

  /// The inspect output: one fact per line, every value from the file stripped of control characters.
  public var report: String {
    var lines: [String] = []
    lines.append("file: \(file)")
    lines.append("format: \(format.title) (\(forced ? "--format \(format.rawValue)" : "detected"))")
    lines.append("encoding: \(encoding.rawValue)")
    lines.append("delimiter: \(DelimiterSniffing.name(delimiter))")
    let span =
      headerLines.count > 1
      ? "lines \(headerLines[0])–\(headerLines.last!)" : "line \(headerLines.first ?? 1)"
    lines.append("header rows: \(headerLines.count) (\(span))")
    var kept = "respondents: \(respondents)"
    let left = SurveyRowExclusion.allCases.compactMap { r in excluded[r].map { "\($0) \(r.rawValue)" } }
    if !left.isEmpty { kept += " (left out: \(left.joined(separator: ", ")))" }
    lines.append(kept)
    if rowNumbersAsIDs { lines.append("respondent id: the row number (the export has no id column)") }
    lines.append("columns:")
    for c in columns {
      var head = "  #\(c.index + 1) \(Self.short(c.key, 70))"
      if c.text != c.key { head += " \"\(Self.short(c.text, 50))\"" }
      lines.append(head + ": " + describe(c))
    }
    let personal = personalColumns
    if !personal.isEmpty {
      lines.append(
        "dropped (personal data, never stored): "
          + personal.map { Self.short($0.key) }.joined(separator: ", "))
    }
    return lines.map(\.sanitizedForTerminal).joined(separator: "\n") + "\n"
  }

  private func describe(_ c: Column) -> String {
    switch c.kind {
    case .id: return "id"
    case .date: return "date"
    case .segment(let values): return "segment (\(values.map { Self.short($0, 20) }.joined(separator: ", ")))"
    case .numericScale(let lo, let hi): return "numeric scale, seen \(lo)–\(hi) (\(c.filled) answers)"
    case .labelScale(let labels, let set, _, _):
      let shown = labels.prefix(11).map { "\"\(Self.short($0, 30))\"" }.joined(separator: ", ")
      return "label scale\(set.map { " \($0)" } ?? ""), labels seen: \(shown) (\(c.filled) answers)"
    case .freeText: return "free text (\(c.filled) answers)"
    case .personal(let what): return "personal (\(what)): dropped, never stored"
    case .other(let what): return "not mapped (\(what))"
    case .empty: return "empty"
    }
  }

  /// `s` on one line, at most `limit` characters: the middle elided, so that the ends that tell
  /// matrix columns apart (`… [They keep me informed]`) stay visible.
  static func short(_ s: String, _ limit: Int = 40) -> String {
    let one = s.sanitizedForTerminal
    guard one.count > limit else { return one }
    let tail = (limit - 1) / 2
    return String(one.prefix(limit - 1 - tail)) + "…" + String(one.suffix(tail))
  }
}

/// Running facts about one column's values, enough to infer its kind.
private struct ColumnStats {
  var filled = 0
  var integers = 0
  var minInt = Int.max
  var maxInt = Int.min
  var numbered = 0
  var minNumbered = Int.max
  var maxNumbered = Int.min
  var dates = 0
  var longest = 0
  /// Distinct values (normalised label → first spelling), capped.
  var distinct: [String: String] = [:]
  var order: [String] = []
  var manyDistinct = false
  var all: Set<String> = []
  var duplicates = false
  var hasSpaces = false
  var sample: [String] = []

  mutating func add(_ reader: CSVReader, _ i: Int) {
    if reader.isBlank(i) { return }
    filled += 1
    let whole = reader.integer(i)
    if let v = whole {
      integers += 1
      minInt = min(minInt, v)
      maxInt = max(maxInt, v)
    }
    let text = reader.string(i).trimmingCharacters(in: .whitespacesAndNewlines)
    if !duplicates && !all.insert(text).inserted { duplicates = true }
    if text.contains(" ") { hasSpaces = true }
    longest = max(longest, text.count)
    if sample.count < 20 { sample.append(text) }
    // Numbered labels mix with plain numbers ("0 - Not at all likely", "1", …, "10 - Extremely likely").
    if let n = whole ?? AnswerLabels.leadingNumber(text) {
      numbered += 1
      minNumbered = min(minNumbered, n)
      maxNumbered = max(maxNumbered, n)
    }
    if Self.looksLikeDate(text) { dates += 1 }
    let key = AnswerLabels.normalised(text)
    if distinct[key] == nil {
      if distinct.count < 40 {
        distinct[key] = text
        order.append(text)
      } else {
        manyDistinct = true
      }
    }
  }

  static func looksLikeDate(_ s: String) -> Bool {
    let digits = s.filter(\.isNumber).count
    guard s.count >= 8, s.count <= 32, digits >= 6 else { return false }
    let separators = s.filter { "-/.: T".contains($0) }.count
    return digits + separators >= s.count - 3 && separators >= 2
  }

  func kind(column c: SurveyColumn, respondents: Int, idTaken: Bool) -> SurveyInspection.Kind {
    if let personal = c.personal { return .personal(personal) }
    if PersonalColumns.looksLikeEmails(sample) { return .personal("email addresses in the values") }
    switch c.role {
    case .responseID: return .id
    case .timestamp: return .date
    case .metadata: return .other("\(c.key) is export bookkeeping")
    case nil: break
    }
    if filled == 0 { return .empty }
    let unique = !duplicates && filled == respondents && respondents >= 2
    if integers == filled {
      if maxInt - minInt <= 10 && minInt >= 0 && !(unique && maxInt - minInt + 1 < filled) {
        return .numericScale(min: minInt, max: maxInt)
      }
      if unique && !idTaken { return .id }
      return .other("numbers \(minInt)–\(maxInt), not a scale")
    }
    if dates == filled { return .date }
    if numbered == filled && maxNumbered - minNumbered <= 10 {
      return .labelScale(labels: order, set: nil, min: minNumbered, max: maxNumbered)
    }
    if !manyDistinct, let set = AnswerLabels.knownSet(covering: order) {
      let values = order.compactMap { label in
        set.labels.first { AnswerLabels.normalised($0.label) == AnswerLabels.normalised(label) }?.value
      }
      return .labelScale(
        labels: order, set: set.name, min: values.min() ?? set.scale.min, max: values.max() ?? set.scale.max)
    }
    if unique && !hasSpaces && longest <= 40 && !idTaken { return .id }
    // Repeated short values (region, plan), or a handful of one-to-three-word names without
    // sentence punctuation when the file is too small to show repetition.
    let shortNames =
      longest <= 25
      && order.allSatisfy { v in
        v.split(separator: " ").count <= 3 && !v.contains(where: { ",.!?;:\"\n".contains($0) })
      }
    if !manyDistinct && distinct.count <= 12 && longest <= 40 && !order.contains(where: { $0.contains("\n") })
      && (distinct.count < filled || shortNames)
    {
      return .segment(values: order)
    }
    return .freeText
  }
}
