/// Typeform's "Download your results" CSV: one header row — `#` (older exports) or
/// `Response ID`, one column per question (a column per option for multiple choice), then
/// `Start Date (UTC)`, `Submit Date (UTC)` (`Stage Date (UTC)`), `Network ID`, tags.
enum TypeformLayout {
  static let markers = ["Submit Date (UTC)", "Start Date (UTC)", "Stage Date (UTC)", "Network ID"]

  static func read(_ header: SurveyLayout.Header) throws(LayoutMisfit) -> SurveyLayout {
    guard let id = header.find(["#", "Response ID", "Token"]) else {
      throw LayoutMisfit("no # or Response ID column")
    }
    guard header.find(markers) != nil else {
      throw LayoutMisfit("no Submit Date (UTC), Start Date (UTC) or Network ID column")
    }
    let names = header.row(0)
    var layout = SurveyLayout(format: .typeform, headerRows: 1, columns: [], idColumn: names[id])
    layout.columns = SurveyLayout.uniqued(
      (0..<SurveyLayout.trimmedWidth(names)).map { i in
        let lower = names[i].lowercased()
        let role: SurveyColumnRole? =
          i == id
          ? .responseID
          : lower.hasSuffix("date (utc)")
            ? .timestamp : ["tags", "ending", "response type"].contains(lower) ? .metadata : nil
        return SurveyColumn(index: i, key: names[i].isEmpty ? "column \(i + 1)" : names[i], role: role)
      })
    return layout
  }
}
