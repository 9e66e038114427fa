import Foundation
import Testing

/// Runs the real `peili` binary as a subprocess, stdout and stderr captured in files (so
/// stdout is never a terminal), for the command-line end-to-end tests.
struct CLIRunner {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
    /// Non-empty stderr lines.
    var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
  }

  enum Failure: Error, CustomStringConvertible {
    case binaryNotFound(searched: [String])
    var description: String {
      switch self {
      case .binaryNotFound(let dirs):
        "the peili binary was not found next to the test bundle (searched \(dirs.joined(separator: ", "))); "
          + "build it with `swift build` or set PEILI_BINARY"
      }
    }
  }

  let binary: URL
  /// A fresh directory per runner for workspaces and input files.
  let directory: URL

  init() throws {
    binary = try Self.locateBinary()
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "peili-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// The binary sits in the build products directory, which holds the test bundle too,
  /// whatever --scratch-path was: walk up from the bundle (or argv[0]) until it is found.
  static func locateBinary() throws -> URL {
    if let explicit = ProcessInfo.processInfo.environment["PEILI_BINARY"], !explicit.isEmpty {
      return URL(fileURLWithPath: explicit)
    }
    var searched: [String] = []
    let starts =
      [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])]
      + Bundle.allBundles.map(\.bundleURL)
    for start in starts {
      var dir = start.hasDirectoryPath ? start : start.deletingLastPathComponent()
      for _ in 0..<5 {
        let candidate = dir.appendingPathComponent("peili")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
          !isDirectory.boolValue,
          FileManager.default.isExecutableFile(atPath: candidate.path)
        {
          return candidate
        }
        searched.append(dir.path)
        dir = dir.deletingLastPathComponent()
      }
    }
    throw Failure.binaryNotFound(searched: searched)
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  func write(_ name: String, _ text: String) throws -> String {
    let p = path(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: p))
    return p
  }

  /// Runs `peili args…` in the runner's directory, with PEILI_WORKSPACE removed from the
  /// environment unless given in `environment`.
  ///
  /// `umask` runs it under that umask (through `/bin/sh`, so this process's stays as it was);
  /// a run still going after `timeout` seconds is killed and comes back with status -1.
  @discardableResult
  func run(
    _ args: [String], environment: [String: String] = [:], umask: String? = nil, timeout: Double? = nil
  ) throws -> Result {
    let process = Process()
    if let umask {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", binary.path] + args
    } else {
      process.executableURL = binary
      process.arguments = args
    }
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["PEILI_WORKSPACE"] = nil
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let id = UUID().uuidString
    let out = directory.appendingPathComponent(".out-\(id)")
    let err = directory.appendingPathComponent(".err-\(id)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var timedOut = false
    if let timeout {
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning && Date() < deadline { usleep(20_000) }
      if process.isRunning {
        timedOut = true
        // SIGKILL: a process blocked opening a FIFO may not act on SIGTERM.
        kill(process.processIdentifier, SIGKILL)
      }
    }
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    return Result(
      status: timedOut ? -1 : process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  /// The repository's examples/ folder (the tests live two levels below the package root).
  static var examples: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("examples")
  }
}

/// `peili report --format json` parsed with JSONSerialization, with lookups the tests need.
struct ReportJSON {
  struct Mismatch: Error, CustomStringConvertible {
    let description: String
  }

  let root: [String: Any]

  init(_ text: String) throws {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
      throw Mismatch(description: "the report is not a JSON object")
    }
    root = object
  }

  var objectives: [[String: Any]] { root["objectives"] as? [[String: Any]] ?? [] }
  var themes: [[String: Any]] { root["themes"] as? [[String: Any]] ?? [] }

  /// Every action anywhere in the tree (under objectives, key results and child objectives).
  var actions: [[String: Any]] {
    func collect(_ o: [String: Any]) -> [[String: Any]] {
      var result = o["actions"] as? [[String: Any]] ?? []
      for kr in o["key_results"] as? [[String: Any]] ?? [] {
        result += kr["actions"] as? [[String: Any]] ?? []
      }
      for child in o["children"] as? [[String: Any]] ?? [] { result += collect(child) }
      return result
    }
    return objectives.flatMap(collect)
  }

  /// Every key result anywhere in the tree.
  var keyResults: [[String: Any]] {
    func collect(_ o: [String: Any]) -> [[String: Any]] {
      (o["key_results"] as? [[String: Any]] ?? [])
        + (o["children"] as? [[String: Any]] ?? []).flatMap(collect)
    }
    return objectives.flatMap(collect)
  }

  func actionProgress(_ id: String) -> Int? {
    actions.first { $0["id"] as? String == id }?["progress"] as? Int
  }

  func theme(_ id: String) -> [String: Any]? { themes.first { $0["id"] as? String == id } }

  /// The fields a script relies on, with the demo's values where they are fixed.
  func expectDemoShape() throws {
    func require(_ ok: Bool, _ what: String) throws { if !ok { throw Mismatch(description: what) } }
    try require(root["format"] as? String == "peili-report", "format")
    try require(root["follow_up_wave"] as? String == "2026-09", "follow_up_wave")
    try require(root["baseline_wave"] as? String == "2025-09", "baseline_wave")
    try require(root["minimum_group"] as? Int == 5, "minimum_group")
    // O1–O4 of its own and the copy holding the actions carried over from 2025.
    try require(
      objectives.compactMap { $0["id"] as? String } == ["O1", "O2", "O3", "O4", "O25-3-2026"],
      "O1–O4 and O25-3-2026, got \(objectives.count) objectives")
    try require((15...25).contains(actions.count), "15–25 actions, got \(actions.count)")
    for o in objectives {
      try require(o["progress"] is Double || o["progress"] is NSNull, "objective progress")
      try require(o["status"] is String, "objective status")
    }
    let comm =
      try theme("communication").map { $0 } ?? { throw Mismatch(description: "no communication theme") }()
    let scores = comm["scores"] as? [[String: Any]] ?? []
    let customer = scores.first {
      $0["audience"] as? String == "customer" && $0["wave"] as? String == "2026-09"
    }
    let index = (customer?["index"] as? [String: Any])?["value"] as? Double
    try require(index.map { (0...100).contains($0) } ?? false, "communication customer index")
    try require((customer?["n"] as? Int ?? 0) >= 100, "communication customer n")
    let gap = comm["mirror_gap"] as? [String: Any]
    try require(
      gap?["class"] is String && gap?["diff"] is Double && gap?["marked"] is Bool, "mirror_gap fields")
    let warnings = root["warnings"] as? [[String: Any]] ?? []
    try require(
      warnings.contains {
        $0["kind"] as? String == "objective_without_theme" && $0["objective"] as? String == "O4"
      },
      "O4 warned as an objective without a theme")
  }
}

/// One line on stderr, prefixed "peili: ", no Swift stack trace.
func expectOneLineError(
  _ r: CLIRunner.Result, status: Int32 = 1, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(r.status == status, "exit \(r.status), stderr: \(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.errorLines.count == 1, "stderr: \(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.stderr.hasPrefix("peili: "), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
  #expect(
    !r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
}
