/// The RGB values of xterm's 256 colours, as an xterm with no resources set shows them: what
/// the contrast of a theme is measured against.
///
/// - 0–15: xterm's default `color0`…`color15` resources (XTerm-col.ad and the manual's
///   "Color" resources; the X11 names black, red3, green3, yellow3, blue2, magenta3, cyan3,
///   gray90, gray50, red, green, yellow, rgb:5c/5c/ff, magenta, cyan, white).
/// - 16–231: the 6×6×6 cube of xterm's 256colres.pl, levels 0, 95, 135, 175, 215, 255:
///   index 16 + 36r + 6g + b.
/// - 232–255: the grey ramp of the same script, 8 + 10i for i in 0…23.
enum XtermPalette {
  /// An sRGB colour, 8 bits a channel.
  struct RGB: Hashable, CustomStringConvertible {
    var red: Int
    var green: Int
    var blue: Int
    var description: String { "rgb(\(red),\(green),\(blue))" }

    static let black = RGB(red: 0, green: 0, blue: 0)
    static let white = RGB(red: 255, green: 255, blue: 255)
  }

  static let sixteen: [RGB] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
    (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ].map { RGB(red: $0.0, green: $0.1, blue: $0.2) }

  static let cubeLevels = [0, 95, 135, 175, 215, 255]

  /// The colour of palette index `index` (0…255).
  static func rgb(_ index: Int) -> RGB {
    switch index {
    case 0..<16: return sixteen[index]
    case 16..<232:
      let i = index - 16
      return RGB(red: cubeLevels[i / 36], green: cubeLevels[i / 6 % 6], blue: cubeLevels[i % 6])
    default:
      let grey = 8 + 10 * (index - 232)
      return RGB(red: grey, green: grey, blue: grey)
    }
  }
}
