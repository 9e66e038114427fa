import Foundation
import PeiliCore
import PeiliStore

/// `peili-bench drilldown`: opening a theme (segment breakdown + question scores + a
/// screenful of comments) and switching a segment filter (filtered scores + a new
/// `MirrorAnalysis`) on the demo and on the large benchmark workspace (six generated files,
/// about 5.8 million answers), many times each, reporting p50/p99 and the large/demo ratio.
enum DrilldownBenchmark {
  static let repetitions = 300
  static let commentScreen = 200
  static let today = Day(year: 2026, month: 10, day: 1) ?? Day(ordinal: 0)

  struct Figures {
    var name = ""
    var answers = 0
    var openTheme: [Double] = []
    var switchSegment: [Double] = []
    var allComments: [Double] = []
    var commentCount = 0
  }

  static func run(_ args: BenchArguments) throws {
    let dir = try args.workingDirectory()
    print("peili-bench drilldown: large survey of \(args.respondents) respondents per file, in \(dir.path)")
    let demoPath = dir.appendingPathComponent("drilldown-demo.db").path
    ImportBenchmark.removeDatabase(demoPath)
    let (demo, demoBuild) = try Measurement.time { try DemoWorkspace.build(at: demoPath, by: "bench") }
    print("demo built in \(Measurement.format(demoBuild))")

    let generator = SurveyGenerator(respondents: args.respondents, dir: dir)
    let files = try generator.write()
    let largePath = dir.appendingPathComponent("drilldown-large.db").path
    ImportBenchmark.removeDatabase(largePath)
    let (large, importTime) = try Measurement.time {
      let ws = try Workspace.open(path: largePath, create: true)
      for f in files {
        try ws.importSurvey(
          csv: f.path, mapping: generator.mappingPath, wave: f.wave, date: f.date, audience: f.audience,
          by: "bench")
      }
      return ws
    }
    print("large workspace imported (with segment cells) in \(Measurement.format(importTime))")

    let d = try measure("demo", demo)
    let l = try measure("large", large)
    print("")
    print("| step (ms) | demo p50 | demo p99 | large p50 | large p99 | large/demo p50 | large/demo p99 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for (label, a, b) in [
      ("open a theme", d.openTheme, l.openTheme), ("switch segment filter", d.switchSegment, l.switchSegment),
    ] {
      let (a50, a99, b50, b99) = (pct(a, 50), pct(a, 99), pct(b, 50), pct(b, 99))
      print(
        "| \(label) | "
          + String(
            format: "%.2f | %.2f | %.2f | %.2f | %.2f | %.2f |", a50 * 1e3, a99 * 1e3, b50 * 1e3, b99 * 1e3,
            b50 / a50, b99 / a99))
    }
    print(
      String(
        format: "all comments of the theme, no limit: demo %d in %.2f ms p50; large %d in %.2f ms p50",
        d.commentCount, pct(d.allComments, 50) * 1e3, l.commentCount, pct(l.allComments, 50) * 1e3))
    print("answers: demo \(d.answers), large \(l.answers); \(repetitions) repetitions of each step")
    print("target: large ≤ 3× demo")
    if !args.keep && args.dir == nil { try? FileManager.default.removeItem(at: dir) }
  }

  /// Times both steps on one workspace, cycling through themes, audiences and filter values.
  static func measure(_ name: String, _ ws: Workspace) throws -> Figures {
    var f = Figures(name: name)
    let snapshot = try ws.snapshot()
    f.answers = snapshot.scores.filter { $0.key.questionID != nil }.reduce(0) { $0 + $1.value.n }
    guard let wave = snapshot.waves.last?.id else { throw BenchError("\(name): no survey wave") }
    let attributes = try ws.segmentAttributes().filter { $0.audiences.contains(.customer) }
    guard let attribute = attributes.first else { throw BenchError("\(name): no customer segment") }
    let filters = attributes.flatMap { a in a.values.map { SegmentFilter([a.name: $0]) } }
    let themes = snapshot.themes.map(\.id)
    let questionsOf = Dictionary(grouping: snapshot.questions, by: \.themeID)
    var sink = 0
    for i in 0..<repetitions {
      let theme = themes[i % themes.count]
      let (_, open) = try Measurement.time {
        let rows = try ws.breakdown(
          themeID: theme, questionID: nil, audience: .customer, waveID: wave, attribute: attribute.name,
          filter: .none, minimumGroup: 5)
        var estimates = 0
        for q in questionsOf[theme] ?? [] {
          for audience in Audience.allCases {
            let key = ScoreKey(themeID: theme, questionID: q.id, audience: audience, waveID: wave)
            if let s = snapshot.scores[key], ScoreEstimate(s) != nil { estimates += 1 }
          }
        }
        let comments = try ws.comments(
          themeID: theme, audience: nil, waveID: nil, filter: .none, minimumGroup: 5, limit: commentScreen)
        return rows.count + estimates + comments.rows.count
      }
      f.openTheme.append(open)
      let filter = filters[i % filters.count]
      let (_, switching) = try Measurement.time {
        let filtered = try ws.scores(filter: filter, minimumGroup: 5)
        let analysis = MirrorAnalysis(snapshot: filtered.applied(to: snapshot), today: today)
        return analysis.themes.count + filtered.scores.count
      }
      f.switchSegment.append(switching)
    }
    for i in 0..<20 {
      let (count, t) = try Measurement.time {
        try ws.comments(themeID: themes[i % 1], audience: nil, waveID: nil, filter: .none, minimumGroup: 5)
          .rows.count
      }
      f.allComments.append(t)
      f.commentCount = count
      sink &+= count
    }
    print(
      name
        + String(
          format: ": open a theme p50 %.2f ms p99 %.2f ms; switch filter p50 %.2f ms p99 %.2f ms",
          pct(f.openTheme, 50) * 1e3, pct(f.openTheme, 99) * 1e3, pct(f.switchSegment, 50) * 1e3,
          pct(f.switchSegment, 99) * 1e3))
    if sink < 0 { print(sink) }
    return f
  }

  /// The p-th percentile (nearest rank).
  static func pct(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return .nan }
    let sorted = xs.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[max(0, min(sorted.count - 1, rank))]
  }
}
