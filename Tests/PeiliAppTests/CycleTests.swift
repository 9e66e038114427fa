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
             start: 2025-09-20, due: 2025-12-15, themes: [communication]}
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
    #expect(lines[1].contains(" last cycle Latausverkko Oy 2025, judged a year later "), "\(lines[1])")
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
}
