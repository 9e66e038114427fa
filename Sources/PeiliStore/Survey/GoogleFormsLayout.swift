/// Google Forms' "Download responses (.csv)": one header row starting with `Timestamp` (in the
/// form owner's language), `Email Address` when collected, then the question titles; a grid
/// question gives one column per row as `Title [Row]`. There is no response id: the 1-based
/// data row number is the respondent id.
enum GoogleFormsLayout {
  static let timestampNames = [
    "Timestamp", "Aikaleima", "Tidsstämpel", "Tidsstempel", "Zeitstempel", "Horodateur", "Marca temporal",
  ]

  static func read(_ header: SurveyLayout.Header) throws(LayoutMisfit) -> SurveyLayout {
    let names = header.row(0)
    guard let first = names.first, timestampNames.contains(where: { $0.lowercased() == first.lowercased() })
    else {
      throw LayoutMisfit("the first column is not Timestamp")
    }
    var layout = SurveyLayout(format: .googleforms, headerRows: 1, columns: [], idColumn: nil)
    layout.rowNumbersAsIDs = true
    layout.columns = SurveyLayout.uniqued(
      (0..<SurveyLayout.trimmedWidth(names)).map { i in
        let lower = names[i].lowercased()
        let role: SurveyColumnRole? =
          i == 0 ? .timestamp : ["score", "total score"].contains(lower) ? .metadata : nil
        return SurveyColumn(index: i, key: names[i].isEmpty ? "column \(i + 1)" : names[i], role: role)
      })
    return layout
  }
}
