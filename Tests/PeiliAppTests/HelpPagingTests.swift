import PeiliUI
import Testing

@testable import PeiliApp

/// The `?` help on a terminal too short for all of it: it pages within its lines, `End`
/// shows the last one, and the box stays put.
@Suite("Help paging")
struct HelpPagingTests {
  /// The help box's rows of a rendered screen (the lines with its left border).
  private func box(_ lines: [String]) -> [String] { lines.filter { $0.contains("│ ") } }

  @Test func endShowsTheLastLineAndTheFirstKeyBackMovesAtOnce() {
    var m = TestWorkspace.model(width: 80, height: 24)
    press(&m, .char("?"))
    let top = TestWorkspace.render(m)
    #expect(!top.joined().contains("this help"), "the 80×24 help is longer than the screen")
    press(&m, .end)
    let end = TestWorkspace.render(m)
    let endBox = box(end)
    #expect(
      endBox.last?.contains("q") == true && endBox.last?.contains("quit") == true,
      "\(end.joined(separator: "\n"))")
    #expect(end.joined().contains("this help"))
    guard case .help(let last)? = m.overlay else {
      Issue.record("the help closed")
      return
    }
    // Further down does nothing; one up moves one line at once (no hidden overscroll).
    press(&m, .down, .pageDown, .char("j"))
    #expect(m.overlay == .help(scroll: last))
    press(&m, .up)
    #expect(m.overlay == .help(scroll: last - 1))
    press(&m, .home)
    #expect(m.overlay == .help(scroll: 0))
    #expect(TestWorkspace.render(m) == top)
    press(&m, .escape)
    #expect(m.overlay == nil)
  }

  @Test func theBoxKeepsItsColumnsOnEveryPage() {
    var m = TestWorkspace.model(width: 80, height: 24)
    press(&m, .char("?"))
    var edges: Set<[Int]> = []
    for _ in 0..<40 {
      // The columns of the box's corners on its top border row.
      let lines = TestWorkspace.render(m)
      if let row = lines.first(where: { $0.contains("┌") }) {
        let chars = Array(row)
        edges.insert([chars.firstIndex(of: "┌") ?? -1, chars.firstIndex(of: "┐") ?? -1])
      }
      press(&m, .down)
    }
    #expect(edges.count == 1, "\(edges)")
  }
}
