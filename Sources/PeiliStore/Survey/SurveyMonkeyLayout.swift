/// SurveyMonkey exports ("Understanding exported data", all responses, expanded): a first row
/// of question headers, each written once over the columns of its options and left blank over
/// the rest, and a second row naming the option (`Response`, `Open-Ended Response`, an option
/// or matrix row label). A column's key is its question header carried forward, plus
/// ` [label]` when the label is an option rather than `Response`.
enum SurveyMonkeyLayout {
  static let responseLabels: Set<String> = ["response", "open-ended response"]

  static func read(_ header: SurveyLayout.Header) throws(LayoutMisfit) -> SurveyLayout {
    let top = header.row(0)
    let labels = header.row(1)
    let hasID = header.find(["Respondent ID"]) != nil
    let hasResponseRow = labels.contains { responseLabels.contains($0.lowercased()) }
    guard hasID || hasResponseRow else {
      throw LayoutMisfit(
        "no Respondent ID column, and no second header row naming Response or Open-Ended Response")
    }
    let width = max(SurveyLayout.trimmedWidth(top), SurveyLayout.trimmedWidth(labels))
    var columns: [SurveyColumn] = []
    var layout = SurveyLayout(format: .surveymonkey, headerRows: 2, columns: [], idColumn: nil)
    var question = ""
    for i in 0..<width {
      let head = i < top.count ? top[i] : ""
      let label = i < labels.count ? labels[i] : ""
      if !head.isEmpty { question = head }
      let key: String
      if question.isEmpty {
        key = label.isEmpty ? "column \(i + 1)" : label
      } else if label.isEmpty || (responseLabels.contains(label.lowercased()) && head == question) {
        key = question
      } else {
        key = "\(question) [\(label)]"
      }
      var role: SurveyColumnRole?
      switch key.lowercased() {
      case "respondent id":
        role = .responseID
        layout.idColumn = key
      case "start date", "end date": role = .timestamp
      case "collector id": role = .metadata
      default: if key.lowercased().hasPrefix("custom data") { role = .metadata }
      }
      columns.append(SurveyColumn(index: i, key: key, role: role))
    }
    layout.columns = SurveyLayout.uniqued(columns)
    return layout
  }
}
