import PeiliCore
import PeiliUI
import Testing

@testable import PeiliApp

@Suite("Dashboard view")
struct ViewTests {
  func render(_ model: Model) -> Buffer {
    var buffer = Buffer(width: model.shared.width, height: model.shared.height)
    view(model, into: &buffer)
    return buffer
  }

  @Test func controlCharactersInWorkspaceTextNeverReachTheBuffer() {
    var m = TestWorkspace.model()
    press(&m, .char("G"))
    let buffer = render(m)
    for cell in buffer.cells {
      #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
    #expect(buffer.lines[8].hasPrefix("  · A3 Site deals [31mwith retail"))
    #expect(buffer.lines[11].hasPrefix(" Mirror of A3 Site deals [31mwith retail ─"))
  }

  @Test func theFilterIsTypedInlineOnTheStatusLine() {
    var m = TestWorkspace.model()
    press(&m, .char("/"), .char("g"), .char("r"))
    let lines = render(m).lines
    #expect(lines[22] == "Filter: gr█")
    #expect(lines[23] == "Enter keep filter  Esc clear  Backspace delete")
    #expect(lines[1].hasPrefix(" OKR tree (filter \"gr\": 3 rows) ─"))
    #expect(lines[2].hasPrefix("▾ O2 Grow the network"))
  }

  @Test func readOnlyShowsABannerUnderTheHeader() {
    let m = TestWorkspace.model(readOnly: true)
    let buffer = render(m)
    #expect(
      buffer.lines[1] == " READ-ONLY: the workspace /tmp/work/acme.db is read-only for you")
    #expect(buffer[1, 1].style.role == .banner)
    #expect(buffer.lines[2].hasPrefix(" OKR tree"))
    #expect(buffer.lines[23].hasSuffix("q quit  read-only"))
  }

  @Test func theFocusedPaneHighlightsItsSelection() {
    var m = TestWorkspace.model()
    var buffer = render(m)
    #expect(buffer[2, 2].style.role == .selection)
    #expect(buffer[1, 1].style.reverse, "tree title marks focus")
    press(&m, .tab)
    buffer = render(m)
    #expect(!buffer[2, 2].style.reverse && buffer[2, 2].style.underline)
    #expect(buffer.lines[14].hasPrefix(" Communication "))
    #expect(buffer[2, 14].style.reverse)
    #expect(!buffer[2, 16].style.reverse)
    #expect(buffer.lines[23] == "↑↓ theme  Enter drill down  Tab Esc tree  f segment  ? help  q quit")
  }

  @Test func scoresBelowTheMinimumGroupAreNeverShown() {
    var m = TestWorkspace.model(width: 100, height: 30)
    m[ThemeScreen.self] = DrillState(themeID: "influence")
    m.screen = .theme
    let screen = render(m).lines.joined(separator: "\n")
    let lines = screen.split(separator: "\n")
    // Staff answered nothing in the baseline and 3 (< 5) in the follow-up: no score shows.
    let staff = lines.firstIndex { $0.hasPrefix("   Staff    2025-09") }
    #expect(staff.map { lines[$0].hasSuffix("–  no answers") } == true)
    #expect(staff.map { lines[$0 + 1].hasSuffix("–  n<5") } == true)
    #expect(!screen.contains("n 3 "))
    #expect(screen.contains(" 44 ±2  n 200  fav  44%"))
    #expect(screen.contains("Customers score it 45, below 50"))
  }

  @Test func statusErrorsAndMessagesShowAboveTheFooter() {
    var m = TestWorkspace.model()
    _ = update(&m, .loadFailed("database is locked"))
    #expect(render(m).lines[22] == "could not read the workspace: database is locked")
    #expect(render(m)[0, 22].style.role == .bad)
  }

  @Test func theConflictDialogSitsOverTheScreen() throws {
    var m = TestWorkspace.model()
    press(&m, .char("G"))
    let a3 = try #require(DashboardScreen.selectedAction(m))
    var theirs = a3
    theirs.status = .blocked
    theirs.version += 1
    let mine = EditRequest(actionID: "A3", change: .status(.done), basedOn: a3.version, before: a3)
    _ = update(&m, .editFinished(mine, .conflict(current: theirs)))
    let lines = render(m).lines
    let top = try #require(lines.firstIndex { $0.contains("┌─ Changed by someone else ─") })
    #expect(lines[top + 5].contains("│ you saw         active"))
    #expect(lines[top + 6].contains("│ theirs (stored) blocked"))
    #expect(lines[top + 7].contains("│ yours           done"))
    #expect(lines[top + 8].contains("m apply mine, t or Esc keep theirs, e edit mine"))
    #expect(lines[23] == "m apply mine  e edit mine  t Esc keep theirs")
  }

  @Test func anEmptyWorkspaceSaysWhatToDo() {
    var m = Model(snapshot: Snapshot(workspacePath: "/srv/new.db"), today: TestWorkspace.today, user: "aino")
    let lines = render(m).lines
    #expect(lines[0].hasPrefix("peili · new.db · no survey yet"))
    #expect(lines[2] == " No objectives yet: `peili import okrs FILE.yaml`, or try `peili demo`.")
    #expect(lines[11].hasPrefix(" Mirror ─"))
    #expect(press(&m, .down, .enter, .char("+"), .tab, .enter).isEmpty)
    #expect(m.overlay == nil)
  }
}
