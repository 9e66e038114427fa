import PeiliText

/// Comments of one theme after suppression; texts already sanitized.
public struct CommentRow: Hashable, Sendable {
  public let audience: Audience
  public let waveID: String
  public let text: String

  public init(audience: Audience, waveID: String, text: String) {
    self.audience = audience
    self.waveID = waveID
    self.text = text.sanitizedForTerminal
  }
}
