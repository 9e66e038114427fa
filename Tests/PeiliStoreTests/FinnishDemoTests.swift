import Foundation
import PeiliCore
import PeiliStore
import Testing

/// The demo built in Finnish tells the same story in other words: the same ids, answers,
/// scores and verdicts as the English demo, and every title, theme, question, note and
/// comment in Finnish.
@Suite struct FinnishDemoTests {
  struct Built {
    let workspace: Workspace
    let snapshot: Snapshot
    let analysis: MirrorAnalysis

    init(_ language: Language) throws {
      let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
        "peili-demo-\(language.rawValue)-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      workspace = try DemoWorkspace.build(
        at: dir.appendingPathComponent("demo.db").path, language: language, by: "tester")
      snapshot = try workspace.snapshot()
      analysis = MirrorAnalysis(snapshot: snapshot, today: Day("2026-10-15")!)
    }

    var comments: [SurveyComment] {
      get throws { try snapshot.themes.flatMap { try workspace.comments(theme: $0.id) } }
    }
  }

  static let pair = Result { (english: try Built(.english), finnish: try Built(.finnish)) }

  @Test func theSameIdsScoresAndVerdictsInBothLanguages() throws {
    let (en, fi) = try Self.pair.get()
    #expect(fi.snapshot.objectives.map(\.id) == en.snapshot.objectives.map(\.id))
    #expect(fi.snapshot.keyResults.map(\.id) == en.snapshot.keyResults.map(\.id))
    #expect(fi.snapshot.actions.map(\.id) == en.snapshot.actions.map(\.id))
    #expect(fi.snapshot.themes.map(\.id) == en.snapshot.themes.map(\.id))
    #expect(fi.snapshot.questions.map(\.id) == en.snapshot.questions.map(\.id))
    #expect(fi.snapshot.waves == en.snapshot.waves)
    #expect(fi.snapshot.cycles.map(\.id) == en.snapshot.cycles.map(\.id))
    #expect(!fi.snapshot.scores.isEmpty)
    #expect(fi.snapshot.scores == en.snapshot.scores)
    #expect(fi.snapshot.actions.map(\.progress) == en.snapshot.actions.map(\.progress))
    for theme in en.snapshot.themes.map(\.id) {
      #expect(
        fi.analysis.mirror(theme: theme)?.scores == en.analysis.mirror(theme: theme)?.scores, "\(theme)")
    }
    let verdicts = { (b: Built) in b.analysis.outcomes(of: b.snapshot.actions).map(\.verdict) }
    #expect(verdicts(fi) == verdicts(en))
    #expect(fi.analysis.outcomes(of: fi.snapshot.actions).compactMap(\.verdict).count > 5)
    #expect(fi.analysis.warnings.count == en.analysis.warnings.count)
    // The same respondents answered in both: a segment keeps its counts under its Finnish name.
    let counts = { (b: Built) in
      try b.workspace.segmentAttributes().map { $0.counts.values.sorted() }.sorted {
        $0.lexicographicallyPrecedes($1)
      }
    }
    #expect(try counts(fi) == counts(en))
    #expect(try fi.comments.count == en.comments.count)
  }

  @Test func everyWordOfTheFinnishDemoIsFinnish() throws {
    let (en, fi) = try Self.pair.get()
    func differ<T>(_ english: [T], _ finnish: [T], _ text: (T) -> String, _ what: String) {
      #expect(english.count == finnish.count && !english.isEmpty, "\(what)")
      for (e, f) in zip(english, finnish) {
        #expect(text(e) != text(f), "\(what): \(text(f))")
      }
    }
    differ(en.snapshot.objectives, fi.snapshot.objectives, \.title, "objective")
    differ(en.snapshot.keyResults, fi.snapshot.keyResults, \.title, "key result")
    differ(en.snapshot.actions, fi.snapshot.actions, \.title, "action")
    differ(en.snapshot.themes, fi.snapshot.themes, \.name, "theme")
    differ(en.snapshot.questions, fi.snapshot.questions, \.text, "question")
    differ(en.snapshot.cycles, fi.snapshot.cycles, \.name, "cycle")
    let notes = { (b: Built) in b.snapshot.lastActionCheckIns.sorted { $0.key < $1.key }.map(\.value.note) }
    differ(notes(en), notes(fi), { $0 }, "note")
    #expect(fi.snapshot.cycle?.name == "Latausverkko Oy 2026 (esittely)")
    #expect(DemoWorkspace.isDemo(fi.snapshot) && DemoWorkspace.isDemo(en.snapshot))
    #expect(fi.snapshot.objectives.first?.title == "Asiakkaat ymmärtävät, mitä tarjoamme ja mikä muuttuu")

    // The English demo's customers wrote in both languages; in the Finnish one all in Finnish.
    let english = #/\b(the|and|is|are|to|my|our|for|was|with|in|I|it|not)\b/#
    let englishComments = try en.comments.filter { $0.text.contains(english) }
    #expect(englishComments.count >= 10)
    for comment in try fi.comments {
      #expect(!comment.text.contains(english), "\(comment.text)")
    }
    let segments = try fi.workspace.segmentAttributes()
    #expect(Set(segments.map(\.name)) == ["asiakastyyppi", "alue", "tiimi"])
    #expect(
      Set(segments.first { $0.name == "asiakastyyppi" }?.values ?? [])
        == ["yksityisasiakas", "yritysasiakas", "kalustoasiakas"])
  }

  @Test func theEnglishDemoFilesAreUnchangedByTheTranslation() {
    // Only the words differ: the Finnish files have the English ones' lines, numbers and ids.
    let english = DemoWorkspace.files(language: .english)
    let finnish = DemoWorkspace.files(language: .finnish)
    #expect(english.map(\.name) == finnish.map(\.name))
    for (e, f) in zip(english, finnish) {
      #expect(e.text.split(separator: "\n").count == f.text.split(separator: "\n").count, "\(e.name)")
      // Every answer of a CSV: its fields that are numbers.
      let numbers = { (text: String) in
        text.split(whereSeparator: { $0 == "," || $0.isNewline }).filter { Int($0) != nil }
      }
      if e.name.hasSuffix(".csv") { #expect(numbers(e.text) == numbers(f.text), "\(e.name)") }
    }
    #expect(DemoWorkspace.files().map(\.text) == english.map(\.text))
  }
}
