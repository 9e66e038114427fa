import Foundation

@testable import PeiliStore

// The checks FuzzCSV and FuzzXLSX share: whatever the bytes, a survey export opened as
// `peili import survey` opens it (encoding, workbook, layout) is refused with an error or
// streams its rows, and `--inspect` drafts a mapping that reads back as a mapping.

/// Opens the bytes as the export `file` and reads every row's fields through its layout.
public func openSurvey(_ bytes: Data, file: String, format: SurveyFormat?, keeping: Set<SurveyRowExclusion>) {
  let decoded = DecodedText(bytes)
  let invalid = decoded.utf8.withUnsafeBytes { CSVReader.firstInvalidUTF8Line($0.bindMemory(to: UInt8.self)) }
  precondition(
    invalid == nil, "DecodedText (\(decoded.encoding)) produced invalid UTF-8 at line \(invalid ?? 0)")
  let table: SurveyTable
  do {
    table = try SurveyTable(data: bytes, file: file, format: format, keeping: keeping)
  } catch {
    precondition(error.line.map { $0 >= 1 } ?? true, "error line must be 1-based: \(error)")
    _ = error.description
    return
  }
  if let format {
    precondition(table.layout.format == format, "--format \(format) gave \(table.layout.format)")
  }
  precondition(table.width == table.layout.columns.count, "width differs from the layout's columns")
  for column in table.layout.columns {
    _ = table.columns(named: column.key)
    precondition(
      column.index >= 0 && column.index < table.width, "column index \(column.index) outside the row")
  }
  var rows = 0
  do {
    while try table.next() {
      precondition(table.reader.count >= table.width, "a row shorter than the header was accepted")
      for column in table.layout.columns {
        let text = table.reader.string(column.index)
        _ = table.reader.integer(column.index)
        _ = AnswerLabels.leadingNumber(text)
        _ = AnswerLabels.normalised(text)
      }
      rows += 1
      if rows > 10_000 { return }
    }
  } catch {
    precondition(error.line.map { $0 >= 1 } ?? true, "error line must be 1-based: \(error)")
    _ = error.description
  }
}

/// `--inspect` and `--mapping-out` on the bytes: the inspection, its report and the draft
/// mapping; the draft must parse as a mapping, refused (if at all) only for what it leaves to
/// the analyst — a `theme: TODO`, or no question to map — never for its own YAML or names.
public func inspectAndDraft(_ bytes: Data, file: String) {
  guard let table = try? SurveyTable(data: bytes, file: file) else { return }
  guard let inspection = try? SurveyInspection.inspect(table, path: file) else { return }
  _ = inspection.report
  let draft = inspection.draftMapping
  do {
    _ = try SurveyMapping.parse(draft, file: "draft.yaml")
  } catch {
    let left = ["is still TODO", "expected at least one entry under questions"]
    precondition(left.contains { error.message.contains($0) }, "the draft does not parse: \(error)\n\(draft)")
  }
}
