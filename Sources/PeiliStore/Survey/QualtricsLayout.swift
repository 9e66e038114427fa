/// Qualtrics CSV exports ("Data Export Options"): since 2017 three header rows — column ids
/// (`ResponseId`, `Q1_1`…), question text, `{"ImportId":…}` — or two without the ImportId row;
/// the legacy export has `V1`…`V10` ids over a row naming `ResponseID`, `Status`, `Finished`.
/// Rows of previews, tests and spam are left out by `Status`/`DistributionChannel`, and
/// unfinished responses by `Finished` unless asked for.
enum QualtricsLayout {
  static let timestamps: Set<String> = ["startdate", "enddate", "recordeddate"]
  static let metadata: Set<String> = [
    "status", "progress", "duration (in seconds)", "finished", "distributionchannel", "userlanguage",
    "responseset", "q_recaptchascore", "q_relevantidduplicate", "q_relevantidduplicatescore",
    "q_relevantidfraudscore", "q_relevantidlaststartdate", "q_ballotboxstuffing", "q_totalduration",
  ]

  static func read(_ header: SurveyLayout.Header) throws(LayoutMisfit) -> SurveyLayout {
    let ids = header.row(0)
    let texts = header.row(1)
    var keys: [String]
    var rows: Int
    if header.find(["ResponseId", "ResponseID"]) != nil {
      keys = ids
      let importRow = header.row(2).contains { $0.hasPrefix("{\"ImportId\"") || $0.hasPrefix("{'ImportId'") }
      rows = importRow ? 3 : 2
      if !importRow, let id = header.find(["ResponseId", "ResponseID"]), id < texts.count,
        texts[id].hasPrefix("R_")
      {
        rows = 1  // no question-text row at all: the second record is a response
      }
    } else if ids.first == "V1", header.find(["ResponseID"], row: 1) != nil {
      // Legacy: V1…Vn for the embedded fields (named in row two), Q ids for the questions.
      keys = ids.enumerated().map { i, id in
        id.first == "V" && Int(id.dropFirst()) != nil && i < texts.count ? texts[i] : id
      }
      rows = 2
    } else {
      throw LayoutMisfit(
        "no ResponseId column in the first header row (nor a legacy V1… row over ResponseID)")
    }
    let width = max(SurveyLayout.trimmedWidth(keys), rows > 1 ? SurveyLayout.trimmedWidth(texts) : 0)
    keys += Array(repeating: "", count: max(0, width - keys.count))
    var columns: [SurveyColumn] = []
    var layout = SurveyLayout(format: .qualtrics, headerRows: rows, columns: [], idColumn: nil)
    for i in 0..<width {
      let lower = keys[i].lowercased()
      var role: SurveyColumnRole?
      if lower == "responseid" {
        role = .responseID
        layout.idColumn = keys[i]
      } else if timestamps.contains(lower) {
        role = .timestamp
      } else if metadata.contains(lower) {
        role = .metadata
      }
      if lower == "status" { layout.statusColumn = i }
      if lower == "distributionchannel" { layout.channelColumn = i }
      if lower == "finished" { layout.finishedColumn = i }
      let text = rows > 1 && i < texts.count && !texts[i].isEmpty ? texts[i] : keys[i]
      columns.append(
        SurveyColumn(index: i, key: keys[i].isEmpty ? "column \(i + 1)" : keys[i], text: text, role: role))
    }
    layout.columns = SurveyLayout.uniqued(columns)
    return layout
  }

  /// Why a data row is left out, or nil to keep it. Status codes per Qualtrics: 0 IP address,
  /// 1 survey preview, 2 survey test, 4 imported, 8 spam, 9 preview spam, 12 imported spam,
  /// 16 offline, 17 offline preview.
  static func exclusion(status: String?, channel: String?, finished: String?) -> SurveyRowExclusion? {
    if let status = status?.lowercased(), !status.isEmpty {
      if ["1", "2", "8", "9", "12", "17"].contains(status) || status.contains("preview")
        || status.contains("test") || status.contains("spam")
      {
        return status.contains("spam") || ["8", "9", "12"].contains(status) ? .spam : .preview
      }
    }
    if let channel = channel?.lowercased(), channel == "preview" || channel == "test" { return .preview }
    if let finished = finished?.lowercased(), !finished.isEmpty,
      !(finished == "true" || finished == "1")
    {
      return .unfinished
    }
    return nil
  }
}

/// Why a data row of an export was not imported.
public enum SurveyRowExclusion: String, Sendable, Hashable, CaseIterable {
  case preview = "survey preview or test"
  case spam
  case unfinished = "unfinished"
}
