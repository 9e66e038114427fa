import Foundation
import GRDB
import PeiliCore

/// Per-segment-cell aggregates of one (wave, audience), written at import.
///
/// A segment cell is the full combination of a respondent's segment values (e.g. customer_type
/// = business and region = Uusimaa). Per cell, theme and question the store keeps a mergeable
/// `CellSummary`; any segment filter is then the merge of the matching cells — a few hundred
/// small rows found by index, however many answers the workspace holds.
enum SegmentCells {
  /// Separators inside a cell key (segment values are sanitized, so never contain these).
  static let pairSeparator = "\u{1F}"
  static let valueSeparator = "\u{1E}"

  static func key(_ values: [String: String]) -> String {
    values.sorted { $0.key < $1.key }.map { $0.key + valueSeparator + $0.value }
      .joined(separator: pairSeparator)
  }

  /// Drops the cells of one (wave, audience) before it is imported again.
  static func invalidate(_ db: Database, waveID: String, audience: Audience) throws {
    for table in ["segment_cell_score", "segment_cell_value", "segment_cell"] {
      try db.execute(
        sql: "DELETE FROM \(table) WHERE wave_id = ? AND audience = ?",
        arguments: [waveID, audience.rawValue])
    }
  }

  /// Aggregates and stores the cells of one (wave, audience) from the answers in memory.
  /// `codes` holds `questions.count` codes per respondent (0 = missing, else value − min + 1);
  /// `segments` is (respondent index, attribute, value).
  static func write(
    _ db: Database, waveID: String, audience: Audience, questions: [Question], respondentCount: Int,
    codes: [UInt8], segments: [(Int, String, String)]
  ) throws {
    try invalidate(db, waveID: waveID, audience: audience)
    guard respondentCount > 0 else { return }
    var values = Array(repeating: [String: String](), count: respondentCount)
    for (i, attribute, value) in segments where i < respondentCount { values[i][attribute] = value }

    let template = ScoreAccumulator(questions: questions)
    let themeIDs = template.themeIDs
    let themeSlot = Dictionary(themeIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let themeOf = questions.map { themeSlot[$0.themeID]! }
    let outcome = questions.firstIndex { $0.isOutcome }
    let outcomeTheme = outcome.map { themeOf[$0] }

    struct Cell {
      var values: [String: String]
      var respondents = 0
      var accumulator: ScoreAccumulator
      var pairs: [BivariateSummary]
    }
    var cells: [Cell] = []
    var cellOfKey: [String: Int] = [:]
    let qCount = questions.count
    var sums = Array(repeating: 0.0, count: themeIDs.count)
    var answered = Array(repeating: 0, count: themeIDs.count)
    try codes.withUnsafeBufferPointer { all in
      guard all.count >= respondentCount * qCount else {
        throw StoreError.invalid("segment cells: expected \(respondentCount * qCount) answer codes")
      }
      for i in 0..<respondentCount {
        let k = key(values[i])
        let c: Int
        if let known = cellOfKey[k] {
          c = known
        } else {
          c = cells.count
          cellOfKey[k] = c
          cells.append(
            Cell(
              values: values[i], accumulator: template,
              pairs: Array(repeating: BivariateSummary(), count: themeIDs.count)))
        }
        let row = UnsafeBufferPointer(rebasing: all[(i * qCount)..<((i + 1) * qCount)])
        cells[c].respondents += 1
        cells[c].accumulator.add(codes: row)
        guard let o = outcome, row[o] != 0 else { continue }
        let y = questions[o].scale.index(Double(questions[o].scale.min + Int(row[o]) - 1))
        for t in 0..<sums.count {
          sums[t] = 0
          answered[t] = 0
        }
        for q in 0..<qCount where row[q] != 0 {
          sums[themeOf[q]] += questions[q].scale.index(Double(questions[q].scale.min + Int(row[q]) - 1))
          answered[themeOf[q]] += 1
        }
        for t in 0..<sums.count where answered[t] > 0 && t != outcomeTheme {
          cells[c].pairs[t].add(x: sums[t] / Double(answered[t]), y: y)
        }
      }
    }

    let insertCell = try db.makeStatement(
      sql: "INSERT INTO segment_cell (wave_id, audience, cell_key, respondents) VALUES (?, ?, ?, ?)")
    let insertValue = try db.makeStatement(
      sql:
        "INSERT INTO segment_cell_value (wave_id, audience, cell_key, attribute, value) VALUES (?, ?, ?, ?, ?)"
    )
    let insertScore = try db.makeStatement(
      sql: """
        INSERT INTO segment_cell_score (wave_id, audience, cell_key, theme_id, question_id, n, summary)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    let a = audience.rawValue
    for (k, c) in cellOfKey.map({ ($0.key, cells[$0.value]) }) {
      try insertCell.execute(arguments: [waveID, a, k, c.respondents])
      for (attribute, value) in c.values {
        try insertValue.execute(arguments: [waveID, a, k, attribute, value])
      }
      for (scoreKey, summary) in c.accumulator.summaries(audience: audience, waveID: waveID) {
        var cell = CellSummary(summary: summary, importance: nil)
        if scoreKey.questionID == nil, outcome != nil, let t = themeSlot[scoreKey.themeID], t != outcomeTheme
        {
          cell.importance = c.pairs[t]
        }
        try insertScore.execute(arguments: [
          waveID, a, k, scoreKey.themeID, scoreKey.questionID ?? "", summary.n, SegmentCellCodec.encode(cell),
        ])
      }
    }
  }
}
