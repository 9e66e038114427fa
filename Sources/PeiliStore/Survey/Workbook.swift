import Foundation
import PeiliCore
import ZIPFoundation

/// One sheet of an Excel workbook (`.xlsx`) as rows of cell texts: what a CSV saved from it
/// would hold. The import turns it into that CSV (`csv()`) and reads it with the same layouts as
/// any export, so everything after the cells is shared.
struct WorkbookSheet: Sendable {
  /// The sheet read, and every sheet of the workbook in its order.
  var name: String
  var sheetNames: [String]
  /// True when `--sheet` chose it (else it is the first).
  var chosen: Bool
  /// The rows holding at least one non-empty cell: the 1-based sheet row and its cells from
  /// column A, a gap as "", every row as wide as the widest.
  var rows: [(row: Int, cells: [String])]

  /// The rows as comma-separated UTF-8 text (fields quoted where they need it), and the sheet
  /// row of each record, so that errors name the row the spreadsheet shows.
  func csv() -> (text: Data, rows: [Int]) {
    var out: [UInt8] = []
    out.reserveCapacity(rows.count * 64)
    for (_, cells) in rows {
      for (i, cell) in cells.enumerated() {
        if i > 0 { out.append(0x2C) }
        let utf8 = cell.utf8
        if utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
          out.append(0x22)
          for b in utf8 {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
          }
          out.append(0x22)
        } else {
          out.append(contentsOf: utf8)
        }
      }
      out.append(0x0A)
    }
    return (Data(out), rows.map(\.row))
  }
}

/// Reads an Excel workbook (Office Open XML spreadsheet, ECMA-376): a ZIP archive (read with
/// ZIPFoundation) of XML parts (read with `XMLParser`): `xl/workbook.xml` lists the sheets,
/// `xl/_rels/workbook.xml.rels` names each sheet's part, `xl/sharedStrings.xml` holds the texts
/// cells refer to, `xl/styles.xml` the number formats that make a number a date. Numbers are
/// kept as the workbook writes them (the text of `<v>`, no float round trip); dates become ISO
/// dates. Every problem is one sentence naming the file; the library's own words are only the
/// error's `detail` (`--verbose`).
enum Workbook {
  /// File names that promise a workbook (a ZIP archive under any other name is read as one too).
  static let extensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm"]

  /// The largest part peili inflates: real survey sheets are far smaller; a larger one is a
  /// ZIP bomb or not a survey export.
  static let maxPartBytes: UInt64 = 1 << 30

  /// True when `file` should be read as a workbook: by its name, or by the ZIP signature.
  static func claims(file: String, data: Data) -> Bool {
    extensions.contains((file as NSString).pathExtension.lowercased())
      || data.starts(with: [0x50, 0x4B, 0x03, 0x04])
  }

  /// The sheet named `sheet` (exactly, else ignoring case), or the first sheet; `progress`
  /// hears the bytes each part inflates to and the sheet rows read.
  static func read(
    _ data: Data, file: String, sheet wanted: String?, progress: ImportProgress? = nil
  ) throws(SurveyImportError) -> WorkbookSheet {
    func fail(_ message: String, line: Int? = nil, detail: String? = nil) -> SurveyImportError {
      SurveyImportError(file: file, line: line, message: message, detail: detail)
    }
    guard data.starts(with: [0x50, 0x4B]) else { throw fail(notZip(data)) }
    // Read from a private temporary copy, not from memory: ZIPFoundation 0.9.20's in-memory
    // archive traps on an offset past the end of the data (a damaged or crafted file; found by
    // fuzzing, weichsel/ZIPFoundation#394) and leaks the bytes of one without a central
    // directory; its file-backed reader answers both with errors.
    let copy = FileManager.default.temporaryDirectory
      .appendingPathComponent("peili-workbook-\(UUID().uuidString).xlsx")
    guard
      FileManager.default.createFile(
        atPath: copy.path, contents: data, attributes: [.posixPermissions: 0o600])
    else {
      throw fail(
        "cannot unpack the workbook: no room for a temporary copy in \(copy.deletingLastPathComponent().path); "
          + "expected a writable temporary directory (set TMPDIR to one)")
    }
    defer { try? FileManager.default.removeItem(at: copy) }
    let archive: Archive
    do {
      archive = try Archive(url: copy, accessMode: .read)
    } catch {
      throw fail(
        "the file is a damaged ZIP archive, not a readable Excel workbook; expected an .xlsx saved "
          + "completely (download or save it again)", detail: "\(error)")
    }
    var entries: [String: Entry] = [:]
    for entry in archive where entry.type == .file {
      entries[entry.path.lowercased()] = entry
    }
    func part(_ path: String) throws(SurveyImportError) -> Data? {
      guard let entry = entries[path.lowercased()] else { return nil }
      guard entry.uncompressedSize <= maxPartBytes else {
        throw fail(
          "the workbook's part \(path) would inflate to \(entry.uncompressedSize / 1_048_576) MB; "
            + "expected a survey export of at most \(maxPartBytes / 1_048_576) MB per sheet")
      }
      var bytes = Data()
      let size = max(Double(entry.uncompressedSize), 1)
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          bytes.append(chunk)
          progress?(.unpacking, bytes.count, min(Double(bytes.count) / size, 1))
        }
      } catch {
        throw fail(
          "the workbook's part \(path) cannot be unpacked (the ZIP archive is damaged); expected an "
            + ".xlsx saved completely (download or save it again)", detail: "\(error)")
      }
      return bytes
    }
    func parse<P: WorkbookPart>(_ path: String, _ parser: P) throws(SurveyImportError) -> P? {
      guard let bytes = try part(path) else { return nil }
      if let problem = parser.parse(bytes) {
        throw fail(
          "the workbook's part \(path) is not well-formed XML (line \(problem.line)); expected a workbook "
            + "as a spreadsheet writes it (open it and save it again as .xlsx)", detail: problem.detail)
      }
      return parser
    }

    guard let book = try parse("xl/workbook.xml", WorkbookXML()) else {
      throw fail(notWorkbook(entries.keys))
    }
    let rels = try parse("xl/_rels/workbook.xml.rels", RelationshipsXML())?.targets ?? [:]
    guard let first = book.sheets.first else {
      throw fail("the workbook has no sheets; expected a sheet with a header row and one row per respondent")
    }
    let names = book.sheets.map(\.name)
    var chosen = first
    if let wanted {
      guard
        let found = book.sheets.first(where: { $0.name == wanted })
          ?? book.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() })
      else {
        throw fail(
          "no sheet named \"\(wanted)\" in the workbook; expected --sheet with one of "
            + names.map { "\"\($0)\"" }.joined(separator: ", "))
      }
      chosen = found
    }
    let sheetPath = rels[chosen.relationship].map { resolve($0, from: "xl/") } ?? ""
    if sheetPath.lowercased().contains("chartsheets/") {
      throw fail(
        "the sheet \"\(chosen.name)\" is a chart, not a table; expected --sheet naming a sheet of responses"
          + " (the workbook has \(names.map { "\"\($0)\"" }.joined(separator: ", ")))")
    }

    // The texts cells refer to and the styles that make numbers dates, where the workbook has them.
    let relTargets = Dictionary(
      rels.values.map { ((resolve($0, from: "xl/") as NSString).lastPathComponent.lowercased(), $0) },
      uniquingKeysWith: { a, _ in a })
    let stringsPath =
      relTargets["sharedstrings.xml"].map { resolve($0, from: "xl/") } ?? "xl/sharedStrings.xml"
    let stylesPath = relTargets["styles.xml"].map { resolve($0, from: "xl/") } ?? "xl/styles.xml"
    let strings = try parse(stringsPath, SharedStringsXML())?.strings ?? []
    let styles = try parse(stylesPath, StylesXML())
    let dateStyles = styles?.dateKinds ?? []

    let sheetParser = SheetXML(
      strings: strings, dateStyles: dateStyles, date1904: book.date1904, progress: progress)
    guard let sheetData = try part(sheetPath) else {
      throw fail(
        "the sheet \"\(chosen.name)\" names the part \(sheetPath.isEmpty ? "(none)" : sheetPath), which the "
          + "workbook does not hold; expected a workbook as a spreadsheet writes it (save it again as .xlsx)")
    }
    if let problem = sheetParser.parse(sheetData) {
      throw fail(
        "the workbook's part \(sheetPath) is not well-formed XML (line \(problem.line)); expected a workbook "
          + "as a spreadsheet writes it (open it and save it again as .xlsx)", detail: problem.detail)
    }
    if let problem = sheetParser.problem {
      throw fail("sheet \"\(chosen.name)\": \(problem.message)", line: problem.row)
    }
    let width = sheetParser.rows.reduce(0) { max($0, $1.cells.count) }
    let rows = sheetParser.rows.map { r in
      (row: r.row, cells: r.cells + Array(repeating: "", count: width - r.cells.count))
    }
    if rows.isEmpty {
      throw fail(
        "the sheet \"\(chosen.name)\" is empty; expected a header row and one row per respondent"
          + (names.count > 1
            ? " (--sheet chooses another: \(names.map { "\"\($0)\"" }.joined(separator: ", ")))" : ""))
    }
    return WorkbookSheet(name: chosen.name, sheetNames: names, chosen: wanted != nil, rows: rows)
  }

  /// A relationship target as a path in the archive: relative to `base`, or absolute (`/xl/…`).
  static func resolve(_ target: String, from base: String) -> String {
    if target.hasPrefix("/") { return String(target.dropFirst()) }
    var parts = base.split(separator: "/").map(String.init)
    for piece in target.split(separator: "/") {
      if piece == ".." {
        if !parts.isEmpty { parts.removeLast() }
      } else if piece != "." {
        parts.append(String(piece))
      }
    }
    return parts.joined(separator: "/")
  }

  /// What a file named as a workbook is when it is no ZIP archive.
  static func notZip(_ data: Data) -> String {
    if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      // Excel keeps a password-protected .xlsx in an OLE compound file with an EncryptionInfo stream.
      let marker = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
      if data.range(of: marker) != nil {
        return "the workbook is encrypted (password-protected), which peili cannot open; expected an .xlsx "
          + "without a password (remove it in the spreadsheet: File → Info → Protect Workbook) or a CSV export"
      }
      return "the file is an old Excel .xls (binary) workbook; expected an .xlsx workbook (Save As → Excel "
        + "Workbook) or a CSV export"
    }
    if data.isEmpty { return "the file is empty; expected an Excel workbook (.xlsx)" }
    if InputFile.binaryKind(data) == nil {
      return "the file is text, not an Excel workbook (an .xlsx is a ZIP archive); expected an .xlsx as "
        + "the survey tool downloads it, or name a CSV export .csv"
    }
    return "the file is not an Excel workbook (an .xlsx is a ZIP archive, this file is not); expected an "
      + ".xlsx as the survey tool downloads it, or a CSV export"
  }

  /// What a ZIP archive without `xl/workbook.xml` is.
  static func notWorkbook(_ paths: Dictionary<String, Entry>.Keys) -> String {
    let expected = "expected an Excel workbook (.xlsx) or a CSV export"
    if paths.contains("content.xml") {
      return "the file is an OpenDocument file (.ods), not an Excel workbook; save it as .xlsx or CSV"
    }
    if paths.contains("word/document.xml") {
      return "the file is a Word document, not a workbook; \(expected)"
    }
    if paths.contains("ppt/presentation.xml") {
      return "the file is a PowerPoint file, not a workbook; \(expected)"
    }
    return "the file is a ZIP archive without xl/workbook.xml, not an Excel workbook; \(expected)"
  }
}

/// Where a cell reference such as `AB12` points: 0-based column, 1-based row; nil when it is
/// not a reference within Excel's limits (XFD1048576).
struct CellReference: Hashable, Sendable {
  var column: Int
  var row: Int

  static let maxColumns = 16_384
  static let maxRows = 1_048_576

  init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }

  init?(_ text: String) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for b in text.utf8 {
      switch b {
      case 0x41...0x5A, 0x61...0x7A:
        guard digits == 0, letters < 3 else { return nil }
        column = column * 26 + Int((b | 0x20) - 0x61) + 1
        letters += 1
      case 0x30...0x39:
        guard letters > 0, digits < 7 else { return nil }
        row = row * 10 + Int(b - 0x30)
        digits += 1
      case 0x24: continue  // `$A$1` as formulas write it
      default: return nil
      }
    }
    guard letters > 0, column <= Self.maxColumns, row <= Self.maxRows, digits == 0 || row >= 1 else {
      return nil
    }
    self.column = column - 1
    self.row = digits > 0 ? row : 0
  }

  /// The column's letters (`0` → `A`, `27` → `AB`).
  static func letters(_ column: Int) -> String {
    var n = column + 1
    var out: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      out.insert(Character(Unicode.Scalar(UInt8(0x41 + r))), at: 0)
      n = (n - 1) / 26
    }
    return String(out)
  }
}

/// The date a workbook's serial number stands for, as ISO 8601 text.
enum WorkbookDate {
  /// What a number format shows of a serial number.
  enum Kind: Sendable, Hashable {
    case date, time, dateTime
  }

  /// The built-in number formats (ECMA-376 §18.8.30) that show dates or times.
  static func builtIn(_ id: Int) -> Kind? {
    switch id {
    case 14...17, 27...31, 34...36, 50...58: .date
    case 18...21, 32, 33, 45...47: .time
    case 22: .dateTime
    default: nil
    }
  }

  /// What a custom format code shows: dates by `y`/`d` (or `m` without hours and seconds),
  /// times by `h`/`s`; quoted text, `\`-escapes and `[Red]`/`[$-409]` sections do not count.
  static func kind(ofFormat code: String) -> Kind? {
    var plain = ""
    var quoted = false
    var bracket = false
    var escape = false
    // Only the first section (positive numbers) decides.
    for ch in code {
      if escape {
        escape = false
        continue
      }
      if quoted {
        if ch == "\"" { quoted = false }
        continue
      }
      switch ch {
      case "\"": quoted = true
      case "\\", "_", "*": escape = true
      case "[": bracket = true
      case "]": bracket = false
      case ";": break
      default:
        if bracket {
          // Elapsed time: [h], [mm], [ss].
          if "hHmMsS".contains(ch) { plain.append("h") }
        } else {
          plain.append(ch)
        }
      }
      if ch == ";" && !bracket { break }
    }
    let lower = plain.lowercased()
    let time = lower.contains("h") || lower.contains("s")
    let date = lower.contains("y") || lower.contains("d") || (lower.contains("m") && !time)
    switch (date, time) {
    case (true, true): return .dateTime
    case (true, false): return .date
    case (false, true): return .time
    default: return nil
    }
  }

  /// `serial` (days since the workbook's epoch, the fraction the time of day) as
  /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or `HH:MM:SS`; nil when it is no number in range.
  static func iso(_ serial: String, kind: Kind, date1904: Bool) -> String? {
    guard let value = Double(serial), value.isFinite, value >= 0, value < 2_958_466 else { return nil }
    var days = Int(value.rounded(.down))
    var seconds = Int(((value - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    // The 1900 system counts a 29 February 1900 that never was (as Lotus 1-2-3 did): serials
    // before 1 March 1900 are a day early against the epoch 1899-12-30.
    if !date1904 && days < 61 { days += 1 }
    let epoch = date1904 ? -24_107 : -25_569  // days from 1970-01-01 to 1904-01-01 / 1899-12-30
    let date = Day(ordinal: epoch + days).description
    let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    switch kind {
    case .date: return seconds == 0 ? date : "\(date) \(time)"
    case .time: return days == 0 || (!date1904 && days == 1) ? time : "\(date) \(time)"
    case .dateTime: return "\(date) \(time)"
    }
  }
}
