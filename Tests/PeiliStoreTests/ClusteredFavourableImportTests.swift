import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

/// Clustered favourable shares through the real import (CSV → score cache and segment cells →
/// snapshot or filter merge) agree with Tests/PeiliCoreTests/Reference/clustered_favourable.json,
/// and their intervals are wider than the old pooled Wilson ones.
@Suite struct ClusteredFavourableImportTests {
  static func reference() throws -> [String: Any] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("PeiliCoreTests/Reference/clustered_favourable.json")
    return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  static func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= max(1e-12, 1e-9 * abs(b))
  }

  /// Both waves of the reference imported as customer surveys.
  static func imported() throws -> (SurveyFixture, [String: Any]) {
    let ref = try reference()
    let questions = try #require(ref["questions"] as? [[String: Any]])
    var map = "respondent_id: id\nsegments:\n  - {column: region}\nthemes:\n"
    var themes: [String] = []
    for q in questions where !themes.contains(q["theme"] as! String) { themes.append(q["theme"] as! String) }
    for t in themes { map += "  - {id: \(t), name: \(t)}\n" }
    map += "questions:\n"
    for q in questions {
      map += "  - {column: \(q["id"]!), id: \(q["id"]!), text: x, theme: \(q["theme"]!), "
      map += "scale: [\(q["min"]!), \(q["max"]!)]"
      if q["nps"] as? Bool == true { map += ", nps: true" }
      map += "}\n"
    }
    let fx = try SurveyFixture()
    try fx.file("map.yaml", map)
    let respondents = try #require(ref["respondents"] as? [String: [[String: Any]]])
    for wave in try #require(ref["waves"] as? [[String: Any]]) {
      let id = wave["id"] as! String
      var csv = "id,region," + questions.map { $0["id"] as! String }.joined(separator: ",") + "\n"
      for r in respondents[id] ?? [] {
        let answers = (r["answers"] as! [Any]).map { ($0 as? Int).map(String.init) ?? "" }
        csv += "\(r["id"]!),\(r["region"]!)," + answers.joined(separator: ",") + "\n"
      }
      try fx.file("\(id).csv", csv)
      try fx.importSurvey(csv: "\(id).csv", wave: id, date: Day(wave["date"] as! String))
    }
    return (fx, ref)
  }

  @Test(arguments: ["all", "filtered"])
  func theImportedThemeIntervalIsTheReferenceAndWiderThanThePooledOne(section name: String) throws {
    let (fx, ref) = try Self.imported()
    let section = try #require(ref[name] as? [String: Any])
    let filter = (section["filter"] as? [String: String]).map { SegmentFilter($0) } ?? .none
    // Unfiltered from the snapshot's score cache, filtered from merged segment cells.
    let scores =
      filter == .none
      ? try fx.workspace.snapshot().scores : try fx.workspace.scores(filter: filter, minimumGroup: 5).scores
    let waves = try #require(section["waves"] as? [String: [String: Any]])
    var widened = 0
    for (wave, expected) in waves {
      let themes = try #require(expected["themes"] as? [[String: Any]])
      for t in themes {
        let theme = t["theme"] as! String
        let summary = try #require(scores[ScoreKey(themeID: theme, audience: .customer, waveID: wave)])
        let e = try #require(ScoreEstimate(summary))
        let label = "\(name) \(wave) \(theme)"
        #expect(e.favourableN == t["n"] as? Int, "\(label) n")
        #expect(Self.close(e.favourable, (t["share"] as! NSNumber).doubleValue), "\(label) share")
        #expect(Self.close(e.favourableLow, (t["low"] as! NSNumber).doubleValue), "\(label) low")
        #expect(Self.close(e.favourableHigh, (t["high"] as! NSNumber).doubleValue), "\(label) high")
        // The naive interval: every answer as if independent (what peili showed before).
        let naive = try #require(WilsonInterval(k: summary.favourable, n: summary.favourableN))
        let naiveRef = try #require(t["naive"] as? [String: Any])
        #expect(Self.close(naive.low, (naiveRef["low"] as! NSNumber).doubleValue), "\(label) naive low")
        let width = try #require(e.favourableHigh) - (try #require(e.favourableLow))
        if (t["design_effect"] as! NSNumber).doubleValue > 1.5 {
          #expect(width > 1.25 * (naive.high - naive.low), "\(label): \(width) vs \(naive.high - naive.low)")
          widened += 1
        }
      }
    }
    #expect(widened == 4, "service and trust in both waves")
  }

  @Test func aSchemaTwoCacheIsRecomputedWithTheRespondentsShares() throws {
    let (fx, _) = try Self.imported()
    let ws = fx.workspace
    let fresh = try ws.snapshot().scores
    let freshCells = try ws.scores(filter: SegmentFilter(["region": "north"]), minimumGroup: 5).scores
    #expect(fresh.values.contains { $0.favourableShares != nil })
    // The caches as schema 2 wrote them: no respondents' shares anywhere.
    try ws.writer.write { db in
      for (key, summary) in try ScoreCache.load(db) {
        var old = summary
        old.favourableShares = nil
        try ScoreCache.store(db, key: key, summary: old)
      }
      let cells = try Row.fetchAll(db, sql: "SELECT rowid, summary FROM segment_cell_score")
      for row in cells {
        var cell = try SegmentCellCodec.decode(row["summary"])
        cell.summary.favourableShares = nil
        try db.execute(
          sql: "UPDATE segment_cell_score SET summary = ? WHERE rowid = ?",
          arguments: [SegmentCellCodec.encode(cell), row["rowid"] as Int64])
      }
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3'")
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    #expect(try ws.snapshot().scores.values.allSatisfy { $0.favourableShares == nil })
    try ws.writer.close()

    let upgraded = try Workspace.open(path: fx.path("ws.db"))
    let version = try upgraded.writer.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
    #expect(version == Schema.version)
    #expect(try upgraded.snapshot().scores == fresh)
    #expect(
      try upgraded.scores(filter: SegmentFilter(["region": "north"]), minimumGroup: 5).scores == freshCells)
  }
}
