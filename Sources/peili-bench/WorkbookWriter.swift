import Foundation
import PeiliStore
import ZIPFoundation

/// Writes a CSV's records as the one sheet of an Excel workbook, laid out as Excel saves one:
/// whole numbers as number cells, every other non-empty field as a shared string, cell and
/// row references on every cell, parts deflated. For timing `peili import survey` of a
/// workbook beside the same survey as CSV.
enum WorkbookWriter {
  static func write(csv: String, to path: String) throws {
    let reader = try CSVReader(data: try Data(contentsOf: URL(fileURLWithPath: csv)))
    var strings: [String] = []
    var index: [String: Int] = [:]
    var sheet = Data(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(main)\"><sheetData>"
        .utf8)
    var row = 0
    var width = 0
    while try reader.next() {
      row += 1
      width = max(width, reader.count)
      var xml = "<row r=\"\(row)\">"
      for i in 0..<reader.count where !reader.isBlank(i) {
        let ref = letters(i) + String(row)
        let text = reader.string(i)
        if let n = Int(text) {
          xml += "<c r=\"\(ref)\"><v>\(n)</v></c>"
        } else {
          let k = index[text] ?? strings.count
          if k == strings.count {
            index[text] = k
            strings.append(text)
          }
          xml += "<c r=\"\(ref)\" t=\"s\"><v>\(k)</v></c>"
        }
      }
      sheet.append(contentsOf: (xml + "</row>").utf8)
    }
    sheet.append(contentsOf: "</sheetData></worksheet>".utf8)
    // Excel states the sheet's extent first; written here once the rows are known.
    let dimension = "<dimension ref=\"A1:\(letters(max(width - 1, 0)))\(max(row, 1))\"/>"
    let head = sheet.range(of: Data("<sheetData>".utf8))!.lowerBound
    sheet.insert(contentsOf: Data(dimension.utf8), at: head)
    let shared =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"\(main)\" count=\"\(strings.count)\" "
      + "uniqueCount=\"\(strings.count)\">"
      + strings.map { "<si><t xml:space=\"preserve\">\(escaped($0))</t></si>" }
      .joined() + "</sst>"
    let parts: [(String, Data)] = [
      ("[Content_Types].xml", Data(contentTypes.utf8)), ("_rels/.rels", Data(rootRels.utf8)),
      ("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(workbookRels.utf8)),
      ("xl/sharedStrings.xml", Data(shared.utf8)), ("xl/worksheets/sheet1.xml", sheet),
    ]
    try? FileManager.default.removeItem(atPath: path)
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    for (name, data) in parts {
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
  }

  /// `0` → `A`, `27` → `AB`.
  static func letters(_ column: Int) -> String {
    var n = column + 1
    var out = ""
    while n > 0 {
      out.insert(Character(Unicode.Scalar(UInt8(0x41 + (n - 1) % 26))), at: out.startIndex)
      n = (n - 1) / 26
    }
    return out
  }

  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
    </Types>
    """
  static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """
  static let workbook = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
    <sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>
    """
  static let workbookRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
    </Relationships>
    """
}
