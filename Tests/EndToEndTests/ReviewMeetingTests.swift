import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A whole review meeting as a team holds it on one server: three people, each their own
/// user at their own terminal size, the real binary in tmux — start, step, follow, leave and
/// rejoin, a decision, a vote, close, minutes. Creates users, so it runs only as root (CI does).
@Suite(
  "A review meeting in three terminals", .serialized,
  .enabled(if: getuid() == 0 && ExecutableSearch.find("useradd") != nil, "creates users: needs root"))
struct ReviewMeetingTests {
  @Test func onePresentsTheOthersFollowAndTheMinutesRecordIt() async throws {
    let team = try Team()
    defer { team.remove() }
    let ws = team.srv + "/demo.db"
    try team.expectOK(team.aino, ["--workspace", ws, "demo"])
    try team.expectOK(team.aino, ["--workspace", ws, "init", "--group", team.group])
    try team.expectOK(team.aino, ["--workspace", ws, "review", "start", "--title", "Q4 review"])
    let runuser = try #require(ExecutableSearch.find("runuser"), "runuser is needed")
    func open(_ user: String, _ w: Int, _ h: Int) throws -> Tmux {
      try Tmux.start([runuser, "-u", user, "--", team.peili, "--workspace", ws], width: w, height: h)
    }
    let aino = try open(team.aino, 100, 30)
    defer { aino.kill() }
    let mikko = try open(team.mikko, 80, 24)
    defer { mikko.kill() }
    let siiri = try open(team.siiri, 160, 48)
    defer { siiri.kill() }
    for t in [aino, mikko, siiri] {
      try await t.waitFor("peili")
      try t.send("6")
      try await t.waitFor("Q4 review — started by \(team.aino)")
    }
    try aino.send("P")
    try await aino.waitFor("presenting: you")
    for t in [mikko, siiri] {
      try await t.waitFor("presenting: \(team.aino)")
      try t.send("f")
      try await t.waitFor("following \(team.aino) — any move leaves")
    }
    try await aino.waitFor("2 following")
    try aino.send("n")
    try await aino.waitFor("item 2/")
    for t in [mikko, siiri] { try await t.waitFor("item 2/") }
    // Each lays the item out for its own size: stacked at 80×24, side by side at 160×48.
    let small = try await mikko.waitFor("item 2/")
    #expect(small.contains("────────"), "\(small)")
    let large = try await siiri.waitFor("item 2/")
    #expect(large.contains(" │ "), "\(large)")
    // mikko looks around on his own, then rejoins.
    try mikko.send("j")
    try await mikko.waitFor("following \(team.aino) — f to rejoin")
    try mikko.send("f")
    try await mikko.waitFor("any move leaves")
    // A decision, seen live by everyone.
    try aino.send("d")
    try await aino.waitFor("Decision")
    try aino.type("Extend the pilot to Oulu")
    try aino.send("Enter")
    for t in [aino, mikko, siiri] { try await t.waitFor("decision: Extend the pilot to Oulu", deadline: 20) }
    // A confidence vote, hidden until revealed.
    try aino.send("v")
    try await aino.waitFor("vote open")
    for (t, vote) in [(mikko, "8"), (siiri, "6")] {
      try await t.waitFor("vote open", deadline: 20)
      try t.send("v")
      try await t.waitFor("Your confidence vote")
      try t.type(vote)
      try t.send("Enter")
      try await t.waitFor("you voted")
    }
    try await aino.waitFor("2 have voted", deadline: 20)
    try aino.send("V")
    try await aino.waitFor("median 7, spread 6–8, n 2")
    try await mikko.waitFor("median 7, spread 6–8, n 2", deadline: 20)
    try aino.send("X")
    try await aino.waitFor("Close “Q4 review”?")
    try aino.send("y")
    try await aino.waitFor("review closed")
    let minutes = try team.expectOK(team.aino, ["--workspace", ws, "export", "minutes", "--format", "json"])
    for name in [team.aino, team.mikko, team.siiri] {
      #expect(minutes.stdout.contains("\"\(name)\""), "\(name) missing from \(minutes.stdout)")
    }
    #expect(minutes.stdout.contains("Extend the pilot to Oulu"))
    #expect(minutes.stdout.contains("\"revealed\": true"), "\(minutes.stdout)")
    let markdown = try team.expectOK(team.aino, ["--workspace", ws, "export", "minutes"])
    #expect(markdown.stdout.contains("Confidence vote: median 7, spread 6–8, n 2"), "\(markdown.stdout)")
  }
}
