import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The README's shared-server recipe followed as a team would: a group, a setgid directory,
/// three members and an outsider, each running the real `peili` as themselves with umask 022
/// and no profile (as `ssh host peili …` does). Creates the users and the group, so it runs
/// only as root (CI does); elsewhere it is skipped.
@Suite(
  "A team on one server", .serialized,
  .enabled(if: getuid() == 0 && ExecutableSearch.find("useradd") != nil, "creates users: needs root"))
struct TeamSharingTests {
  let team: Team

  init() throws { team = try Team() }

  @Test func theRecipeWorksForThreeUsersWithNoChmodByHand() throws {
    defer { team.remove() }
    let ws = team.srv + "/company.db"
    try team.expectOK(team.aino, ["--workspace", ws, "init", "--group", team.group])
    try team.expectOK(team.aino, ["--workspace", ws, "import", "okrs", team.okrs])
    let mikko = try team.expectOK(team.mikko, ["--workspace", ws, "checkin", "A3", "--progress", "40"])
    #expect(mikko.stdout.contains("progress 25 → 40"), "\(mikko.stdout)")
    try team.expectOK(team.siiri, ["--workspace", ws, "checkin", "A1", "--note", "newsletter out"])
    let history = try team.expectOK(team.siiri, ["--workspace", ws, "history"])
    #expect(history.stdout.contains(team.mikko) && history.stdout.contains(team.siiri), "\(history.stdout)")
    for file in [ws, ws + "-wal", ws + "-shm"] {
      let st = try #require(Team.stat(file), "\(file) is missing")
      #expect(st.st_gid == team.gid, "\(file) has gid \(st.st_gid), not the team's")
      #expect(st.st_mode & 0o060 == 0o060, "\(file) mode \(String(st.st_mode & 0o777, radix: 8))")
    }
    // Someone outside the group reads, and is told who can let them write and how.
    try team.expectOK(team.outsider, ["--workspace", ws, "report"])
    let refused = try team.run(team.outsider, ["--workspace", ws, "checkin", "A3", "--progress", "50"])
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains(
        "\(ws) is not writable for you (owner \(team.aino), group \(team.group), mode 664)"),
      "\(refused.stderr)")
    #expect(
      refused.stderr.contains("fix: its owner \(team.aino) shares it with a group you are in"),
      "\(refused.stderr)")
    #expect(!refused.stderr.contains("SQLite"), "\(refused.stderr)")
  }

  @Test func aCopyInADirectoryNoOneMayWriteIsStillReadable() throws {
    defer { team.remove() }
    let ws = team.srv + "/company.db"
    try team.expectOK(team.aino, ["--workspace", ws, "init", "--group", team.group])
    try team.expectOK(team.aino, ["--workspace", ws, "import", "okrs", team.okrs])
    // A restored copy: no -wal, no -shm, in a directory only root may write.
    let restored = team.root + "/restored"
    try FileManager.default.createDirectory(atPath: restored, withIntermediateDirectories: false)
    chmod(restored, 0o755)
    let copy = restored + "/company.db"
    try FileManager.default.copyItem(atPath: ws, toPath: copy)
    // Writable itself: what blocks writing is the directory, where SQLite must create files.
    chmod(copy, 0o666)
    let before = try Data(contentsOf: URL(fileURLWithPath: copy))
    let report = try team.expectOK(team.mikko, ["--workspace", copy, "report"])
    #expect(report.stdout.contains("Monthly customer newsletter"))
    try team.expectOK(team.mikko, ["--workspace", copy, "history"])
    let refused = try team.run(team.mikko, ["--workspace", copy, "checkin", "A3", "--progress", "50"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("the directory \(restored) is not writable for you"), "\(refused.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    #expect(!FileManager.default.fileExists(atPath: copy + "-shm"))
  }

  @Test func theDashboardNoticesWritePermissionGrantedAndTakenWithoutARestart() async throws {
    defer { team.remove() }
    let ws = team.srv + "/demo.db"
    try team.expectOK(team.aino, ["--workspace", ws, "demo"])
    try team.expectOK(team.aino, ["--workspace", ws, "init", "--group", team.group])
    chmod(ws, 0o644)
    let runuser = try #require(ExecutableSearch.find("runuser"), "runuser is needed")
    let tmux = try Tmux.start([runuser, "-u", team.mikko, "--", team.peili, "--workspace", ws])
    defer { tmux.kill() }
    var screen = try await tmux.waitFor("READ-ONLY", deadline: 30)
    #expect(screen.contains("not writable for you"), "\(screen)")
    chmod(ws, 0o664)
    try tmux.send("j", "j", "j", "j", "j")
    try await tmux.waitFor("Mirror of A4")
    try tmux.send("+")
    screen = try await tmux.waitFor("A4 progress 60% → 70%")
    #expect(!screen.contains("READ-ONLY"), "\(screen)")
    chmod(ws, 0o644)
    try tmux.send("+")
    screen = try await tmux.waitFor("read-only:")
    #expect(screen.contains("READ-ONLY"), "\(screen)")
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
    let progress = try team.expectOK(team.aino, ["--workspace", ws, "report", "--format", "json"])
    #expect(try ReportJSON(progress.stdout).actionProgress("A4") == 70)
  }
}

/// A group, three members (aino, mikko, siiri) and an outsider, with names of their own per
/// test, and the team's setgid directory; `remove()` deletes them all.
struct Team {
  let group: String
  let gid: gid_t
  let aino: String
  let mikko: String
  let siiri: String
  let outsider: String
  /// A folder of the test's, traversable by everyone; `srv` (setgid, group-writable) inside.
  let root: String
  let srv: String
  /// The example OKR file, copied where every user may read it.
  let okrs: String
  let peili: String

  init() throws {
    let tag = String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(6))
    group = "pt\(tag)"
    aino = "pa\(tag)"
    mikko = "pm\(tag)"
    siiri = "ps\(tag)"
    outsider = "po\(tag)"
    peili = try PeiliBinary.path()
    try Shell.run("groupadd", [group])
    guard let entry = getgrnam(group) else { throw HarnessError("groupadd made no group \(group)") }
    gid = entry.pointee.gr_gid
    for user in [aino, mikko, siiri] {
      try Shell.run("useradd", ["-M", "-N", "-s", "/bin/sh", "-G", group, user])
    }
    try Shell.run("useradd", ["-M", "-N", "-s", "/bin/sh", outsider])
    root = FileManager.default.temporaryDirectory.appendingPathComponent("peili-team-\(tag)").path
    srv = root + "/srv"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    chmod(root, 0o755)
    // The README's recipe: sudo install -d -g okr -m 2775 /srv/peili
    try Shell.run("install", ["-d", "-g", group, "-m", "2775", srv])
    okrs = root + "/okrs.yaml"
    try FileManager.default.copyItem(
      atPath: CLIRunner.examples.appendingPathComponent("okrs.yaml").path, toPath: okrs)
    chmod(okrs, 0o644)
  }

  /// `peili args…` as `user`, with umask 022 and a bare environment: what `ssh host peili …`
  /// gives (no profile is read).
  @discardableResult
  func run(_ user: String, _ args: [String]) throws -> ProcessRunner.Result {
    let script =
      "umask 022 && cd \(shellQuoted(root)) && exec env -i PATH=/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 \"$0\" \"$@\""
    let runuser = try #require(ExecutableSearch.find("runuser"), "runuser is needed")
    return try ProcessRunner.run(runuser, ["-u", user, "--", "/bin/sh", "-c", script, peili] + args)
  }

  /// `run`, expecting exit 0.
  @discardableResult
  func expectOK(_ user: String, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> ProcessRunner.Result
  {
    let r = try run(user, args)
    #expect(
      r.status == 0, "\(user): peili \(args.joined(separator: " ")): \(r.stderr)",
      sourceLocation: sourceLocation)
    return r
  }

  func remove() {
    for user in [aino, mikko, siiri, outsider] { _ = try? Shell.run("userdel", [user]) }
    _ = try? Shell.run("groupdel", [group])
    try? FileManager.default.removeItem(atPath: root)
  }

  static func stat(_ path: String) -> Glibc.stat? {
    var st = Glibc.stat()
    return lstat(path, &st) == 0 ? st : nil
  }
}
