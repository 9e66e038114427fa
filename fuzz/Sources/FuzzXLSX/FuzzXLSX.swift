import Foundation
import SurveyChecks
import ZIPFoundation

@testable import PeiliStore

/// libFuzzer entry point for the Excel workbook reader. The bytes go through it twice:
/// as a workbook file (the ZIP archive as downloaded: its directory, entries, CRCs), and — so
/// that mutations reach the XML readers instead of failing the archive's CRC check — as the
/// XML parts of a well-formed archive built here: the input split at NUL bytes (which XML never
/// holds) into the sheet, the shared strings, the styles and the workbook part. Each workbook
/// must be refused with an error or read into a sheet whose CSV reads back as its cells, and
/// then opened, streamed, inspected and drafted as `peili import survey FILE.xlsx` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
  check(bytes, size: size)
  if !bytes.starts(with: [0x50, 0x4B]), let built = archive(parts: bytes) { check(built, size: size) }
  return 0
}

private func check(_ book: Data, size: Int) {
  readSheet(book)
  openSurvey(book, file: "fuzz.xlsx", format: nil, keeping: size % 2 == 0 ? [.unfinished] : [])
  // One forced layout per input too (`--format`), picked by the size so mutations reach each.
  openSurvey(
    book, file: "fuzz.xlsx", format: SurveyFormat.allCases[size % SurveyFormat.allCases.count], keeping: [])
  inspectAndDraft(book, file: "fuzz.xlsx")
}

/// The workbook reader on its own: every sheet by name, each sheet's rows as wide as each
/// other, their sheet rows within Excel's, and its CSV reading back as exactly its cells.
private func readSheet(_ book: Data) {
  let first: WorkbookSheet
  do {
    first = try Workbook.read(book, file: "fuzz.xlsx", sheet: nil)
  } catch {
    precondition(error.line.map { $0 >= 1 } ?? true, "error line must be 1-based: \(error)")
    _ = error.description
    return
  }
  precondition(!first.rows.isEmpty, "an empty sheet was read")
  checkCSV(first)
  for name in first.sheetNames.prefix(3) where name != first.name {
    guard let other = try? Workbook.read(book, file: "fuzz.xlsx", sheet: name) else { continue }
    precondition(other.chosen, "--sheet \(name) read a sheet not chosen")
    precondition(other.name.lowercased() == name.lowercased(), "--sheet \(name) read \(other.name)")
  }
}

private func checkCSV(_ sheet: WorkbookSheet) {
  let width = sheet.rows[0].cells.count
  for (row, cells) in sheet.rows {
    precondition(row >= 1 && row <= CellReference.maxRows, "sheet row \(row) is not a row of a sheet")
    precondition(cells.count == width, "row \(row) has \(cells.count) cells, the first \(width)")
    precondition(width <= CellReference.maxColumns, "a row wider than a sheet")
  }
  let (text, rows) = sheet.csv()
  precondition(rows == sheet.rows.map(\.row), "the CSV's rows are not the sheet's")
  let reader = CSVReader(validatedUTF8: text, delimiter: 0x2C)
  var index = 0
  do {
    while try reader.next() {
      precondition(index < sheet.rows.count, "the sheet's CSV reads back more records than it has rows")
      let back = (0..<reader.count).map { reader.string($0) }
      precondition(
        back == sheet.rows[index].cells,
        "row \(sheet.rows[index].row) reads back as \(back), expected \(sheet.rows[index].cells)")
      index += 1
    }
  } catch {
    preconditionFailure("the sheet's CSV does not read back: \(error)")
  }
  precondition(index == sheet.rows.count, "read back \(index) records of \(sheet.rows.count) rows")
}

/// A workbook archive (stored, not deflated) of the input's parts; nil when ZIPFoundation
/// refuses to write it.
private func archive(parts bytes: Data) -> Data? {
  var parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map { Data($0) }
  let workbook = Data(
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
    <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
    """.utf8)
  let rels = Data(
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Target="sharedStrings.xml"/>\
    <Relationship Id="rId3" Target="styles.xml"/></Relationships>
    """.utf8)
  while parts.count < 4 { parts.append(parts.count == 3 ? workbook : Data()) }
  let files: [(String, Data)] = [
    ("xl/workbook.xml", parts[3]), ("xl/_rels/workbook.xml.rels", rels),
    ("xl/worksheets/sheet1.xml", parts[0]),
    ("xl/sharedStrings.xml", parts[1]), ("xl/styles.xml", parts[2]),
  ]
  do {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, content) in files where !content.isEmpty || path.hasSuffix("sheet1.xml") {
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(content.count)) {
        position, size in
        content.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return archive.data
  } catch {
    return nil
  }
}
