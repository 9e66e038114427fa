import Foundation
import PeiliCore
import PeiliStore
import PeiliUI
import Testing

@testable import PeiliApp

/// The demo workspace built through the real importers into a temporary SQLite file.
struct DemoDashboard {
  static let today = Day("2026-10-15")!
  let workspace: Workspace
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "peili-app-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    workspace = try DemoWorkspace.build(at: directory.appendingPathComponent("demo.db").path, by: "tester")
  }

  func model(width: Int, height: Int, glyphs: Glyphs = .unicode, text: Catalogue = .english) throws -> Model {
    Model(
      snapshot: try workspace.snapshot(), today: Self.today, user: "tester", glyphs: glyphs, text: text,
      width: width, height: height)
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Runs messages through `update` and the commands against the real workspace, as the
/// main loop does.
func runner(_ workspace: Workspace, user: String = "tester") -> CommandRunner {
  CommandRunner(store: workspace, user: user)
}

@Suite("Dashboard on the demo workspace", .serialized)
struct DemoViewTests {
  @Test func at80x24TheTreeSitsAboveTheMirrorOfTheSelection() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    var lines = TestWorkspace.render(m)
    #expect(lines[0] == "peili · demo.db · waves 2025-09 → 2026-09         1 Dashboard  2  3  4  5  6  7")
    #expect(lines[1].hasPrefix(" OKR tree ───") && lines[1].hasSuffix(" 1/27 ─"))
    #expect(lines[2] == "▾ O1 Customers understand what we of… ✓ ████████▎░  83% on track        Aino")
    #expect(lines[3] == "  · KR1 Customer Communication index… ✓ ███████▎░░  73% on track        Aino")
    #expect(lines[4] == "  ▸ KR2 Newsletter open rate          ✓ ███████▋░░  76% on track        Siiri")
    #expect(lines[7] == "  · A4 Brief staff before every prod… ! ██████░░░░  60% active          Ville")
    #expect(lines[11].hasPrefix(" Mirror of O1 Customers understand what we offer"))
    #expect(lines[12] == " objective, committed · 83% · ✓ on track · Aino")
    #expect(lines[13] == " Theme                        Cust Staff Mirr Mirror gap    Δ cust      n C/S/M")
    #expect(lines[14] == " Communication                  41    52   38 =-2±5 aligned +11±3▲    211/40/40")
    #expect(
      lines[15].hasPrefix("   Customers' weakest theme, at 41; staff's own score 11 ± 6 over customers"))
    #expect(lines[16] == " Reliability                    68    66   51 ▼-17±4 under  +9±3▲     211/40/40")
    #expect(lines[17].hasPrefix("   Staff's mirror estimate 17 ± 4 under customers; customers up 9 ± 3"))
    #expect(lines[20] == " ! O4 Grow the network profitably: no theme linked (an OKR without a mirror)")
    #expect(lines[21].hasPrefix(" ! Blind spot Influence: customer index 47 < 50"))
    #expect(lines[21].hasSuffix("(+2 more)"))
    #expect(lines[23] == "↑↓ move  Enter open/close  Tab mirror  / filter  f segment  ? help  q quit")

    // On an action: its own themes, its facts, and the edit keys in the footer.
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    lines = TestWorkspace.render(m)
    #expect(DashboardScreen.selectedID(m) == "A4")
    #expect(lines[11].hasPrefix(" Mirror of A4 Brief staff before every product or price change ──"))
    #expect(lines[12] == " action · active · due 2026-12-15 · 60% · ! at risk · Ville")
    #expect(lines[14].hasPrefix(" Communication "))
    #expect(!lines.contains { $0.hasPrefix(" Reliability") })
    #expect(lines[23] == "↑↓ move  Tab mirror  + - ±10  s status  c check in  u undo  ? help  q quit")
  }

  @Test func anObjectiveWithoutAThemeSaysSoAndItsWarningComesFirst() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    press(&m, .char("/"))
    for c in "grow" { press(&m, .char(c)) }
    press(&m, .enter)
    #expect(DashboardScreen.selectedID(m) == "O4")
    let lines = TestWorkspace.render(m)
    #expect(lines[1].hasPrefix(" OKR tree (filter \"grow\": 6 rows)"))
    #expect(lines[14] == " No theme linked: this objective has no mirror.")
    #expect(lines[20] == " ! O4 Grow the network profitably: no theme linked (an OKR without a mirror)")
    #expect(lines[22] == "Filter: grow  (Esc clears)")
  }

  @Test func at120x40TheRowsShowOwnersAndTheMirrorAStaffChange() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let m = try demo.model(width: 120, height: 40)
    let lines = TestWorkspace.render(m)
    #expect(
      lines[0].hasPrefix("peili · demo.db · cycle Latausverkko Oy 2026 (demo) · waves 2025-09 → 2026-09"))
    #expect(lines[2].hasPrefix("▾ O1 Customers understand what we offer and what changes "))
    #expect(lines[2].hasSuffix("✓ ██████████░░  83% on track        Aino"))
    #expect(lines[13].hasPrefix("▾ O3 Every contact leaves the customer better off "))
    #expect(lines[13].hasSuffix("✗ █████▏░░░░░░  42% off track       Helmi"))
    #expect(lines[15].contains("KR8 Staff Influence index to 50"))
    #expect(lines[15].hasSuffix("11% off track       Outi"))
    let header = try #require(lines.first { $0.hasPrefix(" Theme ") })
    #expect(
      header
        == " Theme                        Cust Staff Mirr Mirror gap    Staff gap     Δ cust  Δ staff     n C/S/M"
    )
    #expect(
      lines.contains(
        " Reliability                    68    66   51 ▼-17±4 under  =-2±5 aligned +9±3▲   +11±7▲    211/40/40"
      ))
    // Every coverage warning fits.
    #expect(lines[34] == " ! O4 Grow the network profitably: no theme linked (an OKR without a mirror)")
    #expect(lines[35].hasPrefix(" ! Blind spot Influence:"))
    #expect(lines[36] == " ! Blind spot Pricing clarity: mirror gap −16 ± 5")
    #expect(lines[37] == " ! Blind spot Recommendation: mirror gap −20 ± 4")
    #expect(lines[39] == "↑↓ move  Enter open/close  Tab mirror  / filter  f segment  ? help  q quit")
  }

  @Test func wideTerminalsPutTheMirrorBesideTheTree() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let lines = TestWorkspace.render(try demo.model(width: 160, height: 40))
    #expect(lines[1].hasPrefix(" OKR tree ─"))
    #expect(lines[1].contains("│ Mirror of O1 "))
    #expect(lines[2].contains("Aino") && lines[2].contains("│ objective, committed · 83%"))
    #expect(lines.contains { $0.contains("│ Communication ") })
  }

  @Test func belowTheMinimumSizeItAsksToEnlargeAndRecovers() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 60, height: 20)
    var lines = TestWorkspace.render(m)
    #expect(lines.contains { $0.contains("Terminal too small: enlarge to at least 80×24 (now 60×20)") })
    #expect(!lines.joined().contains("OKR tree"))
    lines = TestWorkspace.render(m, width: 79, height: 30)
    #expect(lines.contains { $0.contains("(now 79×30)") })
    _ = update(&m, .resize(width: 80, height: 24))
    lines = TestWorkspace.render(m)
    #expect(lines[2].hasPrefix("▾ O1 Customers understand"))
    // Narrower than the message: it wraps, still legible.
    lines = TestWorkspace.render(m, width: 30, height: 10)
    let words = lines.flatMap { $0.split(separator: " ") }.joined(separator: " ")
    #expect(words == "Terminal too small: enlarge to at least 80×24 (now 30×10)")
  }

  @Test func underAnASCIILocaleEveryCellIsASCII() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24, glyphs: .ascii)
    #expect(TestWorkspace.render(m)[16].contains("v-17+/-4 under"))
    #expect(TestWorkspace.render(m).allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    var lines = TestWorkspace.render(m)
    #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(lines.joined(separator: "\n"))")
    #expect(lines[7] == "    A4 Brief staff before every pr... ! ######....  60% active          Ville")
    #expect(lines[23] == "j k move  Tab mirror  + - +/-10  s status  c check in  u undo  ? help  q quit")
    press(&m, .char("?"))
    lines = TestWorkspace.render(m)
    #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    #expect(lines.joined().contains("+-"))
  }

  @Test func helpListsEveryKeyAndEnterOnAThemeOpensItsDrillDown() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 120, height: 40)
    press(&m, .char("?"))
    // Tall enough for the whole help without scrolling.
    var screen = TestWorkspace.render(m, height: 160).joined(separator: "\n")
    for key in [
      "↑ ↓  k j", "→ l", "← h", "Enter", "PgUp PgDn", "g G  Home End", "Tab", "Esc", "/", "+ -", "> <", "s",
      "u", "c", "1", "2", "3", "4", "5", "7", "o", "S", "t", "d", "x", "r", "f", "F", "i", "a", "c", "w",
      "Tab Shift-Tab", "Esc Backspace", "?", "q",
    ] {
      #expect(screen.contains("│ \(key) "), "help lacks \(key)")
    }
    #expect(screen.contains("Dashboard screen"))
    #expect(screen.contains("Gaps screen"))
    #expect(screen.contains("Theme screen"))
    #expect(screen.contains("Actions screen"))
    #expect(screen.contains("Impact screen"))
    #expect(screen.contains("History screen"))
    press(&m, .escape, .tab, .char("j"), .enter)
    #expect(m.overlay == nil)
    #expect((m.screen == .theme && m[ThemeScreen.self].themeID == "reliability"))
    screen = TestWorkspace.render(m).joined(separator: "\n")
    #expect(screen.contains(" Theme: Reliability · Scores "))
    #expect(screen.contains("2025-09"))
    #expect(screen.contains("2026-09"))
    #expect(screen.contains("Customer"))
    #expect(screen.contains("Mirror gap (mirror − customer)     ▼-17±4 under"))
    #expect(screen.contains("Staff's mirror estimate 17 ± 4 under customers"))
  }

  @Test func anEditIsWrittenReloadedAndShownWithTheRollup() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    run.dispatch(.key(.char("+")), &m)
    #expect(m.shared.status?.text == "A4 progress 60% → 70%")
    #expect(DashboardScreen.selectedID(m) == "A4")
    #expect(try demo.workspace.snapshot().actions.first { $0.id == "A4" }?.progress == 70)
    #expect(TestWorkspace.render(m)[7].hasSuffix(" 70% active          Ville"))
    run.dispatch(.key(.char("s")), &m)
    #expect(m.shared.status?.text == "A4 status active → done")
    #expect(TestWorkspace.render(m)[7].hasSuffix(" 70% done            Ville"))
    run.dispatch(.key(.char("u")), &m)
    #expect(m.shared.status?.text == "undone: A4 status done → active")
    #expect(TestWorkspace.render(m)[7].hasSuffix(" 70% active          Ville"))
  }

  @Test func anotherSessionsEditArrivesOnTheTickAndAStaleEditBecomesAChoice() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    let other = try Workspace.open(path: demo.workspace.path)
    let a4 = try #require(DashboardScreen.selectedAction(m))

    // Someone else raises A4 to 90; the next tick reloads and keeps A4 selected.
    _ = try other.apply(.progress(90), toAction: "A4", basedOn: a4.version, by: "helmi")
    run.dispatch(.tick, &m)
    #expect(DashboardScreen.selectedID(m) == "A4" && DashboardScreen.selectedAction(m)?.progress == 90)
    #expect(m.shared.status?.text == "helmi: A4 progress 60% → 90%")
    #expect(!run.dispatch(.tick, &m), "nothing new: no redraw")

    // They change it again before our tick: our +10 was based on 90 and conflicts.
    let seen = try #require(DashboardScreen.selectedAction(m))
    _ = try other.apply(.progress(20), toAction: "A4", basedOn: seen.version, by: "helmi")
    run.dispatch(.key(.char("+")), &m)
    guard case .conflict(let conflict)? = m.overlay else {
      Issue.record("no conflict dialog")
      return
    }
    guard case .action(let stored) = conflict.theirs else { return }
    #expect(stored.progress == 20)
    let screen = TestWorkspace.render(m).joined(separator: "\n")
    #expect(screen.contains("you saw         90%"))
    #expect(screen.contains("theirs (stored) 20%"))
    #expect(screen.contains("yours           100%"))
    run.dispatch(.key(.char("m")), &m)
    #expect(m.overlay == nil)
    #expect(try demo.workspace.snapshot().actions.first { $0.id == "A4" }?.progress == 100)
    #expect(DashboardScreen.selectedAction(m)?.progress == 100)
  }

  @Test func aReadOnlyWorkspaceShowsABannerAndExplainsRefusedKeys() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let readOnly = try Workspace.open(path: demo.workspace.path, readOnly: true)
    var m = Model(
      snapshot: try readOnly.snapshot(), today: DemoDashboard.today, user: "tester", width: 80, height: 24,
      readOnlyReason: readOnly.readOnlyReason)
    let run = runner(readOnly)
    var lines = TestWorkspace.render(m)
    #expect(lines[1].hasPrefix(" READ-ONLY: "))
    #expect(lines[23].hasSuffix("read-only"))
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    run.dispatch(.key(.char("+")), &m)
    lines = TestWorkspace.render(m)
    #expect(lines[22].hasPrefix("read-only: "))
    #expect(try readOnly.snapshot().actions.first { $0.id == "A4" }?.progress == 60)
    #expect(!lines[23].contains("+ -"))

    // Should a write reach the store anyway, its refusal reads the same way.
    let a4 = try #require(DashboardScreen.selectedAction(m))
    let answer = run.perform(
      .save(EditRequest(actionID: "A4", change: .progress(70), basedOn: a4.version, before: a4)))
    guard case .editFailed(_, let message)? = answer else {
      Issue.record("expected a refused edit, got \(String(describing: answer))")
      return
    }
    #expect(message.hasPrefix("read-only: "))
  }
}
