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
    /// How often each whole number was seen (answers on a numeric scale).
    public var counts: [Int: Int] = [:]
    /// Values that look like "no answer" ("I don't know", −9), as written, with their count.
    public var missing: [(value: String, count: Int)] = []
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
  /// Bytes the encoding does not define, replaced with U+FFFD.
  public var replacedBytes: [ReplacedByte] = []
  /// A few distinct words with non-ASCII letters as decoded, so that mojibake shows.
  public var nonASCIISamples: [String] = []
  /// The sheet read, when the export is an Excel workbook (its rows are the "lines").
  public var workbook: SurveyWorkbook?

  /// Reads the whole file in its layout (detected, or `format`) and infers every column's kind.
  public static func inspect(
    path: String, format: SurveyFormat? = nil, encoding: SurveyTextEncoding? = nil,
    keeping: Set<SurveyRowExclusion> = [], sheet: String? = nil
  )
    throws(SurveyImportError) -> SurveyInspection
  {
    try inspect(
      SurveyTable(path: path, format: format, encoding: encoding, keeping: keeping, sheet: sheet), path: path)
  }

  /// Reads every row of an opened export and infers every column's kind (the fuzz target
  /// drives this with bytes that never touch a file).
  static func inspect(_ table: SurveyTable, path: String) throws(SurveyImportError) -> SurveyInspection {
    let format: SurveyFormat? = table.forcedFormat
    var stats = table.layout.columns.map { _ in ColumnStats() }
    var respondents = 0
    var samples: [String] = []
    while try table.next() {
      respondents += 1
      for (k, column) in table.layout.columns.enumerated() where column.index < table.reader.count {
        stats[k].add(table.reader, column.index)
        if samples.count < 6 && !table.reader.isBlank(column.index) {
          let text = table.reader.string(column.index)
          for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
          where word.unicodeScalars.contains(where: { !$0.isASCII }) && word.count <= 30
            && !samples.contains(String(word))
          {
            samples.append(String(word))
            if samples.count == 6 { break }
          }
        }
      }
    }
    var columns: [Column] = []
    var haveID = table.layout.rowNumbersAsIDs || table.layout.idColumn != nil
    for (k, c) in table.layout.columns.enumerated() {
      var kind = stats[k].kind(column: c, respondents: respondents, idTaken: haveID)
      if kind == .id {
        if haveID && c.role != .responseID { kind = .other("unique values") } else { haveID = true }
      }
      var column = Column(index: c.index, key: c.key, text: c.text, kind: kind, filled: stats[k].filled)
      let labels = stats[k].missingLabels.map { (value: $0.key, count: $0.value) }.sorted {
        $0.value < $1.value
      }
      switch kind {
      case .numericScale:
        column.counts = stats[k].counts.filter { $0.key >= 0 }
        column.missing =
          stats[k].counts.filter { $0.key < 0 }.sorted { $0.key > $1.key }.map { (String($0.key), $0.value) }
          + labels
      case .labelScale: column.missing = labels
      default: break
      }
      columns.append(column)
    }
    return SurveyInspection(
      file: path, format: table.layout.format, forced: format != nil, encoding: table.encoding,
      delimiter: table.delimiter, headerLines: table.headerLines, respondents: respondents,
      excluded: table.excluded, rowNumbersAsIDs: table.layout.rowNumbersAsIDs, columns: columns,
      replacedBytes: table.replacedBytes, nonASCIISamples: samples, workbook: table.workbook)
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
    let reads = nonASCIISamples.isEmpty ? "" : ", reads as: " + nonASCIISamples.joined(separator: " ")
    if let workbook {
      let all = workbook.sheets.map { "\"\($0)\"" }.joined(separator: ", ")
      let which =
        workbook.chosen
        ? "chosen with --sheet; the workbook has \(all)"
        : workbook.sheets.count > 1 ? "the first of \(all); --sheet NAME reads another" : "the only sheet"
      lines.append("sheet: \"\(workbook.sheet)\" (\(which))")
      lines.append("encoding: Excel workbook (Unicode)" + reads)
    } else {
      lines.append("encoding: \(encoding.rawValue)" + reads)
    }
    if let first = replacedBytes.first {
      lines.append(
        "warning: \(replacedBytes.count)\(replacedBytes.count == 100 ? "+" : "") byte(s) not defined in "
          + "\(encoding.rawValue) were replaced with U+FFFD, "
          + "first at line \(first.line), column \(first.column) (0x\(String(first.byte, radix: 16, uppercase: true))); "
          + "name the file's encoding with --encoding (cp850, mac-roman, iso-8859-15, …)")
    }
    if workbook == nil { lines.append("delimiter: \(DelimiterSniffing.name(delimiter))") }
    let unit = workbook == nil ? "line" : "row"
    let span =
      headerLines.count > 1
      ? "\(unit)s \(headerLines[0])–\(headerLines.last!)" : "\(unit) \(headerLines.first ?? 1)"
    lines.append("header rows: \(headerLines.count) (\(span))")
    var kept = "respondents: \(respondents)"
    let left = SurveyRowExclusion.allCases.compactMap { r in excluded[r].map { "\($0) \(r.rawValue)" } }
    if !left.isEmpty { kept += " (left out: \(left.joined(separator: ", ")))" }
    lines.append(kept)
    if respondents == 0, let tests = excluded[.preview], tests > 0 {
      lines.append(
        "every row is a survey preview or test (\(tests)): add --include-test to inspect and import them")
    }
    if rowNumbersAsIDs { lines.append("respondent id: the row number (the export has no id column)") }
    lines.append("columns:")
    for c in columns {
      var head = "  #\(c.index + 1) \(Self.short(c.key, 70))"
      if c.text != c.key { head += " \"\(Self.short(c.text, 50))\"" }
      lines.append(head + ": " + describe(c))
    }
    let coded = columns.reduce(0) { $0 + $1.missing.reduce(0) { $0 + $1.count } }
    if coded > 0 {
      lines.append("no-answer values (become blanks through missing: in the draft): \(coded)")
    }
    let checks = columnsToCheck
    if checks > 0 { lines.append("scales to check (marked `check:` in the draft): \(checks)") }
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
    case .numericScale(let lo, let hi):
      var text = "numeric scale, seen \(lo)–\(hi) (\(c.filled) answers)"
      if !c.missing.isEmpty {
        text +=
          "; no-answer values "
          + c.missing.map { "\(Self.short($0.value, 20)) ×\($0.count)" }.joined(separator: ", ")
      }
      return text
    case .labelScale(let labels, let set, _, _):
      let shown = labels.prefix(11).map { "\"\(Self.short($0, 30))\"" }.joined(separator: ", ")
      return "label scale\(set.map { " \($0)" } ?? ""), labels seen: \(shown) (\(c.filled) answers)"
    case .freeText: return "free text (\(c.filled) answers)"
    case .personal(let what):
      let why = what.hasSuffix("in the values") ? what : "\(what), by its header"
      return "personal (\(why)): dropped, never stored; `personal: false` on its mapping entry keeps it"
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
  var negatives = 0
  var longest = 0
  /// Distinct values (normalised label → first spelling), capped.
  var distinct: [String: String] = [:]
  var order: [String] = []
  var manyDistinct = false
  var all: Set<String> = []
  var duplicates = false
  var hasSpaces = false
  var sample: [String] = []
  /// How often each small whole number was seen.
  var counts: [Int: Int] = [:]
  /// "No answer" labels seen ("I don't know"), first spelling → count; not counted as filled.
  var missingLabels: [String: Int] = [:]

  mutating func add(_ reader: CSVReader, _ i: Int) {
    if reader.isBlank(i) { return }
    let whole = reader.integer(i)
    let text = reader.string(i).trimmingCharacters(in: .whitespacesAndNewlines)
    if whole == nil && MissingAnswers.isLabel(text) {
      let known = missingLabels.keys.first { AnswerLabels.normalised($0) == AnswerLabels.normalised(text) }
      missingLabels[known ?? text, default: 0] += 1
      return
    }
    filled += 1
    if let v = whole {
      if (-999...100).contains(v) && counts.count < 200 { counts[v, default: 0] += 1 }
      // Negative codes beside a scale's values are "no answer" codes (SoSci's −9), not answers.
      if v >= 0 {
        integers += 1
        minInt = min(minInt, v)
        maxInt = max(maxInt, v)
      } else {
        negatives += 1
      }
    }
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
    if let found = PersonalColumns.kind(ofValues: sample) { return .personal(found) }
    switch c.role {
    case .responseID: return .id
    case .timestamp: return .date
    case .metadata: return .other("\(c.key) is export bookkeeping")
    case nil: break
    }
    if filled == 0 { return .empty }
    let unique = !duplicates && filled == respondents && respondents >= 2
    // A few distinct negative codes beside whole numbers are missing codes of a scale.
    let negativeCodes = counts.keys.filter { $0 < 0 }
    let codedScale =
      negatives > 0 && negativeCodes.count <= 3 && integers > 0 && integers + negatives == filled
    if codedScale && maxInt - minInt <= 10 {
      return .numericScale(min: minInt, max: maxInt)
    }
    if integers == filled && counts.keys.allSatisfy({ $0 == 0 || $0 == 1 }) && filled >= 2 {
      return .other("0/1 flags (a yes/no or a multi-select choice), not a scale")
    }
    if integers + negatives == filled {
      if negatives == 0 && maxInt - minInt <= 10 && !(unique && maxInt - minInt + 1 < filled) {
        return .numericScale(min: minInt, max: maxInt)
      }
      // A question that states a longer scale ("on a scale of 0 to 100") is answered on it.
      if negatives == 0, let stated = ScaleEvidence.stated(in: QuestionText.plain(c.text) + " " + c.key),
        stated.max - stated.min > 10, minInt >= stated.min, maxInt <= stated.max
      {
        return .numericScale(min: minInt, max: maxInt)
      }
      if unique && !idTaken { return .id }
      let lowest = negatives > 0 ? (counts.keys.min() ?? minInt) : minInt
      let highest = integers > 0 ? maxInt : (counts.keys.max() ?? lowest)
      return .other("numbers \(lowest)–\(highest), not a scale")
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
