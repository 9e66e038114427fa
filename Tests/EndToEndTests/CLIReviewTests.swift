import Foundation
import Testing

/// `peili review` and `peili export minutes` through the real binary on the demo workspace.
@Suite struct CLIReviewTests {
  @Test func aReviewFromStartToMinutes() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["demo", "--workspace", "d.db"]).status == 0)
    func run(_ args: String...) throws -> CLIRunner.Result { try cli.run(["--workspace", "d.db"] + args) }

    let none = try run("review", "status", "--format", "json")
    #expect(none.status == 0)
    let empty = try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [String: Any]
    #expect(empty?["review"] is NSNull)
    expectOneLineError(try run("review", "close"))
    expectOneLineError(try run("export", "minutes"))

    // A title with control and bidi characters reaches no terminal raw.
    let started = try run("review", "start", "--title", "Q4\u{1B} \u{202E}review")
    #expect(started.status == 0, "\(started.stderr)")
    #expect(started.stdout.hasPrefix("Started review #1 “Q4 review” of cycle 2026: "))
    #expect(!started.stdout.contains("\u{1B}") && !started.stdout.contains("\u{202E}"))
    #expect(started.stdout.contains("▸ 1. action A1 Monthly customer newsletter — quick win"))
    expectOneLineError(try run("review", "start", "--title", "again"))

    let status = try run("review", "status", "--format", "json")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let item = try #require(json["item"] as? [String: Any])
    #expect(item["kind"] as? String == "action" && item["id"] as? String == "A1")
    #expect((json["review"] as? [String: Any])?["title"] as? String == "Q4 review")
    #expect(json["presenter"] is NSNull && (json["followers"] as? [Any])?.isEmpty == true)

    let decided = try run(
      "review", "decide", "Ship the outage SMS", "--item", "2", "--owner", "Eero", "--due", "2026-12-20",
      "--create-action")
    #expect(decided.status == 0 && decided.stdout == "Recorded decision #1 and created action R1-1.\n")
    #expect(try run("review", "note", "Staff rate the app higher", "--item", "5").status == 0)
    expectOneLineError(try run("review", "note", "x", "--item", "99"))
    expectOneLineError(try run("review", "decide", "x", "--due", "someday"))
    expectOneLineError(try run("review", "note", "x", "--item", "0"))
    // The decision's action is on the workspace, where its theme links put it.
    let report = try ReportJSON(try run("report", "--format", "json").stdout)
    #expect(report.actions.contains { $0["id"] as? String == "R1-1" })

    let closed = try run("review", "close")
    #expect(closed.stdout.contains("1 open decision goes to the next review"), "\(closed.stdout)")
    expectOneLineError(try run("review", "note", "late"))

    let minutes = try run("export", "minutes")
    #expect(minutes.status == 0)
    #expect(minutes.stdout.hasPrefix("# Minutes: Q4 review\n"))
    #expect(
      minutes.stdout.contains("   - Decision: Ship the outage SMS (owner Eero, due 2026-12-20) → action R1-1")
    )
    #expect(minutes.stdout.contains("   - Note: Staff rate the app higher"))
    let asJSON = try run("export", "minutes", "--review", "1", "--format", "json")
    let m = try #require(try JSONSerialization.jsonObject(with: Data(asJSON.stdout.utf8)) as? [String: Any])
    #expect(m["format"] as? String == "peili-minutes")
    #expect((m["decisions"] as? [[String: Any]])?.first?["action"] as? String == "R1-1")
    #expect(((m["changes"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == "R1-1" })
    // Later work changes nothing in them.
    #expect(try run("checkin", "A4", "--progress", "80").status == 0)
    #expect(try run("export", "minutes", "--review", "1", "--format", "json").stdout == asJSON.stdout)
    expectOneLineError(try run("export", "minutes", "--review", "7"))
  }
}
