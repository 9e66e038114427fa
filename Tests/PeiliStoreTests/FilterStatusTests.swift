import Foundation
import Testing

@testable import PeiliCore
@testable import PeiliStore

/// A segment filter never silently changes OKR status (issue 12, item 6), on the demo
/// workspace in a real SQLite file: a key result whose follow-up score the filter withholds
/// keeps its unfiltered progress and status and says so, every withheld cell gives its true
/// reason, a filtered report lists what it withheld, and no output writes a negative zero.
@Suite(.serialized) struct FilterStatusTests {
  static let today = Day("2026-10-01")!
  /// 30 customers in the follow-up: withheld by the complement rule (Lappi has 3).
  static let complementRegion = SegmentFilter(["region": "Varsinais-Suomi"])

  static func demo() throws -> (Workspace, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "peili-filter-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return (try DemoWorkspace.build(at: dir.appendingPathComponent("demo.db").path, by: "tester"), dir)
  }

  static func report(_ ws: Workspace, _ filter: SegmentFilter, segment: String? = nil) throws -> (
    snapshot: Snapshot, analysis: MirrorAnalysis, drilldown: Report.Drilldown
  ) {
    try Report.prepare(
      snapshot: try ws.snapshot(), survey: ws.survey, filter: filter, segment: segment, today: today)
  }

  @Test func aWithheldFollowUpKeepsTheUnfilteredProgressAndStatus() throws {
    let (ws, dir) = try Self.demo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let whole = try Self.report(ws, .none).analysis
    let (_, filtered, drilldown) = try Self.report(ws, Self.complementRegion)
    let followUp = try #require(whole.followUp?.id)
    let key = ScoreKey(themeID: "communication", audience: .customer, waveID: followUp)
    #expect(drilldown.refused[key] != nil)
    // Before: KR1 fell back to the baseline wave (0% off track) and O1 to 59% off track.
    #expect(filtered.isWithheldUnderFilter(keyResult: "KR1"))
    #expect(filtered.currentWave(keyResult: "KR1") == followUp)
    #expect(filtered.current(keyResult: "KR1") == whole.current(keyResult: "KR1"))
    #expect(filtered.progress(keyResult: "KR1") == whole.progress(keyResult: "KR1"))
    #expect(filtered.status(keyResult: "KR1") == whole.status(keyResult: "KR1"))
    #expect(filtered.progress(objective: "O1") == whole.progress(objective: "O1"))
    #expect(filtered.status(objective: "O1") == whole.status(objective: "O1"))
    #expect(!whole.isWithheldUnderFilter(keyResult: "KR1"))
    // A staff key result the region filter does not apply to is not withheld.
    #expect(!filtered.isWithheldUnderFilter(keyResult: "KR8"))
    #expect(filtered.progress(keyResult: "KR8") == whole.progress(keyResult: "KR8"))
  }

  @Test func aShownFollowUpIsTheFiltersOwnOfTheSameWave() throws {
    let (ws, dir) = try Self.demo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let whole = try Self.report(ws, .none).analysis
    let (snapshot, filtered, _) = try Self.report(ws, SegmentFilter(["region": "Uusimaa"]))
    let followUp = try #require(whole.followUp?.id)
    #expect(!filtered.isWithheldUnderFilter(keyResult: "KR1"))
    #expect(filtered.currentWave(keyResult: "KR1") == followUp)
    let own = try #require(snapshot.score("communication", .customer, wave: followUp))
    #expect(filtered.current(keyResult: "KR1") == own.index.mean)
    #expect(filtered.current(keyResult: "KR1") != whole.current(keyResult: "KR1"))
  }

  @Test func theReportSaysWhichWaveAndWhatTheFilterWithheld() throws {
    let (ws, dir) = try Self.demo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (s, a, d) = try Self.report(ws, Self.complementRegion)
    let doc = try #require(
      try JSONSerialization.jsonObject(with: Data(Report.json(s, analysis: a, drilldown: d).utf8))
        as? [String: Any])
    var keyResults: [[String: Any]] = []
    func walk(_ o: [String: Any]) {
      keyResults += o["key_results"] as? [[String: Any]] ?? []
      for c in o["children"] as? [[String: Any]] ?? [] { walk(c) }
    }
    for o in doc["objectives"] as? [[String: Any]] ?? [] { walk(o) }
    #expect(keyResults.count == s.keyResults.count)
    for kr in keyResults {
      #expect(kr["withheld_under_filter"] is Bool, "\(kr["id"] ?? "")")
      if kr["kind"] as? String == "perception" { #expect(kr["current_wave"] as? String == a.followUp?.id) }
    }
    let kr1 = try #require(keyResults.first { $0["id"] as? String == "KR1" })
    #expect(kr1["withheld_under_filter"] as? Bool == true)
    let suppressed = try #require(doc["suppressed"] as? [[String: Any]])
    let withheld = suppressed.filter { $0["withheld_under_filter"] as? Bool == true }
    // Before: 32 scores were withheld and the list was empty ("Nothing suppressed").
    #expect(withheld.count == d.refused.count && withheld.count == 32)
    #expect(withheld.contains { $0["theme"] as? String == "communication" && $0["question"] is NSNull })
    let markdown = Report.markdown(s, analysis: a, drilldown: d)
    #expect(!markdown.contains("Nothing suppressed."))
    #expect(markdown.components(separatedBy: ": withheld under the filter: ").count - 1 == 32)
    #expect(markdown.contains("now 40.7 (2026-09, unfiltered: withheld under this filter)"))
  }

  @Test func everyWithheldCellGivesItsTrueReason() throws {
    let (ws, dir) = try Self.demo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let wave = try #require(try Self.report(ws, .none).analysis.followUp?.id)
    let rows = try ws.breakdown(
      themeID: "communication", questionID: nil, audience: .customer, waveID: wave, attribute: "region",
      filter: .none, minimumGroup: 5)
    let lappi = try #require(rows.first { $0.value == "Lappi" })
    let varsinais = try #require(rows.first { $0.value == "Varsinais-Suomi" })
    #expect(lappi.cause == .tooFew && lappi.suppressedReason?.hasSuffix("n < 5") == true)
    // 30 respondents: withheld so that Lappi's 3 cannot be worked out, not "n < 5".
    #expect(varsinais.cause == .complement)
    #expect(varsinais.suppressedReason?.contains("complement rule") == true)
    #expect(varsinais.suppressedReason?.contains("n < 5") == false)
    let refused = try Self.report(ws, Self.complementRegion).drilldown.refused
    #expect(refused.values.allSatisfy { $0.contains("complement rule") && !$0.contains("n < 5") })
    let small = try Self.report(ws, SegmentFilter(["region": "Lappi"])).drilldown.refused
    #expect(!small.isEmpty && small.values.allSatisfy { $0.hasSuffix("n < 5") })
  }

  @Test func noOutputWritesANegativeZero() throws {
    let (ws, dir) = try Self.demo()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Not inside a word: the temporary path's UUID holds "-0F98"-like parts.
    let negativeZero = try Regex(#"(^|[^0-9A-Za-z.])[-−]0(\.0+)?([^0-9A-Za-z.]|$)"#).anchorsMatchLineEndings()
    // Pohjois-Pohjanmaa printed an importance of "-0.00" before.
    for value in ["Pohjois-Pohjanmaa", "Uusimaa", "Pirkanmaa", "Varsinais-Suomi", "Lappi"] {
      let (s, a, d) = try Self.report(ws, SegmentFilter(["region": value]), segment: "region")
      for text in [Report.markdown(s, analysis: a, drilldown: d), Report.json(s, analysis: a, drilldown: d)] {
        let hit = text.split(separator: "\n").first { $0.contains(negativeZero) }
        #expect(hit == nil, "\(value): \(hit ?? "")")
      }
    }
    #expect(JSONValue.num(-0.0).text == "0.0")
    #expect(JSONValue.number(-0.0).text == "0.0")
    #expect(
      Report.fmt(-0.004, 2) == "0.00" && Report.fmt(-0.04, 1) == "0.0" && Report.fmt(-0.05, 1) == "-0.1")
    #expect(Report.signed(-0.04) == "+0.0" && Report.signed(-0.2) == "-0.2")
  }
}
