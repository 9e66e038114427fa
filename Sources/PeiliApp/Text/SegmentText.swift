extension Catalogue {
  /// The segment filter: its picker (an attribute, then a value) and what choosing says.
  public struct SegmentText: Sendable {
    /// The picker's titles and hints: choosing an attribute, then one of its values.
    public var attributesTitle: String
    public var valuesTitle: @Sendable (_ attribute: String) -> String
    public var attributesHint: String, valuesHint: String
    public var reading: String
    public var noAttributes: String
    /// An attribute's row: "3 values, customer/staff".
    public var values: Plural
    public var attributeSummary: @Sendable (_ values: String, _ audiences: String) -> String
    /// A value's row: "n 120/40" (respondents per audience), and the choice in force.
    public var respondents: @Sendable (_ counts: String) -> String
    public var anyValue: String, now: String, removesConstraint: String
    /// The status line after a choice.
    public var nothingToClear: String
    public var cleared: String
    public var refused: @Sendable (_ filter: String, _ reason: String) -> String
    public var noAudience: String
    public var tooFew: @Sendable (_ minimum: Int) -> String
    public var applied: @Sendable (_ filter: String, _ audiences: String) -> String
    public var withheld: @Sendable (_ count: Int, _ reason: String) -> String
  }
}

extension Catalogue.SegmentText {
  /// English.
  public static let english = Catalogue.SegmentText(
    attributesTitle: "Segment filter: choose an attribute",
    valuesTitle: { "Segment: \($0) =" },
    attributesHint: "Enter choose, F clear all, Esc close", valuesHint: "Enter apply, Esc back",
    reading: "reading the segments…",
    noAttributes: "The survey has no segment attributes.",
    values: Catalogue.Plural(one: "{n} value", other: "{n} values"),
    attributeSummary: { "\($0), \($1)" },
    respondents: { "n \($0)" },
    anyValue: "any value", now: "(now)", removesConstraint: "removes this constraint",
    nothingToClear: "no segment filter to clear",
    cleared: "segment filter cleared: every respondent",
    refused: { "segment \($0) refused: \($1)" },
    noAudience: "no audience has these attributes",
    tooFew: { "fewer than \($0) respondents match" },
    applied: { "segment \($0) (\($1) scores)" },
    withheld: { "\($0) withheld: \($1)" })
}

extension Catalogue.SegmentText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      attributesTitle: m(attributesTitle),
      valuesTitle: m(valuesTitle),
      attributesHint: m(attributesHint),
      valuesHint: m(valuesHint),
      reading: m(reading),
      noAttributes: m(noAttributes),
      values: m(values),
      attributeSummary: m(attributeSummary),
      respondents: m(respondents),
      anyValue: m(anyValue),
      now: m(now),
      removesConstraint: m(removesConstraint),
      nothingToClear: m(nothingToClear),
      cleared: m(cleared),
      refused: m(refused),
      noAudience: m(noAudience),
      tooFew: m(tooFew),
      applied: m(applied),
      withheld: m(withheld))
  }
}
