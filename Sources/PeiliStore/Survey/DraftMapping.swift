import Foundation
import PeiliCore

extension SurveyInspection {
  /// A mapping for this export that imports as it stands once every `theme: TODO` is replaced
  /// by a theme id: respondent id, segments, questions (id, text, scale, labels, nps) and
  /// comment columns, with personal and unmapped columns listed in comments only.
  public var draftMapping: String {
    var out: [String] = []
    out.append("# Draft mapping written by `peili import survey --inspect` for \(Self.yamlComment(file))")
    let read =
      workbook.map { "Excel workbook, sheet \(Self.yamlComment($0.sheet))" }
      ?? "\(encoding.rawValue), \(DelimiterSniffing.name(delimiter))-separated"
    out.append(
      "# (\(format.title), \(read), \(headerLines.count) header row(s), \(respondents) respondents).")
    out.append("# Replace every `theme: TODO` with a theme id (from your OKR file, or listed under themes:),")
    out.append(
      "# check the scales, then: peili import survey FILE"
        + (workbook?.chosen == true ? " --sheet \(Self.yamlComment(workbook!.sheet))" : "")
        + " --mapping THIS.yaml --wave NAME --audience …")
    let personal = personalColumns
    if !personal.isEmpty {
      out.append(
        "# Personal columns, dropped and never stored: "
          + personal.map { Self.yamlComment($0.key) }.joined(separator: ", "))
    }
    // Question ids and segment names are each unique: headers that share a long prefix
    // ("Looking ahead, how do you expect your use of X to change?") slug alike.
    var questionIDs = UniqueNames(fallback: "q")
    var segmentNames = UniqueNames(fallback: "segment")

    let idColumn = columns.first { $0.kind == .id }
    let idKey = idColumn?.key ?? SurveyMapping.rowNumberID
    if idColumn == nil && !rowNumbersAsIDs {
      out.append(
        "# No column with a unique value per row was found: the row number is the respondent id"
          + " (name an id column here if the export has one).")
    }
    let checks = columnsToCheck
    if checks > 0 {
      out.append(
        "# \(checks) question\(checks == 1 ? "" : "s") marked `check:` below: confirm the scale before importing."
      )
    }
    out.append("respondent_id: " + YAMLScalar.text(idKey))

    var segments: [String] = []
    var questions: [String] = []
    var comments: [String] = []
    var unmapped: [String] = []
    var labelSets: [String: AnswerLabels.LabelSet] = [:]
    var sawNPS = false
    for c in columns {
      // A column without a header (none left once control characters go, as YAML cannot
      // carry them) cannot be named in a mapping (found by fuzzing).
      if YAMLScalar.readable(c.key).trimmingCharacters(in: .whitespaces).isEmpty {
        unmapped.append("column \(c.index + 1) (no header)")
        continue
      }
      let column = YAMLScalar.text(c.key, inFlow: true)
      switch c.kind {
      case .segment:
        // A header's HTML (`<b>Region</b>`, `&amp;`) is no part of the name, as for question ids.
        let name = segmentNames.claim(Self.slug(QuestionText.plain(c.key)))
        segments.append("  - {column: \(column)" + (name == c.key ? "" : ", name: \(name)") + "}")
      case .numericScale(let lo, let hi), .labelScale(_, _, let lo, let hi):
        let text = QuestionText.plain(c.text)
        var known: AnswerLabels.LabelSet?
        if case .labelScale(_, let set?, _, _) = c.kind {
          known = AnswerLabels.known.first { $0.name == set }
        }
        // A known label set brings its own scale; numbers need the evidence weighed.
        let judged =
          known.map { ScaleEvidence(scale: $0.scale, check: nil, strayZeros: 0) }
          ?? ScaleEvidence.judge(text: text + " " + c.key, seenMin: lo, seenMax: hi, counts: c.counts)
        let scale = judged.scale
        var entry = "  - {column: \(column), id: \(questionIDs.claim(Self.slug(QuestionText.plain(c.key)))), "
        entry +=
          "text: \(YAMLScalar.text(text, inFlow: true)), theme: TODO, scale: [\(scale.min), \(scale.max)]"
        if let known {
          labelSets[known.name] = known
          entry += ", labels: \(known.name)"
        }
        let missing = c.missing.map(\.value) + (judged.strayZeros > 0 ? ["0"] : [])
        if !missing.isEmpty {
          let items = missing.map { Int($0) != nil ? $0 : YAMLScalar.text($0, inFlow: true) }
          entry += ", missing: [" + items.joined(separator: ", ") + "]"
        }
        if scale == Scale(min: 0, max: 10) && !sawNPS && Self.asksToRecommend(text + " " + c.key) {
          entry += ", nps: true, outcome: true"
          sawNPS = true
        }
        var comment = "seen \(lo)–\(hi)"
        if !c.missing.isEmpty {
          comment +=
            "; no-answer values: "
            + c.missing.map { "\(Self.yamlComment($0.value)) ×\($0.count)" }.joined(separator: ", ")
        }
        if let check = judged.check { comment += "; check: \(check)" }
        if let from = Self.draftedFavourable(scale) {
          entry += ", favourable: " + SurveyMapping.favourableYAML(.atLeast(from))
          comment +=
            "; check: favourable from \(from) assumed on a \(scale.max - scale.min + 1)-point scale; "
            + "write the threshold your organisation counts"
        }
        questions.append(entry + "}  # " + comment)
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

  /// The question columns whose draft entry says `check:` (the scale could not be settled, or
  /// its favourable answers had to be assumed).
  public var columnsToCheck: Int {
    columns.filter { c in
      guard case .numericScale(let lo, let hi) = c.kind else { return false }
      let judged = ScaleEvidence.judge(
        text: QuestionText.plain(c.text) + " " + c.key, seenMin: lo, seenMax: hi, counts: c.counts)
      return judged.check != nil || Self.draftedFavourable(judged.scale) != nil
    }.count
  }

  /// The `favourable: ">= X"` a draft writes for a scale too long for the default top two
  /// points (0–100); nil for the others.
  static func draftedFavourable(_ scale: Scale) -> Int? {
    scale.max - scale.min + 1 > SurveyMapping.defaultFavourableMaxPoints
      ? SurveyMapping.suggestedFavourable(scale) : nil
  }

  /// Whether a 0–10 question asks how likely one is to recommend: an NPS item, in the languages
  /// peili's users answer in.
  static func asksToRecommend(_ text: String) -> Bool {
    let lower = text.lowercased()
    return [
      "recommend", "suosit", "rekommend", "empfehl", "recomend", "recomiend", "anbefal", "aanbevel",
      "raccomand",
    ]
    .contains(where: lower.contains)
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

/// Names handed out once each: a taken one gets `_2`, `_3`, …
struct UniqueNames {
  let fallback: String
  private var taken = Set<String>()

  init(fallback: String) { self.fallback = fallback }

  mutating func claim(_ base: String) -> String {
    let stem = base.isEmpty ? fallback : base
    var name = stem
    var n = 2
    while taken.contains(name) {
      name = "\(stem)_\(n)"
      n += 1
    }
    taken.insert(name)
    return name
  }
}
