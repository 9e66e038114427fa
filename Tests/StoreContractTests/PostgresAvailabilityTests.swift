import Foundation
import Testing

/// Says whether the contract ran on PostgreSQL, and why not: a run without a server skips
/// those cases (a developer's machine), but CI must run them.
@Suite("The contract on PostgreSQL")
struct PostgresAvailabilityTests {
  @Test(
    .enabled(
      if: TestPostgres.url != nil,
      "skipped: \(TestPostgres.variable) is not set (or is not a postgres:// URL), so the store contract ran on SQLite and in memory only; scripts/test starts a throw-away PostgreSQL server and sets it"
    ))
  func theContractRanOnPostgreSQL() {
    #expect(Backend.available.contains(.postgres))
  }

  @Test func ciNeverSkipsPostgreSQL() {
    guard ProcessInfo.processInfo.environment["CI"] == "true" else { return }
    #expect(
      TestPostgres.url != nil, "CI must run the store contract on PostgreSQL (\(TestPostgres.variable) unset)"
    )
  }
}
