import Foundation
import GRDB
import PeiliCore
import PeiliText

/// What one survey import wrote.
public struct SurveyImportSummary: Hashable, Sendable {
  public var waveID: String
  public var audience: Audience
  public var respondents: Int
  /// Non-blank answers stored.
  public var answers: Int
  /// Blank answer cells (missing values, not zeros), missing codes among them.
  public var missing: Int
  public var comments: Int
  public var createdWave: Bool
  public var newThemes: [String]
  public var newQuestions: [String]
  /// Respondents of the same wave and audience that `replace` removed (0 otherwise).
  public var replacedRespondents: Int
  /// Theme and question scores cached for the wave and audience.
  public var cachedScores: Int
  /// Answers that were a missing code of the mapping (`missing:`), stored as blanks.
  public var missingCodes = 0
  /// The encoding the file was read in, and the bytes it does not define (replaced).
  public var encoding: SurveyTextEncoding = .utf8
  public var replacedBytes: [ReplacedByte] = []
  /// The layout the file was read in.
  public var format: SurveyFormat = .canonical
  /// Data rows the layout left out (Qualtrics previews, spam, unfinished responses).
  public var excluded: [SurveyRowExclusion: Int] = [:]
  /// The sheet read, when the export was an Excel workbook.
  public var workbook: SurveyWorkbook?
}

/// What a long import is doing when it reports its progress.
public enum ImportStage: Sendable, Hashable {
  /// Inflating a part of an Excel workbook: the count is bytes.
  case unpacking
  /// Reading the rows of a workbook's sheet: the count is sheet rows.
  case sheet
  /// Reading and checking the respondent rows: the count is rows.
  case rows
}

/// Called now and then while an import reads its file: the stage, how far it has come (bytes
/// or rows) and the share of the stage done (0…1, 0 when unknown), for a progress line on a
/// terminal.
public typealias ImportProgress = (_ stage: ImportStage, _ count: Int, _ fraction: Double) -> Void

/// The survey rows of one CSV, validated and held in memory before anything is written.
private struct ParsedSurvey {
  var externalIDs: [String] = []
  /// `questionCount` codes per respondent (value − scale_min + 1, 0 = missing), row after row.
  var codes: [UInt8] = []
  /// (respondent index, segment name, value).
  var segments: [(Int, String, String)] = []
  /// (respondent index, theme id, sanitised text).
  var comments: [(Int, String, String)] = []
  var answers = 0
  var missing = 0
  var missingCodes = 0
  var accumulator: ScoreAccumulator
}

extension Workspace {
  /// Imports one survey export for one wave and audience, all-or-nothing in one transaction,
  /// and caches its theme and question scores. `csv` and `mapping` are file paths; the file's
  /// layout (canonical, Qualtrics, SurveyMonkey, Google Forms, Typeform, Excel-saved) is
  /// detected unless `format` forces one; an Excel workbook is read from its first sheet (or
  /// `sheet`) in the same layouts; `keeping` keeps rows the layout would leave out (unfinished responses, previews and tests).
  @discardableResult
  public func importSurvey(
    csv: String, mapping: String, wave: String, date: Day?, audience: Audience, replace: Bool = false,
    format: SurveyFormat? = nil, encoding: SurveyTextEncoding? = nil, keeping: Set<SurveyRowExclusion> = [],
    sheet: String? = nil, progress: ImportProgress? = nil, by user: String
  ) throws -> SurveyImportSummary {
    try requireWritable()
    let map = try SurveyMapping.load(path: mapping)
    // Errors name the files as the user gave them, so that editors can jump to them.
    let csvName = csv
    let mapName = mapping
    if wave.trimmingCharacters(in: .whitespaces).isEmpty {
      throw SurveyImportError(file: csvName, message: "expected a wave name (--wave NAME)")
    }
    if let bad = UnsafeCharacter.first(in: wave) {
      throw SurveyImportError(file: csvName, message: bad.refusal(of: "wave name", wave))
    }
    let table = try SurveyTable(
      path: csvName, format: format, encoding: encoding, keeping: keeping, sheet: sheet, progress: progress)
    let parsed = try Self.parseSurvey(table, mapping: map, mappingFile: mapName, progress: progress)
    var summary = try writeTransaction { db in
      do {
        return try Self.write(
          parsed, mapping: map, mappingFile: mapName, csvFile: csvName, wave: wave, date: date,
          audience: audience, replace: replace, user: user, db: db)
      } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
        // The mapping check refuses every clash it can know of; what is left is a rule of the
        // workspace's own (a hand-made index or trigger): named, never SQLite's text.
        throw Self.refusal(error, csv: csvName, workspace: path)
      }
    }
    // An import can write a log as large as the workspace: copy it in and truncate it.
    try compactLog()
    summary.format = table.layout.format
    summary.encoding = table.encoding
    summary.replacedBytes = table.replacedBytes
    summary.excluded = table.excluded
    summary.workbook = table.workbook
    return summary
  }

  /// A constraint of the workspace that refused an import's row, in words naming the export.
  static func refusal(_ error: DatabaseError, csv: String, workspace: String) -> SurveyImportError {
    let text = error.message ?? ""
    let table =
      text.range(of: "failed: ").map { r in
        String(text[r.upperBound...].prefix { $0 != "." && $0 != "," && $0 != " " })
      } ?? ""
    let things: [String: String] = [
      "respondent": "respondents", "respondent_segment": "respondents' segment values",
      "comment": "comments", "question": "questions", "theme": "themes", "wave": "waves",
      "wave_question": "the wave's questions", "score_cache": "cached scores",
      "segment_cell": "cached scores",
      "segment_cell_value": "cached scores", "segment_cell_score": "cached scores", "audit": "history",
    ]
    let what = things[table] ?? "rows"
    let rule: String
    switch error.extendedResultCode {
    case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
      rule = "a value that must be unique is already there"
    case .SQLITE_CONSTRAINT_NOTNULL: rule = "a value it requires is missing"
    case .SQLITE_CONSTRAINT_FOREIGNKEY: rule = "a row refers to one the workspace does not hold"
    case .SQLITE_CONSTRAINT_TRIGGER: rule = "a trigger refused the row"
    case .SQLITE_CONSTRAINT_CHECK: rule = "a check of its values failed"
    default: rule = "one of its rules refused the row"
    }
    return SurveyImportError(
      file: csv,
      message:
        "the workspace \(workspace) refused to store the import's \(what) (\(rule)); nothing was written; "
        + "expected a workspace with peili's own tables (has it been changed by hand? --verbose shows SQLite's words)",
      detail: "SQLite error \(error.extendedResultCode.rawValue): \(text)")
  }

  // MARK: Reading the CSV

  private static func parseSurvey(
    _ table: SurveyTable, mapping: SurveyMapping, mappingFile: String, progress: ImportProgress? = nil
  )
    throws(SurveyImportError) -> ParsedSurvey
  {
    let file = table.file
    let reader = table.reader
    let headerLine = table.headerLines.first ?? 1
    var header: [String: [Int]] = [:]
    var personal: [Int: String] = [:]
    for c in table.layout.columns {
      header[c.key, default: []].append(c.index)
      if let kind = c.personal { personal[c.index] = kind }
    }
    let width = table.width
    let layoutNote = table.layout.format == .canonical ? "" : " in the \(table.layout.format.title) layout"
    func column(_ name: String, _ place: SurveyMapping.Place) throws(SurveyImportError) -> Int {
      guard let found = header[name] else {
        throw SurveyImportError(
          file: file, line: headerLine, column: name,
          message:
            "missing column \(name) named in \((mappingFile as NSString).lastPathComponent) (line \(place.line)); the header has "
            + "\(width) columns\(layoutNote)")
      }
      guard found.count == 1 else {
        throw SurveyImportError(
          file: file, line: headerLine,
          column: "\(name) (#\(found.map { String($0 + 1) }.joined(separator: " and #")))",
          message: "duplicated column \(name); expected each mapped column once in the header")
      }
      // Personal data never reaches the workspace, whatever the mapping says.
      if let kind = personal[found[0]], !mapping.notPersonal.contains(name) {
        throw SurveyImportError(
          file: mappingFile, line: place.line, column: "\(place.column)",
          message:
            "column \(name) holds personal data (\(kind)), which peili never stores; expected it left out "
            + "of the mapping (or `personal: false` on its entry, if it holds none)")
      }
      return found[0]
    }
    // No id column (Google Forms): the data row number is the id.
    let idColumn: Int? =
      mapping.respondentID == SurveyMapping.rowNumberID && header[mapping.respondentID] == nil
      ? nil : try column(mapping.respondentID, mapping.respondentIDPlace)
    var segmentColumns: [Int] = []
    for s in mapping.segments { segmentColumns.append(try column(s.column, s.place)) }
    var questionColumns: [Int] = []
    for q in mapping.questions { questionColumns.append(try column(q.column, q.place)) }
    var commentColumns: [Int] = []
    for c in mapping.comments { commentColumns.append(try column(c.column, c.place)) }

    let questions = mapping.questions.map(\.question)
    var parsed = ParsedSurvey(accumulator: ScoreAccumulator(questions: questions))
    var firstLine: [String: Int] = [:]
    let qCount = questions.count
    var row = [UInt8](repeating: 0, count: qCount)
    let mins = questions.map(\.scale.min)
    let maxs = questions.map(\.scale.max)
    func named(_ name: String, _ i: Int) -> String { "\(name) (#\(i + 1))" }
    let labels = mapping.questions.map(\.labels)
    let missingCodes = mapping.questions.map(\.missing)
    /// A label answer: the mapping's labels for question `k`, else a number in front of the text.
    func label(_ k: Int, _ c: Int) -> Int? {
      guard !reader.isBlank(c) else { return nil }
      let text = reader.string(c)
      if !labels[k].isEmpty, let v = labels[k][AnswerLabels.normalised(text)] { return v }
      return AnswerLabels.leadingNumber(text)
    }
    func isMissingCode(_ codes: SurveyMapping.MissingCodes, _ c: Int) -> Bool {
      guard !reader.isBlank(c) else { return false }
      if let v = reader.integer(c) { return codes.numbers.contains(v) }
      return codes.labels.contains(AnswerLabels.normalised(reader.string(c)))
    }
    let idName = idColumn.map { named(mapping.respondentID, $0) }
    while try table.next() {
      // Every 4,096 rows: cheap beside the row's work, often enough for a steady display.
      if let progress, parsed.externalIDs.count & 4095 == 4095 {
        progress(.rows, parsed.externalIDs.count + 1, reader.fractionRead)
      }
      let line = reader.recordLine
      let idText =
        idColumn.map { reader.string($0).sanitizedForTerminal.trimmingCharacters(in: .whitespaces) }
        ?? String(table.rowNumber)
      if idText.isEmpty {
        throw SurveyImportError(
          file: file, line: line, column: idName,
          message: "missing respondent id; expected a unique id on every row")
      }
      if let first = firstLine[idText] {
        throw SurveyImportError(
          file: file, line: line, column: idName,
          message:
            "duplicate respondent id \(idText) (first on line \(first)); expected each id once per wave")
      }
      firstLine[idText] = line
      for k in 0..<qCount {
        let c = questionColumns[k]
        // A missing code ("I don't know", -9) is a blank, whatever the scale.
        if !missingCodes[k].isEmpty && isMissingCode(missingCodes[k], c) {
          row[k] = 0
          parsed.missing += 1
          parsed.missingCodes += 1
          continue
        }
        // Numbers first (the common case, read in place); labels only when that fails.
        if let v = reader.integer(c) ?? label(k, c) {
          guard v >= mins[k] && v <= maxs[k] else {
            throw SurveyImportError(
              file: file, line: reader.line(ofField: c),
              column: named(mapping.questions[k].column, c),
              message:
                "value \(v) is outside the scale \(mins[k])–\(maxs[k]) of question \(questions[k].id)")
          }
          row[k] = UInt8(v - mins[k] + 1)
          parsed.answers += 1
        } else if reader.isBlank(c) {
          row[k] = 0
          parsed.missing += 1
        } else {
          let labelHint = labels[k].isEmpty ? "" : ", a label listed under its labels:"
          throw SurveyImportError(
            file: file, line: reader.line(ofField: c), column: named(mapping.questions[k].column, c),
            message:
              "expected a whole number from \(mins[k]) to \(maxs[k])\(labelHint) or a blank, got \"\(reader.string(c).shownForTerminal)\""
          )
        }
      }
      let index = parsed.externalIDs.count
      parsed.externalIDs.append(idText)
      parsed.codes.append(contentsOf: row)
      row.withUnsafeBufferPointer { parsed.accumulator.add(codes: $0) }
      for (k, c) in segmentColumns.enumerated() where !reader.isBlank(c) {
        // A segment value is an id (filters name it): refused, not cleaned, when unsafe.
        let value = reader.string(c).trimmingCharacters(in: .whitespaces)
        if let bad = UnsafeCharacter.first(in: value) {
          throw SurveyImportError(
            file: file, line: reader.line(ofField: c), column: named(mapping.segments[k].column, c),
            message: bad.refusal(of: "segment value", value))
        }
        parsed.segments.append((index, mapping.segments[k].name, value))
      }
      for (k, c) in commentColumns.enumerated() where !reader.isBlank(c) {
        parsed.comments.append(
          (
            index, mapping.comments[k].themeID,
            reader.string(c).sanitizedForTerminal.trimmingCharacters(in: .whitespaces)
          ))
      }
    }
    if parsed.externalIDs.isEmpty {
      // Every row left out as a preview or test: a survey tried out, not yet answered — or the
      // analyst's own test file. Say so, and how to bring them in.
      let tests = table.excluded[.preview] ?? 0
      let unfinished = table.excluded[.unfinished] ?? 0
      let hint =
        tests > 0
        ? "every row is a survey preview or test (\(tests)); add --include-test to import them"
        : unfinished > 0
          ? "every row is an unfinished response (\(unfinished)); add --include-unfinished to import them"
          : "expected one row per respondent"
      throw SurveyImportError(
        file: file, line: headerLine + 1, message: "no respondent rows after the header; \(hint)")
    }
    return parsed
  }

  // MARK: Writing

  private static func write(
    _ parsed: ParsedSurvey, mapping: SurveyMapping, mappingFile: String, csvFile: String, wave: String,
    date: Day?, audience: Audience, replace: Bool, user: String, db: Database
  ) throws -> SurveyImportSummary {
    func mapFail(_ place: SurveyMapping.Place, _ message: String) -> SurveyImportError {
      SurveyImportError(file: mappingFile, line: place.line, column: "\(place.column)", message: message)
    }
    // Themes: the mapping's own (upserted), then every reference must resolve.
    var known = Set(try String.fetchAll(db, sql: "SELECT id FROM theme"))
    var position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) FROM theme") ?? -1
    var newThemes: [String] = []
    for t in mapping.themes {
      if known.contains(t.id) {
        try db.execute(
          sql: "UPDATE theme SET name = ? WHERE id = ?", arguments: [t.name.sanitizedForTerminal, t.id])
      } else {
        position += 1
        try db.execute(
          sql: "INSERT INTO theme (id, name, position) VALUES (?, ?, ?)",
          arguments: [t.id, t.name.sanitizedForTerminal, position])
        known.insert(t.id)
        newThemes.append(t.id)
      }
    }
    for q in mapping.questions where !known.contains(q.question.themeID) {
      throw mapFail(
        q.themePlace,
        "unknown theme \(q.question.themeID) of question \(q.question.id); expected a theme listed under "
          + "themes: in the mapping or already in the workspace")
    }
    for c in mapping.comments where !known.contains(c.themeID) {
      throw mapFail(
        c.themePlace,
        "unknown theme \(c.themeID) of comment column \(c.column); expected a theme listed under themes: "
          + "in the mapping or already in the workspace")
    }

    // Questions: a question id always means the same question (same theme and scale).
    var newQuestions: [String] = []
    var qPosition = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) FROM question") ?? -1
    for entry in mapping.questions {
      let q = entry.question
      if let row = try Row.fetchOne(
        db, sql: "SELECT theme_id, scale_min, scale_max, favourable FROM question WHERE id = ?",
        arguments: [q.id])
      {
        let theme: String = row["theme_id"]
        let lo: Int = row["scale_min"]
        let hi: Int = row["scale_max"]
        guard theme == q.themeID, lo == q.scale.min, hi == q.scale.max else {
          throw mapFail(
            entry.place,
            "question \(q.id) already exists with theme \(theme) and scale [\(lo), \(hi)]; expected the "
              + "same theme and scale (a question id always names the same question) or a new id")
        }
        // The rule is compared by what it counts: `top: 2` is the default, `top: 3` on 1–5 is
        // ">= 3"; a changed rule would leave the other waves' scores counted by the old one.
        let stored = (row["favourable"] as String?).flatMap(FavourableRule.init(stored:))
        let was = Question(id: q.id, text: "", themeID: theme, scale: q.scale, favourable: stored)
        guard was.favourableFrom == q.favourableFrom else {
          throw mapFail(
            entry.place,
            "question \(q.id) already exists with favourable answers from \(was.favourableFrom) "
              + "(\(stored.map { "favourable: " + SurveyMapping.favourableYAML($0) } ?? "the top two points")); "
              + "expected the same favourable: rule (a question id always names the same question) or a new id"
          )
        }
        try db.execute(
          sql: "UPDATE question SET text = ?, nps = ?, outcome = ? WHERE id = ?",
          arguments: [q.text.sanitizedForTerminal, q.isNPS, q.isOutcome, q.id])
      } else {
        qPosition += 1
        try db.execute(
          sql: """
            INSERT INTO question (id, theme_id, text, scale_min, scale_max, nps, outcome, position, favourable)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            q.id, q.themeID, QuestionText.plain(q.text).sanitizedForTerminal, q.scale.min, q.scale.max,
            q.isNPS, q.isOutcome,
            qPosition, q.favourable?.stored,
          ])
        newQuestions.append(q.id)
      }
    }

    // Wave: created on first import with its date.
    var createdWave = false
    if let existing = try String.fetchOne(db, sql: "SELECT date FROM wave WHERE id = ?", arguments: [wave]) {
      if let date, date.description != existing {
        throw SurveyImportError(
          file: csvFile,
          message:
            "wave \(wave) already exists with date \(existing); expected no --date or --date \(existing)")
      }
    } else {
      guard let date else {
        throw SurveyImportError(
          file: csvFile, message: "wave \(wave) is new; expected its date with --date YYYY-MM-DD")
      }
      try db.execute(sql: "INSERT INTO wave (id, date) VALUES (?, ?)", arguments: [wave, date.description])
      createdWave = true
    }

    let previous =
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM respondent WHERE wave_id = ? AND audience = ?",
        arguments: [wave, audience.rawValue]) ?? 0
    if previous > 0 || !createdWave {
      let asked =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM wave_question WHERE wave_id = ? AND audience = ?",
          arguments: [wave, audience.rawValue]) ?? 0
      if previous > 0 || asked > 0 {
        guard replace else {
          throw SurveyImportError(
            file: csvFile,
            message:
              "wave \(wave) already has \(previous) \(audience.rawValue) respondents; expected --replace to "
              + "replace them")
        }
        try db.execute(
          sql: "DELETE FROM respondent WHERE wave_id = ? AND audience = ?",
          arguments: [wave, audience.rawValue])
        try db.execute(
          sql: "DELETE FROM wave_question WHERE wave_id = ? AND audience = ?",
          arguments: [wave, audience.rawValue])
      }
    }
    try ScoreCache.invalidate(db, waveID: wave, audience: audience)

    for (slot, entry) in mapping.questions.enumerated() {
      try db.execute(
        sql: "INSERT INTO wave_question (wave_id, audience, question_id, slot) VALUES (?, ?, ?, ?)",
        arguments: [wave, audience.rawValue, entry.question.id, slot])
    }

    // Respondents, then their segments and comments by the row ids just assigned.
    let qCount = mapping.questions.count
    var rowIDs: [Int64] = []
    rowIDs.reserveCapacity(parsed.externalIDs.count)
    let insert = try db.makeStatement(
      sql: "INSERT INTO respondent (wave_id, audience, external_id, answers) VALUES (?, ?, ?, ?)")
    try parsed.codes.withUnsafeBufferPointer { codes in
      for (i, id) in parsed.externalIDs.enumerated() {
        let blob = Data(UnsafeBufferPointer(rebasing: codes[(i * qCount)..<((i + 1) * qCount)]))
        insert.setUncheckedArguments([wave, audience.rawValue, id, blob])
        try insert.execute()
        rowIDs.append(db.lastInsertedRowID)
      }
    }
    let insertSegment = try db.makeStatement(
      sql: "INSERT INTO respondent_segment (respondent_id, attribute, value) VALUES (?, ?, ?)")
    for (i, name, value) in parsed.segments {
      insertSegment.setUncheckedArguments([rowIDs[i], name, value])
      try insertSegment.execute()
    }
    let insertComment = try db.makeStatement(
      sql: "INSERT INTO comment (respondent_id, theme_id, text) VALUES (?, ?, ?)")
    for (i, theme, text) in parsed.comments {
      insertComment.setUncheckedArguments([rowIDs[i], theme, text])
      try insertComment.execute()
    }

    let summaries = parsed.accumulator.summaries(audience: audience, waveID: wave)
    for (key, summary) in summaries { try ScoreCache.store(db, key: key, summary: summary) }
    try SegmentCells.write(
      db, waveID: wave, audience: audience, questions: mapping.questions.map(\.question),
      respondentCount: parsed.externalIDs.count, codes: parsed.codes, segments: parsed.segments)

    try db.execute(
      sql: """
        INSERT INTO audit (at, user, entity, entity_id, field, old_value, new_value)
        VALUES (?, ?, 'survey', ?, 'respondents', ?, ?)
        """,
      arguments: [
        ISO8601DateFormatter().string(from: Date()), user, "\(wave)/\(audience.rawValue)",
        previous > 0 ? String(previous) : nil, String(parsed.externalIDs.count),
      ])

    return SurveyImportSummary(
      waveID: wave, audience: audience, respondents: parsed.externalIDs.count, answers: parsed.answers,
      missing: parsed.missing, comments: parsed.comments.count, createdWave: createdWave,
      newThemes: newThemes, newQuestions: newQuestions, replacedRespondents: previous,
      cachedScores: summaries.count, missingCodes: parsed.missingCodes)
  }
}
