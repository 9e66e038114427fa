import Foundation
import Testing

/// Terminal-level behaviour of the real binary in tmux: size, TERM, locale, pipes, signals.
/// They drive `peili terminal-test`, the terminal layer's own screen, so they need no workspace.
@Suite("Terminal end to end", .serialized)
struct TerminalTests {
  let peili: String

  init() throws {
    guard Tmux.executable != nil else {
      throw HarnessError("tmux is missing: install tmux (e.g. `apt-get install tmux`) to run these tests")
    }
    peili = try PeiliBinary.path()
  }

  @Test func tooSmallShowsEnlargeMessageAndRecoversOnResize() async throws {
    let tmux = try Tmux.start([peili, "terminal-test"], width: 40, height: 10)
    defer { tmux.kill() }
    let small = try await tmux.waitFor("enlarge to at least 80")
    #expect(small.contains("Terminal too small: 40×10"))
    try tmux.resize(width: 100, height: 30)
    let big = try await tmux.waitFor("peili terminal self-test")
    #expect(big.contains("100×30"))
    #expect(!big.contains("enlarge"))
    try tmux.resize(width: 79, height: 30)
    try await tmux.waitFor("Terminal too small: 79×30")
    try tmux.resize(width: 80, height: 24)
    try await tmux.waitFor("80×24  UTF-8")
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  @Test func unknownTermFallsBackWithAWarning() async throws {
    // xterm-kitty where this machine lacks it; a made-up name where it has it.
    let known = try ProcessRunner.run(ExecutableSearch.find("infocmp") ?? "/usr/bin/infocmp", ["xterm-kitty"])
    let term = known.status == 0 ? "peili-no-such-term" : "xterm-kitty"
    let tmux = try Tmux.start([peili, "terminal-test"], environment: ["TERM": term])
    defer { tmux.kill() }
    let screen = try await tmux.waitFor("TERM=\(term) is unknown here; using xterm-256color")
    #expect(screen.contains("TERM=xterm-256color"))
    #expect(!screen.contains("Error opening terminal"))
    try tmux.send("j")
    try await tmux.waitFor("Selected: Item 2")
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  @Test func keysAreDecodedFromARealTerminal() async throws {
    let tmux = try Tmux.start([peili, "terminal-test"])
    defer { tmux.kill() }
    try await tmux.waitFor("Last key: none yet")
    let keys: [(tmux: String, shown: String)] = [
      ("Enter", "enter"), ("Tab", "tab"), ("BTab", "backTab"), ("BSpace", "backspace"), ("C-a", "ctrl-a"),
      ("F5", "F5"), ("NPage", "pageDown"), ("PPage", "pageUp"), ("End", "end"), ("Home", "home"),
      ("DC", "delete"), ("Left", "left"), ("Right", "right"), ("Escape", "escape"), ("x", "char x"),
    ]
    for key in keys {
      try tmux.send(key.tmux)
      try await tmux.waitFor("Last key: \(key.shown)")
    }
    try tmux.type("é")
    try await tmux.waitFor("Last key: char é")
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  @Test func notATerminalPointsToReport() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peili-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for arguments in [["--workspace", dir.appendingPathComponent("w.db").path], ["terminal-test"]] {
      // stdout is a pipe here, as in `peili | cat`.
      let result = try ProcessRunner.run(peili, arguments)
      #expect(result.status != 0)
      #expect(result.stderr.contains("for scripts use `peili report`"), "\(arguments): \(result.stderr)")
      #expect(!result.stdout.contains("\u{1B}["), "no escape sequences into a pipe")
    }
  }

  @Test func nonUTF8LocaleUsesASCIIAndSurvivesANonASCIIKey() async throws {
    let tmux = try Tmux.start([peili, "terminal-test"], environment: ["LANG": "C", "LC_ALL": "C"])
    defer { tmux.kill() }
    let first = try await tmux.waitFor("100x30  ASCII")
    #expect(first.contains("+- Items ---"))
    #expect(!first.contains("┌") && !first.contains("█") && !first.contains("▸"))
    try tmux.type("ä")
    try tmux.send("j")
    try await tmux.waitFor("Selected: Item 2")
    try tmux.send("Down")
    let after = try await tmux.waitFor("Selected: Item 3")
    #expect(after.contains("Last key: down"))
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  @Test func noColorLeavesOnlyAttributes() async throws {
    let tmux = try Tmux.start([peili, "terminal-test"], environment: ["NO_COLOR": "1"])
    defer { tmux.kill() }
    try await tmux.waitFor("no colour")
    let styled = try tmux.styledScreen()
    for colour in ["38;5;", "48;5;", "[31m", "[32m", "[33m", "[34m", "[36m", "[41m", "[44m"] {
      #expect(!styled.contains(colour), "colour \(colour) drawn under NO_COLOR")
    }
    let selected = try #require(styled.split(separator: "\n").first { $0.contains("Item 01") })
    #expect(selected.contains("[7m"), "the selection is not reversed: \(selected)")

    // The test runner may itself run under NO_COLOR.
    let coloured = try Tmux.start([peili, "terminal-test"], unset: ["NO_COLOR"])
    defer { coloured.kill() }
    try await coloured.waitFor(" colours  theme")
    let colours = try coloured.styledScreen()
    #expect(colours.contains("38;5;") || colours.contains("\u{1B}[3"), "no colours without NO_COLOR")
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  @Test func ctrlCRestoresTheTerminal() async throws {
    let modes =
      "stty -a | tr ' ' '\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo modes"
    let tmux = try Tmux.start([peili, "terminal-test"], after: modes)
    defer { tmux.kill() }
    try await tmux.waitFor("peili terminal self-test")
    try tmux.send("C-c")
    let screen = try await tmux.waitFor("modes")
    #expect(screen.contains("[peili exited 130]"))
    #expect(screen.contains("icanon echo modes"), "terminal modes not restored: \(screen)")
    #expect(!screen.contains("peili terminal self-test"), "the alternate screen was not left")
  }

  @Test func crashRestoresTheTerminal() async throws {
    let modes =
      "stty -a | tr ' ' '\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo modes"
    // "!" makes the self-test screen call fatalError (a trap, SIGILL on Linux).
    let tmux = try Tmux.start(
      [peili, "terminal-test"], environment: ["SWIFT_BACKTRACE": "enable=no"], after: modes)
    defer { tmux.kill() }
    try await tmux.waitFor("peili terminal self-test")
    try tmux.send("!")
    let screen = try await tmux.waitFor("modes")
    // 128 + SIGILL (x86) or SIGTRAP (arm64): the process still dies of its crash.
    #expect(screen.contains("[peili exited 132]") || screen.contains("[peili exited 133]"), "\(screen)")
    #expect(screen.contains("icanon echo modes"), "terminal modes not restored: \(screen)")
  }
}
