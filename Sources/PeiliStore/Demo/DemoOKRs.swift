/// The demo company's OKRs as the OKR YAML a user would write: for 2026, three objectives
/// wired to customer and staff themes and one deliberately without a mirror (O4); for 2025,
/// the previous cycle, whose finished actions the 2026-09 wave judges a year later and whose
/// unfinished ones `peili cycle new 2026 --from 2025` carried over.
enum DemoOKRs {
  /// The cycle id and name (in English; `DemoWords` has it in each language); the name's
  /// "(demo)" suffix is how `peili demo` recognises a workspace it may rebuild without `--force`.
  static let cycleID = "2026"
  static let cycleName = "Latausverkko Oy 2026 (demo)"
  static let cycleStart = "2026-01-01"
  static let cycleEnd = "2026-12-31"
  static let previousCycleID = "2025"

  /// Confidence (1–10) and a note per key result and action, left by their owners.
  static let keyResultCheckIns: [(String, Int, String)] = [
    ("KR4", 6, "Uptime dips in frost; the spare-part depots should help this winter"),
    ("KR6", 4, "New provider helped, but roaming payments still fail too often"),
    ("KR10", 3, "Night shift staffed for Finnish only; Swedish and English need hires"),
    ("KR11", 7, "Grid connections are the bottleneck, not the sites"),
  ]
  static let actionCheckIns: [(String, Int, String)] = [
    ("A8", 7, "Oulu depot open; Tampere waits for the lease"),
    ("A10", 3, "Blocked: the invoicing system vendor has no API for company cars yet"),
    ("A13", 6, "120 articles written; technicians use it on the road"),
    ("A14", 6, "Pilot runs three nights a week"),
    ("A17", 5, "Seven of twelve connections approved by the grid company"),
  ]

  /// This year's OKRs, worded in `w`.
  static func yaml(_ w: DemoWords) -> String {
    """
    # Latausverkko Oy: fictional EV charging operator in Finland (peili demo data).
    cycle: {id: "\(cycleID)", name: "\(w(cycleName))", start: \(cycleStart), end: \(cycleEnd)}
    themes:
      - {id: communication, name: \(w("Communication"))}
      - {id: service, name: \(w("Customer service"))}
      - {id: influence, name: \(w("Influence"))}
      - {id: reliability, name: \(w("Reliability"))}
      - {id: pricing, name: \(w("Pricing clarity"))}
      - {id: app, name: "\(w("App & payment"))"}
      - {id: recommendation, name: \(w("Recommendation"))}
    objectives:
      - id: O1
        title: "\(w("Customers understand what we offer and what changes"))"
        kind: committed
        owner: Aino
        themes: [communication]
        key_results:
          - {id: KR1, title: "\(w("Customer Communication index from 30 to 45"))", kind: perception,
             theme: communication, audience: customer, baseline_wave: 2025-09, target: 45, owner: Aino}
          - {id: KR2, title: "\(w("Newsletter open rate"))", kind: metric, start: 18, target: 35, current: 31,
             unit: "%", owner: Siiri}
          - {id: KR3, title: "\(w("Outage notices on every charger page"))", kind: milestone, done: true, owner: Eero}
        actions:
          - {id: A1, title: "\(w("Monthly customer newsletter"))", owner: Aino, status: done, progress: 100,
             start: 2026-01-15, due: 2026-06-30, themes: [communication], key_result: KR2,
             communicated: {on: 2026-02-01, channel: \(w("the newsletter itself"))}}
          - {id: A2, title: "\(w("Plain-language charging guide on every charger"))", owner: Eero, status: done,
             progress: 100, start: 2026-02-01, due: 2026-05-31, themes: [communication],
             communicated: {on: 2026-06-02, channel: \(w("app and charger stickers"))}}
          - {id: A3, title: "\(w("Push notice when a favourite charger goes down"))", owner: Siiri, status: done,
             progress: 100, start: 2026-03-01, due: 2026-08-15, themes: [communication, reliability],
             key_result: KR3}
          - {id: A4, title: "\(w("Brief staff before every product or price change"))", owner: Ville,
             status: active, progress: 60, start: 2026-04-01, due: 2026-12-15, themes: [communication]}
      - id: O2
        title: "\(w("Charging just works"))"
        kind: committed
        owner: Mikko
        themes: [reliability]
        key_results:
          - {id: KR4, title: "\(w("Charger uptime"))", kind: metric, start: 97.1, target: 99.5, current: 98.6,
             unit: "%", owner: Mikko}
          - {id: KR5, title: "\(w("Customer App & payment index to 65"))", kind: perception, theme: app,
             audience: customer, baseline_wave: 2025-09, target: 65, owner: Laura}
          - id: KR6
            title: "\(w("Failed payment sessions"))"
            kind: metric
            start: 4.2
            target: 1.5
            current: 2.1
            unit: "%"
            owner: Juho
            actions:
              - {id: A10, title: "\(w("E-mail receipts for company cars"))", owner: Juho, status: blocked,
                 progress: 20, start: 2026-05-01, due: 2026-10-31, themes: [app]}
        actions:
          - {id: A5, title: "\(w("New payment provider with Apple Pay and Google Pay"))", owner: Juho,
             status: done, progress: 100, start: 2026-01-10, due: 2026-04-30, themes: [app],
             key_result: KR5, communicated: {on: 2026-05-04, channel: \(w("app release notes"))}}
          - {id: A6, title: "\(w("App redesign: start charging in two taps"))", owner: Laura, status: done,
             progress: 100, start: 2026-02-01, due: 2026-07-31, themes: [app], key_result: KR5}
          - {id: A7, title: "\(w("Remote reboot for all DC chargers"))", owner: Mikko, status: done,
             progress: 100, start: 2026-01-15, due: 2026-05-31, themes: [reliability], key_result: KR4}
          - {id: A8, title: "\(w("Spare-part depots in Tampere and Oulu"))", owner: Mikko, status: active,
             progress: 70, start: 2026-03-01, due: 2026-11-30, themes: [reliability], key_result: KR4}
          - {id: A9, title: "\(w("Predictive maintenance pilot"))", owner: Eero, status: planned, progress: 0,
             start: 2027-01-15, due: 2027-06-30, themes: [reliability]}
      - id: O3
        title: "\(w("Every contact leaves the customer better off"))"
        kind: aspirational
        owner: Helmi
        themes: [service]
        key_results:
          - {id: KR7, title: "\(w("Customer service index from 57 to 70"))", kind: perception, theme: service,
             audience: customer, baseline_wave: 2025-09, target: 70, owner: Helmi}
          - {id: KR8, title: "\(w("Staff Influence index to 50"))", kind: perception, theme: influence,
             audience: staff, baseline_wave: 2025-09, target: 50, owner: Outi}
          - {id: KR9, title: "\(w("First-contact resolution"))", kind: metric, start: 62, target: 80, current: 74,
             unit: "%", owner: Helmi}
          - {id: KR10, title: "\(w("Phone line open 24/7 in Finnish, Swedish and English"))", kind: milestone,
             done: false, owner: Saara}
        actions:
          - {id: A11, title: "\(w("Service training for the whole customer service team"))", owner: Helmi,
             status: done, progress: 100, start: 2026-01-20, due: 2026-04-30, themes: [service],
             key_result: KR7, communicated: {on: 2026-05-15, channel: \(w("customer e-mail"))}}
          - {id: A12, title: "\(w("Call-back promise within two hours"))", owner: Helmi, status: done,
             progress: 100, start: 2026-02-15, due: 2026-06-15, themes: [service], key_result: KR9}
          - {id: A13, title: "\(w("Knowledge base for field technicians"))", owner: Ville, status: active,
             progress: 50, start: 2026-04-01, due: 2026-12-31, themes: [service, reliability]}
          - {id: A14, title: "\(w("Night-shift phone service pilot"))", owner: Saara, status: active, progress: 40,
             start: 2026-10-01, due: 2026-12-31, themes: [service], key_result: KR10}
          - {id: A15, title: "\(w("Account managers for fleet customers"))", owner: Ville, status: done,
             progress: 100, start: 2026-02-01, due: 2026-08-31, themes: [service]}
      - id: O4
        title: "\(w("Grow the network profitably"))"
        kind: committed
        owner: Outi
        key_results:
          - {id: KR11, title: "\(w("Charging points in operation"))", kind: metric, start: 420, target: 600,
             current: 515, unit: \(w("points")), owner: Outi}
          - {id: KR12, title: "\(w("Oulu fast-charging hub open"))", kind: milestone, done: true, owner: Mikko}
        actions:
          - {id: A16, title: "\(w("Site agreements with two retail chains"))", owner: Outi, status: done,
             progress: 100, start: 2026-01-05, due: 2026-04-30, key_result: KR11}
          - {id: A17, title: "\(w("Grid connections for 12 new sites"))", owner: Mikko, status: active,
             progress: 65, start: 2026-02-01, due: 2026-12-31, key_result: KR11}
          - {id: A18, title: "\(w("State charging infrastructure grant application"))", owner: Outi, status: done,
             progress: 100, start: 2026-01-05, due: 2026-03-31}
          - {id: A19, title: "\(w("Depot charging offer for fleets"))", owner: Ville, status: active, progress: 30,
             start: 2026-05-01, due: 2026-12-31}
          - {id: A20, title: "\(w("Renegotiate the electricity purchase contract"))", owner: Outi,
             status: planned, progress: 0, start: 2026-11-01, due: 2027-02-28}

    """
  }

  /// The 2025 cycle as it stood when it ended. Every verdict a finished cycle can hold shows
  /// here once the 2026-09 wave is in: pricing moved with a comparison (A25-1), service got
  /// worse and was never communicated (A25-2), reliability moved under two actions sharing the
  /// credit (A25-4, A25-5), influence showed no change a year later (A25-3, finished after the
  /// 2025-09 wave), a dropped action (A25-6); A25-7 and A25-8 were unfinished and carried over.
  static func previousYAML(_ w: DemoWords) -> String {
    """
    # Latausverkko Oy: the previous cycle (peili demo data).
    cycle: {id: "\(previousCycleID)", name: "\(w("Latausverkko Oy 2025 (demo)"))", start: 2025-01-01, end: 2025-12-31}
    objectives:
      - id: O25-1
        title: "\(w("No one has to ask what charging costs"))"
        kind: committed
        owner: Aino
        themes: [pricing]
        key_results:
          - {id: KR25-1, title: "\(w("Customer Pricing clarity index from 43 to 50"))", kind: perception,
             theme: pricing, audience: customer, baseline_wave: 2024-09, target: 50, owner: Aino}
        actions:
          - {id: A25-1, title: "\(w("Price per kWh on every charger display"))", owner: Eero, status: done,
             progress: 100, start: 2025-02-01, due: 2025-06-30, themes: [pricing], key_result: KR25-1,
             communicated: {on: 2025-07-01, channel: \(w("charger displays and the website"))}}
          - {id: A25-6, title: "\(w("Charging-card loyalty programme"))", owner: Siiri, status: dropped,
             progress: 10, start: 2025-03-01, due: 2025-10-31, themes: [recommendation]}
      - id: O25-2
        title: "\(w("Service that answers, at lower cost"))"
        kind: committed
        owner: Helmi
        themes: [service]
        key_results:
          - {id: KR25-2, title: "\(w("Cost per customer contact"))", kind: metric, start: 9.8, target: 7.5,
             current: 7.9, unit: "€", owner: Helmi}
        actions:
          - {id: A25-2, title: "\(w("Evening phone line to a subcontractor"))", owner: Helmi, status: done,
             progress: 100, start: 2025-01-15, due: 2025-04-30, themes: [service], key_result: KR25-2}
          - {id: A25-3, title: "\(w("Customer panel of 30 drivers"))", owner: Outi, status: done, progress: 100,
             start: 2025-09-20, due: 2025-11-30, themes: [influence],
             communicated: {on: 2025-12-03, channel: \(w("customer e-mail"))}}
      - id: O25-3
        title: "\(w("Chargers people can rely on"))"
        kind: committed
        owner: Mikko
        themes: [reliability]
        key_results:
          - {id: KR25-3, title: "\(w("Charger uptime"))", kind: metric, start: 95.4, target: 97.5, current: 97.1,
             unit: "%", owner: Mikko}
        actions:
          - {id: A25-4, title: "\(w("Replace the 40 oldest AC chargers"))", owner: Mikko, status: done,
             progress: 100, start: 2025-01-10, due: 2025-08-31, themes: [reliability], key_result: KR25-3,
             communicated: {on: 2025-09-01, channel: \(w("press release"))}}
          - {id: A25-5, title: "\(w("Fault monitoring around the clock"))", owner: Eero, status: done,
             progress: 100, start: 2025-02-01, due: 2025-06-30, themes: [reliability], key_result: KR25-3}
          - {id: A25-7, title: "\(w("Spare-part van for Lapland"))", owner: Mikko, status: active, progress: 40,
             start: 2025-10-01, due: 2026-06-30, themes: [reliability]}
          - {id: A25-8, title: "\(w("Fault status page in Swedish and English"))", owner: Siiri, status: planned,
             progress: 0, start: 2026-02-01, due: 2026-05-31, themes: [communication, reliability]}

    """
  }
}
