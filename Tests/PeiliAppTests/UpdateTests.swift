import PeiliCore
import PeiliUI
import Testing

@testable import PeiliApp

@Suite("Dashboard update")
struct UpdateTests {
  /// Visible row ids, top to bottom.
  func ids(_ m: Model) -> [String] { m[DashboardScreen.self].rows.map(\.id) }

  func select(_ m: inout Model, _ id: String) {
    guard let i = m[DashboardScreen.self].rows.firstIndex(where: { $0.id == id }) else {
      Issue.record("\(id) not visible in \(ids(m))")
      return
    }
    m[DashboardScreen.self].cursor = i
  }

  @Test func objectivesStartOpenAndArrowsMoveWithinBounds() {
    var m = TestWorkspace.model()
    #expect(ids(m) == ["O1", "KR1", "KR2", "A2", "O2", "KR3", "A3"])
    #expect(DashboardScreen.selectedID(m) == "O1")
    press(&m, .up)
    #expect(DashboardScreen.selectedID(m) == "O1")
    press(&m, .down, .char("j"), .char("j"))
    #expect(DashboardScreen.selectedID(m) == "A2")
    press(&m, .char("k"))
    #expect(DashboardScreen.selectedID(m) == "KR2")
    press(&m, .char("G"))
    #expect(DashboardScreen.selectedID(m) == "A3")
    press(&m, .down)
    #expect(DashboardScreen.selectedID(m) == "A3")
    press(&m, .char("g"))
    #expect(DashboardScreen.selectedID(m) == "O1")
    press(&m, .pageDown)
    #expect(DashboardScreen.selectedID(m) == "A3")
    press(&m, .pageUp)
    #expect(DashboardScreen.selectedID(m) == "O1")
  }

  @Test func rightOpensThenEntersLeftClosesThenGoesToParent() {
    var m = TestWorkspace.model()
    select(&m, "KR2")
    press(&m, .char("l"))
    #expect(ids(m) == ["O1", "KR1", "KR2", "A1", "A2", "O2", "KR3", "A3"])
    #expect(DashboardScreen.selectedID(m) == "KR2")
    press(&m, .right)
    #expect(DashboardScreen.selectedID(m) == "A1")
    press(&m, .char("h"))
    #expect(DashboardScreen.selectedID(m) == "KR2")
    press(&m, .left)
    #expect(!ids(m).contains("A1"))
    press(&m, .left)
    #expect(DashboardScreen.selectedID(m) == "O1")
    press(&m, .enter)
    #expect(ids(m) == ["O1", "O2", "KR3", "A3"])
    #expect(DashboardScreen.selectedID(m) == "O1")
    press(&m, .enter)
    #expect(ids(m).count == 7)
  }

  @Test func slashFiltersTheTreeByTextEnterKeepsEscClears() {
    var m = TestWorkspace.model()
    select(&m, "O2")
    press(&m, .char("/"))
    #expect(m[DashboardScreen.self].isEditingFilter)
    for c in "newsletter" { press(&m, .char(c)) }
    // Matches KR2 (title) and A1 (title): their objective shows, KR2 opens to show A1.
    #expect(ids(m) == ["O1", "KR2", "A1"])
    #expect(DashboardScreen.selectedID(m) == "KR2")
    press(&m, .enter)
    #expect(!m[DashboardScreen.self].isEditingFilter && m[DashboardScreen.self].filter == "newsletter")
    press(&m, .down)
    #expect(DashboardScreen.selectedID(m) == "A1")
    let lines = TestWorkspace.render(m)
    #expect(lines[22].hasPrefix("Filter: newsletter"))
    press(&m, .escape)
    #expect(m[DashboardScreen.self].filter.isEmpty)
    #expect(DashboardScreen.selectedID(m) == "A1")
    #expect(ids(m).count == 8)

    press(&m, .char("/"), .char("z"), .char("z"))
    #expect(m[DashboardScreen.self].rows.isEmpty)
    press(&m, .backspace, .backspace)
    #expect(m[DashboardScreen.self].filter.isEmpty && ids(m).count == 8)
    press(&m, .char("x"), .escape)
    #expect(!m[DashboardScreen.self].isEditingFilter && m[DashboardScreen.self].filter.isEmpty)
  }

  @Test func editKeysOnAnActionAskToSaveWithTheVersionSeen() throws {
    var m = TestWorkspace.model()
    select(&m, "KR2")
    press(&m, .char("l"), .char("l"))
    #expect(DashboardScreen.selectedID(m) == "A1")
    let a1 = try #require(DashboardScreen.selectedAction(m))
    #expect(a1.version == 3 && a1.progress == 40)
    func saved(_ key: Key) -> EditRequest? {
      guard case .save(let r)? = update(&m, .key(key)).first else { return nil }
      return r
    }
    #expect(saved(.char("+")) == EditRequest(actionID: "A1", change: .progress(50), basedOn: 3, before: a1))
    #expect(saved(.char("-"))?.change == .progress(30))
    #expect(saved(.char(">"))?.change == .progress(41))
    #expect(saved(.char("<"))?.change == .progress(39))
    #expect(saved(.char("s"))?.change == .status(.done))
  }

  @Test func editsAtTheLimitOrOffAnActionSayWhyAndSaveNothing() {
    var m = TestWorkspace.model()
    select(&m, "A2")  // progress 100
    #expect(press(&m, .char("+")).isEmpty)
    #expect(m.shared.status?.text == "A2 is already at 100%")
    #expect(press(&m, .char(">")).isEmpty)
    select(&m, "KR1")
    #expect(press(&m, .char("+")).isEmpty)
    #expect(m.shared.status?.text.contains("select one") == true)
  }

  @Test func readOnlyLeavesTheEditToTheStoreWhichMayHaveBeenGrantedWriting() {
    var m = TestWorkspace.model(readOnly: true)
    select(&m, "A3")
    // The store judges the permission again on each write: the keys still ask it.
    let commands = press(&m, .char("+"), .char("u"))
    #expect(commands.count == 2)
    #expect(commands.last == .undo)
    #expect(!FooterKeys.entries(m).contains { $0.footerLabel == "+ -" })
    // A refusal shows its reason; a write that went through lifts the banner.
    guard case .save(let request) = commands[0] else {
      Issue.record("expected a save, got \(commands)")
      return
    }
    _ = update(
      &m, .editFailed(request, "read-only: the workspace is read-only for you: x.db is not writable"))
    #expect(m.shared.status?.text == "read-only: the workspace is read-only for you: x.db is not writable")
    #expect(m.shared.status?.isError == true)
    var granted = request.before
    granted.progress = 40
    _ = update(&m, .editFinished(request, .applied(granted)))
    #expect(m.shared.readOnlyReason == nil)
  }

  @Test func appliedEditUpdatesInPlaceAsAFullReloadWould() throws {
    // Every action, a run of edit keys: progress moves and each status step in turn (to and
    // from dropped re-analyses the snapshot in memory); the in-place model must draw, styles
    // included, what a full reload of the same writes draws.
    var base = TestWorkspace.model(width: 120, height: 40)
    // Every item open, so that every action has a row (a load rebuilds the rows).
    base[DashboardScreen.self].expanded = Set(base.shared.tree.nodes.keys)
    _ = update(&base, .snapshotLoaded(base.shared.snapshot))
    let keys: [Key] = [
      .char("+"), .char("-"), .char(">"), .char("<"), .char("s"), .char("+"), .char("s"),
      .char("s"), .char("s"), .char("-"), .char("s"),
    ]
    func buffer(_ m: Model) -> Buffer {
      var b = Buffer(width: m.shared.width, height: m.shared.height)
      view(m, into: &b)
      return b
    }
    for id in base.shared.tree.actionList.map(\.id).sorted() {
      var m = base
      select(&m, id)
      var stored = base.shared.snapshot
      for key in keys {
        let before = try #require(DashboardScreen.selectedAction(m))
        guard case .save(let request)? = press(&m, key).first else { continue }
        var written = before
        switch request.change {
        case .progress(let p): written.progress = p
        case .status(let s): written.status = s
        case .checkIn, .communicated: continue
        }
        written.version += 1
        stored.actions = stored.actions.map { $0.id == id ? written : $0 }
        let commands = update(&m, .editFinished(request, .applied(written)))
        #expect(commands.isEmpty, "\(id) \(key)")

        var reloaded = base
        select(&reloaded, id)
        _ = update(&reloaded, .snapshotLoaded(stored))
        reloaded.shared.status = m.shared.status
        #expect(DashboardScreen.selectedAction(m) == written)
        #expect(m.shared.snapshot.actions == reloaded.shared.snapshot.actions)
        for o in m.shared.tree.objectives.keys {
          #expect(m.shared.analysis.status(objective: o) == reloaded.shared.analysis.status(objective: o))
          #expect(m.shared.analysis.progress(objective: o) == reloaded.shared.analysis.progress(objective: o))
        }
        // The tree answers with the edited action (its loaded array is never written).
        let ids = reloaded.shared.snapshot.actions.map(\.id)
        #expect(ids.map { m.shared.tree.action($0) } == ids.map { reloaded.shared.tree.action($0) })
        #expect(m.shared.analysis.warnings == reloaded.shared.analysis.warnings)
        for a in m.shared.snapshot.actions {
          #expect(m.shared.analysis.status(of: a) == reloaded.shared.analysis.status(of: a))
          #expect(m.shared.analysis.impactDetails(of: a) == reloaded.shared.analysis.impactDetails(of: a))
        }
        for pane in [Pane.tree, .mirror] {
          m[DashboardScreen.self].focus = pane
          reloaded[DashboardScreen.self].focus = pane
          #expect(buffer(m) == buffer(reloaded), "\(id) \(key) \(pane)")
        }
        m[DashboardScreen.self].focus = .tree
      }
    }
  }

  @Test func openingAndClosingSplicesTheRowsAFullRebuildGives() {
    // Every row of the demo, opened and closed in turn from a few starting expansions: the
    // spliced rows and cursor must be those of the full rebuild.
    let base = TestWorkspace.model(width: 120, height: 40)
    let starts: [Set<String>] = [
      base[DashboardScreen.self].expanded, [], Set(base.shared.tree.nodes.keys), ["O1", "KR2"],
    ]
    var toggles = 0
    for start in starts {
      var m = base
      m[DashboardScreen.self].expanded = start
      _ = update(&m, .snapshotLoaded(m.shared.snapshot))
      var i = 0
      while i < m[DashboardScreen.self].rows.count {
        select(&m, m[DashboardScreen.self].rows[i].id)
        let id = m[DashboardScreen.self].rows[i].id
        for key: Key in [.enter, .enter] {
          press(&m, key)
          toggles += 1
          #expect(
            m[DashboardScreen.self].rows
              == m.shared.tree.visibleRows(expanded: m[DashboardScreen.self].expanded), "\(id) \(key)")
          var full = m
          _ = update(&full, .snapshotLoaded(full.shared.snapshot))  // a load rebuilds every row
          #expect(
            m[DashboardScreen.self].cursor == full[DashboardScreen.self].cursor
              && m[DashboardScreen.self].treeScroll == full[DashboardScreen.self].treeScroll)
          #expect(DashboardScreen.selectedID(m) == id)
        }
        i += 1
      }
    }
    #expect(toggles > 20)
  }

  @Test func appliedEditReloadsAndShowsTheChange() throws {
    var m = TestWorkspace.model()
    select(&m, "A3")
    let a3 = try #require(DashboardScreen.selectedAction(m))
    guard case .save(let request)? = press(&m, .char("+")).first else {
      Issue.record("no save")
      return
    }
    var stored = a3
    stored.progress = 40
    stored.version = a3.version + 1
    // Applied in place (no reload: the store's own write is not re-read).
    #expect(update(&m, .editFinished(request, .applied(stored))).isEmpty)
    #expect(DashboardScreen.selectedAction(m)?.progress == 40)
    #expect(TestWorkspace.render(m)[8].contains(" 40% active"))
    #expect(m.shared.status?.text == "A3 progress 30% → 40%")

    // The reload brings the new progress and the rolled-up objective; the selection stays.
    var snapshot = TestWorkspace.snapshot()
    snapshot.actions = snapshot.actions.map { $0.id == "A3" ? stored : $0 }
    _ = update(&m, .snapshotLoaded(snapshot))
    #expect(DashboardScreen.selectedID(m) == "A3")
    #expect(DashboardScreen.selectedAction(m)?.progress == 40)
    #expect(TestWorkspace.render(m)[8].contains(" 40% active"))
  }

  @Test func undoAsksTheStoreAndReportsWhatHappened() {
    var m = TestWorkspace.model()
    #expect(press(&m, .char("u")) == [.undo])
    let undone = UndoOutcome.undone(
      revertedChange: 7,
      fields: [FieldChange(entity: "action", id: "A3", field: "progress", old: "50", new: "40")])
    #expect(update(&m, .undoFinished(undone)) == [.reload])
    #expect(m.shared.status?.text == "undone: A3 progress 50% → 40%")
    #expect(
      update(
        &m,
        .undoFinished(.conflict(entity: "action", id: "A3", field: "progress", expected: "60", current: "70"))
      ) == [.reload])
    #expect(
      m.shared.status
        == StatusMessage("cannot undo: progress of A3 was changed since (now 70)", isError: true))
    #expect(update(&m, .undoFinished(.nothingToUndo)).isEmpty)
    #expect(m.shared.status?.text == "nothing of yours to undo in this session")
  }

  @Test func conflictShowsBothSidesAndLetsTheUserChoose() throws {
    var m = TestWorkspace.model()
    select(&m, "KR2")
    press(&m, .char("l"), .char("l"))
    guard case .save(let mine)? = press(&m, .char("+")).first else {
      Issue.record("no save")
      return
    }
    var theirs = try #require(DashboardScreen.selectedAction(m))
    theirs.progress = 60
    theirs.version = 5
    #expect(update(&m, .editFinished(mine, .conflict(current: theirs))) == [.reload])
    #expect(m.overlay == .conflict(Conflict(mine: mine, theirs: theirs)))
    let screen = TestWorkspace.render(m).joined(separator: "\n")
    #expect(screen.contains("you saw         40%"))
    #expect(screen.contains("theirs (stored) 60%"))
    #expect(screen.contains("yours           50%"))
    #expect(FooterKeys.entries(m).map(\.footerLabel) == ["m", "e", "t Esc"])

    // Keys other than the two choices do nothing while the dialog is open.
    #expect(press(&m, .char("+"), .down).isEmpty)
    var keep = m
    #expect(press(&keep, .escape).isEmpty)
    #expect(keep.overlay == nil && keep.shared.status?.text == "kept their change to A1")

    let again = press(&m, .char("m"))
    #expect(again == [.save(EditRequest(actionID: "A1", change: .progress(50), basedOn: 5, before: theirs))])
    #expect(m.overlay == nil)
  }

  @Test func externalReloadKeepsTheSelectionByID() {
    var m = TestWorkspace.model()
    select(&m, "A3")
    var snapshot = TestWorkspace.snapshot()
    snapshot.actions.insert(
      Action(id: "A0", objectiveID: "O1", title: "New first action", progress: 10, position: -1), at: 0)
    #expect(update(&m, .snapshotLoaded(snapshot, external: true)).isEmpty)
    #expect(ids(m) == ["O1", "KR1", "KR2", "A0", "A2", "O2", "KR3", "A3"])
    #expect(DashboardScreen.selectedID(m) == "A3")
    #expect(m.shared.status?.text == "updated: another session changed the workspace")

    // A deleted selection falls back to its parent.
    snapshot.actions.removeAll { $0.id == "A3" }
    _ = update(&m, .snapshotLoaded(snapshot, external: true))
    #expect(DashboardScreen.selectedID(m) == "O2")
  }

  @Test func tabMovesToTheMirrorWhereEnterOpensAThemeAndEscGoesBack() {
    var m = TestWorkspace.model()
    #expect(DashboardScreen.mirrorThemeIDs(m) == ["communication", "service"])
    press(&m, .tab)
    #expect(m[DashboardScreen.self].focus == .mirror)
    press(&m, .char("j"), .char("j"))
    #expect(m[DashboardScreen.self].mirrorCursor == 1)
    press(&m, .enter)
    #expect((m.screen == .theme && m[ThemeScreen.self].themeID == "service"))
    press(&m, .char("j"))
    #expect((m.screen == .theme && m[ThemeScreen.self].themeID == "service"))
    press(&m, .escape)
    #expect(
      m.screen == .dashboard && m[DashboardScreen.self].focus == .mirror
        && m[DashboardScreen.self].mirrorCursor == 1)
    press(&m, .escape)
    #expect(m[DashboardScreen.self].focus == .tree)
    press(&m, .tab, .tab)
    #expect(m[DashboardScreen.self].focus == .tree)
  }

  @Test func digitsOnlyOpenRegisteredScreensAndHelpListsThem() {
    var m = TestWorkspace.model()
    press(&m, .char("8"))
    #expect(m.screen == .dashboard)
    press(&m, .char("2"))
    #expect(m.screen == .gaps)
    press(&m, .char("1"))
    #expect(m.screen == .dashboard)
    #expect(m.back == [.dashboard, .gaps])
    let everywhere = HelpContent.sections(m).first { $0.title == "Everywhere" }
    #expect(
      everywhere?.entries.map(\.keys).filter { $0.count == 1 && $0 != "f" && $0 != "F" } == [
        "1", "2", "3", "4", "5", "6", "7", "C", "q",
      ])
    press(&m, .char("?"))
    #expect(m.overlay == .help(scroll: 0))
    press(&m, .char("j"))
    #expect(m.overlay == .help(scroll: 1))
    press(&m, .char("q"))
    #expect(m.overlay == nil && !m.isQuitting)
    press(&m, .function(1))
    #expect(m.overlay == .help(scroll: 0))
  }

  @Test func quitTickAndResize() {
    var m = TestWorkspace.model()
    #expect(update(&m, .tick) == [.pollExternalChanges(since: 0), .idle])
    #expect(update(&m, .resize(width: 100, height: 30)).isEmpty)
    #expect(m.shared.width == 100 && m.shared.height == 30)
    #expect(press(&m, .char("q")) == [.quit])
    #expect(m.isQuitting)
    var c = TestWorkspace.model()
    #expect(press(&c, .ctrl("c")) == [.quit])
  }

  @Test func scrollFollowsTheCursorInASmallTree() {
    var snapshot = TestWorkspace.snapshot()
    for i in 0..<30 {
      snapshot.actions.append(
        Action(id: "X\(i)", objectiveID: "O2", title: "Extra action \(i)", progress: i, position: 10 + i))
    }
    var m = Model(snapshot: snapshot, today: TestWorkspace.today, user: "aino")
    press(&m, .char("G"))
    #expect(DashboardScreen.selectedID(m) == "X29")
    let lines = TestWorkspace.render(m)
    #expect(lines[10].contains("X29 Extra action 29"))
    #expect(lines[1].contains("37/37"))
    press(&m, .char("g"))
    #expect(TestWorkspace.render(m)[2].contains("O1 Customers"))
  }
}
