import Foundation

/// A survey export opened in its layout: decoded to UTF-8, its delimiter sniffed, its header
/// rows read into columns, and its respondent rows streamed one at a time (fields read in place
/// from the reader) with the layout's excluded rows — previews, tests, spam, unfinished —
/// skipped and counted. Every format reaches the import through this one shape.
public final class SurveyTable {
  /// The file as the user named it (errors name it so).
  public let file: String
  public let encoding: SurveyTextEncoding
  public let delimiter: UInt8
  public let layout: SurveyLayout
  /// Physical line of each header row.
  public let headerLines: [Int]
  /// Rows the layout would leave out that the user asked to keep (`--include-unfinished`,
  /// `--include-test`).
  /// Bytes the encoding does not define, replaced with U+FFFD (a warning, with their place).
  public private(set) var replacedBytes: [ReplacedByte] = []
  /// The sheet read, when the file is an Excel workbook.
  public let workbook: SurveyWorkbook?
  /// The layout `--format` forced, nil when it was detected.
  public let forcedFormat: SurveyFormat?
  public let keeping: Set<SurveyRowExclusion>
  /// Data rows the layout left out, by reason.
  public private(set) var excluded: [SurveyRowExclusion: Int] = [:]
  /// 1-based number of the current data row among all data rows (left-out rows counted), the
  /// respondent id of layouts without an id column.
  public private(set) var rowNumber = 0
  /// The current row's fields.
  public let reader: CSVReader
  /// Fields a row must have: the header's, without trailing blank header cells.
  public let width: Int

  /// Reads the file at `path`; `format` forces a layout instead of detecting it; `sheet` names
  /// the sheet of an Excel workbook (else its first); `progress` hears how a workbook's
  /// unpacking and reading go (a CSV is read as its rows are, by the import).
  public convenience init(
    path: String, format: SurveyFormat? = nil, encoding forced: SurveyTextEncoding? = nil,
    keeping: Set<SurveyRowExclusion> = [], sheet: String? = nil, progress: ImportProgress? = nil
  )
    throws(SurveyImportError)
  {
    let data: Data
    switch InputFile.read(path) {
    case .success(let bytes): data = bytes
    case .failure(let problem):
      throw SurveyImportError(file: path, message: problem.message, detail: problem.detail)
    }
    try self.init(
      data: data, file: path, format: format, encoding: forced, keeping: keeping, sheet: sheet,
      progress: progress)
  }

  public init(
    data: Data, file: String, format: SurveyFormat? = nil, encoding forced: SurveyTextEncoding? = nil,
    keeping: Set<SurveyRowExclusion> = [], sheet: String? = nil, progress: ImportProgress? = nil
  )
    throws(SurveyImportError)
  {
    self.file = file
    self.keeping = keeping
    forcedFormat = format
    let reader: CSVReader
    if Workbook.claims(file: file, data: data) {
      // A workbook's sheet becomes the CSV a spreadsheet would save of it; the rest is shared.
      if forced != nil {
        throw SurveyImportError(
          file: file,
          message:
            "--encoding applies to CSV files; expected no --encoding with an Excel workbook (its text is Unicode)"
        )
      }
      let book = try Workbook.read(data, file: file, sheet: sheet, progress: progress)
      let (text, rows) = book.csv()
      workbook = SurveyWorkbook(sheet: book.name, sheets: book.sheetNames, chosen: book.chosen)
      encoding = .utf8
      delimiter = 0x2C
      reader = CSVReader(validatedUTF8: text, delimiter: delimiter)
      reader.recordRows = rows
    } else {
      if sheet != nil {
        throw SurveyImportError(
          file: file,
          message: "--sheet goes with an Excel workbook (.xlsx); expected no --sheet for a CSV file")
      }
      workbook = nil
      let text = DecodedText(data, forced: forced)
      // UTF-16 without its byte-order mark, or no text at all, would otherwise read as a CSV of
      // NULs and noise, and fail on some later line with a puzzling message.
      if text.encoding == .utf8 && forced == nil, let utf16 = InputFile.utf16WithoutBOM(data) {
        throw SurveyImportError(file: file, line: 1, message: InputFile.utf16Refusal(utf16, path: file))
      }
      if ![.utf16LE, .utf16BE, .utf16LENoBOM, .utf16BENoBOM].contains(text.encoding),
        let kind = InputFile.binaryKind(data)
      {
        throw SurveyImportError(
          file: file, line: 1,
          message: "the file is \(kind), not a text CSV file; expected a CSV export (in a spreadsheet: "
            + "Save As → CSV UTF-8)")
      }
      encoding = text.encoding
      replacedBytes = text.replaced
      delimiter = DelimiterSniffing.sniff(text.utf8)
      reader = CSVReader(validatedUTF8: text.utf8, delimiter: delimiter)
    }
    self.reader = reader
    if reader.isEmpty {
      throw SurveyImportError(
        file: file, line: 1, message: "the file is empty; expected a header row and one row per respondent")
    }
    var header = SurveyLayout.Header(rows: [], lines: [])
    do {
      while header.rows.count < 3, try reader.next() {
        header.rows.append(
          (0..<reader.count).map { reader.string($0).trimmingCharacters(in: .whitespacesAndNewlines) })
        header.lines.append(reader.recordLine)
      }
    } catch {
      // A malformed record among the first three: report it as the import would.
      throw SurveyImportError(file: file, line: error.line, message: error.message)
    }
    let detected = SurveyLayout.detect(
      header, delimiter: delimiter, encoding: encoding, forced: format, workbook: workbook != nil)
    // In a workbook, the sheet may be the wrong one: say which was read, and the others.
    let sheetNote =
      workbook.map { book in
        " (read sheet \"\(book.sheet)\""
          + (book.sheets.count > 1
            ? "; --sheet chooses another of "
              + book.sheets.filter { $0 != book.sheet }.map { "\"\($0)\"" }
              .joined(separator: ", ") : "") + ")"
      } ?? ""
    if let found = detected.layout {
      layout = found
    } else {
      let misfits = detected.misfits
      if let format {
        throw SurveyImportError(
          file: file, line: header.lines.first ?? 1,
          message:
            "expected the \(format.title) layout (--format \(format.rawValue)): \(misfits[0].1.reason)\(sheetNote)"
        )
      }
      let tried = misfits.map { "\($0.0.title): \($0.1.reason)" }.joined(separator: "; ")
      throw SurveyImportError(
        file: file, line: header.lines.first ?? 1,
        message:
          "unknown layout; tried \(tried). Expected one of these exports, or --format to choose one\(sheetNote)"
      )
    }
    headerLines = Array(header.lines.prefix(layout.headerRows))
    width = layout.columns.count
    reader.rewind()
    do {
      for _ in 0..<layout.headerRows { _ = try reader.next() }
    } catch {
      throw SurveyImportError(file: file, line: error.line, message: error.message)
    }
  }

  /// The column named `key`, nil when the layout has none.
  public func columns(named key: String) -> [SurveyColumn] {
    layout.columns.filter { $0.key == key }
  }

  /// Advances to the next respondent row; false at the end. Checks the field count.
  public func next() throws(SurveyImportError) -> Bool {
    while true {
      do {
        guard try reader.next() else { return false }
      } catch {
        throw SurveyImportError(file: file, line: error.line, message: error.message)
      }
      rowNumber += 1
      if reader.count != width {
        // Spreadsheets pad rows with empty trailing cells; anything else is a broken row.
        var extra = width
        while extra < reader.count && reader.isBlank(extra) { extra += 1 }
        guard reader.count > width && extra == reader.count else {
          throw SurveyImportError(
            file: file, line: reader.recordLine,
            message: "expected \(width) fields as in the header, found \(reader.count)")
        }
      }
      if let reason = exclusion() {
        excluded[reason, default: 0] += 1
        continue
      }
      return true
    }
  }

  private func exclusion() -> SurveyRowExclusion? {
    guard layout.format == .qualtrics else { return nil }
    // The usual row — a real, finished response — is recognised from the bytes in place.
    if usual(layout.statusColumn, ["IP Address", "0"]) && usual(layout.finishedColumn, ["True", "1"])
      && (layout.channelColumn == nil || !usual(layout.channelColumn, ["preview", "test"]))
    {
      return nil
    }
    func value(_ c: Int?) -> String? {
      guard let c else { return nil }
      return reader.string(c).trimmingCharacters(in: .whitespaces)
    }
    return QualtricsLayout.exclusion(
      status: value(layout.statusColumn), channel: value(layout.channelColumn),
      finished: value(layout.finishedColumn)
    ).flatMap { keeping.contains($0) ? nil : $0 }
  }

  /// True when column `c` is absent or holds exactly one of `values` (the common spellings; any
  /// other spelling goes the slow, case-insensitive way).
  private func usual(_ c: Int?, _ values: [StaticString]) -> Bool {
    guard let c else { return true }
    return reader.withField(c) { field in
      values.contains { value in
        field.elementsEqual(UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
      }
    }
  }
}

/// The sheet of an Excel workbook an export was read from.
public struct SurveyWorkbook: Sendable, Hashable {
  public var sheet: String
  /// Every sheet of the workbook, in order.
  public var sheets: [String]
  /// True when `--sheet` chose it, false for the first sheet.
  public var chosen: Bool
}
