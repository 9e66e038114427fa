import Foundation
import Testing

/// The Impact screen in the real binary in tmux: `5` opens it on the demo, `Enter` the
/// selected action's detail, `Esc` back to the list and then to the dashboard.
@Suite("The Impact screen end to end", .serialized)
struct ImpactEndToEndTests {
  let peili: String
  let directory: URL

  init() throws {
    (peili, directory) = try EndToEndSetup.prepare("peili-impact")
  }

  @Test func fiveOpensTheImpactScreenEnterItsDetailAndEscGoesBack() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let workspace = directory.appendingPathComponent("x.db").path
    let session = try Tmux.start([peili, "demo", "--workspace", workspace], width: 100, height: 30)
    defer { session.kill() }
    try await session.waitFor("OKR tree", deadline: 60)

    try session.send("5")
    var screen = try await session.waitFor("judged by what moved")
    #expect(screen.contains("5 Impact"))
    #expect(screen.contains("busy, no change"))
    #expect(screen.contains("moved without much done"))
    #expect(screen.contains("Verdict") && screen.contains("DiD") && screen.contains("Design"))
    // A9 is planned at 0%: its theme rose, and it is not credited.
    let a9 = try #require(screen.split(separator: "\n").first { $0.hasPrefix(" A9 ") })
    #expect(a9.contains("not started"), "\(a9)")

    try session.send("Enter")
    screen = try await session.waitFor("Impact of ")
    #expect(screen.contains("waves 2025-09 → 2026-09"))
    #expect(screen.contains("DiD"))
    #expect(screen.contains("sampling error only"))

    try session.send("Escape")
    screen = try await session.waitFor("judged by what moved")
    #expect(!screen.contains("Impact of "))
    try session.send("Escape")
    try await session.waitFor("OKR tree")
  }
}
