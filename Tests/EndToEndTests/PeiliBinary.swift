import Foundation

/// The `peili` executable that `swift test` built beside this test bundle (any scratch path),
/// or `$PEILI_BINARY` when set.
enum PeiliBinary {
  static func path() throws -> String {
    if let override = ProcessInfo.processInfo.environment["PEILI_BINARY"], !override.isEmpty {
      return override
    }
    var candidates: [URL] = []
    let argument0 = URL(
      fileURLWithPath: CommandLine.arguments[0],
      relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    candidates.append(argument0.resolvingSymlinksInPath().deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL.resolvingSymlinksInPath())
    // On macOS the bundle sits at debug/X.xctest/Contents/MacOS/X.
    candidates.append(
      argument0.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent())
    for dir in candidates {
      let file = dir.appendingPathComponent("peili").path
      if FileManager.default.isExecutableFile(atPath: file) { return file }
    }
    throw HarnessError(
      "the peili executable was not found beside the test bundle (looked in "
        + candidates.map(\.path).joined(separator: ", ") + "); run `swift build` first or set PEILI_BINARY")
  }
}
