import Foundation

/// Question texts as survey tools export them hold HTML (`<strong>`, `<br>`, `&amp;`): the
/// draft and the import keep the words only.
enum QuestionText {
  /// `text` without tags, with the common entities decoded and white space folded.
  static func plain(_ text: String) -> String {
    guard text.contains("<") || text.contains("&") else { return text }
    var out = text.replacingOccurrences(of: #"<[^<>]{0,200}>"#, with: " ", options: .regularExpression)
    for (entity, char) in [
      ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
      ("&amp;", "&"),
    ] {
      out = out.replacingOccurrences(of: entity, with: char)
    }
    return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
