import Foundation
import PeiliText
import Testing

@testable import PeiliCore

@Suite struct ReportTests {
  /// The mirror fixture with hostile text in a title and a theme name.
  func fixture() throws -> (MirrorFixture, Snapshot, MirrorAnalysis) {
    let f = try MirrorFixture()
    var s = f.snapshot
    s.objectives[0].title = "Customers \u{1B}[31munderstand\u{1B}[0m \u{202E}us"
    s.themes[3].name = "Pric|ing\nnow"
    s.objectives.append(Objective(id: "O4", cycleID: "2026", parentID: "O1", title: "Child", position: 3))
    return (f, s, MirrorAnalysis(snapshot: s, today: f.today))
  }

  func parse(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func jsonTopLevel() throws {
    let (_, s, a) = try fixture()
    let doc = try parse(Report.json(s, analysis: a))
    #expect(doc["format"] as? String == "peili-report")
    #expect(doc["version"] as? Int == 1)
    #expect(doc["today"] as? String == "2026-07-01")
    #expect(doc["minimum_group"] as? Int == 5)
    #expect(doc["baseline_wave"] as? String == "2025-09")
    #expect(doc["follow_up_wave"] as? String == "2026-09")
    let cycle = try #require(doc["cycle"] as? [String: Any])
    #expect(cycle["start"] as? String == "2026-01-01" && cycle["end"] as? String == "2026-12-31")
    let waves = try #require(doc["waves"] as? [[String: Any]])
    #expect(waves.map { $0["id"] as? String } == ["2025-09", "2026-09"])
  }

  @Test func jsonKeysAreSortedAndTextSanitized() throws {
    let (_, s, a) = try fixture()
    let text = Report.json(s, analysis: a)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || ($0.value < 0x20 && $0 != "\n") })
    // Top-level keys appear in sorted order (pretty-printed at two spaces).
    let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      String($0.dropFirst(3).prefix { $0 != "\"" })
    }
    #expect(keys == keys.sorted())
    #expect(keys.contains("objectives") && keys.contains("suppressed"))
    #expect(Report.json(s, analysis: a) == text)  // stable
  }

  @Test func jsonOKRTree() throws {
    let (f, s, a) = try fixture()
    let json = Report.json(s, analysis: a)
    // Controls, bidi and invisible characters are escaped as JSON does, never raw: the text
    // stays whole for whoever reads the JSON.
    #expect(json.contains(#""title": "Customers \u001b[31munderstand\u001b[0m \u202eus""#))
    #expect(!TerminalText.hasUnsafeCharacters(json.replacingOccurrences(of: "\n", with: "")))
    let doc = try parse(json)
    let objectives = try #require(doc["objectives"] as? [[String: Any]])
    #expect(objectives.map { $0["id"] as? String } == ["O1", "O2", "O3"])
    let o1 = objectives[0]
    #expect(o1["title"] as? String == "Customers \u{1B}[31munderstand\u{1B}[0m \u{202E}us")
    #expect(o1["themes"] as? [String] == ["communication"])
    let children = try #require(o1["children"] as? [[String: Any]])
    #expect(children.map { $0["id"] as? String } == ["O4"])
    let kr = try #require((o1["key_results"] as? [[String: Any]])?.first)
    #expect(kr["kind"] as? String == "perception" && kr["audience"] as? String == "customer")
    let start = try f.index(2, "before")
    let current = try f.index(2, "after")
    expectClose((kr["current"] as? NSNumber)?.doubleValue, current, "KR current")
    expectClose((kr["progress"] as? NSNumber)?.doubleValue, (current - start) / (60 - start), "KR progress")
    #expect(kr["status"] as? String == a.status(keyResult: "KR1").rawValue)
    let action = try #require((kr["actions"] as? [[String: Any]])?.first)
    #expect(action["id"] as? String == "A1" && action["action_status"] as? String == "done")
    #expect(action["status"] as? String == "done" && action["progress"] as? Int == 100)
    let impact = try #require((action["impact"] as? [[String: Any]])?.first)
    #expect(impact["verdict"] as? String == "moved" && impact["theme"] as? String == "communication")
    let change = try #require(impact["change"] as? [String: Any])
    expectClose((change["diff"] as? NSNumber)?.doubleValue, try f.welch[2].number("diff") * 25, "impact diff")
    #expect(impact["did_delta"] is NSNumber)
    let o3 = objectives[2]
    let metric = try #require((o3["key_results"] as? [[String: Any]])?.first)
    #expect((metric["progress"] as? NSNumber)?.doubleValue == 0.2)
    #expect(metric["unit"] as? String == "M€" && metric["start"] as? Double == 10)
  }

  @Test func jsonThemesGapsAndChanges() throws {
    let (f, s, a) = try fixture()
    let doc = try parse(Report.json(s, analysis: a))
    let themes = try #require(doc["themes"] as? [[String: Any]])
    #expect(themes.map { $0["id"] as? String } == ["communication", "service", "influence", "pricing"])
    let comm = themes[0]
    #expect(comm["reading"] as? String == "Staff's mirror estimate 8 ± 5 under customers; customers up 8 ± 5")
    let gap = try #require(comm["mirror_gap"] as? [String: Any])
    #expect(gap["class"] as? String == "under" && gap["marked"] as? Bool == true)
    expectClose((gap["diff"] as? NSNumber)?.doubleValue, -(try f.welch[2].number("diff")) * 25, "gap diff")
    expectClose((gap["p"] as? NSNumber)?.doubleValue, try f.welch[2].number("p"), "gap p")
    #expect(gap["n1"] as? Int == 190 && gap["n2"] as? Int == 212)
    let scores = try #require(comm["scores"] as? [[String: Any]])
    #expect(
      scores.map { "\($0["audience"]!)@\($0["wave"]!)" } == [
        "customer@2025-09", "customer@2026-09", "mirror@2026-09",
      ])
    let first = scores[0]
    #expect(first["n"] as? Int == 212)
    let index = try #require(first["index"] as? [String: Any])
    expectClose((index["value"] as? NSNumber)?.doubleValue, try f.index(2, "before"), "index")
    let native = try #require(first["native"] as? [String: Any])
    #expect(native["scale"] as? [Int] == [1, 5])
    let favourable = try #require(first["favourable"] as? [String: Any])
    let answers = try f.sample(2, "before")
    let k = answers.filter { $0 >= 4 }.count
    expectClose(
      (favourable["share"] as? NSNumber)?.doubleValue, Double(k) / Double(answers.count), "favourable")
    #expect(first["nps"] == nil)
    let changes = try #require(comm["changes"] as? [[String: Any]])
    let customer = try #require(changes.first { $0["audience"] as? String == "customer" })
    #expect(customer["class"] as? String == "over" && customer["marked"] as? Bool == true)
    #expect(customer["from_wave"] as? String == "2025-09" && customer["to_wave"] as? String == "2026-09")
    expectClose(
      (customer["low"] as? NSNumber)?.doubleValue, try f.welch[2].number("ci_low") * 25, "change low")
    let influence = themes[2]
    #expect((influence["mirror_gap"] as? [String: Any])?["class"] as? String == "notEnoughData")
    #expect((influence["mirror_gap"] as? [String: Any])?["diff"] == nil)
  }

  @Test func jsonSuppressedCellsAreAbsentWithReason() throws {
    let (_, s, a) = try fixture()
    let doc = try parse(Report.json(s, analysis: a))
    let suppressed = try #require(doc["suppressed"] as? [[String: Any]])
    #expect(suppressed.count == 1)
    #expect(suppressed[0]["theme"] as? String == "pricing")
    #expect(suppressed[0]["audience"] as? String == "customer")
    #expect(suppressed[0]["wave"] as? String == "2026-09")
    #expect(suppressed[0]["reason"] as? String == "n < 5")
    let pricing = try #require(
      (doc["themes"] as? [[String: Any]])?.first { $0["id"] as? String == "pricing" })
    #expect(pricing["name"] as? String == "Pric|ing\nnow")
    let scores = try #require(pricing["scores"] as? [[String: Any]])
    #expect(scores.map { $0["wave"] as? String } == ["2025-09"])
    let change = try #require((pricing["changes"] as? [[String: Any]])?.first)
    #expect(change["class"] as? String == "notEnoughData" && change["diff"] == nil)
  }

  @Test func jsonWarnings() throws {
    let (_, s, a) = try fixture()
    let doc = try parse(Report.json(s, analysis: a))
    let warnings = try #require(doc["warnings"] as? [[String: Any]])
    #expect(warnings.map { $0["kind"] as? String } == ["objective_without_theme", "blind_spot"])
    #expect(warnings[0]["objective"] as? String == "O4")
    #expect(warnings[1]["theme"] as? String == "influence")
    #expect((warnings[1]["message"] as? String)?.hasPrefix("Blind spot: Influence (customer index 4") == true)
  }

  @Test func markdownLines() throws {
    let (f, s, a) = try fixture()
    let text = Report.markdown(s, analysis: a)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
    #expect(lines.first == "# peili report")
    let start = try f.index(2, "before")
    let progress = Int(((try f.index(2, "after") - start) / (60 - start) * 100).rounded())
    let o1 = try #require(lines.first { $0.hasPrefix("- Objective **O1**") })
    #expect(
      o1
        == "- Objective **O1** Customers [31munderstand[0m us — \(progress)% · \(a.status(objective: "O1").rawValue)"
    )
    #expect(lines.contains("  - Objective **O4** Child — no progress measured · not started"))
    #expect(lines.contains { $0.hasPrefix("    - Action **A1** Newsletter — 100% · done · done") })
    #expect(
      lines.contains {
        $0.hasPrefix("      - impact on Communication: moved (")
          && $0.contains("(customer 2025-09 → 2026-09: +7.8") && $0.contains("untargeted themes")
      })
    #expect(lines.contains("### Communication"))
    #expect(lines.contains("Staff's mirror estimate 8 ± 5 under customers; customers up 8 ± 5"))
    #expect(lines.contains { $0.hasPrefix("| customer | 2025-09 | 212 | ") })
    #expect(
      lines.contains {
        $0.hasPrefix("- mirror gap (mirror − customer): -7.8 [") && $0.hasSuffix("under **marked**")
      })
    #expect(lines.contains("- Pric|ing now · customer · 2026-09: n < 5"))
    // The suppressed cell has no table row.
    let pricingStart = try #require(lines.firstIndex(of: "### Pric|ing now"))
    let pricingRows = lines[pricingStart...].prefix { !$0.hasPrefix("## ") }.filter {
      $0.hasPrefix("| customer |")
    }
    #expect(pricingRows.count == 1 && pricingRows[0].hasPrefix("| customer | 2025-09 | 41 |"))
    #expect(lines.contains("- Objective O4 Child links no theme (an OKR without a mirror)"))
  }
}

@Suite struct ReportNPSTests {
  @Test func npsShownWithSEOrSuppressedWithReason() throws {
    let f = try MirrorFixture()
    var s = f.snapshot
    let nps = try #require(ReferenceFile.cases("nps").first { ($0["n"] as? Int) == 40 })
    let values = try nps.numbers("values").map { Int($0) }
    let key = ScoreKey(themeID: "service", audience: .customer, waveID: "2026-09")
    s.scores[key]?.promoters = values.filter { $0 >= 9 }.count
    s.scores[key]?.detractors = values.filter { $0 <= 6 }.count
    s.scores[key]?.npsN = values.count
    let small = ScoreKey(themeID: "service", audience: .customer, waveID: "2025-09")
    s.scores[small]?.promoters = 1
    s.scores[small]?.detractors = 2
    s.scores[small]?.npsN = 4
    let a = MirrorAnalysis(snapshot: s, today: f.today)
    let doc = try #require(
      try JSONSerialization.jsonObject(with: Data(Report.json(s, analysis: a).utf8)) as? [String: Any])
    let service = try #require(
      (doc["themes"] as? [[String: Any]])?.first { $0["id"] as? String == "service" })
    let scores = try #require(service["scores"] as? [[String: Any]])
    let latest = try #require(
      scores.first { $0["wave"] as? String == "2026-09" && $0["audience"] as? String == "customer" })
    let shown = try #require(latest["nps"] as? [String: Any])
    expectClose((shown["value"] as? NSNumber)?.doubleValue, try nps.number("nps"), "nps")
    expectClose((shown["se"] as? NSNumber)?.doubleValue, try nps.number("se"), "nps se")
    let early = try #require(
      scores.first { $0["wave"] as? String == "2025-09" && $0["audience"] as? String == "customer" })
    #expect(early["nps"] == nil && early["n"] as? Int == 6)
    let suppressed = try #require(doc["suppressed"] as? [[String: Any]])
    #expect(
      suppressed.contains {
        $0["theme"] as? String == "service" && $0["wave"] as? String == "2025-09"
          && $0["measure"] as? String == "nps"
          && $0["reason"] as? String == "NPS n < 5"
      })
    let md = Report.markdown(s, analysis: a).split(separator: "\n").map(String.init)
    #expect(md.contains("- NPS of Service · customer · 2025-09: NPS n < 5"))
    let row = try #require(md.first { $0.hasPrefix("| customer | 2026-09 | 9 |") })
    let expected = String(format: "%+.0f (%.1f) |", try nps.number("nps"), try nps.number("se"))
    #expect(row.hasSuffix(expected), "\(row)")
  }
}
