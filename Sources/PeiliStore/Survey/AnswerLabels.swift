import Foundation
import PeiliCore

/// Answers written as labels ("Strongly agree", "Täysin samaa mieltä", "10 - Extremely likely"):
/// how they are compared with a mapping's `labels:` and the label sets `--inspect` recognises.
public enum AnswerLabels {
  /// The form labels are compared in: trimmed (no-break spaces too), inner runs of white space
  /// as one space, lower case — so "Agree ", "agree" and "Agree" are the same label.
  public static func normalised(_ s: String) -> String {
    var out = ""
    var pendingSpace = false
    for ch in s {
      if ch.isWhitespace {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(ch)
    }
    return out.lowercased()
  }

  /// The whole number a label starts with, when text follows it: "10 - Extremely likely" → 10,
  /// "0 = Not at all" → 0, "5 (best)" → 5; nil for "4.5", "4" or "Agree".
  public static func leadingNumber(_ s: String) -> Int? {
    let t = s.trimmingCharacters(in: .whitespaces)
    let digits = t.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 6, let value = Int(digits) else { return nil }
    let rest = t.dropFirst(digits.count)
    guard let next = rest.first, !(next.isASCII && next.isNumber), rest.contains(where: \.isLetter) else {
      return nil
    }
    // "4.5", "4,5": a decimal number, not a number in front of a label.
    if next == "." || next == "," {
      guard let after = rest.dropFirst().first, !after.isNumber else { return nil }
    }
    return value
  }

  /// A named label set: every label (synonyms included) with its value, lowest first.
  public struct LabelSet: Sendable {
    public var name: String
    public var scale: Scale
    public var labels: [(label: String, value: Int)]
  }

  /// Scales the vendors ship in English and Finnish; `--inspect` writes the one whose labels
  /// cover every label a column holds into the draft mapping.
  public static let known: [LabelSet] =
    [
      LabelSet(
        name: "agree5", scale: Scale(min: 1, max: 5),
        labels: [
          ("Strongly disagree", 1), ("Disagree", 2), ("Somewhat disagree", 2),
          ("Neither agree nor disagree", 3),
          ("Neutral", 3), ("Agree", 4), ("Somewhat agree", 4), ("Strongly agree", 5),
        ]),
      LabelSet(
        name: "agree5_fi", scale: Scale(min: 1, max: 5),
        labels: [
          ("Täysin eri mieltä", 1), ("Jokseenkin eri mieltä", 2), ("Ei samaa eikä eri mieltä", 3),
          ("En samaa enkä eri mieltä", 3), ("Jokseenkin samaa mieltä", 4), ("Täysin samaa mieltä", 5),
        ]),
      LabelSet(
        name: "satisfied5", scale: Scale(min: 1, max: 5),
        labels: [
          ("Very dissatisfied", 1), ("Dissatisfied", 2), ("Somewhat dissatisfied", 2),
          ("Neither satisfied nor dissatisfied", 3), ("Satisfied", 4), ("Somewhat satisfied", 4),
          ("Very satisfied", 5),
        ]),
      LabelSet(
        name: "satisfied5_fi", scale: Scale(min: 1, max: 5),
        labels: [
          ("Erittäin tyytymätön", 1), ("Melko tyytymätön", 2), ("Ei tyytyväinen eikä tyytymätön", 3),
          ("Melko tyytyväinen", 4), ("Erittäin tyytyväinen", 5),
        ]),
      LabelSet(
        name: "quality5", scale: Scale(min: 1, max: 5),
        labels: [("Poor", 1), ("Fair", 2), ("Good", 3), ("Very good", 4), ("Excellent", 5)]),
    ] + LabelSets.more

  /// The known set holding every one of `labels` (compared normalised). Among those, one in
  /// which different labels keep different values (a 7-point agreement scale is not the
  /// 5-point one whose synonyms happen to cover its labels), and of those one with exactly as
  /// many points as labels seen (three labels of a 3-point grid are not three of five); else
  /// the first that holds them, in the order of `known` (the common 5-point sets first).
  static func knownSet(covering labels: some Collection<String>) -> LabelSet? {
    let wanted = Set(labels.map(normalised))
    guard !wanted.isEmpty else { return nil }
    let covering = known.filter { set in wanted.isSubset(of: Set(set.labels.map { normalised($0.label) })) }
    let distinct = covering.filter { set in
      let values = set.labels.filter { wanted.contains(normalised($0.label)) }.map(\.value)
      return Set(values).count == wanted.count
    }
    let exact = distinct.first { $0.scale.max - $0.scale.min + 1 == wanted.count }
    return exact ?? distinct.first ?? covering.first
  }
}
