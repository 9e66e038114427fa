import Foundation
import PeiliCore

/// The scale a numeric column's answers come from, judged from the evidence an analyst would
/// use: what the question text says ("on a scale of 1 to 5", "0 = not at all … 10 =
/// extremely"), the labels, and the values seen with their counts. Where the evidence does
/// not settle it, the guess comes with a `check` the draft writes beside it and inspect
/// counts — never a silent guess (a 1–10 survey read as 0–10 inflates every score).
struct ScaleEvidence {
  /// The scale to draft.
  let scale: Scale
  /// Why it needs a look, when it does.
  let check: String?
  /// Answers of 0 taken for a slip beside a 1–N scale (the draft lists 0 under `missing:`).
  let strayZeros: Int

  /// The judgement on one column's evidence: its header and question text, the values seen
  /// and how often each.
  static func judge(text: String, seenMin: Int, seenMax: Int, counts: [Int: Int]) -> ScaleEvidence {
    let total = counts.values.reduce(0, +)
    let zeros = counts[0] ?? 0
    if let stated = stated(in: text), seenMax <= stated.max {
      if stated.min <= seenMin { return ScaleEvidence(scale: stated, check: nil, strayZeros: 0) }
      if seenMin == 0 && (counts.keys.filter { $0 > 0 }.min() ?? 1) >= stated.min {
        return ScaleEvidence(
          scale: stated,
          check:
            "\(zeros) answer\(zeros == 1 ? "" : "s") of 0 outside the stated \(stated.min)–\(stated.max): "
            + "listed under missing:, or correct the file", strayZeros: zeros)
      }
    }
    if seenMin < 0 || seenMax > 10 {
      return ScaleEvidence(
        scale: Scale(min: seenMin, max: max(seenMax, seenMin + 1)),
        check: "values \(seenMin)–\(seenMax) seen: set the scale the question offered", strayZeros: 0)
    }
    // A stray 0 on a 1–5 item (a recoding slip, "no answer" as 0) does not make it 0–10.
    let strayZeros = seenMin == 0 && zeros > 0 && zeros <= max(2, total / 100) && seenMax <= 7
    let lowest = strayZeros ? (counts.keys.filter { $0 > 0 }.min() ?? 1) : seenMin
    var judged: ScaleEvidence
    switch (lowest, seenMax) {
    case (0, 6...):
      judged = ScaleEvidence(
        scale: Scale(min: 0, max: 10),
        check: seenMax == 10 ? nil : "0 seen, highest \(seenMax): 0–10 assumed", strayZeros: 0)
    case (0, _):
      judged = ScaleEvidence(
        scale: Scale(min: 0, max: max(seenMax, 1)),
        check: "0–\(seenMax) seen: a 0–\(seenMax) scale assumed; write the scale the question offered",
        strayZeros: 0)
    case (_, 10):
      judged = ScaleEvidence(
        scale: Scale(min: 1, max: 10),
        check: "no 0 in \(total) answers: 1–10 assumed; write [0, 10] if the question offered 0",
        strayZeros: 0)
    case (_, 8...9):
      judged = ScaleEvidence(
        scale: Scale(min: 1, max: 10),
        check: "highest seen \(seenMax), no 0: 1–10 assumed; 0–10 if the question offered 0", strayZeros: 0)
    case (_, 7):
      judged = ScaleEvidence(scale: Scale(min: 1, max: 7), check: nil, strayZeros: 0)
    case (_, 6):
      judged = ScaleEvidence(
        scale: Scale(min: 1, max: 7), check: "highest seen 6: 1–7 assumed", strayZeros: 0)
    case (_, 5):
      judged = ScaleEvidence(scale: Scale(min: 1, max: 5), check: nil, strayZeros: 0)
    case (_, let hi):
      // 1–3 and 1–4 items exist (3-point grids, forced-choice 4-point scales): keep what was
      // seen rather than stretch it to 1–5, and ask.
      judged = ScaleEvidence(
        scale: Scale(min: 1, max: max(hi, 2)),
        check: "only 1–\(hi) seen: a \(hi)-point scale assumed; 1–5 if the question offered more",
        strayZeros: 0)
    }
    if strayZeros {
      let note =
        "\(zeros) answer\(zeros == 1 ? "" : "s") of 0 outside \(judged.scale.min)–\(judged.scale.max): "
        + "listed under missing:, or correct the file"
      judged = ScaleEvidence(
        scale: judged.scale, check: judged.check.map { "\($0); \(note)" } ?? note, strayZeros: zeros)
    }
    return judged
  }

  init(scale: Scale, check: String?, strayZeros: Int) {
    self.scale = scale
    self.check = check
    self.strayZeros = strayZeros
  }

  /// A scale the text states: "scale of 1 to 5", "from 0 to 10", "(1–7)", "1-10",
  /// "0 = not at all … 10 = extremely", "asteikolla 1–5", "1 = …, 5 = …".
  static func stated(in text: String) -> Scale? {
    let patterns = [
      #"(?i)(?:scale|asteikolla|skala|escala)[^0-9]{0,20}(\d{1,2})\s*(?:to|-|–|—|…|bis|till|a|ja)\s*(\d{1,3})"#,
      #"(?i)from\s+(\d{1,2})\s+to\s+(\d{1,3})"#,
      #"\((\d{1,2})\s*[-–—]\s*(\d{1,3})\)"#,
      #"(?<![\d.,])(\d{1,2})\s*=\s*[^=]{1,60}?(?<![\d.,])(\d{1,3})\s*="#,
    ]
    for pattern in patterns {
      guard let regex = try? NSRegularExpression(pattern: pattern),
        let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
        let a = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
        let b = Range(match.range(at: 2), in: text).flatMap({ Int(text[$0]) })
      else { continue }
      if a < b, a >= 0, b <= 100, [0, 1].contains(a) { return Scale(min: a, max: b) }
    }
    return nil
  }
}
