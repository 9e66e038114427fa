import Testing

@testable import PeiliUI

/// Every role of every shipped theme is readable on the background the theme is made for, at
/// 256 colours and at 8 (TERM=xterm, as Debian's xterm starts: black on white), measured with
/// xterm's own palette (`XtermPalette`) as WCAG contrast (`Contrast`).
@Suite("Theme contrast")
struct ThemeContrastTests {
  /// The terminal backgrounds each shipped theme is made for, with the terminal's own
  /// foreground on each (a role with no colour of its own is drawn in it).
  static let backgrounds:
    [String: [(name: String, background: XtermPalette.RGB, foreground: XtermPalette.RGB)]] =
      [
        // "dark or any background": a terminal that starts white (xterm, macOS Terminal) too.
        "default": [("black", .black, .white), ("white", .white, .black)],
        "light": [("white", .white, .black)],
        "high-contrast": [("black", .black, .white)],
        // Only the terminal's own colours, with attributes: readable wherever those are.
        "monochrome": [("black", .black, .white), ("white", .white, .black)],
      ]

  /// WCAG AA: 4.5:1 for text; box lines are not text, and need 3:1 (1.4.11, non-text).
  static func minimum(for role: Role) -> Double { role == .border ? 3 : 4.5 }

  /// The ratio of `role`'s text on its background at `colors` (256 or 8) over a terminal whose
  /// own colours are `terminal`.
  static func ratio(
    _ theme: Theme, _ role: Role, colors: Int,
    terminal: (background: XtermPalette.RGB, foreground: XtermPalette.RGB)
  ) -> Double {
    let c = theme.colors(for: role)
    let fg = (colors >= 256 ? c.fg256 : c.fg8).map(XtermPalette.rgb) ?? terminal.foreground
    let bg = (colors >= 256 ? c.bg256 : c.bg8).map(XtermPalette.rgb) ?? terminal.background
    // Reverse video swaps the two, which leaves the ratio as it is.
    return Contrast.ratio(fg, bg)
  }

  @Test func everyShippedThemeSaysWhichBackgroundItIsFor() {
    #expect(Set(Self.backgrounds.keys) == Set(Theme.builtInNames))
  }

  @Test func everyRoleOfEveryThemeIsReadableAt256And8Colours() throws {
    var failures: [String] = []
    for name in Theme.builtInNames {
      let theme = try #require(Theme.builtIn(name))
      for terminal in Self.backgrounds[name] ?? [] {
        for colors in [256, 8] {
          for role in Role.allCases {
            let r = Self.ratio(
              theme, role, colors: colors, terminal: (terminal.background, terminal.foreground))
            if r < Self.minimum(for: role) {
              let c = theme.colors(for: role)
              let fg = colors >= 256 ? c.fg256 : c.fg8
              let bg = colors >= 256 ? c.bg256 : c.bg8
              failures.append(
                "\(name) on \(terminal.name), \(colors) colours: \(role.rawValue) "
                  + "(fg \(fg.map(String.init) ?? "default"), bg \(bg.map(String.init) ?? "default")) "
                  + "\(String(format: "%.2f", r)):1 < \(Self.minimum(for: role)):1")
            }
          }
        }
      }
    }
    #expect(failures.isEmpty, "\(failures.count) unreadable:\n\(failures.joined(separator: "\n"))")
  }

  /// The measure itself, against values published with WCAG and xterm's palette.
  @Test func contrastMatchesKnownValues() {
    #expect(abs(Contrast.ratio(.black, .white) - 21) < 1e-9)
    #expect(abs(Contrast.ratio(.white, .white) - 1) < 1e-9)
    // #777777 on white is the classic just-failing grey (4.48:1).
    #expect(abs(Contrast.ratio(XtermPalette.RGB(red: 0x77, green: 0x77, blue: 0x77), .white) - 4.48) < 0.01)
    #expect(XtermPalette.rgb(196) == XtermPalette.RGB(red: 255, green: 0, blue: 0))
    #expect(XtermPalette.rgb(16) == .black && XtermPalette.rgb(231) == .white)
    #expect(XtermPalette.rgb(244) == XtermPalette.RGB(red: 128, green: 128, blue: 128))
    #expect(XtermPalette.rgb(3) == XtermPalette.RGB(red: 205, green: 205, blue: 0))
  }
}
