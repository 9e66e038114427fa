import PeiliCore
import PeiliUI
import Testing

@testable import PeiliApp

/// The mirror pane's cursor when the selection links more themes than the pane shows.
@Suite("Mirror pane scrolling")
struct MirrorScrollTests {
  /// The test workspace with O1 linked to nine themes, each with customer scores.
  static func model() -> Model {
    var snapshot = TestWorkspace.snapshot()
    let extra = (1...6).map { Theme(id: "t\($0)", name: "Theme \($0)", position: 2 + $0) }
    snapshot.themes += extra
    for theme in extra {
      for (wave, mean) in [("2025-09", 50.0), ("2026-09", 55.0)] {
        snapshot.scores[ScoreKey(themeID: theme.id, audience: .customer, waveID: wave)] =
          TestWorkspace.summary(n: 200, mean: mean)
      }
    }
    snapshot.objectives[0].themeIDs = ["communication", "influence", "service"] + extra.map(\.id)
    return Model(snapshot: snapshot, today: TestWorkspace.today, user: "aino", width: 80, height: 24)
  }

  /// Theme names drawn in the mirror pane, top to bottom.
  static func shown(_ m: Model) -> [String] {
    let names = DashboardScreen.mirrorThemeIDs(m).map { id in
      m.shared.snapshot.themes.first { $0.id == id }?.name ?? id
    }
    return TestWorkspace.render(m).compactMap { line in names.first { line.hasPrefix(" \($0) ") } }
  }

  @Test func theCursorMovesBothWaysAndThePaneScrollsToKeepItDrawn() {
    var m = Self.model()
    #expect(DashboardScreen.selectedID(m) == "O1")
    let count = DashboardScreen.mirrorThemeIDs(m).count
    press(&m, .tab)
    let visible = Self.shown(m).count
    #expect(visible >= 2 && visible < count, "\(Self.shown(m))")

    press(&m, .end)
    #expect(
      m[DashboardScreen.self].mirrorCursor == count - 1
        && m[DashboardScreen.self].mirrorScroll == count - visible)
    #expect(Self.shown(m).last == "Theme 6")
    // Up within the pane moves the cursor; the list stays where it is (it used to jump back
    // to the top, leaving the cursor off screen).
    press(&m, .up)
    #expect(
      m[DashboardScreen.self].mirrorCursor == count - 2
        && m[DashboardScreen.self].mirrorScroll == count - visible)
    #expect(Self.shown(m).last == "Theme 6")
    for _ in 0..<(visible - 2) { press(&m, .up) }
    #expect(
      m[DashboardScreen.self].mirrorCursor == count - visible
        && m[DashboardScreen.self].mirrorScroll == count - visible)
    press(&m, .up)
    #expect(
      m[DashboardScreen.self].mirrorScroll == count - visible - 1,
      "up past the first drawn row scrolls by one")
    #expect(Self.shown(m).first == "Theme \(count - visible - 3)")

    press(&m, .home)
    #expect(m[DashboardScreen.self].mirrorCursor == 0 && m[DashboardScreen.self].mirrorScroll == 0)
    for _ in 0..<visible { press(&m, .down) }
    #expect(
      m[DashboardScreen.self].mirrorCursor == visible && m[DashboardScreen.self].mirrorScroll == 1,
      "down past the last drawn row scrolls by one")
    #expect(Self.shown(m).first == "Influence")
  }
}
