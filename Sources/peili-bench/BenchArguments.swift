import Foundation

/// Options shared by the benchmark modes (`--respondents N`, `--dir DIR`, `--keep`).
struct BenchArguments {
  var respondents = 20_000
  var dir: String?
  var keep = false
  /// An existing workspace to measure (the `store` mode); nil builds the demo.
  var workspace: String?
  /// Commands per process (the `concurrency` mode); nil takes the mode's default.
  var count: Int?

  init(_ args: [String]) throws {
    var i = 0
    func value() throws -> String {
      i += 1
      guard i < args.count else { throw BenchError("\(args[i - 1]) needs a value") }
      return args[i]
    }
    while i < args.count {
      switch args[i] {
      case "--respondents":
        guard let n = Int(try value()), n > 0 else {
          throw BenchError("--respondents needs a positive number")
        }
        respondents = n
      case "--dir": dir = try value()
      case "--keep": keep = true
      case "--workspace": workspace = try value()
      case "--count":
        guard let n = Int(try value()), n > 0 else { throw BenchError("--count needs a positive number") }
        count = n
      default: throw BenchError("unknown option \(args[i])")
      }
      i += 1
    }
  }

  /// The working folder: `--dir`, or a fresh temporary one.
  func workingDirectory() throws -> URL {
    let url =
      dir.map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("peili-bench-\(getpid())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// A benchmark failure with a message for the user.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}
