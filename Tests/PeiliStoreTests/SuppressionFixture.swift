import Foundation
import PeiliCore

@testable import PeiliStore

/// A crafted customer survey with a group of four (region A) whose answers stand out, for the
/// tests that try to reveal it. Regions: A ×4 (all 5s, NPS 10), B, C (and, when asked, none).
enum SuppressionSurvey {
  static let mapping = """
    respondent_id: id
    segments:
      - {column: region}
      - {column: type}
    themes:
      - {id: talk, name: Talk}
      - {id: rec, name: Recommendation}
    questions:
      - {column: q1, id: talk1, text: "Clear", theme: talk, scale: [1, 5]}
      - {column: q2, id: talk2, text: "Timely", theme: talk, scale: [1, 5]}
      - {column: q3, id: nps, text: "Recommend", theme: rec, scale: [0, 10], nps: true, outcome: true}
    comments:
      - {column: note, theme: talk}
    """

  /// `regions` gives the respondents per region in order; region A's rows say "secret A".
  static func csv(regions: [(String, Int)]) -> String {
    var lines = ["id,region,type,q1,q2,q3,note"]
    var i = 0
    for (region, count) in regions {
      for _ in 0..<count {
        i += 1
        let type = i % 2 == 0 ? "x" : "y"
        if region == "A" {
          lines.append("r\(i),A,\(type),5,5,10,secret A \(i)")
        } else {
          lines.append("r\(i),\(region),\(type),\(1 + i % 3),\(1 + (i * 7) % 4),\(i % 8),note \(i)")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func fixture(regions: [(String, Int)]) throws -> SurveyFixture {
    let fx = try SurveyFixture()
    try fx.file("map.yaml", mapping)
    try fx.file("survey.csv", csv(regions: regions))
    try fx.importSurvey()
    return fx
  }
}
