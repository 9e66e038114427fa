import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Why an XML part could not be parsed: the line, and the parser's own words for `--verbose`.
struct XMLProblem: Sendable {
  var line: Int
  var detail: String
}

/// One XML part of a workbook, read with Foundation's event parser. Element names are compared
/// without their namespace prefix (`x:row` and `row` alike: some producers prefix SpreadsheetML).
protocol WorkbookPart: AnyObject {
  func parse(_ data: Data) -> XMLProblem?
}

/// The event parser's delegate each part extends.
class WorkbookPartParser: NSObject, XMLParserDelegate, WorkbookPart {
  /// The elements open at this point (a part cut off ends with some still open, which the
  /// parser does not always call an error).
  private var open: [String] = []
  private var sawRoot = false

  func parse(_ data: Data) -> XMLProblem? {
    // A part is UTF-8 or UTF-16 with its byte-order mark (ECMA-376 Part 2). Bytes that are not
    // UTF-8 can reach the delegate as an element name, and Foundation's parser on Linux traps on
    // such a name instead of reporting it (found by fuzzing): refused here first.
    if !data.starts(with: [0xFF, 0xFE]) && !data.starts(with: [0xFE, 0xFF]),
      let line = data.withUnsafeBytes({ CSVReader.firstInvalidUTF8Line($0.bindMemory(to: UInt8.self)) })
    {
      return XMLProblem(line: line, detail: "the part is not UTF-8 text (line \(line))")
    }
    // Fed as a stream, in chunks: handed a sheet of more than about 10 MB in one piece,
    // Foundation's parser on Linux fails at its end with an internal error.
    let parser = XMLParser(stream: InputStream(data: data))
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = self
    let parsed = parser.parse()
    let line = max(parser.lineNumber, 1)
    guard parsed else {
      let error = parser.parserError.map { "\($0)" } ?? "unknown XML error"
      return XMLProblem(line: line, detail: "XMLParser: \(error)")
    }
    if let inside = open.last {
      return XMLProblem(line: line, detail: "XMLParser: the document ends inside <\(inside)>")
    }
    if !sawRoot { return XMLProblem(line: line, detail: "XMLParser: no root element") }
    return nil
  }

  func start(_ name: Substring, _ attributes: [String: String]) {}
  func end(_ name: Substring) {}
  func text(_ string: String) {}

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    open.append(elementName)
    sawRoot = true
    start(Self.local(elementName), attributeDict)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    if !open.isEmpty { open.removeLast() }
    end(Self.local(elementName))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    text(String(decoding: CDATABlock, as: UTF8.self))
  }

  static func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
  }

  /// An attribute by its local name (`r:id` and `id` alike when no unprefixed one exists).
  static func attribute(_ attributes: [String: String], _ name: String) -> String? {
    if let value = attributes[name] { return value }
    return attributes.first { local($0.key) == name }?.value
  }

  /// OOXML writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return,
  /// `_x005F_` for an underscore that would read as the start of one).
  static func unescaped(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var out = ""
    var rest = Substring(text)
    while let open = rest.range(of: "_x") {
      let after = rest[open.upperBound...]
      let hex = after.prefix(4)
      if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        out += rest[..<open.lowerBound]
        out.unicodeScalars.append(scalar)
        rest = after.dropFirst(5)
      } else {
        out += rest[..<open.upperBound]
        rest = after
      }
    }
    return out + rest
  }
}

/// `xl/workbook.xml`: the sheets in order (name, relationship id) and the date system.
final class WorkbookXML: WorkbookPartParser {
  struct Sheet {
    var name: String
    var relationship: String
  }
  private(set) var sheets: [Sheet] = []
  private(set) var date1904 = false

  override func start(_ name: Substring, _ attributes: [String: String]) {
    switch name {
    case "sheet":
      sheets.append(
        Sheet(name: attributes["name"] ?? "", relationship: Self.attribute(attributes, "id") ?? ""))
    case "workbookPr":
      let value = attributes["date1904"]?.lowercased()
      date1904 = value == "1" || value == "true"
    default: break
    }
  }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → target part.
final class RelationshipsXML: WorkbookPartParser {
  private(set) var targets: [String: String] = [:]

  override func start(_ name: Substring, _ attributes: [String: String]) {
    guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
    targets[id] = target
  }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text — its `<t>`, or its rich-text runs' `<r><t>` joined;
/// phonetic guides (`<rPh>`) are not part of the text.
final class SharedStringsXML: WorkbookPartParser {
  private(set) var strings: [String] = []
  private var current = ""
  private var inItem = false
  private var inText = false
  private var phonetic = 0

  override func start(_ name: Substring, _ attributes: [String: String]) {
    switch name {
    case "si":
      inItem = true
      current = ""
    case "t": inText = inItem && phonetic == 0
    case "rPh": phonetic += 1
    default: break
    }
  }

  override func end(_ name: Substring) {
    switch name {
    case "si":
      strings.append(Self.unescaped(current))
      inItem = false
    case "t": inText = false
    case "rPh": phonetic -= 1
    default: break
    }
  }

  override func text(_ string: String) { if inText { current += string } }
}

/// `xl/styles.xml`: the cell formats (`cellXfs`, by the cells' `s` index) whose number format
/// shows a date or time.
final class StylesXML: WorkbookPartParser {
  private var custom: [Int: String] = [:]
  private var formats: [Int] = []
  private var inCellXfs = false

  /// The kind of date each cell format shows, by its index; nil for numbers.
  var dateKinds: [WorkbookDate.Kind?] {
    formats.map { id in custom[id].map { WorkbookDate.kind(ofFormat: $0) } ?? WorkbookDate.builtIn(id) }
  }

  override func start(_ name: Substring, _ attributes: [String: String]) {
    switch name {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
        custom[id] = code
      }
    case "cellXfs": inCellXfs = true
    case "xf" where inCellXfs: formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
    default: break
    }
  }

  override func end(_ name: Substring) { if name == "cellXfs" { inCellXfs = false } }
}

/// A worksheet's `<sheetData>`: rows of cells by their references (`AB12`; gaps are blanks,
/// a missing `r` is the next cell), each cell's text by its type: `s` shared string, `inlineStr`
/// (`<is>`), `str` a formula's text, `b` TRUE/FALSE, `e` the error (`#N/A`), `d` an ISO date,
/// `n` (or none) the number as written — or an ISO date when its style's format shows one.
final class SheetXML: WorkbookPartParser {
  struct Row {
    var row: Int
    var cells: [String]
  }
  /// A problem of the sheet's content (not its XML): the sheet row and what was expected.
  struct Problem {
    var row: Int?
    var message: String
  }

  private let strings: [String]
  private let dateStyles: [WorkbookDate.Kind?]
  private let date1904: Bool
  private let progress: ImportProgress?
  /// The last row the sheet's `<dimension ref="A1:BI12001">` names, when it does: how far
  /// the rows read have come.
  private var lastRow: Int?
  private(set) var rows: [Row] = []
  private(set) var problem: Problem?

  private var rowNumber = 0
  private var cells: [String] = []
  private var column = -1
  private var type = "n"
  private var style = 0
  private var reference = ""
  private var value = ""
  private var inline = ""
  private var inValue = false
  private var inInline = false
  private var inText = false
  private var phonetic = 0
  private var inRow = false

  init(strings: [String], dateStyles: [WorkbookDate.Kind?], date1904: Bool, progress: ImportProgress? = nil) {
    self.strings = strings
    self.dateStyles = dateStyles
    self.date1904 = date1904
    self.progress = progress
  }

  private func refuse(_ message: String) {
    // Before the first good row there is no row to name (a first row `r="0"`; found by fuzzing).
    if problem == nil { problem = Problem(row: rowNumber > 0 ? rowNumber : nil, message: message) }
  }

  override func start(_ name: Substring, _ attributes: [String: String]) {
    switch name {
    case "dimension":
      let end = attributes["ref"]?.split(separator: ":").last.flatMap { CellReference(String($0)) }
      lastRow = end.map(\.row).flatMap { $0 > 0 ? $0 : nil }
    case "row":
      let next = rowNumber + 1
      if let r = attributes["r"] {
        guard let n = Int(r), n >= 1, n <= CellReference.maxRows else {
          return refuse("row number \"\(r)\" is not a row of a sheet; expected 1 to \(CellReference.maxRows)")
        }
        rowNumber = n
      } else {
        rowNumber = next
      }
      cells = []
      column = -1
      inRow = true
    case "c" where inRow:
      type = attributes["t"] ?? "n"
      style = attributes["s"].flatMap { Int($0) } ?? 0
      value = ""
      inline = ""
      if let r = attributes["r"] {
        guard let ref = CellReference(r), ref.row == 0 || ref.row == rowNumber else {
          return refuse(
            "cell reference \"\(r)\" is not a cell of row \(rowNumber); expected a reference such as A\(rowNumber)"
          )
        }
        guard ref.column > column else {
          return refuse(
            "cell \(r) comes after a cell to its right; expected the cells of a row in column order")
        }
        column = ref.column
        reference = r
      } else {
        column += 1
        reference = CellReference.letters(column) + String(rowNumber)
      }
    case "v": inValue = true
    case "is": inInline = true
    case "t": inText = inInline && phonetic == 0
    case "rPh": phonetic += 1
    default: break
    }
  }

  override func end(_ name: Substring) {
    switch name {
    case "v": inValue = false
    case "is": inInline = false
    case "t": inText = false
    case "rPh": phonetic -= 1
    case "c" where inRow:
      guard column >= 0, column < CellReference.maxColumns else { return }
      let text = cellText()
      if !text.isEmpty {
        if cells.count < column { cells += Array(repeating: "", count: column - cells.count) }
        cells.append(text)
      }
    case "row":
      inRow = false
      if !cells.isEmpty { rows.append(Row(row: rowNumber, cells: cells)) }
      // Every 1,024 rows, as the import does for its rows.
      if let progress, rows.count & 1023 == 1023 {
        progress(.sheet, rows.count, lastRow.map { min(Double(rowNumber) / Double($0), 1) } ?? 0)
      }
    default: break
    }
  }

  override func text(_ string: String) {
    if inValue { value += string } else if inText { inline += string }
  }

  private func cellText() -> String {
    switch type {
    case "s":
      let v = value.trimmingCharacters(in: .whitespaces)
      if v.isEmpty { return "" }
      guard let i = Int(v), i >= 0, i < strings.count else {
        refuse(
          "cell \(reference) refers to shared string \(v), but the workbook holds \(strings.count); "
            + "expected a workbook as a spreadsheet writes it (save it again as .xlsx)")
        return ""
      }
      return strings[i]
    case "inlineStr": return Self.unescaped(inline.isEmpty ? value : inline)
    case "str", "e": return Self.unescaped(value)
    case "b":
      switch value.trimmingCharacters(in: .whitespaces) {
      case "1", "true": return "TRUE"
      case "0", "false": return "FALSE"
      default: return value
      }
    case "d":
      // An ISO 8601 date cell (strict OOXML): the day, and the time when it is not midnight.
      var v = value.trimmingCharacters(in: .whitespaces)
      if v.hasSuffix("T00:00:00") || v.hasSuffix("T00:00:00Z") { v = String(v.prefix(10)) }
      return v.replacingOccurrences(of: "T", with: " ")
    default:
      let v = value.trimmingCharacters(in: .whitespaces)
      if !v.isEmpty, style < dateStyles.count, let kind = dateStyles[style],
        let iso = WorkbookDate.iso(v, kind: kind, date1904: date1904)
      {
        return iso
      }
      return v
    }
  }
}
