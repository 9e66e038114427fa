// The shipped themes compiled in, so the binary works from any directory.
// Keep each text identical to themes/NAME.toml (ThemeTests checks it).

/// The text of every built-in theme file, in cycling order.
enum ThemeSources {
  static let all: [(name: String, text: String)] = [
    ("default", defaultTheme),
    ("light", light),
    ("high-contrast", highContrast),
    ("monochrome", monochrome),
  ]

  static let defaultTheme = #"""
    # peili theme "default": any background, black or white, colour-blind safe.
    # Good/bad and gap directions are blue versus orange (never red versus green alone),
    # and every screen also tells them by a glyph or a position.
    # Every text colour reads at 4.5:1 (WCAG AA) on black and on white alike, which only a few
    # mid-bright 256 colours do (29, 63, 98, 131, 163, 243); none of the 8 colours does, so at
    # 8 colours text keeps the terminal's own colour and warn/bad are coloured cells instead.
    # light and high-contrast give stronger colours for a background they know.
    #
    # Each role: fg/bg = 256-colour index, fg8/bg8 = 8-colour fallback (0 black, 1 red,
    # 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white); -1 keeps the terminal's own
    # colour. bold/reverse/underline are optional attributes.
    name = "default"

    [roles]
    text      = { fg = -1,  bg = -1,  fg8 = -1, bg8 = -1 }
    muted     = { fg = 243, bg = -1,  fg8 = -1, bg8 = -1 }
    accent    = { fg = 63,  bg = -1,  fg8 = -1, bg8 = -1, bold = true }
    selection = { fg = 231, bg = 25,  fg8 = 7,  bg8 = 4 }
    header    = { fg = 231, bg = 24,  fg8 = 7,  bg8 = 4,  bold = true }
    footer    = { fg = 252, bg = 237, fg8 = 0,  bg8 = 7 }
    border    = { fg = 244, bg = -1,  fg8 = -1, bg8 = -1 }
    good      = { fg = 63,  bg = -1,  fg8 = -1, bg8 = -1 }
    warn      = { fg = 163, bg = -1,  fg8 = 0,  bg8 = 3 }
    bad       = { fg = 131, bg = -1,  fg8 = 7,  bg8 = 1,  bold = true }
    gap-under = { fg = 63,  bg = -1,  fg8 = -1, bg8 = -1 }
    gap-over  = { fg = 131, bg = -1,  fg8 = -1, bg8 = -1 }
    customer  = { fg = 29,  bg = -1,  fg8 = -1, bg8 = -1 }
    staff     = { fg = 98,  bg = -1,  fg8 = -1, bg8 = -1 }
    mirror    = { fg = 163, bg = -1,  fg8 = -1, bg8 = -1 }
    banner    = { fg = 16,  bg = 214, fg8 = 0,  bg8 = 3,  bold = true }

    """#

  static let light = #"""
    # peili theme "light": for light (white) terminal backgrounds; blue versus orange like the
    # default. Every text colour reads at 4.5:1 (WCAG AA) on white, at 256 and at 8 colours.
    # Each role: fg/bg = 256-colour index, fg8/bg8 = 8-colour fallback, -1 = terminal default.
    name = "light"

    [roles]
    text      = { fg = -1,  bg = -1,  fg8 = -1, bg8 = -1 }
    muted     = { fg = 243, bg = -1,  fg8 = -1, bg8 = -1 }
    accent    = { fg = 25,  bg = -1,  fg8 = 4,  bg8 = -1, bold = true }
    selection = { fg = 16,  bg = 153, fg8 = 0,  bg8 = 6 }
    header    = { fg = 231, bg = 25,  fg8 = 7,  bg8 = 4,  bold = true }
    footer    = { fg = 16,  bg = 252, fg8 = 0,  bg8 = 7 }
    border    = { fg = 246, bg = -1,  fg8 = -1, bg8 = -1 }
    good      = { fg = 25,  bg = -1,  fg8 = 4,  bg8 = -1 }
    warn      = { fg = 94,  bg = -1,  fg8 = 0,  bg8 = 3 }
    bad       = { fg = 130, bg = -1,  fg8 = 1,  bg8 = -1, bold = true }
    gap-under = { fg = 25,  bg = -1,  fg8 = 4,  bg8 = -1 }
    gap-over  = { fg = 130, bg = -1,  fg8 = 1,  bg8 = -1 }
    customer  = { fg = 24,  bg = -1,  fg8 = 4,  bg8 = -1 }
    staff     = { fg = 95,  bg = -1,  fg8 = 1,  bg8 = -1 }
    mirror    = { fg = 97,  bg = -1,  fg8 = 5,  bg8 = -1 }
    banner    = { fg = 231, bg = 130, fg8 = 7,  bg8 = 1,  bold = true }

    """#

  static let highContrast = #"""
    # peili theme "high-contrast": bright colours and bold text for projectors and low vision,
    # on a dark (black) terminal background.
    # Each role: fg/bg = 256-colour index, fg8/bg8 = 8-colour fallback, -1 = terminal default.
    name = "high-contrast"

    [roles]
    text      = { fg = 231, bg = -1,  fg8 = 7,  bg8 = -1 }
    muted     = { fg = 250, bg = -1,  fg8 = 7,  bg8 = -1 }
    accent    = { fg = 51,  bg = -1,  fg8 = 6,  bg8 = -1, bold = true }
    selection = { fg = 16,  bg = 226, fg8 = 0,  bg8 = 3,  bold = true }
    header    = { fg = 16,  bg = 231, fg8 = 0,  bg8 = 7,  bold = true }
    footer    = { fg = 16,  bg = 231, fg8 = 0,  bg8 = 7 }
    border    = { fg = 231, bg = -1,  fg8 = 7,  bg8 = -1 }
    good      = { fg = 51,  bg = -1,  fg8 = 6,  bg8 = -1, bold = true }
    warn      = { fg = 226, bg = -1,  fg8 = 3,  bg8 = -1, bold = true }
    bad       = { fg = 208, bg = -1,  fg8 = 7,  bg8 = 1,  bold = true, underline = true }
    gap-under = { fg = 51,  bg = -1,  fg8 = 6,  bg8 = -1, bold = true }
    gap-over  = { fg = 214, bg = -1,  fg8 = 3,  bg8 = -1, bold = true }
    customer  = { fg = 51,  bg = -1,  fg8 = 6,  bg8 = -1 }
    staff     = { fg = 226, bg = -1,  fg8 = 3,  bg8 = -1 }
    mirror    = { fg = 213, bg = -1,  fg8 = 2,  bg8 = -1 }
    banner    = { fg = 16,  bg = 226, fg8 = 0,  bg8 = 3,  bold = true }

    """#

  static let monochrome = #"""
    # peili theme "monochrome": no colours at all, only attributes (as with NO_COLOR).
    # Each role: fg/bg = 256-colour index, fg8/bg8 = 8-colour fallback, -1 = terminal default.
    name = "monochrome"

    [roles]
    text      = { fg = -1, bg = -1, fg8 = -1, bg8 = -1 }
    muted     = { fg = -1, bg = -1, fg8 = -1, bg8 = -1 }
    accent    = { fg = -1, bg = -1, fg8 = -1, bg8 = -1, bold = true }
    selection = { fg = -1, bg = -1, fg8 = -1, bg8 = -1, reverse = true }
    header    = { fg = -1, bg = -1, fg8 = -1, bg8 = -1, bold = true, reverse = true }
    footer    = { fg = -1, bg = -1, fg8 = -1, bg8 = -1, reverse = true }
    border    = { fg = -1, bg = -1, fg8 = -1, bg8 = -1 }
    good      = { fg = -1, bg = -1, fg8 = -1, bg8 = -1 }
    warn      = { fg = -1, bg = -1, fg8 = -1, bg8 = -1, underline = true }
    bad       = { fg = -1, bg = -1, fg8 = -1, bg8 = -1, bold = true }
    gap-under = { fg = -1, bg = -1, fg8 = -1, bg8 = -1 }
    gap-over  = { fg = -1, bg = -1, fg8 = -1, bg8 = -1, bold = true }
    customer  = { fg = -1, bg = -1, fg8 = -1, bg8 = -1 }
    staff     = { fg = -1, bg = -1, fg8 = -1, bg8 = -1 }
    mirror    = { fg = -1, bg = -1, fg8 = -1, bg8 = -1 }
    banner    = { fg = -1, bg = -1, fg8 = -1, bg8 = -1, bold = true, reverse = true }

    """#
}
