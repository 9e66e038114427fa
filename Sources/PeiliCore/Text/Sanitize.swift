extension String {
  /// The text with C0/C1 control characters and DEL removed (tabs/newlines become spaces), so
  /// that untrusted text cannot move the cursor, change colours or retitle a terminal.
  public var sanitizedForTerminal: String {
    var out = String.UnicodeScalarView()
    var changed = false
    for s in unicodeScalars {
      switch s.value {
      case 0x09, 0x0A, 0x0D:
        out.append(" ")
        changed = true
      case 0x00...0x1F, 0x7F...0x9F:
        changed = true
      default:
        out.append(s)
      }
    }
    return changed ? String(out) : self
  }
}
