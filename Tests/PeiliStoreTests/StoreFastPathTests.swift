import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

/// The hand-written replacements on the hot paths give what the library calls they replace
/// gave: the next change id, the audit timestamp and the cached-score JSON.
@Suite("Store fast paths")
struct StoreFastPathTests {
  @Test func theNextChangeIDIsTheLargestOfAnyUserPlusOne() throws {
    let fx = try StoreFixture()
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    func next() throws -> Int64 {
      try ws.writer.write { db in try AuditLog.begin(db, kind: .edit, user: "x").changeID }
    }
    #expect(try next() == 1)
    // Change ids not in row order, several users, survey-import rows with change id 0 last.
    try ws.writer.write { db in
      for (change, user) in [(4, "mikko"), (9, "aino"), (2, "aino"), (7, "zz"), (0, "importer"), (0, "a")] {
        try db.execute(
          sql: """
            INSERT INTO audit (change_id, kind, at, user, entity, entity_id, field)
            VALUES (?, 'edit', '2026-01-01T00:00:00Z', ?, 'action', 'A1', 'progress')
            """, arguments: [change, user])
      }
    }
    let plainMax = try ws.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(change_id) FROM audit")
    }
    #expect(plainMax == 9)
    #expect(try next() == 10)
    let single = try Workspace.open(path: fx.path("one.peili"), create: true)
    try single.writer.write { db in
      try db.execute(
        sql: """
          INSERT INTO audit (change_id, kind, at, user, entity, entity_id, field)
          VALUES (0, 'import', '2026-01-01T00:00:00Z', 'importer', 'survey', 'w', 'rows')
          """)
    }
    #expect(try single.writer.write { db in try AuditLog.begin(db, kind: .edit, user: "x").changeID } == 1)
  }

  @Test func theTimestampIsWhatAFreshISO8601DateFormatterWrites() {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    let seconds: [Double] = [
      0, 1, 59.999, 951_782_400, 1_709_251_199.9999, 1_772_357_400, 1_772_357_400.5, 4_102_444_799.75,
      253_402_300_799, 155_350_283.9994999, 2_956_449_437.9994998, -0.0005,
    ]
    for s in seconds {
      let date = Date(timeIntervalSince1970: s)
      #expect(AuditLog.timestamp(date) == formatter.string(from: date), "\(s)")
    }
    let now = Date()
    #expect(AuditLog.timestamp(now) == formatter.string(from: now))
  }

  @Test func theScoreJSONReaderAgreesWithJSONDecoder() throws {
    var summaries: [ScoreSummary] = [
      ScoreSummary(index: SampleSummary()),
      ScoreSummary(
        index: SampleSummary(n: 19386, mean: 42.23021768286392, m2: 6_666_551.538481379),
        native: SampleSummary(n: 3, mean: -0.0, m2: .leastNonzeroMagnitude), scale: Scale(min: 0, max: 10),
        favourable: 1,
        favourableN: 2, promoters: 3, detractors: 4, npsN: 5, distribution: [750, 7018, 0, -1]),
      ScoreSummary(
        index: SampleSummary(n: 1, mean: 1.7976931348623157e308, m2: 2.2250738585072014e-308),
        native: nil, scale: Scale(min: -3, max: 3), distribution: [Int.max, Int.min]),
    ]
    var random = SplitMix64(seed: 7)
    for _ in 0..<300 {
      let sample = SampleSummary(
        n: random.int(in: 0...100_000), mean: random.normal(mean: 50, sd: 30),
        m2: random.unit() * pow(10, Double(random.int(in: -20...20))))
      summaries.append(
        ScoreSummary(
          index: sample, native: random.chance(0.5) ? sample : nil,
          scale: random.chance(0.5) ? Scale(min: 1, max: random.int(in: 2...10)) : nil,
          favourable: random.int(in: 0...50), favourableN: random.int(in: 0...50),
          favourableShares: random.chance(0.5) ? sample : nil,
          distribution: (0..<random.int(in: 0...11)).map { _ in random.int(in: 0...9999) }))
    }
    for summary in summaries {
      for formatting in [JSONEncoder.OutputFormatting(), .sortedKeys, [.prettyPrinted, .sortedKeys]] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        let data = try encoder.encode(summary)
        let fast = try #require(ScoreSummaryJSON.decode(data), "\(String(decoding: data, as: UTF8.self))")
        #expect(fast == (try JSONDecoder().decode(ScoreSummary.self, from: data)))
        #expect(fast == summary)
      }
    }
  }

  @Test func theScoreJSONReaderLeavesAnythingUnusualToJSONDecoder() {
    let valid =
      #"{"index":{"n":1,"mean":2,"m2":0},"favourable":0,"favourableN":0,"promoters":0,"detractors":0,"npsN":0,"distribution":[]}"#
    #expect(
      ScoreSummaryJSON.decode(Data(valid.utf8)) == ScoreSummary(index: SampleSummary(n: 1, mean: 2, m2: 0)))
    let unusual = [
      valid.replacingOccurrences(of: #""npsN":0"#, with: #""npsN":0,"extra":1"#),
      valid.replacingOccurrences(of: #""npsN":0"#, with: #""npsN":0,"npsN":1"#),
      valid.replacingOccurrences(of: #""npsN":0,"#, with: ""),
      valid.replacingOccurrences(of: #""promoters""#, with: #""pro\u006doters""#),
      valid.replacingOccurrences(of: #""npsN":0"#, with: #""npsN":1.0"#),
      valid.replacingOccurrences(of: #""npsN":0"#, with: #""npsN":01"#),
      valid.replacingOccurrences(of: #""mean":2"#, with: #""mean":2."#),
      valid.replacingOccurrences(of: #""mean":2"#, with: #""mean":"2""#),
      valid.replacingOccurrences(of: #""favourable":0"#, with: #""favourable":null"#),
      valid + " x", String(valid.dropLast()), "", "[]",
    ]
    for text in unusual { #expect(ScoreSummaryJSON.decode(Data(text.utf8)) == nil, "\(text)") }
    let nulls = valid.replacingOccurrences(
      of: #""npsN":0"#, with: #""npsN":0,"native":null,"scale":null,"favourableShares":null"#)
    #expect(
      ScoreSummaryJSON.decode(Data(nulls.utf8)) == ScoreSummary(index: SampleSummary(n: 1, mean: 2, m2: 0)))
  }

  @Test func everyDemoScoreReadsAsJSONDecoderReadsIt() throws {
    let fx = try StoreFixture()
    let ws = try DemoWorkspace.build(at: fx.path("demo.db"), by: "tester")
    let stored = try ws.writer.read { db in try Data.fetchAll(db, sql: "SELECT summary FROM score_cache") }
    #expect(stored.count > 20)
    // Theme summaries carry the respondents' favourable shares, and the fast reader reads them.
    #expect(stored.contains { ScoreSummaryJSON.decode($0)?.favourableShares != nil })
    for data in stored {
      #expect(ScoreSummaryJSON.decode(data) == (try JSONDecoder().decode(ScoreSummary.self, from: data)))
    }
  }
}
