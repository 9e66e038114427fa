/// How a favourable share is estimated.
public enum FavourableBasis: String, Hashable, Sendable {
  /// One answer per respondent (a question): the share of answers, Wilson interval.
  case answers
  /// Several answers per respondent (a theme): the mean of respondents' favourable shares,
  /// t interval (n − 1 df) clamped to 0…1.
  case respondentShares
}
