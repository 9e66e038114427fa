import Foundation
import Testing

/// The shared reference statistics (numpy/scipy), found beside the repository: the repo and
/// `shared/` are siblings both in development (/work/main, /work/shared) and in CI.
enum ReferenceFile {
  struct Missing: Error, CustomStringConvertible {
    let searched: [String]
    var description: String {
      "shared/reference/statistics.json not found; looked in:\n" + searched.joined(separator: "\n")
    }
  }

  static func load(filePath: String = #filePath) throws -> [String: Any] {
    var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    var searched: [String] = []
    while dir.path != "/" {
      let candidate = dir.appendingPathComponent("shared/reference/statistics.json")
      searched.append(candidate.path)
      if FileManager.default.fileExists(atPath: candidate.path) {
        let data = try Data(contentsOf: candidate)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      }
      dir = dir.deletingLastPathComponent()
    }
    throw Missing(searched: searched)
  }

  static func cases(_ section: String) throws -> [[String: Any]] {
    let all = try load()
    let list = try #require(all[section] as? [[String: Any]], "section \(section) missing")
    try #require(!list.isEmpty, "section \(section) is empty")
    return list
  }
}

extension Dictionary where Key == String, Value == Any {
  func number(_ key: String) throws -> Double {
    try #require((self[key] as? NSNumber)?.doubleValue, "field \(key) missing")
  }
  func numbers(_ key: String) throws -> [Double] {
    try #require((self[key] as? [NSNumber])?.map(\.doubleValue), "field \(key) missing")
  }
}

/// Agreement to 1e-6 relative, or 1e-9 absolute near zero.
func close(_ actual: Double, _ expected: Double, relative: Double = 1e-6, absolute: Double = 1e-9) -> Bool {
  if actual == expected { return true }
  return abs(actual - expected) <= max(absolute, relative * abs(expected))
}

func expectClose(
  _ actual: Double?, _ expected: Double, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let actual else {
    Issue.record("\(label): got nil, expected \(expected)", sourceLocation: sourceLocation)
    return
  }
  #expect(
    close(actual, expected), "\(label): got \(actual), expected \(expected)", sourceLocation: sourceLocation)
}
