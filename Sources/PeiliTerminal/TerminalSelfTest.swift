import PeiliText
import PeiliUI

/// A small screen that exercises the terminal layer on its own (hidden `peili terminal-test`):
/// glyphs, every colour role, key decoding, resize and the too-small message.
public enum TerminalSelfTest {
  /// The smallest size the dashboard lays out in (DESIGN §3: everything works at 80×24).
  public static let minimumWidth = 80
  public static let minimumHeight = 24
  static let itemCount = 12

  /// What the screen shows besides the terminal's facts.
  public struct State: Hashable, Sendable {
    public var selected = 0
    public var lastKey = "none yet"
    public init() {}
  }

  /// Facts about the open terminal shown in the header.
  public struct Facts: Hashable, Sendable {
    public var termName: String
    public var isUTF8: Bool
    public var colorCount: Int
    public var themeName: String
    public var warning: String?
    public init(termName: String, isUTF8: Bool, colorCount: Int, themeName: String, warning: String?) {
      self.termName = termName
      self.isUTF8 = isUTF8
      self.colorCount = colorCount
      self.themeName = themeName
      self.warning = warning
    }
  }

  /// Opens the terminal, runs until `q`, restores the terminal; returns the exit code.
  public static func run(theme: Theme, noColor: Bool) throws -> Int32 {
    let terminal = try Terminal.open(theme: theme, noColor: noColor)
    defer { terminal.close() }
    var state = State()
    while true {
      let (width, height) = terminal.size
      let facts = Facts(
        termName: terminal.termName, isUTF8: terminal.isUTF8, colorCount: terminal.colorCount,
        themeName: terminal.theme.name, warning: terminal.warning)
      terminal.paint(render(width: width, height: height, state: state, facts: facts))
      guard let key = terminal.readKey(timeoutMilliseconds: 250) else {
        if terminal.inputGone { return 1 }
        continue
      }
      switch key {
      case .char("q"): return 0
      case .down, .char("j"): state.selected = min(itemCount - 1, state.selected + 1)
      case .up, .char("k"): state.selected = max(0, state.selected - 1)
      case .pageDown, .end, .char("G"): state.selected = itemCount - 1
      case .pageUp, .home, .char("g"): state.selected = 0
      case .ctrl("l"): terminal.invalidate()
      // Lets the end-to-end tests check that a crash restores the terminal.
      case .char("!"): fatalError("terminal self-test: crash on request")
      default: break
      }
      state.lastKey = describe(key)
    }
  }

  /// A key as the screen names it.
  public static func describe(_ key: Key) -> String {
    switch key {
    case .char(let c): return "char \(c)"
    case .ctrl(let c): return "ctrl-\(c)"
    case .function(let n): return "F\(n)"
    default: return String(describing: key)
    }
  }

  /// The whole screen for a size; pure, so tests can read it back.
  public static func render(width: Int, height: Int, state: State, facts: Facts) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    let glyphs = Glyphs.forTerminal(utf8: facts.isUTF8)
    let times = facts.isUTF8 ? "×" : "x"
    guard width >= minimumWidth, height >= minimumHeight else {
      let lines = [
        "Terminal too small: \(width)\(times)\(height)",
        "Please enlarge to at least \(minimumWidth)\(times)\(minimumHeight)",
      ]
      let top = max(0, height / 2 - 1)
      for (i, line) in lines.enumerated() {
        let text = glyphs.truncate(line, to: width)
        buffer.put(
          text, x: max(0, (width - DisplayWidth.of(text)) / 2), y: top + i, style: Style(.warn, bold: true))
      }
      return buffer
    }
    let header = Style(.header)
    buffer.fill(x: 0, y: 0, width: width, height: 1, style: header)
    let colours = facts.colorCount > 0 ? "\(facts.colorCount) colours" : "no colour"
    buffer.put(
      " peili terminal self-test  \(width)\(times)\(height)  \(facts.isUTF8 ? "UTF-8" : "ASCII")  "
        + "TERM=\(facts.termName)  \(colours)  theme \(facts.themeName)",
      x: 0, y: 0, style: header)
    if let warning = facts.warning {
      buffer.fill(x: 0, y: 1, width: width, height: 1, style: Style(.banner))
      buffer.put(" " + glyphs.truncate(warning, to: width - 2), x: 0, y: 1, style: Style(.banner))
    }
    let boxTop = 2
    let inner = width - 2
    let border = Style(.border)
    buffer.put(
      glyphs.topLeft + glyphs.horizontal + " Items " + String(repeating: glyphs.horizontal, count: inner - 8)
        + glyphs.topRight, x: 0, y: boxTop, style: border)
    for i in 0..<itemCount {
      let y = boxTop + 1 + i
      buffer.put(glyphs.vertical, x: 0, y: y, style: border)
      buffer.put(glyphs.vertical, x: width - 1, y: y, style: border)
      let selected = i == state.selected
      let rowStyle = selected ? Style(.selection) : Style(.text)
      buffer.fill(x: 1, y: y, width: inner, height: 1, style: rowStyle)
      let fraction = Double(i) / Double(itemCount - 1)
      let marker = i % 3 == 0 ? glyphs.up : (i % 3 == 1 ? glyphs.down : glyphs.dot)
      var x = buffer.put(
        " \(selected ? glyphs.expanded : glyphs.collapsed) Item \(i + 1 < 10 ? "0" : "")\(i + 1)  ",
        x: 1, y: y, style: rowStyle)
      x = buffer.put(glyphs.bar(fraction, width: 12), x: x, y: y, style: selected ? rowStyle : Style(.good))
      x = buffer.put(String(format3(fraction * 100)) + "%  ", x: x + 1, y: y, style: rowStyle)
      x = buffer.put(
        glyphs.ciStrip(low: fraction * 80, estimate: fraction * 80 + 10, high: fraction * 80 + 20, width: 20),
        x: x, y: y, style: selected ? rowStyle : Style(.customer))
      buffer.put(" \(marker) ", x: x, y: y, style: selected ? rowStyle : Style(i % 3 == 1 ? .bad : .good))
    }
    let boxBottom = boxTop + itemCount + 1
    buffer.put(
      glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.bottomRight, x: 0,
      y: boxBottom, style: border)
    var x = 1
    var y = boxBottom + 1
    for role in Role.allCases {
      let name = role.rawValue
      if x + name.count + 1 > width {
        x = 1
        y += 1
      }
      x = buffer.put(name, x: x, y: y, style: Style(role)) + 1
    }
    buffer.put("Last key: \(state.lastKey)", x: 1, y: y + 2, style: Style(.accent))
    buffer.put(
      "Selected: Item \(state.selected + 1)   Wide text: 日本語 Äiti café" + glyphs.ellipsis, x: 1, y: y + 3)
    buffer.fill(x: 0, y: height - 1, width: width, height: 1, style: Style(.footer))
    buffer.put(
      " j/k move  g/G first/last  Ctrl-L redraw  q quit", x: 0, y: height - 1, style: Style(.footer))
    return buffer
  }

  private static func format3(_ value: Double) -> String {
    let n = Int(value.rounded())
    return String(repeating: " ", count: max(0, 3 - String(n).count)) + String(n)
  }
}
