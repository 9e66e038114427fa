// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "peili",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "peili", targets: ["peili"]),
    .executable(name: "peili-bench", targets: ["peili-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // Only for peili-bench's `csv` mode, which measures our reader against this library.
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
  ],
  targets: [
    .target(name: "PeiliCore", swiftSettings: strict),
    .target(
      name: "PeiliStore",
      dependencies: [
        "PeiliCore",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: strict),
    .target(
      name: "PeiliUI",
      dependencies: ["PeiliCore", .product(name: "TOMLKit", package: "TOMLKit")],
      swiftSettings: strict),
    .target(name: "PeiliApp", dependencies: ["PeiliCore", "PeiliUI"], swiftSettings: strict),
    .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
    .target(name: "PeiliTerminal", dependencies: ["CNcursesw", "PeiliUI"], swiftSettings: strict),
    .executableTarget(
      name: "peili",
      dependencies: [
        "PeiliCore", "PeiliStore", "PeiliUI", "PeiliApp", "PeiliTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "peili-bench",
      dependencies: [
        "PeiliCore", "PeiliStore", "PeiliUI", "PeiliApp", "PeiliTerminal",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "CSV", package: "CSV.swift"),
      ],
      swiftSettings: strict),
    .testTarget(
      name: "PeiliCoreTests", dependencies: ["PeiliCore"],
      // numpy/scipy reference script and its JSON, read in place through #filePath.
      exclude: ["Reference"], swiftSettings: strict),
    .testTarget(
      name: "PeiliStoreTests", dependencies: ["PeiliStore", "PeiliCore"],
      // Vendor export fixtures, read in place through #filePath.
      exclude: ["Fixtures"], swiftSettings: strict),
    .testTarget(name: "PeiliUITests", dependencies: ["PeiliUI"], swiftSettings: strict),
    .testTarget(
      name: "PeiliAppTests",
      // PeiliTerminal for the paint-bytes tests (ncurses into a file).
      dependencies: ["PeiliApp", "PeiliUI", "PeiliCore", "PeiliStore", "PeiliTerminal"],
      swiftSettings: strict),
    .testTarget(name: "EndToEndTests", dependencies: ["PeiliCore"], swiftSettings: strict),
  ]
)
