import Foundation
import PeiliCore
import PeiliUI
import Testing

@testable import PeiliApp

/// The Impact screen on the demo workspace: every action placed by what was done against what
/// moved, the list by verdict with Δ, DiD and design, the detail, and the dashboard's mirror
/// of an action reading its own verdict.
@Suite("Impact screen on the demo", .serialized)
struct ImpactScreenTests {
  /// The demo's outcomes as the analysis judges them, apart from the screen.
  static func outcomes(_ m: Model) -> [String: ActionOutcome] {
    let actions = m.shared.snapshot.actions
    let all = m.shared.analysis.outcomes(of: actions)
    return Dictionary(uniqueKeysWithValues: zip(actions.map(\.id), all))
  }

  @Test func at80x24TheQuadrantsCountTheAnalysisAndTheListGoesByVerdict() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    press(&m, .char("5"))
    #expect(m.screen == .impact)
    let lines = TestWorkspace.render(m)
    let outcomes = Self.outcomes(m)
    let judged = outcomes.values.filter { $0.verdict != nil }
    #expect(lines[0].hasSuffix("  1  2  3  4  5 Impact  6  7"))
    let untold = m.shared.snapshot.actions.filter(\.isDoneButNotCommunicated).count
    #expect(untold > 0)
    #expect(
      lines[1].hasPrefix(" \(judged.count) actions   \(untold) done, never communicated "), "\(lines[1])")
    func count(_ q: ImpactQuadrant) -> Int { judged.filter { $0.quadrant == q }.count }
    #expect(lines[3].hasPrefix(" done or ≥ 80%   moved \(count(.moved)) "))
    #expect(lines[3].hasSuffix(" busy, no change \(count(.busyNoChange))"))
    #expect(lines[4].hasPrefix(" less done       moved without much done \(count(.movedWithoutMuchDone)) "))
    #expect(lines[4].hasSuffix(" not yet \(count(.notYet))"))
    #expect(
      lines[5].hasPrefix("  ") && lines[5].contains(" Action ") && lines[5].contains("Done Told  Verdict")
        && lines[5].hasSuffix("Design"))

    // Rows in verdict order: every moved row before the unstarted one, those linking no theme last.
    let ids = lines[6..<19].compactMap { $0.split(separator: " ").first.map(String.init) }
    let ranks = ids.compactMap { id in
      outcomes[id].map { o in o.verdict.flatMap { ActionOutcome.verdictOrder.firstIndex(of: $0) } ?? 99 }
    }
    #expect(ranks.count == ids.count && ranks == ranks.sorted(), "\(ids)")
    // A9 is planned at 0%: never credited with its theme's rise.
    let rows = ImpactRows.rows(m)
    let a9 = try #require(rows.first { ImpactRows.action($0, m).id == "A9" })
    #expect(a9.outcome.verdict == .notStarted)
    // The selection's key result and objective roll up under the rule.
    #expect(lines[19].hasPrefix("────"))
    let first = ImpactRows.action(rows[0], m)
    let objective = try #require(m.shared.tree.objectives[first.objectiveID])
    #expect(lines.contains { $0.hasPrefix(" \(objective.id) \(objective.title): ") })
    #expect(lines[23].contains("Enter detail") && lines[23].contains("Tab quadrant"))
  }

  @Test func at120x40TheListNamesTheThemeAndMarksInterimVerdicts() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 120, height: 40)
    press(&m, .char("5"))
    let lines = TestWorkspace.render(m)
    #expect(lines[5].hasSuffix("Theme"))
    // A4 is active at 60%: its verdict stands on the latest wave, marked interim.
    let a4 = try #require(lines.first { $0.hasPrefix(" A4 ") })
    #expect(a4.contains("moved (interim)") && a4.contains("Communication"), "\(a4)")
    let a1 = try #require(lines.first { $0.hasPrefix(" A1 ") })
    #expect(a1.contains("moved ") && !a1.contains("interim"))
    #expect(a1.contains("+11±3▲") && a1.contains("+9±3▲") && a1.contains("shared"), "\(a1)")
  }

  @Test func enterOpensTheDetailWithTheWavesScoresAndClaimsAndEscReturns() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 100, height: 30)
    press(&m, .char("5"))
    let id = try #require(ImpactScreen.selected(m, in: ImpactRows.rows(m))?.id)
    press(&m, .enter)
    #expect(m[ImpactScreen.self].detailID == id)
    let a = try #require(m.shared.tree.action(id))
    let impact = try #require(m.shared.analysis.impactDetails(of: a).first)
    var lines = TestWorkspace.render(m)
    #expect(lines[1] == " Impact of \(a.id) \(a.title)")
    let b = try #require(impact.baselineWaveID)
    let f = try #require(impact.followUpWaveID)
    #expect(lines.contains { $0.contains("waves \(b) → \(f)") })
    #expect(lines.contains { $0.hasPrefix("   \(b) ") && $0.contains("●") })
    #expect(lines.contains { $0.contains("change +") })
    #expect(lines.contains { $0.contains(": DiD +") })
    #expect(lines.contains { $0.contains("compared with ") })
    #expect(lines.contains { $0.contains("Shared with ") && $0.contains("the credit is shared") })
    #expect(lines.contains { $0.contains("sampling error only") })
    #expect(lines[29].hasPrefix("↑↓ scroll") && lines[29].contains("Esc back"))
    press(&m, .escape)
    #expect(m[ImpactScreen.self].detailID == nil && m.screen == .impact)
    #expect(m[ImpactScreen.self].selectedID == id)
    lines = TestWorkspace.render(m)
    #expect(lines[2].contains("moved"))
    // Esc on the list goes back to the dashboard.
    press(&m, .escape)
    #expect(m.screen == .dashboard)
  }

  @Test func tabShowsOneQuadrantAtATimeThenAll() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 100, height: 30)
    press(&m, .char("5"))
    let all = ImpactRows.rows(m).count
    for q in ImpactQuadrant.allCases {
      press(&m, .tab)
      #expect(m[ImpactScreen.self].quadrant == q)
      let rows = ImpactRows.rows(m)
      #expect(rows.allSatisfy { $0.outcome.quadrant == q && $0.outcome.verdict != nil })
      let lines = TestWorkspace.render(m)
      #expect(lines[1].contains(" only \(m.shared.text.impact.quadrant(q)) "), "\(lines[1])")
      if rows.isEmpty { #expect(lines.contains { $0.contains("No action in this quadrant.") }) }
    }
    press(&m, .tab)
    #expect(m[ImpactScreen.self].quadrant == nil && ImpactRows.rows(m).count == all)
  }

  @Test func theDashboardMirrorOfAnActionReadsItsOwnVerdictAndDiD() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    #expect(DashboardScreen.selectedID(m) == "A4")
    let lines = TestWorkspace.render(m)
    let a4 = try #require(m.shared.tree.action("A4"))
    let impact = try #require(m.shared.analysis.impactDetails(of: a4).first)
    let did = try #require(impact.did)
    let text = ScoreText(m.shared)
    #expect(
      lines[15]
        == "   A4 here: moved (shared) · interim · DiD \(text.signed(did.diff))±\(Int(did.margin.rounded()))▲"
    )
    // On an objective the reading is the theme's.
    press(&m, .char("g"))
    #expect(TestWorkspace.render(m)[15].hasPrefix("   Customers' weakest theme, at 41; staff's own score"))
  }

  /// A load the worker derived (analysis, tree, both cycles' Impact rows) shows what one
  /// derived while applying it shows, and leaves the screen nothing to derive, `p` included.
  @Test func aLoadDerivedOnTheWorkerShowsTheSameAndLeavesNothingToDerive() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var here = try demo.model(width: 120, height: 40)
    press(&here, .char("5"))
    var worker = here
    var run = runner(demo.workspace)
    run.today = worker.shared.today
    let loaded = try #require(run.perform(.reload))
    guard case .snapshotLoaded(_, _, _, let derived?) = loaded else {
      Issue.record("the worker derived nothing: \(loaded)")
      return
    }
    #expect(derived.prepared[.impact] is ImpactRows.Prepared)
    worker.load(try demo.workspace.snapshot(), derived: derived)
    // The Actions screen's every sort order came with it: no key sorts.
    let actions = worker[ActionsScreen.self].rows
    #expect(actions.sortedAt == worker.shared.revision)
    #expect(Set(actions.sorted.keys) == Set(ActionsScreen.Sort.allCases))
    #expect(actions.owners == ActionsRows.owners(worker.shared.snapshot) && !actions.owners.isEmpty)
    var sorted = worker
    press(&sorted, .char("4"))
    for sort in ActionsScreen.Sort.allCases {
      var direct = worker
      direct[ActionsScreen.self].rows = ActionsRows.Cache()
      direct[ActionsScreen.self].sort = sort
      sorted[ActionsScreen.self].sort = sort
      ActionsScreen.settle(&direct)
      ActionsScreen.settle(&sorted)
      #expect(sorted[ActionsScreen.self].rows.order == direct[ActionsScreen.self].rows.order, "\(sort)")
    }
    // Adopted for the model as it stands: this cycle's rows, and last cycle's kept aside.
    #expect(worker[ImpactScreen.self].cache.key == ImpactRows.Cache.Key(worker))
    #expect(worker[ImpactScreen.self].spare.key != nil)
    ImpactScreen.settle(&here)
    #expect(TestWorkspace.render(worker) == TestWorkspace.render(here))
    press(&worker, .char("p"))
    press(&here, .char("p"))
    #expect(worker[ImpactScreen.self].spare.key?.previous == false)
    #expect(TestWorkspace.render(worker) == TestWorkspace.render(here))
    #expect(TestWorkspace.render(worker)[1].contains("judged a year"))
    // Made for another day, it is not used: the model derives for its own.
    var otherDay = try demo.model(width: 120, height: 40)
    let tomorrow = SnapshotDerivation(
      try demo.workspace.snapshot(), today: Day(ordinal: otherDay.shared.today.ordinal + 400))
    otherDay.load(try demo.workspace.snapshot(), derived: tomorrow)
    #expect(otherDay.shared.analysis.today == otherDay.shared.today)
  }

  /// A load while another screen is shown leaves the dashboard's rows to be rebuilt when it
  /// is next shown, with the selection it had.
  @Test func aLoadElsewhereRestoresTheDashboardSelectionWhenItIsShownAgain() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 120, height: 40)
    press(&m, .down, .down, .down)
    let selected = try #require(DashboardScreen.selectedID(m))
    press(&m, .char("5"))
    _ = update(&m, .snapshotLoaded(try demo.workspace.snapshot()))
    #expect(m[DashboardScreen.self].pendingRestore?.id == selected)
    press(&m, .char("1"))
    #expect(m[DashboardScreen.self].pendingRestore == nil)
    #expect(DashboardScreen.selectedID(m) == selected)
    // Shown, a load restores at once.
    _ = update(&m, .snapshotLoaded(try demo.workspace.snapshot()))
    #expect(m[DashboardScreen.self].pendingRestore == nil && DashboardScreen.selectedID(m) == selected)
  }
}
