import Foundation
import PeiliCore
import PeiliUI
import Synchronization
import Testing

@testable import PeiliApp

/// Every screen and dialog drawn with a copy of English whose every word is marked
/// (`WordMarks.markedEnglish`) and the demo's data marked apart: no word of the English
/// catalogue is left on screen, and every word there is the catalogue's or the workspace's —
/// so a language is a catalogue, and nothing else needs translating. Finnish reuses it
/// ("rendering every screen and dialog in Finnish finds none of the English catalogue's
/// words") with its catalogue in place of the marked one.
@Suite("Every word on screen from the catalogue", .serialized)
struct CatalogueCoverageTests {
  /// What is neither the catalogue's nor the workspace's and is the same in every language:
  /// key names (the help and the footer print them beside the words), the program's name.
  static let keyNames: Set<String> = [
    "Enter", "Esc", "Tab", "Shift", "Ctrl", "Home", "End", "PgUp", "PgDn", "Space", "Backspace", "Delete",
    "Up", "Down", "Left", "Right", "peili",
  ]

  /// The words of a catalogue's texts as drawn in the scenes (its sentences as they were
  /// called), lower-cased; command lines in backticks (`peili import okrs`) are not words of
  /// the language.
  static func words(of catalogue: Catalogue, in scenes: (Catalogue) throws -> Void) rethrows -> Set<String> {
    let recorder = Recorder()
    let recording = catalogue.mapped(
      TextMapping { piece in
        recorder.pieces.withLock { $0.append(piece) }
        return piece
      })
    try scenes(recording)
    var words = Set<String>()
    for piece in recorder.pieces.withLock({ $0 }) {
      let outsideCommands = piece.split(separator: "`", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 0 }.map { String($0.element) }.joined(separator: " ")
      for w in WordMarks.words(outsideCommands) where w.count > 1 && !keyNames.contains(w) {
        words.insert(w.lowercased())
      }
    }
    return words
  }

  /// Every scene's lines at a size, drawn with `text` over the demo with its data marked.
  static func render(text: Catalogue, width: Int, height: Int) throws -> [(scene: String, lines: [String])] {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let driver = MarkedDriver(runner: runner(demo.workspace))
    let snapshot = MarkedData.snapshot(try demo.workspace.snapshot())
    func model(width: Int = width, height: Int = height, readOnly: String? = nil) -> Model {
      Model(
        snapshot: snapshot, today: DemoDashboard.today, user: "tester", glyphs: .unicode, text: text,
        width: width, height: height, readOnlyReason: readOnly)
    }
    let start = model()
    var out: [(String, [String])] = []
    for scene in MarkedScenes.all(rows: start[DashboardScreen.self].rows.count, themes: snapshot.themes.count)
    {
      var m = model()
      scene.run(&m, driver)
      out.append((scene.name, TestWorkspace.render(m)))
    }
    out.append(("too small", TestWorkspace.render(model(width: 60, height: 20))))
    out.append(("read-only", TestWorkspace.render(model(readOnly: WordMarks.data("the file is read-only")))))
    return out
  }

  /// Ids and glyphs carry letters that no language words: "KR" of KR1, a theme's id, "Δ".
  static func idLetters(_ s: Snapshot) -> Set<String> {
    let ids = s.objectives.map(\.id) + s.keyResults.map(\.id) + s.actions.map(\.id) + s.themes.map(\.id)
    return Set(ids.flatMap(WordMarks.words)).union(WordMarks.words(Glyphs.unicode.delta))
  }

  @Test(arguments: ScreenGoldenTests.sizes.map { [$0.0, $0.1] })
  func noEnglishWordOnAnyScreenOrDialog(size: [Int]) throws {
    let english = try Self.words(of: .english) { text in
      _ = try Self.render(text: text, width: size[0], height: size[1])
    }
    let demo = try DemoDashboard()
    let ids = Self.idLetters(try demo.workspace.snapshot())
    demo.remove()
    #expect(english.count > 200, "the English catalogue's words: \(english.count)")

    var englishLeft: [String] = []
    var unmarked: [String] = []
    let screens = try Self.render(text: WordMarks.markedEnglish, width: size[0], height: size[1])
    if let dump = ProcessInfo.processInfo.environment["PEILI_DUMP_MARKED"] {
      let text = screens.map { "== \($0.scene)\n" + $0.lines.joined(separator: "\n") }.joined(separator: "\n")
      try text.write(toFile: "\(dump)-\(size[0])x\(size[1]).txt", atomically: true, encoding: .utf8)
    }
    for (scene, lines) in screens {
      for (row, line) in lines.enumerated() {
        // An id is cut like any text ("communi…").
        for word in WordMarks.words(line)
        where word.count > 1 && !Self.keyNames.contains(word) && !ids.contains(where: { $0.hasPrefix(word) })
        {
          let marks = [WordMarks.catalogueMark, WordMarks.dataMark, WordMarks.storeMark]
          if marks.contains(where: word.contains) { continue }
          unmarked.append("\(scene), row \(row): \"\(word)\" in \(line)")
          if english.contains(word.lowercased()) {
            englishLeft.append("\(scene), row \(row): \"\(word)\" in \(line)")
          }
        }
      }
    }
    #expect(englishLeft.isEmpty, "English catalogue words on screen:\n\(englishLeft.joined(separator: "\n"))")
    #expect(
      unmarked.isEmpty,
      "words neither the catalogue's nor the workspace's:\n\(unmarked.joined(separator: "\n"))")
  }
}

extension CatalogueCoverageTests {
  /// Words Finnish shares with English: abbreviations both languages use, and Finnish words
  /// spelt as English ones ("on" is "is"; "AT" is avaintulos in tight columns, and the
  /// dumbbell's letters A and T side by side).
  static let sharedWords: Set<String> = ["nps", "did", "okr", "on", "at"]

  /// Every scene drawn in Finnish (the demo's data and the store's sentences marked apart)
  /// shows none of the words the English catalogue draws in the same scenes.
  @Test(arguments: ScreenGoldenTests.sizes.map { [$0.0, $0.1] })
  func noEnglishWordOnAnyScreenOrDialogInFinnish(size: [Int]) throws {
    let english = try Self.words(of: .english) { text in
      _ = try Self.render(text: text, width: size[0], height: size[1])
    }
    let demo = try DemoDashboard()
    let ids = Self.idLetters(try demo.workspace.snapshot())
    demo.remove()
    var englishLeft: [String] = []
    var lines = 0
    for (scene, rows) in try Self.render(text: .finnish, width: size[0], height: size[1]) {
      for (row, line) in rows.enumerated() {
        lines += 1
        for word in WordMarks.words(line)
        where word.count > 1 && !Self.keyNames.contains(word) && !ids.contains(where: { $0.hasPrefix(word) })
          && !Self.sharedWords.contains(word.lowercased())
        {
          let marks = [WordMarks.dataMark, WordMarks.storeMark]
          if marks.contains(where: word.contains) { continue }
          if english.contains(word.lowercased()) {
            englishLeft.append("\(scene), row \(row): \"\(word)\" in \(line)")
          }
        }
      }
    }
    #expect(lines > 1000, "scenes drawn: \(lines) lines")
    #expect(englishLeft.isEmpty, "English words in Finnish:\n\(englishLeft.joined(separator: "\n"))")
  }

  /// Every scene in Finnish at 80×24 and 120×40: no word of the catalogue is cut short
  /// without "…" (Finnish words are longer: a column or a title that cuts one must say so).
  @Test(arguments: ScreenGoldenTests.finnishSizes.map { [$0.0, $0.1] })
  func noFinnishWordIsCutWithoutAnEllipsis(size: [Int]) throws {
    let finnish = try Self.words(of: .finnish) { text in
      _ = try Self.render(text: text, width: size[0], height: size[1])
    }
    var cut: [String] = []
    for (scene, rows) in try Self.render(text: .finnish, width: size[0], height: size[1]) {
      for (row, line) in rows.enumerated() {
        let chars = Array(line)
        var i = 0
        while i < chars.count {
          guard chars[i].isLetter else {
            i += 1
            continue
          }
          var j = i
          while j < chars.count && chars[j].isLetter { j += 1 }
          let word = String(chars[i..<j]).lowercased()
          let ellipsis = j < chars.count && chars[j] == "…"
          // A box or a plot drawn over the text (its lines, the dumbbell's rule and dots) covers
          // the rest of a word, or its letters are the plot's own (A and H side by side).
          func drawn(_ k: Int) -> Bool {
            k >= 0 && k < chars.count
              && (chars[k] == "·"
                || chars[k].unicodeScalars.allSatisfy { (0x2500...0x257F).contains($0.value) })
          }
          if drawn(i - 1) || drawn(j) {
            i = j
            continue
          }
          let marked = [WordMarks.dataMark, WordMarks.storeMark].contains(where: word.contains)
          if !ellipsis && !marked && word.count > 1 && !finnish.contains(word)
            && finnish.contains(where: { $0.hasPrefix(word) })
          {
            cut.append("\(scene), row \(row): \"\(word)\" in \(line)")
          }
          i = j
        }
      }
    }
    #expect(finnish.count > 200)
    #expect(cut.isEmpty, "cut without …:\n\(cut.joined(separator: "\n"))")
  }

  /// The same scenes in Finnish have Finnish words: the test above would pass on a blank screen.
  @Test func theFinnishScenesAreInFinnish() throws {
    let screens = try Self.render(text: .finnish, width: 80, height: 24)
    let all = screens.flatMap(\.lines).joined(separator: "\n")
    for word in ["Yleiskuva", "aikataulussa", "Peiliero", "Toimenpide", "Näppäimet", "Tilannepäivitys"] {
      #expect(all.contains(word), "\(word)")
    }
  }
}

/// The texts a recording catalogue was asked for.
private final class Recorder: Sendable {
  let pieces = Mutex<[String]>([])
}
