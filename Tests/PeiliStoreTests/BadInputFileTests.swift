import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// Input files that are not what they claim (UTF-16 without a BOM, a device, a FIFO, a
/// directory, a binary file) and values past the documented bounds: each refused with the file,
/// the line and what was expected, the workspace left as it was.
@Suite("Bad input files and bounds")
struct BadInputFileTests {
  static let okrs = """
    cycle: {id: "2026", name: "2026", start: 2026-01-01, end: 2026-12-31}
    objectives:
      - id: O9
        title: Fine
        key_results:
          - {id: K9, title: k, kind: metric, start: 1, target: 5}

    """

  /// Imports the OKR file at `path` into the example workspace; expects it refused and the
  /// workspace unchanged; returns every problem.
  func refusedOKRs(_ fx: StoreFixture, _ path: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
    -> [ImportError]
  {
    let ws = try fx.exampleWorkspace()
    let before = try StoreFixture.dump(ws)
    let error = #expect(throws: ImportError.self, sourceLocation: sourceLocation) {
      try ws.importOKRs(file: path, by: "tester")
    }
    #expect(try StoreFixture.dump(ws) == before, "the workspace changed", sourceLocation: sourceLocation)
    return error?.all ?? []
  }

  @Test func anOKRFileInUTF16WithoutBOMIsNamedAsSuch() throws {
    let fx = try StoreFixture()
    for (bigEndian, name) in [(false, "UTF-16 LE"), (true, "UTF-16 BE")] {
      var data = Data()
      for unit in Self.okrs.utf16 {
        let bytes =
          bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        data.append(contentsOf: bytes)
      }
      let path = try fx.file("utf16.yaml", data)
      let errors = try refusedOKRs(fx, path)
      #expect(errors.count == 1 && errors.first?.line == 1, "\(errors)")
      #expect(
        errors.first?.message.contains("looks like \(name) text without a byte-order mark; expected UTF-8")
          == true, "\(errors)")
    }
  }

  @Test func aDeviceFIFOOrDirectoryIsRefusedAtOnceForWhatItIs() throws {
    let fx = try StoreFixture()
    let fifo = fx.path("pipe.yaml")
    #expect(mkfifo(fifo, 0o600) == 0)
    try FileManager.default.createDirectory(atPath: fx.path("dir.yaml"), withIntermediateDirectories: false)
    let cases = [
      ("/dev/null", "is a character device (like /dev/null), not a file"),
      (fifo, "is a named pipe (FIFO), not a file"), (fx.path("dir.yaml"), "is a directory, not a file"),
    ]
    for (path, what) in cases {
      let errors = try refusedOKRs(fx, path)
      #expect(errors.first?.message == what + "; expected a regular file", "\(errors)")
      // The survey importer reads its CSV and mapping the same way.
      let f = try SurveyFixture()
      try f.file(
        "map.yaml", "respondent_id: r\nquestions:\n  - {column: q, id: q, theme: t, scale: [1, 5]}\n")
      try f.file("survey.csv", "r,q\n1,2\n")
      let csv = #expect(throws: SurveyImportError.self) {
        try f.workspace.importSurvey(
          csv: path, mapping: f.path("map.yaml"), wave: "w", date: Day("2025-09-15"), audience: .customer,
          by: "t")
      }
      #expect(csv?.file == path && csv?.message.hasPrefix(what) == true, "\(String(describing: csv))")
      let mapping = #expect(throws: SurveyImportError.self) {
        try f.workspace.importSurvey(
          csv: f.path("survey.csv"), mapping: path, wave: "w", date: Day("2025-09-15"), audience: .customer,
          by: "t")
      }
      #expect(mapping?.message.hasPrefix(what) == true, "\(String(describing: mapping))")
    }
  }

  @Test func aBinaryFileAsSurveyCSVIsNotATextCSVFile() throws {
    let f = try SurveyFixture()
    try f.file("map.yaml", "respondent_id: r\nquestions:\n  - {column: q, id: q, theme: t, scale: [1, 5]}\n")
    try f.file(
      "survey.csv", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<200).map { UInt8($0) }))
    let png = try #require(try f.failure())
    #expect(png.line == 1 && png.message.hasPrefix("the file is a PNG image, not a text CSV file"), "\(png)")
    try f.file("survey.csv", Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }))
    let noise = try #require(try f.failure())
    #expect(noise.message.hasPrefix("the file is a binary file, not a text CSV file"), "\(noise)")
    try f.file("survey.csv", Data("r,q\n1,2\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
    let utf16 = try #require(try f.failure())
    #expect(utf16.message.contains("looks like UTF-16 LE text without a byte-order mark"), "\(utf16)")
  }

  @Test func numbersPastTheBoundsAreRefused() throws {
    let fx = try StoreFixture()
    let yaml = Self.okrs.replacingOccurrences(
      of: "start: 1, target: 5", with: "start: -1e308, target: 1.5e12")
    let errors = try refusedOKRs(fx, try fx.file("huge.yaml", yaml))
    #expect(errors.count == 2, "\(errors)")
    #expect(
      errors.allSatisfy {
        $0.line == 6 && $0.message.contains("is out of range; expected a number from -1e12 to 1e12")
      }, "\(errors)")
    #expect(errors.first?.message.contains("`start` -1e308") == true, "\(errors)")
    // The bound itself is allowed.
    let ws = try fx.exampleWorkspace("edge.peili")
    let edge = Self.okrs.replacingOccurrences(of: "start: 1, target: 5", with: "start: -1e12, target: 1e12")
    try ws.importOKRs(file: try fx.file("edge.yaml", edge), by: "tester")
  }

  @Test func aSurveyScalePastTheBoundsIsRefused() throws {
    let f = try SurveyFixture()
    try f.file(
      "map.yaml",
      "respondent_id: r\nquestions:\n  - {column: q, id: q, theme: t, scale: [1000000000000000, 1000000000000005]}\n"
    )
    try f.file("survey.csv", "r,q\n1,1000000000000002\n")
    let e = try #require(try f.failure())
    #expect(e.file == f.path("map.yaml") && e.line == 3, "\(e)")
    #expect(e.message.contains("is out of range; expected its ends from -1e12 to 1e12"), "\(e)")
  }

  @Test func titlesPastTheBoundAreRefusedEvenHugeOnes() throws {
    let fx = try StoreFixture()
    let long = String(repeating: "ä", count: Bounds.maxTitleLength + 1)
    let errors = try refusedOKRs(
      fx, try fx.file("long.yaml", Self.okrs.replacingOccurrences(of: "Fine", with: long)))
    #expect(errors.first?.line == 4, "\(errors)")
    #expect(
      errors.first?.message == "objective O9: `title` has 501 characters; expected at most 500", "\(errors)")
    let huge = String(repeating: "x", count: 10_000_000)
    let hugeErrors = try refusedOKRs(
      fx, try fx.file("huge.yaml", Self.okrs.replacingOccurrences(of: "Fine", with: huge)))
    #expect(hugeErrors.first?.message.contains("expected at most 500") == true)
    let ok = String(repeating: "ä", count: Bounds.maxTitleLength)
    let ws = try fx.exampleWorkspace("ok.peili")
    try ws.importOKRs(
      file: try fx.file("ok.yaml", Self.okrs.replacingOccurrences(of: "Fine", with: ok)), by: "t")
  }

  @Test func boundsCountCharactersNotBytes() {
    #expect(Bounds.isAllowed(title: String(repeating: "👨‍👩‍👧", count: 500)))
    #expect(!Bounds.isAllowed(title: String(repeating: "a", count: 501)))
    #expect(Bounds.isAllowed(note: String(repeating: "a", count: 2_000)))
    #expect(!Bounds.isAllowed(1e308) && !Bounds.isAllowed(.nan) && Bounds.isAllowed(-1e12))
  }
}
