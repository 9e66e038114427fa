import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One workspace file used by many real `peili` processes at once, as on a shared server:
/// no spurious failures, nothing lost, the file modes a team needs, clear refusals.
@Suite struct SharedServerTests {
  /// A demo workspace in a fresh runner.
  private func demo() throws -> CLIRunner {
    let cli = try CLIRunner()
    let r = try cli.run(["demo", "--workspace", "w.db"])
    #expect(r.status == 0, "demo: \(r.stderr)")
    return cli
  }

  private func checkIns(_ cli: CLIRunner) throws -> Int {
    let r = try Shell.run("sqlite3", [cli.path("w.db"), "SELECT count(*) FROM checkin"])
    return Int(r.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  private func integrity(_ cli: CLIRunner) throws -> String {
    try Shell.run("sqlite3", [cli.path("w.db"), "PRAGMA integrity_check"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs `perProcess` commands in each of `processes` concurrent workers; the failures.
  private func concurrently(
    _ cli: CLIRunner, processes: Int, perProcess: Int, _ args: @Sendable (Int, Int) -> [String]
  ) -> [String] {
    let failures = FailureList()
    DispatchQueue.concurrentPerform(iterations: processes) { worker in
      for i in 0..<perProcess {
        do {
          let r = try cli.run(["--workspace", "w.db"] + args(worker, i))
          if r.status != 0 { failures.add("exit \(r.status): \(r.stderr)") }
        } catch {
          failures.add("\(error)")
        }
      }
    }
    return failures.all
  }

  @Test func eightProcessesCheckingInOnTheirOwnActionsAllLand() throws {
    let cli = try demo()
    let before = try checkIns(cli)
    let failures = concurrently(cli, processes: 8, perProcess: 20) { w, i in
      ["checkin", "A\(w + 1)", "--progress", String((i * 7 + w) % 101), "--note", "n\(i)"]
    }
    #expect(failures.isEmpty, "\(failures.count) failed, e.g. \(failures.prefix(3))")
    #expect(try checkIns(cli) - before == 160)
    #expect(try integrity(cli) == "ok")
  }

  @Test func eightProcessesCheckingInOnOneActionAllLandWithoutConflicts() throws {
    let cli = try demo()
    let before = try checkIns(cli)
    let failures = concurrently(cli, processes: 8, perProcess: 20) { w, i in
      ["checkin", "A4", "--progress", String((i * 7 + w) % 101)]
    }
    #expect(failures.isEmpty, "\(failures.count) failed, e.g. \(failures.prefix(3))")
    #expect(try checkIns(cli) - before == 160)
    #expect(try integrity(cli) == "ok")
  }

  @Test func readersBesideAWriterNeverFail() throws {
    let cli = try demo()
    let failures = concurrently(cli, processes: 3, perProcess: 20) { w, i in
      switch w {
      case 0: ["checkin", "A4", "--progress", String(i)]
      case 1: ["history", "--limit", "5"]
      default: ["report", "--format", "json"]
      }
    }
    #expect(failures.isEmpty, "\(failures.count) failed, e.g. \(failures.prefix(3))")
  }

  @Test func aScriptCanAskForTheConflictCheckExplicitly() throws {
    let cli = try demo()
    #expect(try cli.run(["--workspace", "w.db", "checkin", "A4", "--progress", "60"]).status == 0)
    let before = try checkIns(cli)
    let stale = try cli.run([
      "--workspace", "w.db", "checkin", "A4", "--progress", "80", "--expect-progress", "50",
    ])
    #expect(stale.status == 3)
    #expect(stale.stderr == "peili: A4: progress is 60, not 50 as expected; nothing written\n")
    #expect(try checkIns(cli) == before)
    let fresh = try cli.run([
      "--workspace", "w.db", "checkin", "A4", "--progress", "80", "--expect-progress", "60",
    ])
    #expect(fresh.status == 0, "\(fresh.stderr)")
    #expect(fresh.stdout.contains("progress 60 → 80"))
  }

  @Test func aNegativeProgressIsRefusedByItsRangeNotAsMissing() throws {
    let cli = try demo()
    let r = try cli.run(["--workspace", "w.db", "checkin", "A4", "--progress", "-5"])
    #expect(r.status != 0)
    #expect(r.stderr.contains("--progress must be 0–100, got -5"), "\(r.stderr)")
  }

  @Test func anEmptyWorkspacePathIsRefusedNotReplacedByTheDefault() throws {
    let cli = try CLIRunner()
    let r = try cli.run(["--workspace", "", "init"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("the workspace path is empty"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: cli.path("peili.db")))
  }

  @Test(arguments: ["report", "history", "checkin"])
  func aFIFODeviceOrDirectoryIsRefusedAtOnce(command: String) throws {
    let cli = try CLIRunner()
    #expect(mkfifo(cli.path("pipe.db"), 0o600) == 0)
    try FileManager.default.createDirectory(atPath: cli.path("dir.db"), withIntermediateDirectories: false)
    let extra = command == "checkin" ? ["A1", "--progress", "5"] : []
    for (path, kind) in [
      ("pipe.db", "a named pipe (FIFO)"), ("/dev/null", "a device"), ("dir.db", "a directory"),
    ] {
      let r = try cli.run(["--workspace", path, command] + extra, timeout: 20)
      #expect(r.status == 1, "\(path): exit \(r.status) \(r.stderr)")
      #expect(r.stderr.contains("is \(kind), not a workspace file"), "\(path): \(r.stderr)")
    }
  }

  @Test func aDamagedWorkspaceIsCalledDamagedNotForeign() throws {
    let cli = try demo()
    _ = try Shell.run("sqlite3", [cli.path("w.db"), "PRAGMA wal_checkpoint(TRUNCATE)"])
    // Overwrite pages in the middle of the file: the header stays a peili workspace's.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.path("w.db")))
    try handle.seek(toOffset: 8192)
    try handle.write(contentsOf: Data(repeating: 0xA5, count: 65536))
    try handle.close()
    let r = try cli.run(["--workspace", "w.db", "report"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("is damaged"), "\(r.stderr)")
    #expect(!r.stderr.contains("SQLite error") && !r.stderr.contains("malformed"), "\(r.stderr)")
  }

  @Test func aNewWorkspaceAndItsLogFilesFollowTheUmask() throws {
    let cli = try CLIRunner()
    for (mask, mode) in [("002", 0o664), ("022", 0o644), ("007", 0o660)] {
      let name = "w\(mask).db"
      let r = try cli.run(["--workspace", name, "init"], umask: mask)
      #expect(r.status == 0, "\(r.stderr)")
      for file in [name, name + "-wal", name + "-shm"] {
        #expect(Self.mode(cli.path(file)) == mode, "\(file) under umask \(mask)")
      }
    }
  }

  @Test func readCommandsNeverRewriteTheWorkspaceFile() throws {
    let cli = try demo()
    _ = try Shell.run("sqlite3", [cli.path("w.db"), "PRAGMA wal_checkpoint(TRUNCATE)"])
    // A copy without -wal and -shm, as a restore from a backup leaves it.
    try FileManager.default.copyItem(atPath: cli.path("w.db"), toPath: cli.path("copy.db"))
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.path("copy.db")))
    for args in [
      ["report"], ["report", "--format", "json"], ["history"], ["export", "okrs"], ["export", "audit"],
    ] {
      let r = try cli.run(["--workspace", "copy.db"] + args)
      #expect(r.status == 0, "\(args): \(r.stderr)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("copy.db"))) == before)
  }

  @Test func anImportLeavesNoLargeLogBehind() throws {
    let cli = try demo()
    let r = try cli.run([
      "--workspace", "w.db", "import", "okrs", CLIRunner.examples.appendingPathComponent("okrs.yaml").path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Self.size(cli.path("w.db-wal")) == 0)
  }

  @Test(.enabled(if: getuid() == 0, "mounts a small tmpfs: needs root"))
  func aFullDiskSaysSoAndLeavesNoStub() throws {
    let cli = try CLIRunner()
    let mount = try Self.smallDisk(cli, size: "64k")
    defer { _ = try? Shell.run("umount", [mount]) }
    // Fill it but for a few pages: SQLite's first writes fail.
    let filler = mount + "/filler"
    _ = try? Shell.run("dd", ["if=/dev/zero", "of=\(filler)", "bs=1k", "count=60"])
    let r = try cli.run(["--workspace", "small/w.db", "init"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("the disk is full"), "\(r.stderr)")
    #expect(!r.stderr.contains("SQLite"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: mount + "/w.db"), "a stub was left")
  }

  /// A tmpfs of `size` mounted at the runner's `small/` (root only); unmount it when done.
  static func smallDisk(_ cli: CLIRunner, size: String) throws -> String {
    let mount = cli.path("small")
    try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: false)
    try Shell.run("mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mount])
    return mount
  }

  static func mode(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_mode & 0o777) : -1
  }

  static func size(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : -1
  }
}

/// Failures collected from concurrent workers.
final class FailureList: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []
  func add(_ s: String) { lock.withLock { list.append(s) } }
  var all: [String] { lock.withLock { list } }
}

/// Runs a system tool (sqlite3, mount) to completion; its stdout, or a throw with its stderr.
enum Shell {
  @discardableResult
  static func run(_ tool: String, _ args: [String]) throws -> String {
    guard let path = ExecutableSearch.find(tool) else { throw HarnessError("\(tool) is missing") }
    let r = try ProcessRunner.run(path, args)
    guard r.status == 0 else { throw HarnessError("\(tool) \(args): exit \(r.status): \(r.stderr)") }
    return r.stdout
  }
}

extension SharedServerTests {
  @Test(.enabled(if: getuid() == 0, "mounts a small tmpfs: needs root"))
  func aDiskThatFillsDuringAnImportSaysSoAndKeepsTheWorkspace() throws {
    let cli = try CLIRunner()
    let mount = try Self.smallDisk(cli, size: "1m")
    defer { _ = try? Shell.run("umount", [mount]) }
    #expect(try cli.run(["--workspace", "small/w.db", "init"]).status == 0)
    let okrs = CLIRunner.examples.appendingPathComponent("okrs.yaml").path
    // Leave the workspace less room than the import's log needs.
    let free =
      try Shell.run("df", ["--output=avail", "-B1", mount]).split(separator: "\n").last.flatMap {
        Int($0.trimmingCharacters(in: .whitespaces))
      } ?? 0
    _ = try? Shell.run(
      "dd", ["if=/dev/zero", "of=\(mount)/filler", "bs=4096", "count=\(max(0, free / 4096 - 3))"])
    let r = try cli.run(["--workspace", "small/w.db", "import", "okrs", okrs])
    #expect(r.status == 1)
    #expect(r.stderr.contains("the disk is full"), "\(r.stderr)")
    #expect(!r.stderr.contains("SQLite") && !r.stderr.contains("COMMIT"), "\(r.stderr)")
    try FileManager.default.removeItem(atPath: mount + "/filler")
    let after = try cli.run(["--workspace", "small/w.db", "report", "--format", "json"])
    #expect(after.status == 0, "\(after.stderr)")
    #expect(try ReportJSON(after.stdout).objectives.isEmpty, "the failed import left nothing behind")
  }
}

extension SharedServerTests {
  @Test func aLockHeldPastTheTimeoutIsCalledBusyAndItsHolderNamed() throws {
    let cli = try demo()
    let sqlite3 = try #require(ExecutableSearch.find("sqlite3"), "sqlite3 is needed to hold the lock")
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: sqlite3)
    holder.arguments = [cli.path("w.db")]
    let input = Pipe()
    let output = Pipe()
    holder.standardInput = input
    holder.standardOutput = output
    holder.standardError = FileHandle.nullDevice
    try holder.run()
    defer {
      try? input.fileHandleForWriting.write(contentsOf: Data("ROLLBACK;\n.quit\n".utf8))
      holder.waitUntilExit()
    }
    try input.fileHandleForWriting.write(contentsOf: Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
    // Wait until sqlite3 holds the write lock.
    var seen = ""
    while !seen.contains("locked") {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen += String(decoding: chunk, as: UTF8.self)
    }
    let before = try checkIns(cli)
    let r = try cli.run(["--workspace", "w.db", "checkin", "A4", "--progress", "70"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("is busy: another session kept it locked for more than 5 s"), "\(r.stderr)")
    #expect(r.stderr.contains("(held by pid \(holder.processIdentifier), "), "\(r.stderr)")
    #expect(r.stderr.contains("sqlite3"), "\(r.stderr)")
    #expect(!r.stderr.contains("not a peili workspace") && !r.stderr.contains("database is locked"))
    try input.fileHandleForWriting.write(contentsOf: Data("ROLLBACK;\n".utf8))
    #expect(try cli.run(["--workspace", "w.db", "checkin", "A4", "--progress", "70"]).status == 0)
    #expect(try checkIns(cli) == before + 1)
  }
}

extension SharedServerTests {
  @Test func checkInValuesAndNotesHaveDocumentedBounds() throws {
    let cli = try demo()
    let before = try checkIns(cli)
    for (args, message) in [
      (["KR4", "--value", "1e308"], "--value must be a number from -1e12 to 1e12, got 1e+308"),
      (["KR4", "--value", "-2e12"], "--value must be a number from -1e12 to 1e12, got -2000000000000.0"),
      (["A4", "--note", String(repeating: "n", count: 2001)], "--note is longer than 2000 characters"),
      (["A4", "--progress", "70", "--expect-progress", "101"], "--expect-progress must be 0–100, got 101"),
    ] {
      let r = try cli.run(["--workspace", "w.db", "checkin"] + args)
      #expect(r.status == 64, "\(args.prefix(2)): exit \(r.status)")
      #expect(r.stderr.contains(message), "\(r.stderr)")
    }
    #expect(try checkIns(cli) == before)
  }
}
