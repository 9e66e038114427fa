import PeiliCore

/// Where the user is in a theme's drill-down: kept while they go elsewhere and come back.
public struct DrillState: ScreenState, Hashable {
  /// The theme shown ("" before any is opened).
  public var themeID: String = ""
  /// First body line in view.
  public var scroll: Int = 0
  /// The segment attribute of the breakdown (nil: the first there is).
  public var attribute: String?
  /// Comments of one audience (nil: all).
  public var commentAudience: Audience?
  /// Comments of one wave (nil: all).
  public var commentWave: String?

  public init() {}
  public init(themeID: String) { self.themeID = themeID }
}
