import Foundation
import Testing

/// Titles with a bidi override, a zero-width space, a combining mark, CJK and an emoji, drawn
/// by the real dashboard in tmux: every row keeps its columns, and moving the selection or
/// expanding a row leaves no stale cell behind.
@Suite("Wide and invisible text end to end", .serialized)
struct WideTextTests {
  let peili: String
  let directory: URL

  init() throws {
    (peili, directory) = try EndToEndSetup.prepare("peili-wide")
  }

  static let okrs = """
    cycle: {id: "2026", name: "2026", start: 2026-01-01, end: 2026-12-31}
    objectives:
      - id: O1
        title: "Plain ASCII objective"
        owner: Aino
        key_results:
          - {id: KR1, title: "Mixed \\u202Ebidi\\u202C zero\\u200Bwidth e\\u0301 日本語 😀 end", kind: metric,
             start: 0, target: 10, current: 5, owner: "日本"}
        actions:
          - {id: A1, title: "Action \\u2066isolate\\u2069 café 漢字 🚗 go", owner: "Sii\\u200Bri", key_result: KR1,
             start: 2026-01-01, due: 2026-06-30, progress: 30}
          - {id: A2, title: "Plain action", owner: Eero, start: 2026-01-01, due: 2026-06-30, progress: 60}

    """

  /// Columns a terminal gives the text of this test (tmux draws CJK and these emoji two wide).
  static func columns(_ s: Substring) -> Int {
    s.reduce(0) { sum, ch in
      let v = ch.unicodeScalars.first?.value ?? 0
      let wide =
        (0x2E80...0xA4CF).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F680...0x1F6FF).contains(v)
      return sum + (wide ? 2 : 1)
    }
  }

  /// The tree rows (those with a percentage) as (id, column of "%", column of the owner).
  static func treeRows(_ screen: String) -> [(id: String, percent: Int, owner: Int, line: String)] {
    screen.split(separator: "\n").compactMap { line in
      // A tree row draws a progress bar; its id is the first word after the expand marker.
      guard let pct = line.range(of: "% "), line.contains("░") || line.contains("█"),
        let id = line.split(separator: " ").first(where: { $0.first?.isUppercase == true }).map(String.init)
      else { return nil }
      let ownerStart = line.range(of: " ", options: .backwards).map(\.upperBound) ?? line.endIndex
      return (id, columns(line[..<pct.lowerBound]), columns(line[..<ownerStart]), String(line))
    }
  }

  func expectAligned(_ screen: String, ids: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) {
    let rows = Self.treeRows(screen)
    #expect(
      Set(rows.map(\.id)).isSuperset(of: ids), "rows: \(rows.map(\.id))\n\(screen)",
      sourceLocation: sourceLocation)
    #expect(
      Set(rows.map(\.percent)).count == 1, "the % column moved:\n\(screen)", sourceLocation: sourceLocation)
    #expect(
      Set(rows.map(\.owner)).count == 1, "the owner column moved:\n\(screen)", sourceLocation: sourceLocation)
    for line in screen.split(separator: "\n") {
      #expect(Self.columns(line) <= 100, "a row overflows: \(line)", sourceLocation: sourceLocation)
      #expect(
        !line.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x200B || $0.value == 0x2066 })
    }
  }

  @Test func rowsKeepTheirColumnsAndLeaveNoStaleCells() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let workspace = directory.appendingPathComponent("ws.db").path
    let file = directory.appendingPathComponent("okrs.yaml")
    try Data(Self.okrs.utf8).write(to: file)
    #expect(try ProcessRunner.run(peili, ["init", "--workspace", workspace]).status == 0)
    let imported = try ProcessRunner.run(peili, ["--workspace", workspace, "import", "okrs", file.path])
    #expect(imported.status == 0, "\(imported.stderr)")

    let tmux = try Tmux.start([peili, "--workspace", workspace], width: 100, height: 30)
    defer { tmux.kill() }
    let first = try await tmux.waitFor("OKR tree", deadline: 30)
    expectAligned(first, ids: ["O1", "KR1", "A2"])
    let kr1 = try #require(Self.treeRows(first).first { $0.id == "KR1" })
    #expect(kr1.line.contains("Mixed bidi zerowidth "), "\(kr1.line)")

    // Down to KR1, expand it (A1 appears), down through A1 and A2, back up: every frame aligned.
    try tmux.send("j")
    try await tmux.waitFor("Mirror of KR1")
    try tmux.send("Right")
    var screen = try await tmux.waitFor("A1 Action")
    expectAligned(screen, ids: ["O1", "KR1", "A1", "A2"])
    for (key, shown) in [
      ("j", "Mirror of A1"), ("j", "Mirror of A2"), ("k", "Mirror of A1"), ("k", "Mirror of KR1"),
    ] {
      try tmux.send(key)
      screen = try await tmux.waitFor(shown)
      expectAligned(screen, ids: ["O1", "KR1", "A1", "A2"])
    }
    // Collapsed again, KR1's row reads as it did (no cell left from the wider frames).
    try tmux.send("Left")
    screen = try await tmux.waitUntil("A1 hidden again") { !$0.contains("A1 Action") }
    let again = try #require(Self.treeRows(screen).first { $0.id == "KR1" })
    #expect(again.line == kr1.line)
    expectAligned(screen, ids: ["O1", "KR1", "A2"])
  }
}
