import Foundation
import Testing

@testable import PeiliUI

@Suite("Themes")
struct ThemeTests {
  static let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes")

  static let shipped = ["default", "light", "high-contrast", "monochrome"]

  private func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "peili-theme-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func shippedFilesAreTheCompiledInTexts() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
      .filter { $0.hasSuffix(".toml") }.sorted()
    #expect(files == Self.shipped.map { "\($0).toml" }.sorted())
    #expect(Theme.builtInNames == Self.shipped)
    for entry in ThemeSources.all {
      let onDisk = try String(
        contentsOf: Self.themesDirectory.appendingPathComponent("\(entry.name).toml"), encoding: .utf8)
      #expect(onDisk == entry.text, "themes/\(entry.name).toml differs from ThemeSources.swift")
    }
  }

  @Test(arguments: shipped)
  func everyShippedThemeDefinesEveryRole(name: String) throws {
    let fromFile = try Theme.load(file: Self.themesDirectory.appendingPathComponent("\(name).toml"))
    let builtIn = try #require(Theme.builtIn(name))
    #expect(fromFile.name == name)
    for role in Role.allCases {
      #expect(fromFile.defines(role), "\(name) lacks \(role.rawValue)")
      #expect(fromFile.colors(for: role) == builtIn.colors(for: role))
    }
  }

  /// The 256-colour cube and grey ramp as RGB, to judge hues.
  private func rgb(_ index: Int) -> (r: Int, g: Int, b: Int) {
    let basic = [
      (0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128), (0, 128, 128),
      (192, 192, 192), (128, 128, 128), (255, 0, 0), (0, 255, 0), (255, 255, 0), (0, 0, 255),
      (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    if index < 16 { return basic[index] }
    if index >= 232 {
      let v = 8 + (index - 232) * 10
      return (v, v, v)
    }
    let steps = [0, 95, 135, 175, 215, 255]
    let i = index - 16
    return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
  }

  @Test(arguments: ["default", "light", "high-contrast"])
  func goodAndBadAreBlueVersusOrangeNotRedVersusGreen(name: String) throws {
    let theme = try #require(Theme.builtIn(name))
    // Blue–orange differ on the blue–yellow axis, which red–green colour blindness keeps.
    // At 8 colours a role's colour is its cell's (bg8) when it has one; none (the terminal's
    // own, as the default theme has for any background) cannot mislead either.
    func eight(_ c: RoleColors) -> Int? { c.bg8 ?? c.fg8 }
    for role in [Role.good, .gapUnder] {
      let c = theme.colors(for: role)
      let fg = try #require(c.fg256)
      #expect(rgb(fg).b > rgb(fg).r, "\(name).\(role.rawValue) should be blue")
      #expect(
        eight(c).map { [4, 6].contains($0) } ?? true,
        "\(name).\(role.rawValue) 8-colour should be blue or cyan")
    }
    for role in [Role.bad, .gapOver] {
      let c = theme.colors(for: role)
      let fg = try #require(c.fg256)
      #expect(rgb(fg).r > rgb(fg).b, "\(name).\(role.rawValue) should be orange")
      #expect(
        eight(c).map { [1, 3].contains($0) } ?? true,
        "\(name).\(role.rawValue) 8-colour should be red or yellow")
    }
    #expect(eight(theme.colors(for: .good)) != 2, "green must never carry 'good' alone")
  }

  @Test func monochromeUsesAttributesOnly() throws {
    let mono = try #require(Theme.builtIn("monochrome"))
    for role in Role.allCases {
      let c = mono.colors(for: role)
      #expect(c.fg256 == nil && c.bg256 == nil && c.fg8 == nil && c.bg8 == nil)
    }
    #expect(mono.colors(for: .selection).reverse)
    #expect(mono.colors(for: .accent).bold)
    #expect(mono.colors(for: .header).bold)
  }

  @Test func minusOneMeansTerminalDefault() {
    let c = Theme.default.colors(for: .text)
    #expect(c == RoleColors.plain)
    let selection = Theme.default.colors(for: .selection)
    #expect(selection.bg256 == 25 && selection.fg8 == 7 && selection.bg8 == 4)
  }

  @Test func syntaxErrorNamesFileAndLine() throws {
    let text = "name = \"x\"\n[roles]\ntext = { fg = 1, bg = }\n"
    let error = try #require(throws: ThemeError.self) {
      try Theme.parse(text, file: "/tmp/broken.toml", source: nil)
    }
    #expect(error.line == 3)
    #expect(error.file == "/tmp/broken.toml")
    #expect(error.description.hasPrefix("theme /tmp/broken.toml:3"))
  }

  @Test func unknownRoleBadValueAndUnknownFieldNameTheirLine() throws {
    let unknownRole = "name = \"x\"\n[roles]\ntext = { fg = 1 }\nsparkle = { fg = 3 }\n"
    let e1 = try #require(throws: ThemeError.self) {
      try Theme.parse(unknownRole, file: "a.toml", source: nil)
    }
    #expect(e1.line == 4)
    #expect(e1.message.contains("sparkle"))

    let outOfRange = "[roles]\n\nbad = { fg = 300 }\n"
    let e2 = try #require(throws: ThemeError.self) {
      try Theme.parse(outOfRange, file: "b.toml", source: nil)
    }
    #expect(e2.line == 3)
    #expect(e2.message.contains("bad.fg"))

    let eightColour = "[roles]\ngood = { fg8 = 9 }\n"
    let e3 = try #require(throws: ThemeError.self) {
      try Theme.parse(eightColour, file: "c.toml", source: nil)
    }
    #expect(e3.line == 2)

    let unknownField = "[roles]\n\n\n[roles.warn]\nfg = 3\nblink = true\n"
    let e4 = try #require(throws: ThemeError.self) {
      try Theme.parse(unknownField, file: "d.toml", source: nil)
    }
    #expect(e4.line == 4)
    #expect(e4.message.contains("blink"))

    let noRoles = "name = \"x\"\n"
    #expect(throws: ThemeError.self) { try Theme.parse(noRoles, file: "e.toml", source: nil) }
  }

  @Test func partialUserThemeTakesMissingRolesFromDefault() throws {
    let theme = try Theme.parse(
      "name = \"mine\"\n[roles]\ngood = { fg = 33 }\n", file: "m.toml", source: "m.toml")
    #expect(theme.name == "mine")
    #expect(theme.colors(for: .good).fg256 == 33)
    #expect(theme.colors(for: .good).fg8 == nil)
    #expect(!theme.defines(.bad))
    #expect(theme.colors(for: .bad) == Theme.default.colors(for: .bad))
  }

  @Test func loadLooksInUserFoldersBeforeBuiltIns() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "name = \"custom light\"\n[roles]\ntext = { fg = 1 }\n".write(
      to: dir.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
    #expect(try Theme.load(nameOrPath: "light", searchPaths: [dir]).name == "custom light")
    #expect(try Theme.load(nameOrPath: "high-contrast", searchPaths: [dir]) == Theme.builtIn("high-contrast"))
    let byPath = try Theme.load(nameOrPath: dir.appendingPathComponent("light.toml").path, searchPaths: [])
    #expect(byPath.colors(for: .text).fg256 == 1)
    let missing = try #require(throws: ThemeError.self) {
      try Theme.load(nameOrPath: "no-such-theme", searchPaths: [dir])
    }
    #expect(missing.message.contains("default, light, high-contrast, monochrome"))
  }

  @Test func brokenThemeFallsBackToDefaultWithAWarningNamingTheLine() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("broken.toml")
    try "name = \"broken\"\n[roles]\ntext = { fg = \"red\" }\n".write(
      to: file, atomically: true, encoding: .utf8)
    let (theme, warning) = Theme.loadOrDefault(nameOrPath: file.path)
    #expect(theme == Theme.default)
    let text = try #require(warning)
    #expect(text.contains("broken.toml:3"))
    #expect(text.contains("using the default theme"))
    #expect(Theme.loadOrDefault(nameOrPath: nil) == (Theme.default, nil))
  }

  @Test func userThemeFolderFollowsXDG() {
    #expect(
      Theme.userThemeDirectories(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]).map(\.path)
        == ["/x/peili/themes"])
    #expect(
      Theme.userThemeDirectories(environment: ["HOME": "/h"]).map(\.path) == ["/h/.config/peili/themes"])
  }
}
