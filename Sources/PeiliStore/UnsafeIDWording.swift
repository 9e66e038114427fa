import PeiliCore
import PeiliText

extension UnsafeCharacter {
  /// Why `text` was refused as `what` (e.g. "wave", "question id"), and what is expected: the
  /// wording every importer and the command line give an id with an unsafe character.
  public func refusal(of what: String, _ text: String) -> String {
    let article: String
    switch kind {
    case .control: article = "a control character"
    case .bidi: article = "a bidi control"
    case .invisible: article = "an invisible character"
    }
    return "\(what) `\(text.shownForTerminal)` holds \(article) (\(shown) at character \(position)); "
      + "expected printable text without control, bidi or invisible characters"
  }
}
