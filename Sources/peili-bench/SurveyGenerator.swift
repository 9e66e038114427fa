import Foundation
import PeiliCore

/// Writes the large benchmark survey: 12 themes × 4 questions (1–5; theme 12's last item a
/// 0–10 NPS/outcome question), for each of 2 waves × 3 audiences one CSV of N respondents,
/// plus one mapping shared by all six files. Seeded, so every run writes the same bytes.
struct SurveyGenerator {
  static let themeCount = 12
  static let questionsPerTheme = 4
  static let waves = [("2025-09", "2025-09-15"), ("2026-09", "2026-09-15")]

  /// One generated CSV file.
  struct File {
    var path: String
    var wave: String
    var date: Day
    var audience: Audience
  }

  let respondents: Int
  let dir: URL

  var mappingPath: String { dir.appendingPathComponent("survey-mapping.yaml").path }

  static func themeID(_ t: Int) -> String { "theme\(t + 1)" }
  static func questionID(_ t: Int, _ k: Int) -> String { "t\(t + 1)q\(k + 1)" }
  static func isNPS(_ t: Int, _ k: Int) -> Bool { t == themeCount - 1 && k == questionsPerTheme - 1 }

  /// Every question in column order.
  static var questions: [Question] {
    var result: [Question] = []
    for t in 0..<themeCount {
      for k in 0..<questionsPerTheme {
        let nps = isNPS(t, k)
        result.append(
          Question(
            id: questionID(t, k), text: "Question \(k + 1) of theme \(t + 1)", themeID: themeID(t),
            scale: nps ? Scale(min: 0, max: 10) : Scale(min: 1, max: 5), isNPS: nps, isOutcome: nps,
            position: result.count))
      }
    }
    return result
  }

  func write() throws -> [File] {
    try writeMapping()
    var files: [File] = []
    var rng = SeededGenerator(seed: 2026)
    for (w, (wave, date)) in Self.waves.enumerated() {
      for audience in Audience.allCases {
        let path = dir.appendingPathComponent("survey-\(wave)-\(audience.rawValue).csv").path
        try writeCSV(path: path, wave: w, audience: audience, rng: &rng)
        files.append(File(path: path, wave: wave, date: Day(date)!, audience: audience))
      }
    }
    return files
  }

  private func writeMapping() throws {
    var y =
      "respondent_id: respondent\nsegments:\n  - {column: region}\n  - {column: type, name: customer_type}\n"
    y += "themes:\n"
    for t in 0..<Self.themeCount { y += "  - {id: \(Self.themeID(t)), name: Theme \(t + 1)}\n" }
    y += "questions:\n"
    for q in Self.questions {
      y += "  - {column: \(q.id), id: \(q.id), text: \"\(q.text)\", theme: \(q.themeID), "
      y += "scale: [\(q.scale.min), \(q.scale.max)]\(q.isNPS ? ", nps: true, outcome: true" : "")}\n"
    }
    y += "comments:\n  - {column: comment, theme: \(Self.themeID(0))}\n"
    try y.write(toFile: mappingPath, atomically: true, encoding: .utf8)
  }

  private static let regions = ["Uusimaa", "Pirkanmaa", "Varsinais-Suomi", "Pohjois-Pohjanmaa", "Lappi"]
  private static let types = ["private", "business", "fleet"]
  private static let remarks = [
    "Hard to tell what the plans include", "Great service, \"really\" quick",
    "The app, the site and the\nbills disagree",
    "Nothing to add", "Chargers were down twice; nobody told us",
  ]

  private func writeCSV(path: String, wave: Int, audience: Audience, rng: inout SeededGenerator) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let out = FileHandle(forWritingAtPath: path)
    else { throw BenchError("cannot write \(path)") }
    defer { try? out.close() }
    var text = "respondent,region,type," + Self.questions.map(\.id).joined(separator: ",") + ",comment\n"
    let questions = Self.questions
    // Each (theme, audience, wave) has its own centre so that scores differ between cells.
    let centres = (0..<Self.themeCount).map { t in
      2.4 + Double((t * 7 + wave * 3 + Audience.allCases.firstIndex(of: audience)! * 5) % 11) / 7
    }
    for r in 0..<respondents {
      text +=
        "\(audience.rawValue.prefix(1))\(wave)-\(r),\(Self.regions[rng.below(5)]),\(Self.types[rng.below(3)])"
      let mood = rng.unit() - 0.5
      for q in questions {
        text += ","
        if rng.below(100) < 3 { continue }  // 3% missing
        let t = Int(q.themeID.dropFirst(5))! - 1
        let noise = rng.unit() + rng.unit() - 1
        if q.isNPS {
          let v = Int(((centres[t] + mood + noise * 1.5 - 1) / 4 * 10).rounded())
          text += String(min(10, max(0, v)))
        } else {
          let v = Int((centres[t] + mood + noise * 1.5).rounded())
          text += String(min(5, max(1, v)))
        }
      }
      text += ","
      if rng.below(100) < 5 {
        let remark = Self.remarks[rng.below(Self.remarks.count)]
        text += "\"" + remark.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }
      text += "\n"
      if text.utf8.count > 1 << 20 {
        out.write(Data(text.utf8))
        text = ""
      }
    }
    out.write(Data(text.utf8))
  }
}

/// SplitMix64: small, fast and seedable, so the generated files are identical on every run.
struct SeededGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
