/// The answers survey tools write for "no answer" — "I don't know", "prefer not to say",
/// "N/A", and their Finnish, Swedish, German and Spanish wordings — and the negative codes
/// (SoSci's −9, recodes −1/−2) beside a scale's values. `--inspect` proposes them as the
/// question's `missing:` so that they become blanks instead of errors.
enum MissingAnswers {
  /// Labels, compared `AnswerLabels.normalised`, with the apostrophe kinds folded.
  static let labels: Set<String> = [
    "don't know", "do not know", "dont know", "i don't know", "i do not know", "not sure", "unsure",
    "prefer not to say", "prefer not to answer", "i prefer not to answer", "i'd rather not say",
    "rather not say", "n/a", "na", "not applicable", "does not apply", "no opinion", "can't say",
    "cannot say", "no answer", "don't know / not applicable",
    "en osaa sanoa", "ei osaa sanoa", "eos", "en halua vastata", "en halua sanoa", "ei koske minua",
    "ei sovellu", "ei kokemusta",
    "vet ej", "vet inte", "ingen åsikt", "vill inte svara", "ej tillämpligt", "kan inte säga",
    "weiß nicht", "weiss nicht", "keine angabe", "keine ahnung", "nicht zutreffend", "k.a.",
    "kann ich nicht beurteilen",
    "no sé", "no lo sé", "ns/nc", "no sabe", "no sabe / no contesta", "prefiero no decirlo",
    "prefiero no contestar", "prefiero no responder", "no aplica", "no procede",
  ]

  /// Whether `text` is one of the "no answer" wordings.
  static func isLabel(_ text: String) -> Bool {
    labels.contains(AnswerLabels.normalised(text.replacingOccurrences(of: "’", with: "'")))
  }
}
