import Foundation
import PeiliCore
import PeiliStore
import PeiliUI
import Testing

@testable import PeiliApp

/// Under a non-UTF-8 locale the terminal can draw ASCII only (anything else shows as `?`):
/// every symbol peili draws on every screen must then come from the ASCII glyph set.
@Suite("ASCII screens", .serialized)
struct ASCIIScreensTests {
  /// The cells of `lines` that are neither ASCII nor a letter of the workspace's own text
  /// (names, comments and segment values are the user's data, shown as they are).
  private static func foreign(_ lines: [String], data: Set<Character>) -> [String] {
    var found: [String] = []
    for (y, line) in lines.enumerated() {
      for ch in line where !ch.isASCII && !(ch.isLetter && data.contains(ch)) {
        found.append(
          "\(ch) (U+\(String(ch.unicodeScalars.first!.value, radix: 16, uppercase: true))) in row \(y): \(line)"
        )
      }
    }
    return found
  }

  /// Every letter of the workspace's text (OKRs, questions, answers with their comments and
  /// segments), as the exports write it.
  private static func dataLetters(_ workspace: Workspace) throws -> Set<Character> {
    var text = try workspace.exportOKRs()
    for wave in try workspace.snapshot().waves {
      for audience in [Audience.customer, .staff, .mirror] {
        text += try workspace.exportSurveyCSV(wave: wave.id, audience: audience, raw: true)
        text += try workspace.exportSurveyMapping(wave: wave.id, audience: audience)
      }
    }
    return Set(text.filter { !$0.isASCII && $0.isLetter && $0 != "Δ" })
  }

  /// In Finnish too: its letters (ä, ö) are the language's, every symbol is ASCII.
  @Test(arguments: [(80, 24, false), (120, 40, false), (80, 24, true), (120, 40, true)])
  func everyScreenDrawsOnlyASCIISymbols(width: Int, height: Int, finnish: Bool) throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let data = try Self.dataLetters(demo.workspace).union(finnish ? ["ä", "ö", "Ä", "Ö"] : [])
    let run = runner(demo.workspace)
    var m = try demo.model(
      width: width, height: height, glyphs: .ascii, text: finnish ? .finnish : .english)
    var problems: [String] = []
    func check(_ step: String) {
      var buffer = Buffer(width: m.shared.width, height: m.shared.height)
      view(m, into: &buffer)
      problems += Self.foreign(buffer.lines, data: data).map { "\(step): \($0)" }
    }
    func keys(_ step: String, _ keys: Key...) {
      for key in keys { _ = run.dispatch(.key(key), &m) }
      check(step)
    }

    check("dashboard")
    keys("an action selected", .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    keys("an edit's status line", .char("+"))
    keys("undo's status line", .char("u"))
    keys("an objective collapsed", .home, .left)
    keys("the mirror focused", .right, .tab, .char("j"), .char("j"))
    keys("the mirror at its end", .end)
    keys("the tree filter", .tab, .char("/"), .char("a"))
    keys("the tree filtered", .enter)
    keys("the filter cleared", .escape)
    keys("the help", .char("?"))
    keys("the help at its end", .end)
    keys("the segment picker", .escape, .char("f"))
    keys("a segment's values", .enter)
    keys("a segment filter", .enter)
    for kind in 0..<5 { keys("gaps ranking \(kind)", kind == 0 ? .char("2") : .tab) }
    keys("the importance grid", .char("i"))
    keys("the grid, next audience", .char("a"))
    keys("the grid, third audience", .char("a"))
    keys("back to the ranking", .char("i"))
    keys("a theme's drill-down", .enter)
    for section in 0..<4 { keys("drill-down section \(section)", .tab) }
    keys("drill-down breakdown", .char("a"))
    keys("comments, next audience", .char("c"))
    keys("comments, next wave", .char("w"))
    keys("scrolled", .pageDown, .pageDown)
    keys("segment filter cleared", .char("F"))
    keys("drill-down unfiltered", .home)

    // Others in the workspace, one of them twice.
    _ = update(
      &m,
      .presence([
        WorkspaceSession(id: "a", user: "mikko", host: "server", pid: 2),
        WorkspaceSession(id: "b", user: "mikko", host: "server", pid: 3),
        WorkspaceSession(id: "c", user: "aino", host: "server", pid: 4),
      ]))
    keys("the header with others", .char("1"))

    // A conflict dialog.
    keys("the first action again", .home, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    if case .save(let mine)? = update(&m, .key(.char("+"))).first,
      var theirs = DashboardScreen.selectedAction(m)
    {
      theirs.progress = 10
      theirs.version += 5
      _ = update(&m, .editFinished(mine, .conflict(current: theirs)))
      check("the conflict dialog")
      _ = update(&m, .key(.escape))
    } else {
      Issue.record("no action selected for the conflict")
    }

    // Screens before the store has answered (the loop paints them while it asks).
    var waiting = try demo.model(width: width, height: height, glyphs: .ascii)
    swap(&m, &waiting)
    for (step, key) in [("the picker, reading", Key.char("f")), ("closed", .escape)] {
      _ = update(&m, .key(key))
      check(step)
    }
    for (step, key) in [
      ("the mirror", Key.tab), ("a theme, loading", .enter), ("its sections, loading", .tab),
      ("its end, loading", .end),
    ] {
      _ = update(&m, .key(key))
      check(step)
    }
    for (step, key) in [("gaps", Key.char("2")), ("the grid, reading", .char("i"))] {
      _ = update(&m, .key(key))
      check(step)
    }
    swap(&m, &waiting)
    // A message in the store's words.
    _ = update(&m, .loadFailed("the workspace is busy — another session writes… try again"))
    check("a failure on the status line")

    // Too small, and read-only.
    _ = update(&m, .resize(width: 60, height: 20))
    check("too small")
    var readOnly = try demo.model(width: width, height: height, glyphs: .ascii)
    readOnly = Model(
      snapshot: readOnly.shared.snapshot, today: DemoDashboard.today, user: "tester", glyphs: .ascii,
      width: width,
      height: height, readOnlyReason: "the workspace file is read-only for you")
    swap(&m, &readOnly)
    check("read-only")

    #expect(problems.isEmpty, "\(problems.count) non-ASCII symbols:\n\(problems.joined(separator: "\n"))")
  }
}
