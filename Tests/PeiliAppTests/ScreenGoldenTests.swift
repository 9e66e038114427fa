import Foundation
import PeiliCore
import PeiliUI
import SnapshotTesting
import Testing

@testable import PeiliApp

/// Every screen and box of the demo at 80×24, 120×40 and 200×60, and in Finnish at 80×24 and
/// 120×40 (files named `fi-…`), kept as text files in `__Snapshots__/ScreenGoldenTests/` beside
/// this file: a change shows as a diff of lines.
/// After an intended change, record them again with `scripts/record-screens` (it runs these
/// tests with `SNAPSHOT_TESTING_RECORD=all`) and review the diff before committing.
@Suite("Screens as golden files", .serialized)
struct ScreenGoldenTests {
  static let sizes = [(80, 24), (120, 40), (200, 60)]
  /// The sizes Finnish is kept at: the smallest, where its longer words must still fit, and a
  /// common one.
  static let finnishSizes = [(80, 24), (120, 40)]
  /// Each size with its language: English at every size, Finnish at `finnishSizes`.
  static let cases: [[Int]] =
    sizes.map { [$0.0, $0.1, 0] } + finnishSizes.map { [$0.0, $0.1, 1] }

  /// The catalogue of a case and the prefix of its files ("" for English, "fi-").
  static func language(_ code: Int) -> (text: Catalogue, prefix: String) {
    code == 1 ? (.finnish, "fi-") : (.english, "")
  }

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

  @Test(arguments: cases)
  func everyScreen(size: [Int]) throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let run = runner(demo.workspace)
    let (text, prefix) = Self.language(size[2])
    for scene in Self.scenes {
      var m = try demo.model(width: size[0], height: size[1], text: text)
      // The demo's check-ins carry the time it was built: one fixed day instead.
      m.shared.snapshot.lastActionCheckIns = m.shared.snapshot.lastActionCheckIns.mapValues {
        var c = $0
        c.at = "2026-10-10T09:00:00Z"
        return c
      }
      for key in scene.keys { run.dispatch(.key(key), &m) }
      assertSnapshot(
        of: TestWorkspace.render(m).joined(separator: "\n"), as: .lines,
        named: "\(prefix)\(scene.name)-\(size[0])x\(size[1])",
        testName: "screen")
    }
  }

  /// History from fixed audit rows (the demo's own carry the time it was built).
  @Test(arguments: cases)
  func history(size: [Int]) throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let (text, prefix) = Self.language(size[2])
    var m = try demo.model(width: size[0], height: size[1], text: text)
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
      of: TestWorkspace.render(m).joined(separator: "\n"), as: .lines,
      named: "\(prefix)history-\(size[0])x\(size[1])",
      testName: "screen")
    press(&m, .char("j"), .char("r"))
    assertSnapshot(
      of: TestWorkspace.render(m).joined(separator: "\n"), as: .lines,
      named: "\(prefix)history-revert-\(size[0])x\(size[1])",
      testName: "screen")
  }
}
