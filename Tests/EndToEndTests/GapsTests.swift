import Foundation
import Testing

/// The gaps screen and the theme drill-down of the real binary in tmux on the demo: open the
/// gaps, open a theme, change the segment, read a comment, and come back.
@Suite("Gaps and drill-down end to end", .serialized)
struct GapsTests {
  let peili: String
  let directory: URL

  init() throws {
    (peili, directory) = try EndToEndSetup.prepare("peili-gaps")
  }

  var workspace: String { directory.appendingPathComponent("g.db").path }

  @Test func fromTheGapsToACommentUnderASegmentAndBack() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start([peili, "demo", "--workspace", workspace], width: 100, height: 30)
    defer { tmux.kill() }
    try await tmux.waitFor("OKR tree", deadline: 60)

    try tmux.send("2")
    var screen = try await tmux.waitFor("Rank by")
    #expect(screen.contains("Recommendation") && screen.contains("-20±4 under"))
    #expect(screen.contains("! Blind spot: mirror gap −20 ± 4"))

    // The last theme of the mirror ranking is Communication: open it.
    try tmux.send("G")
    try await tmux.waitFor("Communication: Customers' weakest theme, at 41")
    try tmux.send("Enter")
    screen = try await tmux.waitFor("Theme: Communication")
    #expect(screen.contains("Mirror gap (mirror − customer)"))

    // Segment: customer_type = business.
    try tmux.send("f")
    try await tmux.waitFor("Segment filter: choose an attribute")
    try tmux.send("Enter")
    try await tmux.waitFor("Segment: customer_type =")
    try tmux.send("j", "Enter")
    screen = try await tmux.waitFor("segment customer_type = business")
    #expect(screen.contains("(customer scores)"))

    // Read a comment of a business customer.
    try tmux.send("Tab", "Tab", "Tab")
    screen = try await tmux.waitFor("Comments (audience all, wave all)")
    try await tmux.waitFor("Hard to tell what the monthly plan actually includes.")

    // Back to the gaps with Communication still selected, then to the dashboard.
    try tmux.send("Escape")
    screen = try await tmux.waitFor("Rank by")
    #expect(screen.contains("Communication: Customers' weakest theme, at 39"))
    #expect(screen.contains("segment customer_type = business"))
    try tmux.send("Escape")
    screen = try await tmux.waitFor("OKR tree")
    #expect(screen.contains("Mirror of O1"))
    try tmux.send("F")
    try await tmux.waitFor("segment filter cleared: every respondent")
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  @Test func aMirrorRowOfTheDashboardOpensTheSameDrillDown() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start([peili, "demo", "--workspace", workspace], width: 80, height: 24)
    defer { tmux.kill() }
    try await tmux.waitFor("OKR tree", deadline: 60)
    try tmux.send("Tab", "j", "Enter")
    var screen = try await tmux.waitFor("Theme: Reliability")
    #expect(screen.contains("Staff's mirror estimate 17 ± 4 under customers"))
    try tmux.send("BSpace")
    screen = try await tmux.waitFor("Mirror of O1")
    #expect(!screen.contains("Theme: Reliability"))
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }
}
