import Foundation
import Testing

/// A terminal that goes away without SIGHUP reaching the dashboard (under setsid or su, a
/// dropped ssh connection): the dashboard must notice on its own, leave and exit.
@Suite("Vanished terminal end to end", .serialized)
struct VanishedTerminalTests {
  let peili: String
  let directory: URL

  init() throws {
    (peili, directory) = try EndToEndSetup.prepare("peili-gone")
  }

  var workspace: String { directory.appendingPathComponent("ws.db").path }

  func sqlite(_ sql: String) throws -> String {
    let sqlite3 = try #require(
      ExecutableSearch.find("sqlite3"), "sqlite3 CLI is needed to read the session table")
    let result = try ProcessRunner.run(sqlite3, [workspace, sql])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Whether `pid` still runs (a zombie nobody reaps has ended: it holds no terminal or row).
  static func isRunning(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 || errno == EPERM else { return false }
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    guard let close = stat.lastIndex(of: ")") else { return true }
    return !stat[close...].hasPrefix(") Z")
  }

  /// Polls `condition` until it holds or `seconds` pass; a limit for waiting, not a measurement.
  static func wait(upTo seconds: Double, _ condition: () throws -> Bool) async throws -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if try condition() { return true }
      try await Task.sleep(nanoseconds: 100_000_000)
    }
    return try condition()
  }

  @Test func aDashboardWhoseTerminalIsKilledLeavesAndExits() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let built = try ProcessRunner.run(peili, ["demo", "--workspace", workspace])
    #expect(built.status == 0, "\(built.stderr)")
    let pidFile = directory.appendingPathComponent("pid").path
    // setsid: the dashboard is in a session of its own, so the hang-up of the pane's terminal
    // sends it no SIGHUP — only its reads can tell that the terminal is gone.
    let tmux = try Tmux.start(
      [
        "sh", "-c",
        "echo $$ > \(shellQuoted(pidFile)); exec setsid \(shellQuoted(peili)) --workspace \(shellQuoted(workspace))",
      ],
      width: 100, height: 30)
    defer { tmux.kill() }
    try await tmux.waitFor("OKR tree", deadline: 30)
    let pidText = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let pid = try #require(Int32(pidText))
    let listed = try await Self.wait(upTo: 15) {
      try sqlite("SELECT count(*) FROM session WHERE pid = \(pid)") == "1"
    }
    #expect(listed, "the dashboard announced its session")

    tmux.kill()
    let exited = try await Self.wait(upTo: 10) { !Self.isRunning(pid) }
    if !exited { kill(pid, SIGKILL) }
    #expect(exited, "the dashboard still runs after its terminal was killed")
    #expect(try sqlite("SELECT count(*) FROM session WHERE pid = \(pid)") == "0", "its session row is gone")
  }
}
