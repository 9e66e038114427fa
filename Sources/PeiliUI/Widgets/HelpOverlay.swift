import PeiliText

/// The `?` overlay: every key of the current screen, grouped, in a dialog.
public struct HelpOverlay: Sendable {
  /// One key (or key group) and what it does.
  public struct Entry: Hashable, Sendable {
    public var keys: String
    public var action: String
    public init(_ keys: String, _ action: String) {
      self.keys = keys
      self.action = action
    }
  }

  /// A group of keys under a heading.
  public struct Section: Hashable, Sendable {
    public var title: String
    public var entries: [Entry]
    public init(_ title: String, _ entries: [Entry]) {
      self.title = title
      self.entries = entries
    }
  }

  /// The box's own words, in the app's language: its title, and its hint when the list
  /// fits and when it is paged.
  public struct Words: Hashable, Sendable {
    public var title: String
    public var hint: String
    public var pagingHint: String
    public init(title: String, hint: String, pagingHint: String) {
      self.title = title
      self.hint = hint
      self.pagingHint = pagingHint
    }
  }

  public var sections: [Section]
  public init(sections: [Section]) { self.sections = sections }

  /// Body lines: a heading per section, then keys in an aligned column and what they do.
  public var lines: [[Span]] {
    let keyWidth = sections.flatMap { $0.entries.map { DisplayWidth.of($0.keys) } }.max() ?? 0
    var out: [[Span]] = []
    for (i, section) in sections.enumerated() {
      if i > 0 { out.append([]) }
      out.append([Span(section.title, Style(.header, bold: true))])
      for e in section.entries {
        out.append([Span(TextFit.left(e.keys, keyWidth), Style(.accent)), Span("  " + e.action)])
      }
    }
    return out
  }

  /// The first body line shown when the list is scrolled to its end in a box `height` rows
  /// tall (0 when everything fits): the bound of `scroll`, and where `End` goes.
  public func lastScroll(height: Int) -> Int {
    max(0, lines.count - max(1, height - 2))
  }

  /// The help as a dialog; `scroll` skips body lines when the screen is too short for all.
  /// The box is as wide as the widest line of all, not of the lines in view, so that it keeps
  /// its place and size while it is paged.
  public func dialog(
    words: Words, border: Dialog.Border, ellipsis: String, height: Int, scroll: Int = 0
  ) -> Dialog {
    let all = lines
    let room = max(1, height - 2)
    let start = min(max(0, scroll), lastScroll(height: height))
    let hint = all.count > room ? words.pagingHint : words.hint
    var dialog = Dialog(
      title: words.title, lines: Array(all.dropFirst(start).prefix(room)), hint: hint, border: border,
      ellipsis: ellipsis)
    dialog.minimumContentWidth = all.map { $0.reduce(0) { $0 + $1.width } }.max() ?? 0
    return dialog
  }
}
