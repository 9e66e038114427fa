import Foundation
import PeiliCore
import PeiliStore
import PeiliUI
import Testing

@testable import PeiliApp

/// On screen, a filter never silently changes OKR status, and the readings and gap words
/// are one vocabulary (issue 12, items 6 and 7), on the demo workspace in a real SQLite file.
@Suite("Filter status and readings on the demo", .serialized)
struct FilterStatusViewTests {
  /// The demo under region = Varsinais-Suomi: customers' follow-up scores withheld.
  static func filtered(_ demo: DemoDashboard, width: Int = 120, height: Int = 40) throws -> (Model, Model) {
    let whole = try demo.model(width: width, height: height)
    var m = whole
    m.apply(try demo.workspace.scores(filter: SegmentFilter(["region": "Varsinais-Suomi"]), minimumGroup: 5))
    return (whole, m)
  }

  @Test func aWithheldKeyResultSaysSoAndKeepsItsUnfilteredRow() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let (whole, m) = try Self.filtered(demo)
    let before = TreeRows.facts("KR1", kind: .keyResult, model: whole)
    let after = TreeRows.facts("KR1", kind: .keyResult, model: m)
    // Before: 0% off track, from the baseline wave; O1 59% off track.
    #expect(after.withheldUnderFilter && !before.withheldUnderFilter)
    #expect(after.progress == before.progress && after.pace == before.pace)
    let o1 = TreeRows.facts("O1", kind: .objective, model: m)
    #expect(o1.progress == TreeRows.facts("O1", kind: .objective, model: whole).progress)
    let kr1 = try #require(TestWorkspace.render(m).first { $0.contains(" KR1 ") })
    #expect(kr1.hasPrefix("  · KR1 withheld under this filter: Customer"), "\(kr1)")
    #expect(kr1.contains(" 73% on track"), "\(kr1)")
    // The selection's facts name the wave and say it too.
    var selected = m
    selected[DashboardScreen.self].cursor = 1
    let detail = MirrorRows.detail(model: selected).map(\.text).joined()
    #expect(
      detail.hasPrefix("customer Communication 41 (2026-09) → target 45 · withheld under this filter"),
      "\(detail)")
  }

  @Test func readingsLeadWithTheWeakThemeInOneVocabulary() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let m = try demo.model(width: 120, height: 40)
    let screen = TestWorkspace.render(m).joined(separator: "\n")
    // Communication, the customers' weakest at 41, read "Staff and customers agree" before.
    #expect(!screen.contains("agree on Communication"))
    #expect(screen.contains("   Customers' weakest theme, at 41; staff's own score 11 ± 6 over customers;"))
    #expect(screen.contains("   Staff's mirror estimate 17 ± 4 under customers;"))
    // The gaps screen's class words are the dashboard's: under/over, for both gaps.
    var gaps = m
    gaps.screen = .gaps
    let ranked = TestWorkspace.render(gaps).joined(separator: "\n")
    for word in ["pessimistic", "optimistic", "staff higher", "staff lower", "underestimate", "overestimate"]
    {
      #expect(!ranked.contains(word), "\(word)")
    }
    #expect(ranked.contains("-20±4 under "))
    // The help explains the pair once.
    let help = HelpContent.sections(m).first { $0.title == "Words" }
    #expect(help?.title == "Words" && help?.entries.map(\.keys) == ["under", "over"])
  }
}
