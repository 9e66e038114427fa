import Foundation
import GRDB
import PeiliCore
import PeiliText

/// One wave and audience of raw respondent data in the canonical survey layout: the CSV (a
/// respondent id column, segment columns, one column per question id, comment columns) and
/// the mapping YAML that imports it back with `peili import survey`.
public struct SurveyExport: Hashable, Sendable {
  public var waveID: String
  public var waveDate: Day
  public var audience: Audience
  public var respondents: Int
  public var csv: String
  public var mapping: String
}

extension Workspace {
  /// The respondents of one wave and audience as canonical CSV. `wave` defaults to the latest
  /// wave (by date) with respondents; `audience` may be left out when the wave has only one.
  public func exportSurveyCSV(wave: String? = nil, audience: Audience? = nil, raw: Bool = false) throws
    -> String
  {
    try exportSurvey(wave: wave, audience: audience, raw: raw).csv
  }

  /// The mapping YAML that imports `exportSurveyCSV(wave:audience:)` back.
  public func exportSurveyMapping(wave: String? = nil, audience: Audience? = nil) throws -> String {
    try exportSurvey(wave: wave, audience: audience).mapping
  }

  /// The CSV and its mapping together, read in one transaction. Answers are unpacked from
  /// the respondents' answer bytes (code = value − scale_min + 1, 0 = missing → a blank cell).
  /// Text is stripped of control characters; cells a spreadsheet would run as formulas are
  /// neutralised unless `raw` (see `CSVWriter`), which a byte-identical round trip needs.
  public func exportSurvey(wave: String? = nil, audience: Audience? = nil, raw: Bool = false) throws
    -> SurveyExport
  {
    try writer.read { db in
      let (waveID, date, audience) = try Self.resolve(db, wave: wave, audience: audience)
      return try SurveyExportReader(db: db, waveID: waveID, date: date, audience: audience, raw: raw).export()
    }
  }

  /// The wave and audience to export, with what to ask for when the choice is not obvious.
  private static func resolve(_ db: Database, wave: String?, audience: Audience?) throws -> (
    String, Day, Audience
  ) {
    let waves = try Row.fetchAll(
      db,
      sql: """
        SELECT w.id, w.date, group_concat(DISTINCT r.audience) AS audiences FROM wave w
        JOIN respondent r ON r.wave_id = w.id GROUP BY w.id ORDER BY w.date, w.id
        """)
    guard !waves.isEmpty else {
      throw StoreError.invalid(
        "the workspace has no survey respondents yet; expected a wave imported with `peili import survey`")
    }
    func audiences(_ row: Row) -> [Audience] {
      let text: String = row["audiences"] ?? ""
      let present = Set(text.split(separator: ",").map(String.init))
      return Audience.allCases.filter { present.contains($0.rawValue) }
    }
    let row: Row
    if let wave {
      guard let found = waves.first(where: { $0["id"] == wave }) else {
        throw StoreError.invalid(
          "no wave `\(wave.sanitizedForTerminal)` with respondents; expected one of "
            + waves.map { $0["id"] as String }.joined(separator: ", "))
      }
      row = found
    } else if let audience {
      guard let found = waves.last(where: { audiences($0).contains(audience) }) else {
        throw StoreError.invalid("no wave has \(audience.rawValue) respondents")
      }
      row = found
    } else {
      row = waves[waves.count - 1]
    }
    let waveID: String = row["id"]
    let present = audiences(row)
    let chosen: Audience
    if let audience {
      guard present.contains(audience) else {
        throw StoreError.invalid(
          "wave \(waveID) has no \(audience.rawValue) respondents; expected one of "
            + present.map(\.rawValue).joined(separator: ", "))
      }
      chosen = audience
    } else {
      guard present.count == 1 else {
        throw StoreError.invalid(
          "wave \(waveID) has \(present.map(\.rawValue).joined(separator: ", ")) respondents; "
            + "expected an audience to choose one (--audience)")
      }
      chosen = present[0]
    }
    let dateText: String = row["date"]
    guard let date = Day(dateText) else {
      throw StoreError.invalid("wave \(waveID) has a bad date \(dateText)")
    }
    return (waveID, date, chosen)
  }
}

/// Reads one wave and audience and lays it out as canonical CSV plus mapping.
private struct SurveyExportReader {
  let db: Database
  let waveID: String
  let date: Day
  let audience: Audience
  let raw: Bool

  private struct Slot {
    var slot: Int
    var question: Question
  }

  func export() throws -> SurveyExport {
    let arguments: StatementArguments = [waveID, audience.rawValue]
    let slots = try Row.fetchAll(
      db,
      sql: """
        SELECT wq.slot, q.* FROM wave_question wq JOIN question q ON q.id = wq.question_id
        WHERE wq.wave_id = ? AND wq.audience = ? ORDER BY wq.slot
        """, arguments: arguments
    ).map { row in
      Slot(
        slot: row["slot"],
        question: Question(
          id: row["id"], text: row["text"], themeID: row["theme_id"],
          scale: Scale(min: row["scale_min"], max: row["scale_max"]), isNPS: row["nps"],
          isOutcome: row["outcome"], position: row["position"],
          favourable: (row["favourable"] as String?).flatMap(FavourableRule.init(stored:))))
    }
    let respondents = try Row.fetchAll(
      db,
      sql: "SELECT id, external_id, answers FROM respondent WHERE wave_id = ? AND audience = ? ORDER BY id",
      arguments: arguments)
    var segments: [Int64: [String: String]] = [:]
    var attributes: Set<String> = []
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT s.respondent_id, s.attribute, s.value FROM respondent_segment s
        JOIN respondent r ON r.id = s.respondent_id WHERE r.wave_id = ? AND r.audience = ?
        """, arguments: arguments)
    {
      let attribute: String = row["attribute"]
      attributes.insert(attribute)
      segments[row["respondent_id"], default: [:]][attribute] = row["value"]
    }
    // A respondent may have several comments on one theme (several comment columns fed it):
    // each theme gets as many columns as the most any respondent has.
    var comments: [Int64: [String: [String]]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT c.respondent_id, c.theme_id, c.text FROM comment c JOIN respondent r ON r.id = c.respondent_id
        WHERE r.wave_id = ? AND r.audience = ? ORDER BY c.id
        """, arguments: arguments)
    {
      comments[row["respondent_id"], default: [:]][row["theme_id"], default: []].append(row["text"])
    }
    var commentWidth: [String: Int] = [:]
    for byTheme in comments.values {
      for (theme, texts) in byTheme { commentWidth[theme] = max(commentWidth[theme] ?? 0, texts.count) }
    }
    let usedThemes = Set(slots.map(\.question.themeID)).union(commentWidth.keys)
    let themes: [(id: String, name: String)] = try Row.fetchAll(
      db, sql: "SELECT id, name FROM theme ORDER BY position, id"
    ).compactMap { row in
      let id: String = row["id"]
      return usedThemes.contains(id) ? (id, row["name"]) : nil
    }

    // Column names: question ids, segment names, then the id and comment columns, each made
    // unique (the importer matches header cells exactly, after trimming spaces).
    var names = ColumnNames()
    let questionColumns = slots.map { names.claim($0.question.id) }
    let segmentNames = attributes.sorted()
    let segmentColumns = segmentNames.map { names.claim($0) }
    let idColumn = names.claim("respondent")
    var commentColumns: [(theme: String, columns: [String])] = []
    for theme in themes {
      guard let width = commentWidth[theme.id] else { continue }
      commentColumns.append((theme.id, (0..<width).map { _ in names.claim("comment_\(theme.id)") }))
    }

    var csv = CSVWriter(cells: raw ? .raw : .safe)
    csv.record([idColumn] + segmentColumns + questionColumns + commentColumns.flatMap(\.columns))
    for row in respondents {
      let id: Int64 = row["id"]
      let answers: [UInt8] = Array(row["answers"] as Data)
      var fields = [row["external_id"] as String]
      let attributes = segments[id] ?? [:]
      fields += segmentNames.map { attributes[$0] ?? "" }
      for s in slots {
        let code = s.slot < answers.count ? Int(answers[s.slot]) : 0
        fields.append(code == 0 ? "" : String(s.question.scale.min + code - 1))
      }
      let texts = comments[id] ?? [:]
      for (theme, columns) in commentColumns {
        let list = texts[theme] ?? []
        fields += columns.indices.map { $0 < list.count ? list[$0] : "" }
      }
      csv.record(fields)
    }

    let y = { (text: String) in YAMLScalar.text(text, inFlow: true) }
    let comment = { (text: String) in text.sanitizedForTerminal }
    var mapping = """
      # Survey mapping for the CSV `peili export survey` wrote: wave \(comment(waveID)) (\(date)), \
      audience \(audience.rawValue).
      # Import with: peili import survey FILE.csv --mapping THIS.yaml --wave \(comment(waveID)) \
      --date \(date) --audience \(audience.rawValue)
      respondent_id: \(YAMLScalar.text(idColumn))

      """
    if !segmentNames.isEmpty {
      mapping += "segments:\n"
      for (name, column) in zip(segmentNames, segmentColumns) {
        mapping +=
          column == name ? "  - {column: \(y(column))}\n" : "  - {column: \(y(column)), name: \(y(name))}\n"
      }
    }
    mapping += "themes:\n"
    for theme in themes { mapping += "  - {id: \(y(theme.id)), name: \(y(theme.name))}\n" }
    mapping += "questions:\n"
    for (s, column) in zip(slots, questionColumns) {
      let q = s.question
      mapping +=
        "  - {column: \(y(column)), id: \(y(q.id)), text: \(y(q.text)), theme: \(y(q.themeID)), "
        + "scale: [\(q.scale.min), \(q.scale.max)]\(q.isNPS ? ", nps: true" : "")"
        + "\(q.isOutcome ? ", outcome: true" : "")"
        + "\(q.favourable.map { ", favourable: " + SurveyMapping.favourableYAML($0) } ?? "")}\n"
    }
    if !commentColumns.isEmpty {
      mapping += "comments:\n"
      for (theme, columns) in commentColumns {
        for column in columns { mapping += "  - {column: \(y(column)), theme: \(y(theme))}\n" }
      }
    }
    return SurveyExport(
      waveID: waveID, waveDate: date, audience: audience, respondents: respondents.count, csv: csv.text,
      mapping: mapping)
  }
}

/// Hands out CSV column names, each distinct: a name already taken gets `_2`, `_3`, ….
private struct ColumnNames {
  private var taken: Set<String> = []

  mutating func claim(_ wanted: String) -> String {
    var base = wanted.sanitizedForTerminal.trimmingCharacters(in: .whitespaces)
    if base.isEmpty { base = "column" }
    var name = base
    var n = 1
    while taken.contains(name) {
      n += 1
      name = "\(base)_\(n)"
    }
    taken.insert(name)
    return name
  }
}
