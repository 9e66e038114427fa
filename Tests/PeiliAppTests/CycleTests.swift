import Foundation
import PeiliCore
import PeiliStore
import PeiliUI
import Testing

@testable import PeiliApp

/// Several cycles in one workspace: the snapshot of the cycle running today (or one by id)
/// carries the cycle before it, whose actions the Impact screen judges a year later; `C`
/// switches cycle on screen.
@Suite("Cycles and the year-later re-evaluation", .serialized)
struct CycleTests {
  /// The demo (cycle 2026) with last year's cycle 2025 imported beside it.
  static let lastYear = """
    cycle: {id: "2025", name: "Latausverkko Oy 2025", start: 2025-01-01, end: 2025-12-31}
    themes:
      - {id: communication, name: Communication}
      - {id: reliability, name: Reliability}
    objectives:
      - id: P1
        title: "Say what we do"
        owner: Aino
        themes: [communication]
        actions:
          - {id: PA1, title: "Customer letter on pricing", owner: Aino, status: done, progress: 100,
             start: 2025-09-20, due: 2025-12-15, themes: [communication],
             communicated: {on: 2025-12-20, channel: "customer newsletter"}}
          - {id: PA2, title: "Charger sticker campaign", owner: Eero, status: dropped, progress: 30,
             start: 2025-09-20, due: 2025-11-30, themes: [communication]}
          - {id: PA3, title: "Service level page", owner: Siiri, status: active, progress: 40,
             start: 2025-10-01, due: 2026-06-30, themes: [reliability]}
    """

  static func workspace() throws -> (DemoDashboard, Workspace) {
    let demo = try DemoDashboard()
    let file = demo.directory.appendingPathComponent("2025.yaml")
    try lastYear.write(to: file, atomically: true, encoding: .utf8)
    _ = try demo.workspace.importOKRs(file: file.path, by: "tester")
    return (demo, demo.workspace)
  }

  @Test func theChoicePicksTheCycleRunningTodayAndCarriesThePreviousOne() throws {
    let (demo, ws) = try Self.workspace()
    defer { demo.remove() }
    ws.select(cycle: .current(on: Day("2026-10-15")!))
    let s = try ws.snapshot()
    #expect(s.cycles.map(\.id) == ["2025", "2026"])
    #expect(s.cycle?.id == "2026")
    #expect(s.previousCycle?.cycle.id == "2025")
    #expect(s.previousCycle?.actions.map(\.id).sorted() == ["PA1", "PA2", "PA3"])
    #expect(!s.actions.contains { $0.id.hasPrefix("PA") })

    ws.select(cycle: .current(on: Day("2025-06-01")!))
    let then = try ws.snapshot()
    #expect(then.cycle?.id == "2025" && then.previousCycle == nil)
    #expect(then.actions.map(\.id).sorted() == ["PA1", "PA2", "PA3"])

    ws.select(cycle: .id("1999"))
    #expect(throws: StoreError.unknownCycle(id: "1999", known: ["2025", "2026"])) { try ws.snapshot() }
    #expect(
      StoreError.unknownCycle(id: "1999", known: ["2025", "2026"]).description
        == "no cycle `1999` in the workspace; expected one of 2025, 2026")
  }

  @Test func theImpactScreenJudgesLastCyclesActionsAYearLater() throws {
    let (demo, ws) = try Self.workspace()
    defer { demo.remove() }
    ws.select(cycle: .current(on: DemoDashboard.today))
    var m = Model(
      snapshot: try ws.snapshot(), today: DemoDashboard.today, user: "tester", width: 100, height: 30)
    press(&m, .char("5"))
    #expect(TestWorkspace.render(m)[29].contains("p last cycle"))
    press(&m, .char("p"))
    #expect(m[ImpactScreen.self].previous)
    let lines = TestWorkspace.render(m)
    #expect(lines[1].contains(" last cycle Latausverkko Oy 2025, judged a year later"), "\(lines[1])")
    let rows = ImpactRows.rows(m)
    #expect(rows.map { ImpactRows.action($0, m).id }.sorted() == ["PA1", "PA2", "PA3"])
    // PA1 finished in December 2025: judged by the first wave after, September 2026.
    let pa1 = try #require(rows.first { ImpactRows.action($0, m).id == "PA1" })
    let impact = try #require(pa1.primary)
    #expect(impact.baselineWaveID == "2025-09" && impact.followUpWaveID == "2026-09" && !impact.isInterim)
    #expect(pa1.outcome.verdict == .moved)
    // The dropped one is never credited.
    let pa2 = try #require(rows.first { ImpactRows.action($0, m).id == "PA2" })
    #expect(pa2.outcome.verdict == .notJudged && pa2.outcome.tally == .dropped)
    #expect(lines.contains { $0.hasPrefix(" PA2 ") && $0.contains("dropped") })
    #expect(lines.contains { $0.hasPrefix(" P1 Say what we do: ") })
    // Its detail, then back; p again shows this cycle's actions.
    m[ImpactScreen.self].selectedID = "PA1"
    press(&m, .enter)
    #expect(TestWorkspace.render(m)[1] == " Impact of PA1 Customer letter on pricing")
    press(&m, .escape, .char("p"))
    #expect(!m[ImpactScreen.self].previous)
    #expect(ImpactRows.rows(m).contains { ImpactRows.action($0, m).id == "A1" })
  }

  @Test func capitalCSwitchesToTheNextCycleThroughTheStore() throws {
    let (demo, ws) = try Self.workspace()
    defer { demo.remove() }
    ws.select(cycle: .current(on: DemoDashboard.today))
    var m = Model(
      snapshot: try ws.snapshot(), today: DemoDashboard.today, user: "tester", width: 120, height: 40)
    let run = runner(ws)
    #expect(m.shared.snapshot.cycle?.id == "2026")
    // After the last cycle, the first.
    run.dispatch(.key(.char("C")), &m)
    #expect(m.shared.snapshot.cycle?.id == "2025")
    #expect(m.shared.snapshot.actions.map(\.id).sorted() == ["PA1", "PA2", "PA3"])
    var lines = TestWorkspace.render(m)
    #expect(lines[0].contains("cycle Latausverkko Oy 2025"), "\(lines[0])")
    #expect(lines[38] == "cycle 2025: Latausverkko Oy 2025")
    run.dispatch(.key(.char("C")), &m)
    #expect(m.shared.snapshot.cycle?.id == "2026")
    lines = TestWorkspace.render(m)
    #expect(lines[0].contains("cycle Latausverkko Oy 2026 (demo)"))
    // The help lists the key.
    press(&m, .char("?"))
    let help = TestWorkspace.render(m, height: 160).joined(separator: "\n")
    #expect(help.contains("│ C ") && help.contains("the next OKR cycle"))
  }

  @Test func theReportCarriesEveryCycleTheReEvaluationAndCommunication() throws {
    let (demo, ws) = try Self.workspace()
    defer { demo.remove() }
    ws.select(cycle: .current(on: DemoDashboard.today))
    let s = try ws.snapshot()
    let a = MirrorAnalysis(snapshot: s, today: DemoDashboard.today)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(Report.json(s, analysis: a).utf8)) as? [String: Any])
    let cycles = try #require(json["cycles"] as? [[String: Any]])
    #expect(cycles.map { $0["id"] as? String } == ["2025", "2026"])
    #expect(cycles[0]["start"] as? String == "2025-01-01" && cycles[0]["end"] as? String == "2025-12-31")
    let again = try #require(json["re_evaluation"] as? [String: Any])
    #expect((again["cycle"] as? [String: Any])?["id"] as? String == "2025")
    let last = try #require(again["actions"] as? [[String: Any]])
    #expect(last.compactMap { $0["id"] as? String }.sorted() == ["PA1", "PA2", "PA3"])
    let pa1 = try #require(last.first { $0["id"] as? String == "PA1" })
    let told = try #require(pa1["communicated"] as? [String: Any])
    #expect(told["on"] as? String == "2025-12-20" && told["channel"] as? String == "customer newsletter")
    #expect(pa1["done_not_communicated"] as? Bool == false)
    // Judged a year later: by the first wave after it finished.
    let impact = try #require((pa1["impact"] as? [[String: Any]])?.first)
    #expect(
      impact["baseline_wave"] as? String == "2025-09" && impact["follow_up_wave"] as? String == "2026-09")
    #expect(impact["verdict"] as? String == "moved")
    // This cycle's done actions that were never communicated are flagged.
    let done = s.actions.filter(\.isDoneButNotCommunicated).map(\.id)
    #expect(!done.isEmpty)
    func actions(_ v: Any?) -> [[String: Any]] {
      guard let o = v as? [String: Any] else { return [] }
      return (o["actions"] as? [[String: Any]] ?? [])
        + ((o["key_results"] as? [Any]) ?? []).flatMap(actions)
        + ((o["children"] as? [Any]) ?? []).flatMap(actions)
    }
    let current = ((json["objectives"] as? [Any]) ?? []).flatMap(actions)
    #expect(current.count == s.actions.count)
    for x in current {
      let id = x["id"] as? String ?? ""
      #expect(x["done_not_communicated"] as? Bool == done.contains(id), "\(id)")
      let told = s.actions.first { $0.id == id }?.communicated
      #expect((x["communicated"] as? [String: Any])?["channel"] as? String == told?.channel, "\(id)")
    }
    let md = Report.markdown(s, analysis: a)
    #expect(md.contains("## Re-evaluation: cycle Latausverkko Oy 2025 (2025-01-01 – 2025-12-31)"))
    #expect(md.contains("  - communicated 2025-12-20 by customer newsletter"))
    #expect(md.contains("  - done but never communicated"))
  }

  @Test func theImpactScreenSaysWhichActionsWereToldAndFlagsTheDoneOnesThatWereNot() throws {
    let (demo, ws) = try Self.workspace()
    defer { demo.remove() }
    ws.select(cycle: .current(on: DemoDashboard.today))
    let s = try ws.snapshot()
    let done = s.actions.filter(\.isDoneButNotCommunicated).map(\.id)
    #expect(!done.isEmpty && done.count < s.actions.filter { $0.status == .done }.count)
    var m = Model(snapshot: s, today: DemoDashboard.today, user: "tester", width: 100, height: 30)
    press(&m, .char("5"))
    var lines = TestWorkspace.render(m)
    #expect(lines[1].contains("\(done.count) done, never communicated"), "\(lines[1])")
    #expect(lines.contains { $0.contains(" Told ") })
    for e in ImpactRows.rows(m) {
      let a = ImpactRows.action(e, m)
      let told = ImpactRows.cells(e, m, width: 98)[3].text
      #expect(told == (a.communicated != nil ? "yes" : done.contains(a.id) ? "never" : "–"), "\(a.id)")
    }
    m[ImpactScreen.self].selectedID = done[0]
    press(&m, .enter)
    lines = TestWorkspace.render(m)
    #expect(lines.contains { $0.contains("Done but never communicated") }, "\(lines)")
    // Last cycle's letter was told: "yes" in its row, the day and channel in its detail.
    press(&m, .escape, .char("p"))
    lines = TestWorkspace.render(m)
    #expect(lines.contains { $0.hasPrefix(" PA1 ") && $0.contains(" yes ") }, "\(lines)")
    m[ImpactScreen.self].selectedID = "PA1"
    press(&m, .enter)
    lines = TestWorkspace.render(m)
    #expect(lines.contains { $0.contains("communicated 2025-12-20 by customer newsletter") }, "\(lines)")
  }
}
