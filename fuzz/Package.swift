// swift-tools-version: 6.0
// libFuzzer targets for peili's import parsers (see README.md). A separate package so that the
// main package never builds a fuzzer `main`; PeiliText, PeiliCore and PeiliStore are compiled here from the
// main package's sources (symlinks under Sources/), because the main package exports no library
// products. Build with fuzz/build.sh, never with a plain `swift build`.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "peili-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    // Pinned to the versions in ../Package.resolved (ZIPFoundation: the main package's exact pin).
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    .target(name: "PeiliText", swiftSettings: strict),
    .target(name: "PeiliCore", dependencies: ["PeiliText"], swiftSettings: strict),
    .target(
      name: "PeiliStore",
      dependencies: [
        "PeiliCore", "PeiliText",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: strict),
    // The survey-export checks FuzzCSV and FuzzXLSX share (open, stream, inspect, draft).
    .target(name: "SurveyChecks", dependencies: ["PeiliStore"], swiftSettings: strict),
    .executableTarget(
      name: "FuzzCSV", dependencies: ["PeiliStore", "PeiliCore", "SurveyChecks"],
      swiftSettings: strict + [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzYAML",
      dependencies: ["PeiliStore", "PeiliCore", .product(name: "Yams", package: "Yams")],
      swiftSettings: strict + [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzXLSX",
      dependencies: [
        "PeiliStore", "SurveyChecks", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: strict + [.unsafeFlags(["-parse-as-library"])]),
  ]
)
