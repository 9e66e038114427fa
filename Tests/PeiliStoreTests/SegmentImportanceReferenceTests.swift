import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// Derived importance through the real import (CSV → segment cells → merge) agrees with the
/// numpy/scipy reference in Tests/PeiliCoreTests/Reference/importance.json to 1e-6.
@Suite struct SegmentImportanceReferenceTests {
  static func reference() throws -> [String: Any] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("PeiliCoreTests/Reference/importance.json")
    return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  static func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= max(1e-9, 1e-6 * abs(b))
  }

  @Test(arguments: [false, true])
  func importedRespondentsGiveTheReferenceImportance(filtered: Bool) throws {
    let ref = try Self.reference()
    let questions = try #require(ref["questions"] as? [[String: Any]])
    let respondents = try #require(ref["respondents"] as? [[String: Any]])
    var map = "respondent_id: id\nsegments:\n  - {column: region}\nthemes:\n"
    var themes: [String] = []
    for q in questions where !themes.contains(q["theme"] as! String) { themes.append(q["theme"] as! String) }
    for t in themes { map += "  - {id: \(t), name: \(t)}\n" }
    map += "questions:\n"
    for q in questions {
      map += "  - {column: \(q["id"]!), id: \(q["id"]!), text: x, theme: \(q["theme"]!), "
      map += "scale: [\(q["min"]!), \(q["max"]!)]"
      if q["outcome"] as? Bool == true { map += ", nps: true, outcome: true" }
      map += "}\n"
    }
    var csv = "id,region," + questions.map { $0["id"] as! String }.joined(separator: ",") + "\n"
    for r in respondents {
      let answers = (r["answers"] as! [Any]).map { ($0 as? Int).map(String.init) ?? "" }
      csv += "\(r["id"]!),\(r["region"]!)," + answers.joined(separator: ",") + "\n"
    }
    let fx = try SurveyFixture()
    try fx.file("map.yaml", map)
    try fx.file("survey.csv", csv)
    try fx.importSurvey()

    let section = try #require(ref[filtered ? "filtered" : "all"] as? [String: Any])
    let filter =
      filtered ? SegmentFilter(try #require(section["filter"] as? [String: String])) : SegmentFilter.none
    let importance = try fx.workspace.importance(
      audience: .customer, waveID: "2025-09", filter: filter, minimumGroup: 5)
    let scores = try fx.workspace.scores(filter: filter, minimumGroup: 5).scores
    var performance: [String: Double] = [:]
    let expected = try #require(section["themes"] as? [[String: Any]])
    #expect(importance.map(\.themeID) == expected.map { $0["theme"] as! String })
    for e in expected {
      let theme = e["theme"] as! String
      let got = try #require(importance.first { $0.themeID == theme })
      #expect(got.n == e["n"] as? Int)
      #expect(Self.close(got.r, (e["r"] as! NSNumber).doubleValue), "\(theme) r \(got.r ?? .nan)")
      #expect(Self.close(got.p, (e["p"] as! NSNumber).doubleValue), "\(theme) p \(got.p ?? .nan)")
      let score = try #require(scores[ScoreKey(themeID: theme, audience: .customer, waveID: "2025-09")])
      #expect(score.n == e["performance_n"] as? Int)
      #expect(Self.close(score.index.mean, (e["performance"] as! NSNumber).doubleValue))
      performance[theme] = score.index.mean
    }
    let grid = ImportanceGrid(importance: importance, performance: performance, audience: .customer)
    #expect(Self.close(grid.meanImportance, (section["mean_importance"] as! NSNumber).doubleValue))
    #expect(Self.close(grid.meanPerformance, (section["mean_performance"] as! NSNumber).doubleValue))
    for e in expected {
      #expect(
        grid.placements.first { $0.themeID == e["theme"] as! String }?.quadrant.rawValue
          == e["quadrant"] as? String)
    }
  }
}
