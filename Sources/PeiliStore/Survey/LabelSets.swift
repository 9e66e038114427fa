import PeiliCore

/// The answer scales survey tools ship beyond the first five, with the vendors' usual
/// wordings: agreement, satisfaction, importance, likelihood, frequency and usefulness, in 3,
/// 4, 5 and 7 points, in English, Finnish, Swedish, German and Spanish. Values run from the
/// negative end (1) to the positive; synonyms share a value.
enum LabelSets {
  typealias Set = AnswerLabels.LabelSet

  static func make(_ name: String, _ points: Int, _ labels: [(String, Int)]) -> Set {
    Set(name: name, scale: Scale(min: 1, max: points), labels: labels)
  }

  static let more: [Set] = [
    make("agree3", 3, [("Disagree", 1), ("Neither agree nor disagree", 2), ("Neutral", 2), ("Agree", 3)]),
    make(
      "agree4", 4,
      [
        ("Strongly disagree", 1), ("Disagree", 2), ("Somewhat disagree", 2), ("Agree", 3),
        ("Somewhat agree", 3),
        ("Strongly agree", 4),
      ]),
    make(
      "agree7", 7,
      [
        ("Strongly disagree", 1), ("Disagree", 2), ("Somewhat disagree", 3),
        ("Neither agree nor disagree", 4),
        ("Somewhat agree", 5), ("Agree", 6), ("Strongly agree", 7),
      ]),
    make(
      "satisfied3", 3,
      [("Dissatisfied", 1), ("Neither satisfied nor dissatisfied", 2), ("Neutral", 2), ("Satisfied", 3)]),
    make(
      "satisfied7", 7,
      [
        ("Extremely dissatisfied", 1), ("Moderately dissatisfied", 2), ("Slightly dissatisfied", 3),
        ("Neither satisfied nor dissatisfied", 4), ("Slightly satisfied", 5), ("Moderately satisfied", 6),
        ("Extremely satisfied", 7),
      ]),
    make(
      "important5", 5,
      [
        ("Not at all important", 1), ("Slightly important", 2), ("Moderately important", 3),
        ("Very important", 4),
        ("Extremely important", 5),
      ]),
    make("important3", 3, [("Not important", 1), ("Somewhat important", 2), ("Very important", 3)]),
    make(
      "likely5", 5,
      [
        ("Extremely unlikely", 1), ("Very unlikely", 1), ("Somewhat unlikely", 2), ("Unlikely", 2),
        ("Neither likely nor unlikely", 3), ("Somewhat likely", 4), ("Likely", 4), ("Extremely likely", 5),
        ("Very likely", 5),
      ]),
    make(
      "frequency5", 5, [("Never", 1), ("Rarely", 2), ("Sometimes", 3), ("Often", 4), ("Always", 5)]),
    make(
      "useful3", 3,
      [
        ("Not relevant for me", 1), ("Not useful", 1), ("Somewhat useful", 2), ("Critical to me", 3),
        ("Very useful", 3),
      ]),
    make("level3", 3, [("Low", 1), ("Medium", 2), ("High", 3)]),
    // Finnish
    make(
      "agree4_fi", 4,
      [
        ("Täysin eri mieltä", 1), ("Jokseenkin eri mieltä", 2), ("Jokseenkin samaa mieltä", 3),
        ("Täysin samaa mieltä", 4),
      ]),
    make(
      "important5_fi", 5,
      [
        ("Ei lainkaan tärkeä", 1), ("Vähän tärkeä", 2), ("Melko tärkeä", 3), ("Hyvin tärkeä", 4),
        ("Erittäin tärkeä", 5),
      ]),
    make(
      "likely5_fi", 5,
      [
        ("Erittäin epätodennäköistä", 1), ("Melko epätodennäköistä", 2),
        ("Ei todennäköistä eikä epätodennäköistä", 3), ("Melko todennäköistä", 4),
        ("Erittäin todennäköistä", 5),
      ]),
    make("frequency5_fi", 5, [("Ei koskaan", 1), ("Harvoin", 2), ("Joskus", 3), ("Usein", 4), ("Aina", 5)]),
    // Swedish
    make(
      "agree5_sv", 5,
      [
        ("Håller inte alls med", 1), ("Stämmer inte alls", 1), ("Håller inte med", 2),
        ("Stämmer ganska dåligt", 2), ("Varken eller", 3), ("Håller med", 4), ("Stämmer ganska bra", 4),
        ("Håller helt med", 5), ("Stämmer helt", 5),
      ]),
    make(
      "satisfied5_sv", 5,
      [
        ("Mycket missnöjd", 1), ("Missnöjd", 2), ("Varken nöjd eller missnöjd", 3), ("Nöjd", 4),
        ("Mycket nöjd", 5),
      ]),
    make("frequency5_sv", 5, [("Aldrig", 1), ("Sällan", 2), ("Ibland", 3), ("Ofta", 4), ("Alltid", 5)]),
    // German
    make(
      "agree5_de", 5,
      [
        ("Stimme überhaupt nicht zu", 1), ("Stimme nicht zu", 2), ("Weder noch", 3), ("Teils, teils", 3),
        ("Stimme zu", 4), ("Stimme voll und ganz zu", 5),
      ]),
    make(
      "satisfied5_de", 5,
      [
        ("Sehr unzufrieden", 1), ("Unzufrieden", 2), ("Weder zufrieden noch unzufrieden", 3),
        ("Zufrieden", 4),
        ("Sehr zufrieden", 5),
      ]),
    make(
      "important5_de", 5,
      [
        ("Überhaupt nicht wichtig", 1), ("Weniger wichtig", 2), ("Teils, teils", 3), ("Wichtig", 4),
        ("Sehr wichtig", 5),
      ]),
    make("frequency5_de", 5, [("Nie", 1), ("Selten", 2), ("Manchmal", 3), ("Oft", 4), ("Immer", 5)]),
    // Spanish
    make(
      "agree5_es", 5,
      [
        ("Muy en desacuerdo", 1), ("Totalmente en desacuerdo", 1), ("En desacuerdo", 2),
        ("Ni de acuerdo ni en desacuerdo", 3), ("De acuerdo", 4), ("Muy de acuerdo", 5),
        ("Totalmente de acuerdo", 5),
      ]),
    make(
      "satisfied5_es", 5,
      [
        ("Muy insatisfecho", 1), ("Insatisfecho", 2), ("Ni satisfecho ni insatisfecho", 3), ("Satisfecho", 4),
        ("Muy satisfecho", 5),
      ]),
    make(
      "frequency5_es", 5, [("Nunca", 1), ("Rara vez", 2), ("A veces", 3), ("A menudo", 4), ("Siempre", 5)]),
  ]
}
