import Foundation
import PeiliCore
import PeiliUI
import Testing

@testable import PeiliApp

/// The screen mechanism: the registry, states that round-trip as JSON, one binding table for
/// dispatch, footer and help, the footer dropping by priority.
@Suite("Screens as parts")
struct ScreenMechanismTests {
  @Test func theRegistryHasOneScreenPerDigitAndIDAndEveryTitleIsInTheCatalogue() {
    let digits = ScreenRegistry.all.map { $0.digit }
    #expect(digits == [1, 2, 3, 4, 5, 6, 7])
    #expect(Set(ScreenRegistry.all.map { $0.id }).count == ScreenRegistry.all.count)
    for part in ScreenRegistry.all {
      #expect(Catalogue.english.screenTitles[part.id] != nil, "\(part.id) has no title")
      #expect(ScreenRegistry.part(digit: part.digit)?.id == part.id)
    }
    #expect(ScreenRegistry.part(ScreenID("from-a-newer-peili")).id == .dashboard)
  }

  @Test func everyScreensStateRoundTripsAsJSON() throws {
    var m = TestWorkspace.model()
    press(&m, .down, .down, .tab, .char("2"), .tab, .char("4"), .char("o"), .tab, .char("7"), .char("t"))
    let data = try JSONEncoder().encode(m.states)
    let back = try JSONDecoder().decode(ScreenStates.self, from: data)
    let (d, e) = (back[DashboardScreen.self], m.states[DashboardScreen.self])
    #expect(d.expanded == e.expanded && d.cursor == e.cursor && d.focus == e.focus && d.filter == e.filter)
    #expect(
      back[HistoryScreen.self] == m.states[HistoryScreen.self]
        && back[ThemeScreen.self] == m.states[ThemeScreen.self])
    #expect(
      back[GapsScreen.self] == m.states[GapsScreen.self]
        && back[ActionsScreen.self] == m.states[ActionsScreen.self])
    let json = String(decoding: data, as: UTF8.self)
    for id in ["dashboard", "gaps", "actions", "history"] { #expect(json.contains("\"\(id)\"")) }
    // Derived rows are not published: a follower rebuilds them.
    #expect(!json.contains("\"rows\""))
  }

  /// Every key the footer shows is one that dispatch acts on (and the help lists it).
  @Test func theFooterShowsOnlyKeysThatDispatchAndTheHelpListsThemAll() {
    var models: [Model] = []
    var m = TestWorkspace.model(width: 200, height: 60)
    models.append(m)
    for keys: [Key] in [
      [.down, .down, .down], [.tab], [.char("2")], [.char("4")], [.char("7")], [.char("3")],
    ] {
      for k in keys { _ = update(&m, .key(k)) }
      models.append(m)
    }
    for model in models {
      let bindings = model.part.bindings(model) + GlobalKeys.bindings(model)
      let help = HelpContent.sections(model).flatMap(\.entries).map(\.keys)
      for entry in FooterKeys.entries(model) {
        #expect(entry.isEnabled, "\(entry.footerLabel) shown but disabled on \(model.screen)")
        #expect(
          help.contains(entry.label), "\(entry.label) in the footer of \(model.screen) but not in the help")
      }
      for b in bindings where b.isEnabled && b.short != nil {
        #expect(!b.keys.isEmpty, "\(b.label) shown with no key")
      }
    }
  }

  @Test func theFooterDropsTheLowestPriorityFirstAndKeepsHelpAndQuit() {
    func b(_ label: String, _ p: KeyBinding.Priority) -> KeyBinding {
      .act([.char("x")], label: label, help: label, short: "word", priority: p) { _, _ in }
    }
    let entries = [b("a", .low), b("b", .high), b("c", .normal), b("d", .low), b("?", .essential)]
    let cost = { (e: [KeyBinding]) in e.count * 10 }
    #expect(KeyBindings.fitting(entries, width: 30, cost: cost).map(\.label) == ["b", "c", "?"])
    #expect(KeyBindings.fitting(entries, width: 40, cost: cost).map(\.label) == ["a", "b", "c", "?"])
    #expect(KeyBindings.fitting(entries, width: 0, cost: cost).map(\.label) == ["?"])
  }

  @Test func actionsFilterBySortAndJumpToTheTreeWithTheSelectionKept() {
    var m = TestWorkspace.model()
    press(&m, .char("4"))
    #expect(ActionsRows.actions(m).map(\.id) == ["A1", "A2", "A3"])  // no due dates: by id
    press(&m, .tab)  // by progress
    #expect(ActionsRows.actions(m).map(\.id) == ["A3", "A1", "A2"])
    press(&m, .char("o"))  // the first owner in name order: Aino
    #expect(ActionsRows.actions(m).map(\.id) == ["A1"])
    press(&m, .char("o"), .char("o"), .char("o"))  // Eero, Outi, then every owner again
    #expect(ActionsRows.actions(m).count == 3)
    press(&m, .char("S"), .char("S"), .char("S"))  // planned, active, done
    #expect(ActionsRows.actions(m).map(\.id) == ["A2"])
    press(&m, .char("x"))
    #expect(ActionsRows.actions(m).count == 3 && !m[ActionsScreen.self].hasFilter)
    press(&m, .home, .down)  // A1
    press(&m, .enter)
    #expect(m.screen == .dashboard && DashboardScreen.selectedID(m) == "A1")
    press(&m, .char("4"))
    #expect(m[ActionsScreen.self].selectedID == "A1", "the Actions screen kept its selection")
  }

  @Test func overdueIsPastDueAndNeitherDoneNorDropped() {
    let today = Day("2026-10-01")!
    var a = TestWorkspace.snapshot().actions[0]
    a.due = Day("2026-09-30")
    #expect(ActionsRows.isOverdue(a, today: today))
    a.status = .done
    #expect(!ActionsRows.isOverdue(a, today: today))
    a.status = .active
    a.due = today
    #expect(!ActionsRows.isOverdue(a, today: today))
  }

  @Test func theCheckInDialogValidatesEachFieldAndSendsOnlyWhatChanged() {
    var m = TestWorkspace.model()
    press(&m, .char("4"), .home, .char("c"))  // A1: 40%, confidence 7, active
    guard case .checkIn(var dialog)? = m.overlay else {
      Issue.record("no dialog")
      return
    }
    #expect(
      dialog.form.fields.map(\.name) == [
        "progress", "confidence", "status", "communicated", "channel", "note",
      ])
    // Typing replaces the selected value; a bad value says why, and Enter does not save.
    press(&m, .char("1"), .char("2"), .char("0"))
    guard case .checkIn(let bad)? = m.overlay else { return }
    #expect(bad.form.fields[0].problem == "a whole number from 0 to 100")
    #expect(press(&m, .enter).isEmpty)
    // The refused save went back to the field, its value selected: typing replaces it.
    press(&m, .char("1"), .tab, .tab, .char(" "), .tab, .tab, .tab)
    for c in "ok, started" { press(&m, .char(c)) }
    let commands = press(&m, .enter)
    guard case .checkIn(let request)? = commands.first else {
      Issue.record("no check-in sent: \(commands)")
      return
    }
    #expect(request.progress == 1 && request.status == .done && request.confidence == nil)
    #expect(request.note == "ok, started")
    #expect(m.overlay == nil && m.shared.inFlight == ["A1"])
    // A key result: a metric takes its value with a comma or a point.
    dialog = CheckInDialog(keyResult: TestWorkspace.snapshot().keyResults[1], text: .english)
    dialog.form.fields[0].input.set("31,5")
    dialog.validate(.english)
    #expect(dialog.form.isValid)
    #expect(dialog.request(.english)?.value == 31.5)
    dialog.form.fields[0].input.set("31")
    #expect(dialog.request(.english) == nil, "nothing changed and no note")
  }

  @Test func aConflictOfACheckInShowsEveryFieldThatDiffers() {
    var m = TestWorkspace.model()
    let a1 = TestWorkspace.snapshot().actions[0]
    var theirs = a1
    theirs.progress = 60
    theirs.confidence = 4
    theirs.version += 1
    let mine = CheckInRequest(before: .action(a1), progress: 50, status: .blocked, note: "waiting")
    _ = update(&m, .checkInFinished(mine, .conflict(current: .action(theirs))))
    guard case .conflict(let c)? = m.overlay else {
      Issue.record("no conflict")
      return
    }
    #expect(c.rows(.english).map(\.field) == ["progress", "status", "confidence"])
    let screen = TestWorkspace.render(m).joined(separator: "\n")
    #expect(screen.contains("waiting"))
    // e: the dialog again, on their version, with my values typed in.
    press(&m, .char("e"))
    guard case .checkIn(let again)? = m.overlay else {
      Issue.record("no dialog")
      return
    }
    #expect(again.item == .action(theirs))
    #expect(again.form.value("progress") == "50" && again.form.value("status") == "blocked")
  }

  @Test func historyAsksForWhatItsFiltersSayOnceAndMarksRevertedChanges() {
    var m = TestWorkspace.model()
    let commands = press(&m, .char("7"))
    #expect(commands == [.history(HistoryScreen.query(m))])
    #expect(update(&m, .tick).filter { if case .history = $0 { true } else { false } }.isEmpty, "asked once")
    let rows = [
      AuditEntry(
        id: 2, changeID: 2, kind: .undo, at: "2026-10-01T10:01:00Z", user: "aino", entity: "action",
        entityID: "A1", field: "progress", oldValue: "50", newValue: "40", reverts: 1),
      AuditEntry(
        id: 1, changeID: 1, kind: .edit, at: "2026-10-01T10:00:00Z", user: "aino", entity: "action",
        entityID: "A1", field: "progress", oldValue: "40", newValue: "50", reverts: nil),
    ]
    _ = update(&m, .historyLoaded(HistoryPage(query: HistoryScreen.query(m), entries: rows)))
    #expect(m.shared.history?.revertedBy == [1: 2])
    let screen = TestWorkspace.render(m, width: 120, height: 40).joined(separator: "\n")
    #expect(screen.contains("reverted (#2)") && screen.contains("undo of #1"))
    // The filters ask again; a reverted change is not offered for revert.
    #expect(press(&m, .char("w")).contains(.history(HistoryScreen.query(m))))
    _ = update(&m, .historyLoaded(HistoryPage(query: HistoryScreen.query(m), entries: rows)))
    press(&m, .char("j"), .char("r"))
    #expect(m.overlay == nil && m.shared.status?.text.contains("cannot be reverted") == true)
  }
}
