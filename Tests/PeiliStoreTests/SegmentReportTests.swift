import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// `peili report`'s drill-down facts (rankings, grid, distributions, breakdowns, filter) as
/// JSON, with the screens' suppression: the group of four stays hidden here too.
@Suite struct SegmentReportTests {
  static let today = Day("2026-10-01")!

  static func json(_ ws: Workspace, filter: SegmentFilter = .none, segment: String? = nil) throws -> [String:
    Any]
  {
    let (s, a, d) = try Report.prepare(
      snapshot: try ws.snapshot(), survey: ws.survey, filter: filter, segment: segment, today: today)
    let text = Report.json(s, analysis: a, drilldown: d)
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func demoReportHasRankingsGridDistributionsAndBreakdowns() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peili-rep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let ws = try DemoWorkspace.build(at: dir.appendingPathComponent("demo.db").path, by: "tester")
    let doc = try Self.json(ws, segment: "region")

    let rankings = try #require(doc["gap_rankings"] as? [String: [[String: Any]]])
    #expect(Set(rankings.keys) == Set(GapKind.allCases.map(\.rawValue)))
    let mirror = try #require(rankings["mirror"])
    #expect(mirror.map { $0["rank"] as? Int } == Array(1...mirror.count).map { Optional($0) })
    let values = mirror.compactMap { ($0["value"] as? NSNumber)?.doubleValue }
    #expect(values.map(abs) == values.map(abs).sorted(by: >))

    let importance = try #require(doc["importance"] as? [[String: Any]])
    let customer = try #require(importance.first { $0["audience"] as? String == "customer" })
    #expect(customer["available"] as? Bool == true && customer["outcome_question"] as? String == "nps")
    let quadrants = try #require(customer["quadrants"] as? [String: [String]])
    #expect(quadrants.values.reduce(0) { $0 + $1.count } == 6)

    let questions = try #require(doc["questions"] as? [[String: Any]])
    let nps = try #require(questions.first { $0["id"] as? String == "nps" })
    for r in try #require(nps["results"] as? [[String: Any]]) where r["suppressed"] as? Bool == false {
      let counts = try #require(r["distribution"] as? [Int])
      #expect(counts.count == 11 && counts.reduce(0, +) == r["n"] as? Int)
    }

    let segments = try #require(doc["segments"] as? [String: Any])
    #expect(segments["attribute"] as? String == "region")
    let breakdowns = try #require(segments["breakdowns"] as? [[String: Any]])
    #expect(!breakdowns.isEmpty)
    for b in breakdowns {
      #expect(b["audience"] as? String == "customer")
      let rows = try #require(b["rows"] as? [[String: Any]])
      let lappi = try #require(rows.first { $0["value"] as? String == "Lappi" })
      #expect(lappi["suppressed"] as? Bool == true && lappi["n"] == nil && lappi["index"] == nil)
    }
    // The same numbers as the drill-down screen reads.
    let comm = try #require(breakdowns.first { $0["theme"] as? String == "communication" })
    let screen = try ws.breakdown(
      themeID: "communication", questionID: nil, audience: .customer, waveID: "2026-09", attribute: "region",
      filter: .none, minimumGroup: 5)
    for row in try #require(comm["rows"] as? [[String: Any]]) {
      let match = try #require(screen.first { $0.value == row["value"] as? String })
      let index = (row["index"] as? [String: Any])?["value"] as? Double
      #expect(index.map { abs($0 - match.summary!.index.mean) < 1e-9 } ?? (match.summary == nil))
    }
  }

  @Test func theGroupOfFourNeverAppearsInTheReport() throws {
    let fx = try SuppressionSurvey.fixture(regions: [("A", 4), ("B", 10), ("C", 16)])
    for (filter, segment) in [
      (SegmentFilter(["region": "A"]), "region"), (SegmentFilter(["region": "B"]), "type"),
      (SegmentFilter.none, "region"), (SegmentFilter(["type": "x"]), "region"),
    ] {
      let doc = try Self.json(fx.workspace, filter: filter, segment: segment)
      let themes = try #require(doc["themes"] as? [[String: Any]])
      for t in themes {
        for score in t["scores"] as? [[String: Any]] ?? [] {
          let n = try #require(score["n"] as? Int)
          #expect(n >= 5, "\(filter): a score of \(n) respondents")
        }
      }
      // No breakdown row leaves a rest of 1…4 of its theme's total.
      let segments = try #require(doc["segments"] as? [String: Any])
      for b in segments["breakdowns"] as? [[String: Any]] ?? [] {
        let rows = try #require(b["rows"] as? [[String: Any]])
        let shown = rows.compactMap { $0["n"] as? Int }
        #expect(shown.allSatisfy { $0 >= 5 })
        #expect(rows.first { $0["value"] as? String == "A" }?["suppressed"] as? Bool ?? true)
      }
      if filter.constraints["region"] == "A" || filter.constraints["region"] == "B" {
        let f = try #require(doc["filter"] as? [String: Any])
        #expect(!(f["refused"] as? [[String: Any]] ?? []).isEmpty)
        for t in themes { #expect((t["scores"] as? [[String: Any]] ?? []).isEmpty) }
      }
    }
    let unfiltered = try Self.json(fx.workspace, segment: "region")
    let rows =
      ((unfiltered["segments"] as? [String: Any])?["breakdowns"] as? [[String: Any]])?.first?["rows"]
      as? [[String: Any]] ?? []
    let total = try fx.workspace.snapshot().score("talk", .customer, wave: "2025-09")!.n
    let rest = total - rows.compactMap { $0["n"] as? Int }.reduce(0, +)
    #expect(rest == 0 || rest >= 5)
  }
}
