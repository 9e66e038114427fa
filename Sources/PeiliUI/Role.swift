/// A named colour role (DESIGN §7); a theme maps each to concrete colours.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
  case text, muted, accent, selection, header, footer, border
  case good, warn, bad
  case gapUnder = "gap-under"
  case gapOver = "gap-over"
  case customer, staff, mirror
  case banner
}

/// How one cell is drawn: a colour role plus attributes.
public struct Style: Hashable, Sendable {
  public var role: Role
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool
  public init(_ role: Role = .text, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
    self.role = role
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
  }
  public static let plain = Style()
}
