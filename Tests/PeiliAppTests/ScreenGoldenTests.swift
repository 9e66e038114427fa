import Foundation
import PeiliCore
import PeiliUI
import SnapshotTesting
import Testing

@testable import PeiliApp

/// Every screen and box of the demo at 80×24, 120×40 and 200×60, kept as text files in
/// `__Snapshots__/ScreenGoldenTests/` beside this file: a change shows as a diff of lines.
/// After an intended change, record them again with `scripts/record-screens` (it runs these
/// tests with `SNAPSHOT_TESTING_RECORD=all`) and review the diff before committing.
@Suite("Screens as golden files", .serialized)
struct ScreenGoldenTests {
  static let sizes = [(80, 24), (120, 40), (200, 60)]

  /// The scenes: a name and how to reach it from the first frame (keys, answered by the real
  /// demo workspace as the loop would).
  static let scenes: [(name: String, keys: [Key])] = [
    ("dashboard", []),
    ("dashboard-action", [.down, .down, .down, .right, .down]),
    ("dashboard-mirror", [.tab, .down]),
    ("dashboard-filter", [.char("/"), .char("n"), .char("e"), .char("w")]),
    ("gaps", [.char("2")]),
    ("gaps-grid", [.char("2"), .char("i")]),
    ("theme", [.char("3")]),
    ("actions", [.char("4")]),
    ("actions-owner", [.char("4"), .char("o"), .tab]),
    ("checkin-action", [.char("4"), .char("c"), .tab, .char("9")]),
    ("impact", [.char("5")]),
    ("impact-quadrant", [.char("5"), .tab, .tab]),
    ("impact-detail", [.char("5"), .down, .down, .down, .enter]),
    ("review-none", [.char("6")]),
    // Scenes run in turn on one workspace: the review started here stays open for the next.
    ("review", [.char("6"), .char("S"), .char("Q"), .char("4"), .enter, .char("n")]),
    ("review-decision", [.char("6"), .char("n"), .char("d")] + "Extend".map { .char($0) }),
    ("help", [.char("?")]),
  ]

  @Test(arguments: sizes.map { [$0.0, $0.1] })
  func everyScreen(size: [Int]) throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let run = runner(demo.workspace)
    for scene in Self.scenes {
      var m = try demo.model(width: size[0], height: size[1])
      // The demo's check-ins carry the time it was built: one fixed day instead.
      m.shared.snapshot.lastActionCheckIns = m.shared.snapshot.lastActionCheckIns.mapValues {
        var c = $0
        c.at = "2026-10-10T09:00:00Z"
        return c
      }
      for key in scene.keys { run.dispatch(.key(key), &m) }
      assertSnapshot(
        of: TestWorkspace.render(m).joined(separator: "\n"), as: .lines,
        named: "\(scene.name)-\(size[0])x\(size[1])",
        testName: "screen")
    }
  }

  /// History from fixed audit rows (the demo's own carry the time it was built).
  @Test(arguments: sizes.map { [$0.0, $0.1] })
  func history(size: [Int]) throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: size[0], height: size[1])
    press(&m, .char("7"))
    let rows = [
      AuditEntry(
        id: 3, changeID: 3, kind: .undo, at: "2026-10-15T09:31:00Z", user: "aino", entity: "action",
        entityID: "A4",
        field: "progress", oldValue: "70", newValue: "60", reverts: 2),
      AuditEntry(
        id: 2, changeID: 2, kind: .edit, at: "2026-10-15T09:30:00Z", user: "aino", entity: "action",
        entityID: "A4",
        field: "progress", oldValue: "60", newValue: "70", reverts: nil),
      AuditEntry(
        id: 1, changeID: 1, kind: .edit, at: "2026-10-14T16:05:00Z", user: "mikko", entity: "key_result",
        entityID: "KR1", field: "check_in", oldValue: nil, newValue: "survey booked for May", reverts: nil),
    ]
    _ = update(&m, .historyLoaded(HistoryPage(query: HistoryScreen.query(m), entries: rows)))
    assertSnapshot(
      of: TestWorkspace.render(m).joined(separator: "\n"), as: .lines, named: "history-\(size[0])x\(size[1])",
      testName: "screen")
    press(&m, .char("j"), .char("r"))
    assertSnapshot(
      of: TestWorkspace.render(m).joined(separator: "\n"), as: .lines,
      named: "history-revert-\(size[0])x\(size[1])",
      testName: "screen")
  }
}
