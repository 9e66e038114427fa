import Foundation
import Testing

/// A detached tmux session on its own server socket, driving a real `peili` process: type
/// keys, read the screen back, resize. Waiting has a deadline; nothing asserts on time.
struct Tmux {
  /// The screen did not show the expected text before the deadline.
  struct Timeout: Error, CustomStringConvertible {
    let expected: String
    let screen: String
    var description: String { "screen never showed \"\(expected)\"; last screen:\n\(screen)" }
  }

  let socket: String
  let tmux: String
  /// The socket file, removed on `kill` (tmux leaves it behind when killed).
  var socketPath = ""

  /// The tmux executable, or nil when it is not installed.
  static var executable: String? { ExecutableSearch.find("tmux") }

  /// Starts `command` (argv, run with `env` so `environment` and `unset` apply to it alone) in a
  /// W×H window. After the command exits the pane shows "[peili exited N]", then runs the
  /// shell snippet `after`. The shell traps SIGINT so Ctrl-C ends only the command.
  static func start(
    _ command: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
    unset: [String] = [], after: String = ""
  ) throws -> Tmux {
    guard let tmux = executable else {
      throw HarnessError("tmux is missing: install tmux (e.g. `apt-get install tmux`) to run these tests")
    }
    var session = Tmux(socket: "peili-e2e-\(UUID().uuidString.prefix(8))", tmux: tmux)
    // A UTF-8 locale unless the test asks for another: CI may run with no LANG at all.
    let locale = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
    let env = locale.merging(environment) { $1 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let line = (["env"] + unset.flatMap { ["-u", $0] } + env + command).map(shellQuoted).joined(
      separator: " ")
    let script =
      "trap : INT; \(line); echo \"[peili exited $?]\"; \(after.isEmpty ? "" : after + "; ")sleep 600"
    try session.run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
    session.socketPath = try session.run(["display-message", "-p", "#{socket_path}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return session
  }

  @discardableResult
  func run(_ arguments: [String]) throws -> String {
    // -u: tmux treats the panes as UTF-8 whatever the locale of the test process.
    let result = try ProcessRunner.run(tmux, ["-u", "-L", socket, "-f", "/dev/null"] + arguments)
    guard result.status == 0 else {
      throw HarnessError("tmux \(arguments.first ?? "") failed (\(result.status)): \(result.stderr)")
    }
    return result.stdout
  }

  /// Key names as tmux knows them ("j", "Down", "Enter", "C-c", "Escape").
  func send(_ keys: String...) throws { try run(["send-keys"] + keys) }

  /// Text typed literally, character by character.
  func type(_ text: String) throws { try run(["send-keys", "-l", text]) }

  /// The visible screen as text lines.
  func screen() throws -> String { try run(["capture-pane", "-p"]) }

  /// The visible screen with its SGR escape sequences (colours and attributes).
  func styledScreen() throws -> String { try run(["capture-pane", "-p", "-e"]) }

  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
  }

  /// Polls the screen until it contains `text`; returns that screen once it has settled.
  /// A generous deadline absorbs a slow shared machine; it is a limit for waiting, not a
  /// measurement.
  @discardableResult
  func waitFor(_ text: String, deadline seconds: Double = 15) async throws -> String {
    try await waitUntil(text, deadline: seconds) { $0.contains(text) }
  }

  /// Polls until `condition` holds for the screen; returns that screen once two captures
  /// 50 ms apart agree. A frame is painted row by row: on a loaded machine a capture can
  /// catch half of it, and a test asserting more than it waited for would then fail.
  @discardableResult
  func waitUntil(
    _ what: String, deadline seconds: Double = 15, _ condition: (String) -> Bool
  ) async throws -> String {
    let end = Date().addingTimeInterval(seconds)
    var last = ""
    while true {
      last = (try? screen()) ?? last
      if condition(last) {
        try await Task.sleep(nanoseconds: 50_000_000)
        let again = (try? screen()) ?? last
        // Still changing at the deadline: the condition held, which is what was asked.
        if again == last || Date() > end { return last }
        continue
      }
      if Date() > end { throw Timeout(expected: what, screen: last) }
      try await Task.sleep(nanoseconds: 100_000_000)
    }
  }

  /// Ends the session's server (and with it the process under test).
  func kill() {
    _ = try? ProcessRunner.run(tmux, ["-L", socket, "kill-server"])
    if !socketPath.isEmpty { unlink(socketPath) }
  }
}

/// A harness failure with a message saying what to do.
struct HarnessError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Quotes an argument for `sh -c`.
func shellQuoted(_ s: String) -> String {
  if !s.isEmpty, s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:+,@".contains($0) }),
    s.allSatisfy(\.isASCII)
  {
    return s
  }
  return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Runs a program to completion and collects its output. posix_spawn rather than Foundation's
/// Process: the child starts with no blocked signals and default dispositions whatever
/// thread the test runs on (a tmux server that inherits blocked signals never reaps or quits).
enum ProcessRunner {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws
    -> Result
  {
    let dir = FileManager.default.temporaryDirectory.path
    let outPath = "\(dir)/peili-e2e-\(UUID().uuidString).out"
    let errPath = "\(dir)/peili-e2e-\(UUID().uuidString).err"
    defer {
      unlink(outPath)
      unlink(errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard rc == 0 else { throw HarnessError("cannot start \(executable): error \(rc)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      guard errno == EINTR else { throw HarnessError("waitpid failed for \(executable): errno \(errno)") }
    }
    // WIFEXITED/WEXITSTATUS are macros Swift does not import; a signal shows as 128 + N.
    let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    func read(_ path: String) -> String {
      String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return Result(status: code, stdout: read(outPath), stderr: read(errPath))
  }
}

/// Finds executables on PATH.
enum ExecutableSearch {
  static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/usr/sbin", "/sbin"] {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// What every tmux suite starts from: the built `peili` binary and a fresh folder of its own.
enum EndToEndSetup {
  static func prepare(_ prefix: String) throws -> (peili: String, directory: URL) {
    guard Tmux.executable != nil else {
      throw HarnessError("tmux is missing: install tmux (e.g. `apt-get install tmux`) to run these tests")
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return (try PeiliBinary.path(), directory)
  }
}
