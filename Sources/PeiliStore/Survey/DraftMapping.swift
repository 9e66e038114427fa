import Foundation
import PeiliCore

extension SurveyInspection {
  /// A mapping for this export that imports as it stands once every `theme: TODO` is replaced
  /// by a theme id: respondent id, segments, questions (id, text, scale, labels, nps) and
  /// comment columns, with personal and unmapped columns listed in comments only.
  public var draftMapping: String {
    var out: [String] = []
    out.append("# Draft mapping written by `peili import survey --inspect` for \(Self.yamlComment(file))")
    out.append(
      "# (\(format.title), \(encoding.rawValue), \(DelimiterSniffing.name(delimiter))-separated, "
        + "\(headerLines.count) header row(s), \(respondents) respondents).")
    out.append("# Replace every `theme: TODO` with a theme id (from your OKR file, or listed under themes:),")
    out.append(
      "# check the scales, then: peili import survey FILE --mapping THIS.yaml --wave NAME --audience …")
    let personal = personalColumns
    if !personal.isEmpty {
      out.append(
        "# Personal columns, dropped and never stored: "
          + personal.map { Self.yamlComment($0.key) }.joined(separator: ", "))
    }
    var ids = Set<String>()
    func uniqueID(_ base: String) -> String {
      var id = base.isEmpty ? "q" : base
      var n = 2
      while ids.contains(id) {
        id = "\(base)_\(n)"
        n += 1
      }
      ids.insert(id)
      return id
    }

    let idColumn = columns.first { $0.kind == .id }
    let idKey = idColumn?.key ?? (rowNumbersAsIDs ? SurveyMapping.rowNumberID : "TODO")
    if idColumn == nil && !rowNumbersAsIDs {
      out.append("# No column with a unique value per row was found: name the respondent id column here.")
    }
    out.append("respondent_id: " + YAMLScalar.text(idKey))

    var segments: [String] = []
    var questions: [String] = []
    var comments: [String] = []
    var unmapped: [String] = []
    var labelSets: [String: AnswerLabels.LabelSet] = [:]
    var sawNPS = false
    for c in columns {
      let column = YAMLScalar.text(c.key, inFlow: true)
      switch c.kind {
      case .segment:
        let name = Self.slug(c.key)
        segments.append(
          "  - {column: \(column)" + (name == c.key || name.isEmpty ? "" : ", name: \(name)") + "}")
      case .numericScale(let lo, let hi), .labelScale(_, _, let lo, let hi):
        let scale = Self.scale(seenMin: lo, seenMax: hi)
        var entry = "  - {column: \(column), id: \(uniqueID(Self.slug(c.key))), "
        entry +=
          "text: \(YAMLScalar.text(c.text, inFlow: true)), theme: TODO, scale: [\(scale.min), \(scale.max)]"
        if case .labelScale(_, let set?, _, _) = c.kind,
          let known = AnswerLabels.known.first(where: { $0.name == set })
        {
          labelSets[set] = known
          entry += ", labels: \(set)"
        }
        let lower = (c.text + " " + c.key).lowercased()
        if scale == Scale(min: 0, max: 10) && !sawNPS
          && ["recommend", "suosit", "rekommend", "empfehl"].contains(where: lower.contains)
        {
          entry += ", nps: true, outcome: true"
          sawNPS = true
        }
        questions.append(entry + "}  # seen \(lo)–\(hi)")
      case .freeText:
        comments.append("  - {column: \(column), theme: TODO}")
      case .id, .personal: break
      case .date: unmapped.append("\(Self.yamlComment(c.key)) (date)")
      case .other(let why): unmapped.append("\(Self.yamlComment(c.key)) (\(Self.yamlComment(why)))")
      case .empty: unmapped.append("\(Self.yamlComment(c.key)) (empty)")
      }
    }
    if !unmapped.isEmpty { out.append("# Not mapped: " + unmapped.joined(separator: ", ")) }
    out.append("segments:" + (segments.isEmpty ? " []" : ""))
    out += segments
    out.append("themes:  # themes not in the workspace yet, e.g. - {id: service, name: Customer service}")
    if !labelSets.isEmpty {
      out.append("labels:")
      for (name, set) in labelSets.sorted(by: { $0.key < $1.key }) {
        let pairs = set.labels.map { "\(YAMLScalar.quoted($0.label)): \($0.value)" }.joined(separator: ", ")
        out.append("  \(name): {\(pairs)}")
      }
    }
    out.append("questions:" + (questions.isEmpty ? " []  # no column looked like answers on a scale" : ""))
    out += questions
    out.append("comments:" + (comments.isEmpty ? " []" : ""))
    out += comments
    return out.joined(separator: "\n") + "\n"
  }

  /// The scale a column's seen values most likely come from: 0–10 once a value above 7 or a
  /// zero appears, else 1–5 or 1–7.
  static func scale(seenMin: Int, seenMax: Int) -> Scale {
    if seenMin < 0 || seenMax > 10 { return Scale(min: seenMin, max: max(seenMax, seenMin + 1)) }
    if seenMin == 0 || seenMax > 7 { return Scale(min: 0, max: 10) }
    if seenMax <= 5 { return Scale(min: 1, max: 5) }
    return Scale(min: 1, max: 7)
  }

  /// A question or segment id from a header: lower case ASCII words joined by `_`, at most
  /// four words ("How satisfied are you with our service" → how_satisfied_are_you).
  static func slug(_ s: String) -> String {
    // "Question [Row]": two words of the question, three of the row, so matrix rows differ.
    if let open = s.lastIndex(of: "["), s.hasSuffix("]"), open > s.startIndex {
      let question = words(String(s[..<open])).prefix(2)
      let row = words(String(s[s.index(after: open)..<s.index(before: s.endIndex)])).prefix(3)
      let id = (question + row).joined(separator: "_")
      return id.first?.isNumber == true ? "q" + id : id
    }
    let id = words(s).prefix(4).joined(separator: "_")
    return id.first?.isNumber == true ? "q" + id : id
  }

  /// Lower case ASCII words of `s`, diacritics folded.
  static func words(_ s: String) -> [String] {
    let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var words: [String] = []
    var word = ""
    for ch in folded.unicodeScalars {
      if ch.isASCII && (ch.properties.isAlphabetic || ("0"..."9").contains(ch)) {
        word.unicodeScalars.append(ch)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }

  /// Text safe inside a YAML comment line.
  static func yamlComment(_ s: String) -> String {
    YAMLScalar.readable(s).replacingOccurrences(of: "\n", with: " ")
  }
}
