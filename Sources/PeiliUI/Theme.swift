import Foundation
import TOMLKit

/// Concrete colours and attributes of one role; nil colours keep the terminal's own.
public struct RoleColors: Hashable, Sendable {
  /// 256-colour foreground/background index (0…255), nil = terminal default.
  public var fg256: Int?
  public var bg256: Int?
  /// 8-colour fallback (0…7), nil = terminal default.
  public var fg8: Int?
  public var bg8: Int?
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool

  public init(
    fg256: Int? = nil, bg256: Int? = nil, fg8: Int? = nil, bg8: Int? = nil, bold: Bool = false,
    reverse: Bool = false, underline: Bool = false
  ) {
    self.fg256 = fg256
    self.bg256 = bg256
    self.fg8 = fg8
    self.bg8 = bg8
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
  }

  /// Terminal default colours, no attributes.
  public static let plain = RoleColors()
}

/// A named mapping from every `Role` to colours, loaded from `themes/*.toml` (DESIGN §7).
public struct Theme: Hashable, Sendable {
  public let name: String
  /// The file it came from, or nil for a built-in theme.
  public let source: String?
  private let roles: [Role: RoleColors]

  public init(name: String, source: String? = nil, roles: [Role: RoleColors]) {
    self.name = name
    self.source = source
    self.roles = roles
  }

  /// The colours for `role`; roles a theme leaves out take the default theme's.
  public func colors(for role: Role) -> RoleColors {
    roles[role] ?? Theme.fallbackRoles[role] ?? .plain
  }

  /// Whether the theme file itself gave `role` a value.
  public func defines(_ role: Role) -> Bool { roles[role] != nil }

  /// The compiled-in default (the same text as `themes/default.toml`), so the binary works
  /// from any directory.
  public static let `default`: Theme = builtIn("default")!

  /// Names of the themes compiled into the binary, in cycling order.
  public static let builtInNames: [String] = ThemeSources.all.map(\.name)

  /// A compiled-in theme by name.
  public static func builtIn(_ name: String) -> Theme? {
    guard let entry = ThemeSources.all.first(where: { $0.name == name }) else { return nil }
    // The shipped sources are checked by the test suite; a failure here is a build defect.
    return try! parse(entry.text, file: "themes/\(name).toml", source: nil)
  }

  /// User theme folders: `$XDG_CONFIG_HOME/peili/themes` (or `~/.config/peili/themes`).
  public static func userThemeDirectories(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> [URL]
  {
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
      return [URL(fileURLWithPath: xdg).appendingPathComponent("peili/themes")]
    }
    if let home = environment["HOME"], !home.isEmpty {
      return [URL(fileURLWithPath: home).appendingPathComponent(".config/peili/themes")]
    }
    return []
  }

  /// Loads a theme by name (looked up as NAME.toml in `searchPaths`, then among the built-in
  /// ones) or by path (anything with a "/" or ending in ".toml").
  public static func load(nameOrPath: String, searchPaths: [URL]? = nil) throws -> Theme {
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
      return try load(file: URL(fileURLWithPath: nameOrPath))
    }
    let dirs = searchPaths ?? userThemeDirectories()
    for dir in dirs {
      let file = dir.appendingPathComponent("\(nameOrPath).toml")
      if FileManager.default.fileExists(atPath: file.path) { return try load(file: file) }
    }
    if let theme = builtIn(nameOrPath) { return theme }
    throw ThemeError(
      file: nameOrPath, line: nil, column: nil,
      message: "no theme named \"\(nameOrPath)\"; built-in themes: \(builtInNames.joined(separator: ", "))"
        + (dirs.isEmpty ? "" : "; user themes go in \(dirs.map(\.path).joined(separator: ", "))"))
  }

  /// Loads `nameOrPath`, or the default with a one-line warning naming what went wrong.
  public static func loadOrDefault(nameOrPath: String?, searchPaths: [URL]? = nil) -> (
    theme: Theme, warning: String?
  ) {
    guard let nameOrPath, !nameOrPath.isEmpty else { return (.default, nil) }
    do {
      return (try load(nameOrPath: nameOrPath, searchPaths: searchPaths), nil)
    } catch {
      return (.default, "\(error); using the default theme")
    }
  }

  /// Reads and parses one theme file.
  public static func load(file: URL) throws -> Theme {
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw ThemeError(file: file.path, line: nil, column: nil, message: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ThemeError(file: file.path, line: nil, column: nil, message: "the file is not UTF-8 text")
    }
    let fallbackName = file.deletingPathExtension().lastPathComponent
    return try parse(text, file: file.path, source: file.path, fallbackName: fallbackName)
  }

  /// Parses theme TOML; every error names `file` and, where known, the line.
  public static func parse(_ text: String, file: String, source: String?, fallbackName: String? = nil)
    throws -> Theme
  {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ThemeError(
        file: file, line: error.source.begin.line, column: error.source.begin.column,
        message: error.description)
    }
    let lines = ThemeLines(text)
    for key in table.keys where key != "name" && key != "roles" {
      throw ThemeError(
        file: file, line: lines.find(key), column: nil,
        message: "unknown key \"\(key)\" (expected name and [roles])")
    }
    var name = fallbackName ?? "theme"
    if let value = table["name"] {
      guard let s = value.string else {
        throw ThemeError(file: file, line: lines.find("name"), column: nil, message: "name must be a string")
      }
      name = s
    }
    guard let rolesValue = table["roles"] else {
      throw ThemeError(file: file, line: nil, column: nil, message: "missing [roles] table")
    }
    guard let rolesTable = rolesValue.table else {
      throw ThemeError(
        file: file, line: lines.find("roles"), column: nil, message: "roles must be a table")
    }
    var roles: [Role: RoleColors] = [:]
    for key in rolesTable.keys {
      let line = lines.find(key)
      guard let role = Role(rawValue: key) else {
        let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
        throw ThemeError(
          file: file, line: line, column: nil, message: "unknown role \"\(key)\" (roles: \(known))")
      }
      guard let spec = rolesTable[key]?.table else {
        throw ThemeError(
          file: file, line: line, column: nil,
          message: "role \(key) must be a table such as { fg = 75, bg = -1, fg8 = 6, bg8 = -1 }")
      }
      roles[role] = try roleColors(spec, role: key, file: file, line: line)
    }
    return Theme(name: name, source: source, roles: roles)
  }

  private static func roleColors(_ spec: TOMLTable, role: String, file: String, line: Int?) throws
    -> RoleColors
  {
    var colors = RoleColors()
    for key in spec.keys {
      let value = spec[key]!
      func color(max: Int) throws -> Int? {
        guard let n = value.int, n >= -1, n <= max else {
          throw ThemeError(
            file: file, line: line, column: nil,
            message: "\(role).\(key) must be an integer from -1 (terminal default) to \(max)")
        }
        return n < 0 ? nil : n
      }
      func flag() throws -> Bool {
        guard let b = value.bool else {
          throw ThemeError(
            file: file, line: line, column: nil, message: "\(role).\(key) must be true or false")
        }
        return b
      }
      switch key {
      case "fg": colors.fg256 = try color(max: 255)
      case "bg": colors.bg256 = try color(max: 255)
      case "fg8": colors.fg8 = try color(max: 7)
      case "bg8": colors.bg8 = try color(max: 7)
      case "bold": colors.bold = try flag()
      case "reverse": colors.reverse = try flag()
      case "underline": colors.underline = try flag()
      default:
        throw ThemeError(
          file: file, line: line, column: nil,
          message:
            "unknown field \"\(key)\" in role \(role) (fields: fg, bg, fg8, bg8, bold, reverse, underline)")
      }
    }
    return colors
  }

  /// Roles missing from a user theme come from the compiled-in default.
  private static let fallbackRoles: [Role: RoleColors] = {
    let entry = ThemeSources.all.first { $0.name == "default" }!
    return (try? parse(entry.text, file: "default", source: nil))?.roles ?? [:]
  }()
}

/// A theme file that cannot be used: names the file and, where known, line and column.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
  public let file: String
  public let line: Int?
  public let column: Int?
  public let message: String

  public init(file: String, line: Int?, column: Int?, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    var place = "theme \(file)"
    if let line {
      place += ":\(line)"
      if let column { place += ":\(column)" }
    }
    return "\(place): \(message)"
  }
}

/// Finds the line where a key is defined, since TOMLKit keeps positions only for syntax errors.
private struct ThemeLines {
  let lines: [Substring]
  init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

  func find(_ key: String) -> Int? {
    for (i, raw) in lines.enumerated() {
      let line = raw.drop { $0 == " " || $0 == "\t" }
      for candidate in [key, "\"\(key)\"", "roles.\(key)", "[\(key)]", "[roles.\(key)]"] {
        guard line.hasPrefix(candidate) else { continue }
        let rest = line.dropFirst(candidate.count).drop { $0 == " " || $0 == "\t" }
        if candidate.hasPrefix("[") || rest.hasPrefix("=") || rest.hasPrefix(".") { return i + 1 }
      }
    }
    return nil
  }
}
