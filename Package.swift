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
    // Only for reading Excel workbooks (`.xlsx` is a zip archive of XML parts) in PeiliStore,
    // and for writing peili-bench's.
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    // Only for peili-bench's `csv` mode, which measures our reader against this library.
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    // Only for the screen tests' golden files (`Tests/PeiliAppTests/__Snapshots__`).
    .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    // The raw PostgreSQL driver behind PeiliPostgres (no ORM), and the logger type it takes.
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
  ],
  targets: [
    // The terminal-text rules (sanitiser, display widths) that both the domain and the UI
    // need; a target of its own so that PeiliUI depends on nothing that knows OKRs.
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
    // The in-memory store: the second implementation of the store protocol (see the contract
    // suite), with no database.
    .target(name: "PeiliMemory", dependencies: ["PeiliCore"], swiftSettings: strict),
    // The PostgreSQL store: the store protocol on a PostgreSQL server, a schema per workspace.
    .target(
      name: "PeiliPostgres",
      dependencies: [
        "PeiliCore", "PeiliText",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict),
    .target(
      name: "PeiliUI",
      dependencies: ["PeiliText", .product(name: "TOMLKit", package: "TOMLKit")],
      swiftSettings: strict),
    .target(name: "PeiliApp", dependencies: ["PeiliCore", "PeiliText", "PeiliUI"], swiftSettings: strict),
    .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
    .target(
      name: "PeiliTerminal", dependencies: ["CNcursesw", "PeiliText", "PeiliUI"], swiftSettings: strict),
    .executableTarget(
      name: "peili",
      dependencies: [
        "PeiliText", "PeiliCore", "PeiliStore", "PeiliUI", "PeiliApp", "PeiliTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "peili-bench",
      dependencies: [
        "PeiliText", "PeiliCore", "PeiliStore", "PeiliUI", "PeiliApp", "PeiliTerminal",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "CSV", package: "CSV.swift"),
        // Writes the benchmark survey as Excel workbooks (`import` times reading them).
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: strict),
    .testTarget(name: "PeiliTextTests", dependencies: ["PeiliText"], swiftSettings: strict),
    .testTarget(
      name: "PeiliCoreTests", dependencies: ["PeiliCore", "PeiliText"],
      // numpy/scipy reference script and its JSON, read in place through #filePath.
      exclude: ["Reference"], swiftSettings: strict),
    .testTarget(
      name: "PeiliStoreTests", dependencies: ["PeiliStore", "PeiliCore", "PeiliText"],
      // Vendor export fixtures, read in place through #filePath.
      exclude: ["Fixtures"], swiftSettings: strict),
    // One suite of the store protocol's promises, run against every store.
    .testTarget(
      name: "StoreContractTests", dependencies: ["PeiliCore", "PeiliStore", "PeiliMemory", "PeiliPostgres"],
      swiftSettings: strict),
    .testTarget(
      name: "PeiliPostgresTests", dependencies: ["PeiliPostgres", "PeiliCore"], swiftSettings: strict),
    .testTarget(name: "PeiliUITests", dependencies: ["PeiliUI", "PeiliText"], swiftSettings: strict),
    .testTarget(
      name: "PeiliAppTests",
      // PeiliTerminal for the paint-bytes tests (ncurses into a file).
      dependencies: [
        "PeiliApp", "PeiliUI", "PeiliCore", "PeiliStore", "PeiliTerminal", "PeiliText",
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ],
      exclude: ["__Snapshots__"],
      swiftSettings: strict),
    .testTarget(
      name: "PeiliTerminalTests", dependencies: ["PeiliTerminal", "PeiliUI"], swiftSettings: strict),
    .testTarget(name: "EndToEndTests", dependencies: ["PeiliText"], swiftSettings: strict),
  ]
)
