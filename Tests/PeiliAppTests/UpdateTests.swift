import PeiliApp
import PeiliCore
import PeiliUI
import Testing

@Suite("Dashboard update")
struct UpdateTests {
  /// Visible row ids, top to bottom.
  func ids(_ m: Model) -> [String] { m.rows.map(\.id) }

  func select(_ m: inout Model, _ id: String) {
    guard let i = m.rows.firstIndex(where: { $0.id == id }) else {
      Issue.record("\(id) not visible in \(ids(m))")
      return
    }
    m.cursor = i
  }

  @Test func objectivesStartOpenAndArrowsMoveWithinBounds() {
    var m = TestWorkspace.model()
    #expect(ids(m) == ["O1", "KR1", "KR2", "A2", "O2", "KR3", "A3"])
    #expect(m.selectedID == "O1")
    press(&m, .up)
    #expect(m.selectedID == "O1")
    press(&m, .down, .char("j"), .char("j"))
    #expect(m.selectedID == "A2")
    press(&m, .char("k"))
    #expect(m.selectedID == "KR2")
    press(&m, .char("G"))
    #expect(m.selectedID == "A3")
    press(&m, .down)
    #expect(m.selectedID == "A3")
    press(&m, .char("g"))
    #expect(m.selectedID == "O1")
    press(&m, .pageDown)
    #expect(m.selectedID == "A3")
    press(&m, .pageUp)
    #expect(m.selectedID == "O1")
  }

  @Test func rightOpensThenEntersLeftClosesThenGoesToParent() {
    var m = TestWorkspace.model()
    select(&m, "KR2")
    press(&m, .char("l"))
    #expect(ids(m) == ["O1", "KR1", "KR2", "A1", "A2", "O2", "KR3", "A3"])
    #expect(m.selectedID == "KR2")
    press(&m, .right)
    #expect(m.selectedID == "A1")
    press(&m, .char("h"))
    #expect(m.selectedID == "KR2")
    press(&m, .left)
    #expect(!ids(m).contains("A1"))
    press(&m, .left)
    #expect(m.selectedID == "O1")
    press(&m, .enter)
    #expect(ids(m) == ["O1", "O2", "KR3", "A3"])
    #expect(m.selectedID == "O1")
    press(&m, .enter)
    #expect(ids(m).count == 7)
  }

  @Test func slashFiltersTheTreeByTextEnterKeepsEscClears() {
    var m = TestWorkspace.model()
    select(&m, "O2")
    press(&m, .char("/"))
    #expect(m.isEditingFilter)
    for c in "newsletter" { press(&m, .char(c)) }
    // Matches KR2 (title) and A1 (title): their objective shows, KR2 opens to show A1.
    #expect(ids(m) == ["O1", "KR2", "A1"])
    #expect(m.selectedID == "KR2")
    press(&m, .enter)
    #expect(!m.isEditingFilter && m.filter == "newsletter")
    press(&m, .down)
    #expect(m.selectedID == "A1")
    let lines = TestWorkspace.render(m)
    #expect(lines[22].hasPrefix("Filter: newsletter"))
    press(&m, .escape)
    #expect(m.filter.isEmpty)
    #expect(m.selectedID == "A1")
    #expect(ids(m).count == 8)

    press(&m, .char("/"), .char("z"), .char("z"))
    #expect(m.rows.isEmpty)
    press(&m, .backspace, .backspace)
    #expect(m.filter.isEmpty && ids(m).count == 8)
    press(&m, .char("x"), .escape)
    #expect(!m.isEditingFilter && m.filter.isEmpty)
  }

  @Test func editKeysOnAnActionAskToSaveWithTheVersionSeen() throws {
    var m = TestWorkspace.model()
    select(&m, "KR2")
    press(&m, .char("l"), .char("l"))
    #expect(m.selectedID == "A1")
    let a1 = try #require(m.selectedAction)
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
    #expect(m.status?.text == "A2 is already at 100%")
    #expect(press(&m, .char(">")).isEmpty)
    select(&m, "KR1")
    #expect(press(&m, .char("+")).isEmpty)
    #expect(m.status?.text.contains("select one") == true)
  }

  @Test func readOnlyLeavesTheEditToTheStoreWhichMayHaveBeenGrantedWriting() {
    var m = TestWorkspace.model(readOnly: true)
    select(&m, "A3")
    // The store judges the permission again on each write: the keys still ask it.
    let commands = press(&m, .char("+"), .char("u"))
    #expect(commands.count == 2)
    #expect(commands.last == .undo)
    #expect(!KeyMap.footer(model: m).contains { $0.keys == "+ -" })
    // A refusal shows its reason; a write that went through lifts the banner.
    guard case .save(let request) = commands[0] else {
      Issue.record("expected a save, got \(commands)")
      return
    }
    _ = update(
      &m, .editFailed(request, "read-only: the workspace is read-only for you: x.db is not writable"))
    #expect(m.status?.text == "read-only: the workspace is read-only for you: x.db is not writable")
    #expect(m.status?.isError == true)
    var granted = request.before
    granted.progress = 40
    _ = update(&m, .editFinished(request, .applied(granted)))
    #expect(m.readOnlyReason == nil)
  }

  @Test func appliedEditUpdatesInPlaceAsAFullReloadWould() throws {
    // Every action, a run of edit keys: progress moves and each status step in turn (to and
    // from dropped re-analyses the snapshot in memory); the in-place model must draw, styles
    // included, what a full reload of the same writes draws.
    var base = TestWorkspace.model(width: 120, height: 40)
    // Every item open, so that every action has a row (a load rebuilds the rows).
    base.expanded = Set(base.tree.nodes.keys)
    _ = update(&base, .snapshotLoaded(base.snapshot))
    let keys: [Key] = [
      .char("+"), .char("-"), .char(">"), .char("<"), .char("s"), .char("+"), .char("s"),
      .char("s"), .char("s"), .char("-"), .char("s"),
    ]
    func buffer(_ m: Model) -> Buffer {
      var b = Buffer(width: m.width, height: m.height)
      view(m, into: &b)
      return b
    }
    for id in base.tree.actionList.map(\.id).sorted() {
      var m = base
      select(&m, id)
      var stored = base.snapshot
      for key in keys {
        let before = try #require(m.selectedAction)
        guard case .save(let request)? = press(&m, key).first else { continue }
        var written = before
        switch request.change {
        case .progress(let p): written.progress = p
        case .status(let s): written.status = s
        case .checkIn: continue
        }
        written.version += 1
        stored.actions = stored.actions.map { $0.id == id ? written : $0 }
        let commands = update(&m, .editFinished(request, .applied(written)))
        #expect(commands.isEmpty, "\(id) \(key)")

        var reloaded = base
        select(&reloaded, id)
        _ = update(&reloaded, .snapshotLoaded(stored))
        reloaded.status = m.status
        #expect(m.selectedAction == written)
        #expect(m.snapshot.actions == reloaded.snapshot.actions)
        for o in m.tree.objectives.keys {
          #expect(m.analysis.status(objective: o) == reloaded.analysis.status(objective: o))
          #expect(m.analysis.progress(objective: o) == reloaded.analysis.progress(objective: o))
        }
        #expect(m.tree.actionList == reloaded.tree.actionList)
        #expect(m.analysis.warnings == reloaded.analysis.warnings)
        for a in m.tree.actionList {
          #expect(m.analysis.status(of: a) == reloaded.analysis.status(of: a))
          #expect(m.analysis.impactDetails(of: a) == reloaded.analysis.impactDetails(of: a))
        }
        for pane in [Pane.tree, .mirror] {
          m.focus = pane
          reloaded.focus = pane
          #expect(buffer(m) == buffer(reloaded), "\(id) \(key) \(pane)")
        }
        m.focus = .tree
      }
    }
  }

  @Test func openingAndClosingSplicesTheRowsAFullRebuildGives() {
    // Every row of the demo, opened and closed in turn from a few starting expansions: the
    // spliced rows and cursor must be those of the full rebuild.
    let base = TestWorkspace.model(width: 120, height: 40)
    let starts: [Set<String>] = [base.expanded, [], Set(base.tree.nodes.keys), ["O1", "KR2"]]
    var toggles = 0
    for start in starts {
      var m = base
      m.expanded = start
      _ = update(&m, .snapshotLoaded(m.snapshot))
      var i = 0
      while i < m.rows.count {
        select(&m, m.rows[i].id)
        let id = m.rows[i].id
        for key: Key in [.enter, .enter] {
          press(&m, key)
          toggles += 1
          #expect(m.rows == m.tree.visibleRows(expanded: m.expanded), "\(id) \(key)")
          var full = m
          _ = update(&full, .snapshotLoaded(full.snapshot))  // a load rebuilds every row
          #expect(m.cursor == full.cursor && m.treeScroll == full.treeScroll)
          #expect(m.selectedID == id)
        }
        i += 1
      }
    }
    #expect(toggles > 20)
  }

  @Test func appliedEditReloadsAndShowsTheChange() throws {
    var m = TestWorkspace.model()
    select(&m, "A3")
    let a3 = try #require(m.selectedAction)
    guard case .save(let request)? = press(&m, .char("+")).first else {
      Issue.record("no save")
      return
    }
    var stored = a3
    stored.progress = 40
    stored.version = a3.version + 1
    // Applied in place (no reload: the store's own write is not re-read).
    #expect(update(&m, .editFinished(request, .applied(stored))).isEmpty)
    #expect(m.selectedAction?.progress == 40)
    #expect(TestWorkspace.render(m)[8].contains(" 40% active"))
    #expect(m.status?.text == "A3 progress 30% → 40%")

    // The reload brings the new progress and the rolled-up objective; the selection stays.
    var snapshot = TestWorkspace.snapshot()
    snapshot.actions = snapshot.actions.map { $0.id == "A3" ? stored : $0 }
    _ = update(&m, .snapshotLoaded(snapshot))
    #expect(m.selectedID == "A3")
    #expect(m.selectedAction?.progress == 40)
    #expect(TestWorkspace.render(m)[8].contains(" 40% active"))
  }

  @Test func undoAsksTheStoreAndReportsWhatHappened() {
    var m = TestWorkspace.model()
    #expect(press(&m, .char("u")) == [.undo])
    let undone = UndoOutcome.undone(
      revertedChange: 7,
      fields: [FieldChange(entity: "action", id: "A3", field: "progress", old: "50", new: "40")])
    #expect(update(&m, .undoFinished(undone)) == [.reload])
    #expect(m.status?.text == "undone: A3 progress 50% → 40%")
    #expect(
      update(
        &m,
        .undoFinished(.conflict(entity: "action", id: "A3", field: "progress", expected: "60", current: "70"))
      ) == [.reload])
    #expect(
      m.status == StatusMessage("cannot undo: progress of A3 was changed since (now 70)", isError: true))
    #expect(update(&m, .undoFinished(.nothingToUndo)).isEmpty)
    #expect(m.status?.text == "nothing of yours to undo in this session")
  }

  @Test func conflictShowsBothSidesAndLetsTheUserChoose() throws {
    var m = TestWorkspace.model()
    select(&m, "KR2")
    press(&m, .char("l"), .char("l"))
    guard case .save(let mine)? = press(&m, .char("+")).first else {
      Issue.record("no save")
      return
    }
    var theirs = try #require(m.selectedAction)
    theirs.progress = 60
    theirs.version = 5
    #expect(update(&m, .editFinished(mine, .conflict(current: theirs))) == [.reload])
    #expect(m.overlay == .conflict(Conflict(mine: mine, theirs: theirs)))
    let screen = TestWorkspace.render(m).joined(separator: "\n")
    #expect(screen.contains("you saw         40%"))
    #expect(screen.contains("theirs (stored) 60%"))
    #expect(screen.contains("yours           50%"))
    #expect(KeyMap.footer(model: m).map(\.keys) == ["m", "t Esc"])

    // Keys other than the two choices do nothing while the dialog is open.
    #expect(press(&m, .char("+"), .down).isEmpty)
    var keep = m
    #expect(press(&keep, .escape).isEmpty)
    #expect(keep.overlay == nil && keep.status?.text == "kept their change to A1")

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
    #expect(m.selectedID == "A3")
    #expect(m.status?.text == "updated: another session changed the workspace")

    // A deleted selection falls back to its parent.
    snapshot.actions.removeAll { $0.id == "A3" }
    _ = update(&m, .snapshotLoaded(snapshot, external: true))
    #expect(m.selectedID == "O2")
  }

  @Test func tabMovesToTheMirrorWhereEnterOpensAThemeAndEscGoesBack() {
    var m = TestWorkspace.model()
    #expect(m.mirrorThemeIDs == ["communication", "service"])
    press(&m, .tab)
    #expect(m.focus == .mirror)
    press(&m, .char("j"), .char("j"))
    #expect(m.mirrorCursor == 1)
    press(&m, .enter)
    #expect(m.screen == .theme(id: "service"))
    press(&m, .char("j"))
    #expect(m.screen == .theme(id: "service"))
    press(&m, .escape)
    #expect(m.screen == .dashboard && m.focus == .mirror && m.mirrorCursor == 1)
    press(&m, .escape)
    #expect(m.focus == .tree)
    press(&m, .tab, .tab)
    #expect(m.focus == .tree)
  }

  @Test func digitsOnlyOpenRegisteredScreensAndHelpListsThem() {
    var m = TestWorkspace.model()
    press(&m, .char("7"))
    #expect(m.screen == .dashboard)
    press(&m, .char("2"))
    #expect(m.screen == .gaps)
    press(&m, .char("1"))
    #expect(m.screen == .dashboard)
    #expect(m.back == [.dashboard, .gaps])
    let screens = KeyMap.help(glyphs: .unicode).first { $0.title == "Screens" }
    #expect(screens?.entries.map(\.keys) == ["1", "2", "3"])
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
    #expect(m.width == 100 && m.height == 30)
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
    #expect(m.selectedID == "X29")
    let lines = TestWorkspace.render(m)
    #expect(lines[10].contains("X29 Extra action 29"))
    #expect(lines[1].contains("37/37"))
    press(&m, .char("g"))
    #expect(TestWorkspace.render(m)[2].contains("O1 Customers"))
  }
}
