/// The export layouts `peili import survey` reads (`--format`), detected automatically when not
/// forced. Every layout is turned into the same columns-and-rows shape before the import.
public enum SurveyFormat: String, Sendable, Hashable, CaseIterable {
  /// peili's own layout: one header row of column names, one row per respondent.
  case canonical
  /// Qualtrics "Data Export": column ids, question text and `{"ImportId":…}` header rows.
  case qualtrics
  /// SurveyMonkey "Export responses": question headers over a row of option labels.
  case surveymonkey
  /// Google Forms "Download responses (.csv)": `Timestamp`, then one column per question.
  case googleforms
  /// Typeform "Download results": `#`/`Response ID`, questions, `Submit Date (UTC)`, `Network ID`.
  case typeform
  /// The canonical layout as Excel saves it in Nordic locales: semicolons, decimal commas,
  /// Windows-1252 or UTF-16, CRLF.
  case excel

  /// The name used in messages and the inspect output.
  public var title: String {
    switch self {
    case .canonical: "canonical (peili CSV)"
    case .qualtrics: "Qualtrics"
    case .surveymonkey: "SurveyMonkey"
    case .googleforms: "Google Forms"
    case .typeform: "Typeform"
    case .excel: "Excel-saved CSV"
    }
  }
}

/// Why a layout does not fit a file (one line, for the "unknown layout" message).
struct LayoutMisfit: Error, Sendable {
  let reason: String
  init(_ reason: String) { self.reason = reason }
}

/// What a vendor column is for, besides being a possible question, segment or comment.
public enum SurveyColumnRole: String, Sendable, Hashable {
  /// The vendor's response id column.
  case responseID = "response id"
  /// A start, end, submit or recorded timestamp.
  case timestamp
  /// Vendor bookkeeping (status, progress, duration, language, channel…), not an answer.
  case metadata
}

/// One column of an export as its layout reads it.
public struct SurveyColumn: Sendable, Hashable {
  /// 0-based field position in each row.
  public var index: Int
  /// The name a mapping's `column:` uses (Qualtrics: the column id such as `Q1_1`).
  public var key: String
  /// The header as the survey showed it (the question text where the layout carries it).
  public var text: String
  /// Why the column holds personal data (never stored), or nil.
  public var personal: String?
  public var role: SurveyColumnRole?

  init(index: Int, key: String, text: String? = nil, role: SurveyColumnRole? = nil) {
    self.index = index
    self.key = key
    self.text = text ?? key
    self.personal = PersonalColumns.kind(of: key) ?? text.flatMap { PersonalColumns.kind(of: $0) }
    self.role = role
  }
}

/// How one detected layout reads a file: header rows, columns, and the rows it leaves out.
public struct SurveyLayout: Sendable {
  public var format: SurveyFormat
  /// Header records before the first respondent row.
  public var headerRows: Int
  public var columns: [SurveyColumn]
  /// The key of the vendor's response id column; nil when the layout has none (Google Forms:
  /// the data row number is the respondent id).
  public var idColumn: String?
  /// True when the layout has no id column and the 1-based data row number is the respondent id.
  public var rowNumbersAsIDs = false
  /// Qualtrics: the columns that mark preview, test, spam and unfinished responses.
  var statusColumn: Int?
  var channelColumn: Int?
  var finishedColumn: Int?

  init(format: SurveyFormat, headerRows: Int, columns: [SurveyColumn], idColumn: String?) {
    self.format = format
    self.headerRows = headerRows
    self.columns = columns
    self.idColumn = idColumn
  }

  /// The header records a layout is detected from: up to three, trimmed, with their lines.
  struct Header {
    var rows: [[String]]
    var lines: [Int]
    func row(_ i: Int) -> [String] { i < rows.count ? rows[i] : [] }
    /// Index of the first cell of row `r` equal (ignoring case) to one of `names`.
    func find(_ names: [String], row r: Int = 0) -> Int? {
      let wanted = Set(names.map { $0.lowercased() })
      return row(r).firstIndex { wanted.contains($0.lowercased()) }
    }
  }

  /// The width that counts: the header without its trailing blank cells (spreadsheets leave them).
  static func trimmedWidth(_ cells: [String]) -> Int {
    var n = cells.count
    while n > 0 && cells[n - 1].isEmpty { n -= 1 }
    return n
  }

  /// Keys made unique within a vendor layout (a form may repeat a title): `Title (2)`, `Title (3)`.
  static func uniqued(_ columns: [SurveyColumn]) -> [SurveyColumn] {
    var seen: [String: Int] = [:]
    return columns.map { c in
      var c = c
      let n = (seen[c.key] ?? 0) + 1
      seen[c.key] = n
      if n > 1 { c.key += " (\(n))" }
      return c
    }
  }

  /// Detects the layout of `header` (or checks the forced one); the misfit reasons of every
  /// layout tried when none fits.
  /// A workbook's sheet is never an Excel-saved CSV (that layout is only tried when forced).
  static func detect(
    _ header: Header, delimiter: UInt8, encoding: SurveyTextEncoding, forced: SurveyFormat?,
    workbook: Bool = false
  )
    -> (layout: SurveyLayout?, misfits: [(SurveyFormat, LayoutMisfit)])
  {
    let order: [SurveyFormat] =
      forced.map { [$0] }
      ?? [.qualtrics, .surveymonkey, .typeform, .googleforms, .excel, .canonical].filter {
        !workbook || $0 != .excel
      }
    var misfits: [(SurveyFormat, LayoutMisfit)] = []
    for format in order {
      do throws(LayoutMisfit) {
        let found = try layout(
          format, header, delimiter: delimiter, encoding: encoding, forced: forced != nil)
        return (found, misfits)
      } catch {
        misfits.append((format, error))
      }
    }
    return (nil, misfits)
  }

  private static func layout(
    _ format: SurveyFormat, _ header: Header, delimiter: UInt8, encoding: SurveyTextEncoding, forced: Bool
  ) throws(LayoutMisfit) -> SurveyLayout {
    switch format {
    case .qualtrics: return try QualtricsLayout.read(header)
    case .surveymonkey: return try SurveyMonkeyLayout.read(header)
    case .typeform: return try TypeformLayout.read(header)
    case .googleforms: return try GoogleFormsLayout.read(header)
    case .canonical, .excel:
      if format == .excel && !forced && delimiter == 0x2C && [.utf8, .utf8BOM].contains(encoding) {
        throw LayoutMisfit("comma-separated UTF-8, not what Excel saves (semicolons or Windows-1252/UTF-16)")
      }
      return try CanonicalLayout.read(header, format: format)
    }
  }
}

/// peili's own layout (and Excel's saving of it): one header row of distinct, non-blank names.
enum CanonicalLayout {
  static func read(_ header: Header, format: SurveyFormat) throws(LayoutMisfit) -> SurveyLayout {
    let names = header.row(0)
    let width = SurveyLayout.trimmedWidth(names)
    guard width >= 2 else {
      throw LayoutMisfit("the first row has \(width) column name(s); expected a header with at least two")
    }
    if let blank = names[0..<width].firstIndex(where: \.isEmpty) {
      throw LayoutMisfit("header cell #\(blank + 1) is blank; expected a name for every column")
    }
    let columns = (0..<width).map { SurveyColumn(index: $0, key: names[$0]) }
    return SurveyLayout(format: format, headerRows: 1, columns: columns, idColumn: nil)
  }

  typealias Header = SurveyLayout.Header
}
