/// The demo company's survey design and its seeded answers, written as the CSV files and
/// mapping YAML a survey tool export would give. The intended story (weak communication,
/// pessimistic mirror, low influence, moved themes after done actions, one tiny region)
/// lives in the profiles below; tests check the story through the analysis, not these numbers.
enum DemoSurvey {
  struct Question {
    let id: String
    let text: String
    let theme: String
    let scale: ClosedRange<Int>
    var nps = false
    var outcome = false
    /// Shift of this item against its theme's level (index points), so items differ.
    var offset: Double = 0
  }

  struct WaveInfo {
    let id: String
    let date: String
    /// Place in the level and comment tables: 0 = 2024-09, 1 = 2025-09, 2 = 2026-09.
    let step: Int
    let customers: Int
  }

  /// Three waves a year apart: 2024-09 is the baseline of the previous cycle (2025), 2025-09
  /// its follow-up and the current cycle's baseline, 2026-09 the current follow-up and the
  /// previous cycle's "a year later".
  static let earlierWave = WaveInfo(id: "2024-09", date: "2024-09-16", step: 0, customers: 198)
  static let waves = [
    WaveInfo(id: "2025-09", date: "2025-09-15", step: 1, customers: 204),
    WaveInfo(id: "2026-09", date: "2026-09-15", step: 2, customers: 211),
  ]

  static let themes: [(id: String, name: String)] = [
    ("communication", "Communication"), ("service", "Customer service"), ("influence", "Influence"),
    ("reliability", "Reliability"), ("pricing", "Pricing clarity"), ("app", "App & payment"),
    ("recommendation", "Recommendation"),
  ]

  /// Asked of customers, and of staff in the mirror audience ("as customers would answer").
  static let customerQuestions: [Question] = [
    Question(
      id: "comm_understand", text: "I understand what Latausverkko offers", theme: "communication",
      scale: 1...5, offset: 4),
    Question(
      id: "comm_news", text: "I hear about changes (prices, new sites, outages) in good time",
      theme: "communication", scale: 1...5, offset: -6),
    Question(
      id: "comm_clear", text: "Their messages are clear and easy to understand",
      theme: "communication", scale: 1...5, offset: 2),
    Question(
      id: "comm_find", text: "I can find information when I need it", theme: "communication",
      scale: 1...5, offset: 0),
    Question(
      id: "serv_reach", text: "It is easy to reach customer service", theme: "service",
      scale: 1...5, offset: -5),
    Question(
      id: "serv_solve", text: "My problem was solved on the first contact", theme: "service",
      scale: 1...5, offset: -2),
    Question(
      id: "serv_friendly", text: "Customer service is friendly and competent", theme: "service",
      scale: 1...5, offset: 8),
    Question(
      id: "serv_callback", text: "They get back to me when they promise", theme: "service",
      scale: 1...5, offset: -1),
    Question(
      id: "infl_listen", text: "Latausverkko listens to customer feedback", theme: "influence",
      scale: 1...5, offset: 3),
    Question(
      id: "infl_change", text: "Customer feedback leads to visible changes", theme: "influence",
      scale: 1...5, offset: -3),
    Question(
      id: "infl_voice", text: "I can influence how the service develops", theme: "influence",
      scale: 1...5, offset: 0),
    Question(
      id: "rel_works", text: "Chargers work when I arrive", theme: "reliability", scale: 1...5,
      offset: 2),
    Question(
      id: "rel_speed", text: "Charging speed matches what is promised", theme: "reliability",
      scale: 1...5, offset: -3),
    Question(
      id: "rel_fix", text: "Faults are fixed quickly", theme: "reliability", scale: 1...5,
      offset: -4),
    Question(
      id: "rel_free", text: "I find a free charger when I need one", theme: "reliability",
      scale: 1...5, offset: 5),
    Question(
      id: "price_clear", text: "The price of a charging session is clear before I start",
      theme: "pricing", scale: 1...5, offset: -2),
    Question(
      id: "price_fair", text: "The price is fair for what I get", theme: "pricing", scale: 1...5,
      offset: -3),
    Question(
      id: "price_receipt", text: "My receipt or invoice is easy to understand", theme: "pricing",
      scale: 1...5, offset: 5),
    Question(
      id: "app_start", text: "Starting a charging session with the app is easy", theme: "app",
      scale: 1...5, offset: 2),
    Question(id: "app_pay", text: "Paying is smooth", theme: "app", scale: 1...5, offset: 0),
    Question(
      id: "app_status", text: "The app shows charger availability reliably", theme: "app",
      scale: 1...5, offset: -4),
    Question(
      id: "app_history", text: "I can find my past sessions and receipts", theme: "app",
      scale: 1...5, offset: 2),
    Question(
      id: "nps", text: "How likely are you to recommend Latausverkko to a friend or colleague?",
      theme: "recommendation", scale: 0...10, nps: true, outcome: true, offset: 12),
    Question(
      id: "rec_satisfied", text: "Overall I am satisfied with Latausverkko", theme: "recommendation",
      scale: 1...5, offset: -4),
    Question(
      id: "rec_continue", text: "I will keep charging with Latausverkko", theme: "recommendation",
      scale: 1...5, offset: -8),
  ]

  /// Asked of staff about their own work and the company.
  static let staffQuestions: [Question] = [
    Question(
      id: "s_comm_info", text: "I hear about changes before customers ask me about them",
      theme: "communication", scale: 1...5, offset: -6),
    Question(
      id: "s_comm_explain", text: "I can explain our offer and prices to a customer",
      theme: "communication", scale: 1...5, offset: 8),
    Question(
      id: "s_comm_mgmt", text: "Management communicates clearly", theme: "communication",
      scale: 1...5, offset: -2),
    Question(
      id: "s_serv_tools", text: "I have the tools to solve customer problems", theme: "service",
      scale: 1...5, offset: 2),
    Question(
      id: "s_serv_mgmt", text: "Management is interested in what happens at the customer interface",
      theme: "service", scale: 1...5, offset: -8),
    Question(
      id: "s_serv_time", text: "I have time to serve customers well", theme: "service",
      scale: 1...5, offset: 4),
    Question(
      id: "s_infl_work", text: "I can influence decisions about my own work", theme: "influence",
      scale: 1...5, offset: 5),
    Question(
      id: "s_infl_ideas", text: "Ideas from the field are taken forward", theme: "influence",
      scale: 1...5, offset: -6),
    Question(
      id: "s_infl_heard", text: "My manager listens to me", theme: "influence", scale: 1...5,
      offset: 2),
    Question(
      id: "s_rel_quality", text: "Our chargers are reliable", theme: "reliability", scale: 1...5,
      offset: 0),
    Question(
      id: "s_rel_fix", text: "Faults reported to us get fixed quickly", theme: "reliability",
      scale: 1...5, offset: -3),
    Question(
      id: "s_rel_proud", text: "I am proud of the quality of our network", theme: "reliability",
      scale: 1...5, offset: 3),
    Question(
      id: "s_app_helps", text: "Our app lets customers charge without calling us", theme: "app",
      scale: 1...5, offset: 3),
    Question(
      id: "s_app_fixed", text: "App problems reported by customers get fixed", theme: "app",
      scale: 1...5, offset: -4),
    Question(
      id: "s_app_tools", text: "Our internal systems work well", theme: "app", scale: 1...5,
      offset: 1),
    Question(
      id: "enps", text: "How likely are you to recommend Latausverkko as a place to work?",
      theme: "recommendation", scale: 0...10, nps: true, outcome: true, offset: 10),
    Question(
      id: "s_rec_stay", text: "I see myself working here in two years", theme: "recommendation",
      scale: 1...5, offset: -4),
    Question(
      id: "s_rec_proud", text: "I am proud to work at Latausverkko", theme: "recommendation",
      scale: 1...5, offset: -6),
  ]

  /// Theme level (0–100 index) per audience and wave step: [2024-09, 2025-09, 2026-09].
  /// 2024→2025 is the previous cycle's story: pricing moved after the price displays, service
  /// fell when the evening line was outsourced, reliability moved under two actions at once.
  static let customerLevel: [String: [Double]] = [
    "communication": [32, 30, 40], "service": [64, 57, 67], "influence": [45, 46, 46],
    "reliability": [50, 60, 68], "pricing": [43, 53, 53], "app": [45, 49, 61],
    "recommendation": [57, 60, 63],
  ]
  /// Mirror = customer level + this: staff mostly think customers are unhappier than they
  /// are; on the app they built they are too optimistic.
  static let mirrorShift: [String: Double] = [
    "communication": -3, "service": -16, "influence": -14, "reliability": -15, "pricing": -16,
    "app": 13, "recommendation": -18,
  ]
  static let staffLevel: [String: [Double]] = [
    "communication": [42, 44, 52], "service": [56, 54, 60], "influence": [34, 35, 36],
    "reliability": [52, 58, 63], "app": [53, 55, 60], "recommendation": [51, 52, 54],
  ]

  static let customerTypes: [(String, Double)] = [("private", 0.6), ("business", 0.25), ("fleet", 0.15)]
  /// Lappi is kept to three customers per wave: a segment below the minimum group size.
  static let regions: [(String, Double)] = [
    ("Uusimaa", 0.5), ("Pirkanmaa", 0.2), ("Varsinais-Suomi", 0.16), ("Pohjois-Pohjanmaa", 0.14),
  ]
  static let lappiCustomers = 3
  static let teams: [(name: String, size: Int)] = [
    ("Asiakaspalvelu", 12), ("Kenttähuolto", 10), ("Myynti", 7), ("Sovelluskehitys", 6), ("Johto", 5),
  ]

  static let customerComments: [(column: String, theme: String)] = [
    ("comment_communication", "communication"), ("comment_service", "service"), ("comment_app", "app"),
  ]
  static let staffComments: [(column: String, theme: String)] = [
    ("comment_influence", "influence"), ("comment_service", "service"),
  ]

  /// Verbatim comments per wave step and column: Finnish and English as customers write them.
  static let customerCommentTexts: [[(String, String)]] = [
    [
      ("comment_communication", "Hinta selviää vasta kuitista."),
      ("comment_communication", "I never know what a session will cost before I plug in."),
      ("comment_service", "Asiakaspalvelu on ystävällistä ja vastaa nopeasti."),
      ("comment_app", "Sovellus hukkaa kirjautumisen joka viikko."),
    ],
    [
      ("comment_communication", "En tiennyt hinnanmuutoksesta ennen kuin näin laskun."),
      ("comment_communication", "Huoltokatkoista ei kerrota etukäteen, ajoin turhaan Hervantaan."),
      ("comment_communication", "Hard to tell what the monthly plan actually includes."),
      ("comment_communication", "Nettisivuilta ei löydä mitään, ohjeet ovat vanhoja."),
      (
        "comment_communication",
        "Laturi Ideaparkissa oli rikki, \"huollossa\" kolme viikkoa,\nei mitään ilmoitusta."
      ),
      ("comment_service", "Odotin puhelimessa 25 minuuttia illalla."),
      ("comment_service", "Chat answers were copy-paste and did not help at all."),
      ("comment_service", "Ystävällinen palvelu, ongelma ratkesi heti."),
      ("comment_app", "Sovellus kaatuu maksuvaiheessa, joudun kokeilemaan monta kertaa."),
      ("comment_app", "Too many taps to start charging in the rain."),
      ("comment_app", "Receipts for company cars are a mess."),
      ("comment_app", "Sovelluksen mukaan laturi oli vapaa, mutta se oli varattu."),
    ],
    [
      ("comment_communication", "Uutiskirje on selkeä, kiitos!"),
      ("comment_communication", "Finally I get a notice when my usual charger is down."),
      ("comment_communication", "Ohjeet laturissa auttoivat, ensimmäinen lataus onnistui heti."),
      ("comment_communication", "Still not sure why the price per kWh differs between stations."),
      ("comment_service", "Asiakaspalvelu soitti takaisin samana päivänä, hyvä."),
      ("comment_service", "Our fleet account manager knows our cars, big improvement."),
      ("comment_service", "Yöllä ei edelleenkään saa ketään kiinni."),
      ("comment_service", "Quick and friendly help with a stuck cable."),
      ("comment_app", "Apple Pay works great now."),
      ("comment_app", "Kahdella napautuksella lataus käyntiin, juuri näin."),
      ("comment_app", "E-mail receipts for the company car still missing."),
      ("comment_app", "Sovellus on nopeampi kuin ennen."),
    ],
  ]
  static let staffCommentTexts: [[(String, String)]] = [
    [
      ("comment_influence", "Kukaan ei kysy meiltä mitään."),
      ("comment_service", "Hinnoista tulee joka päivä kysymyksiä, joihin en osaa vastata."),
    ],
    [
      ("comment_influence", "Ideat kentältä eivät etene mihinkään."),
      ("comment_influence", "Nobody asks the technicians before buying new chargers."),
      ("comment_service", "Johto ei käy koskaan asiakaspalvelun puolella."),
      ("comment_service", "Saamme tiedon hinnanmuutoksista samaan aikaan kuin asiakkaat."),
      ("comment_service", "Customers are angrier on the phone than in the surveys, I think."),
    ],
    [
      ("comment_influence", "Vieläkin tuntuu, että päätökset tehdään jossain muualla."),
      ("comment_influence", "The idea box got one answer in a year."),
      ("comment_service", "Uusi koulutus auttoi paljon."),
      ("comment_service", "Takaisinsoittolupaus toimii, mutta ruuhka-aikaan kiire on kova."),
      ("comment_service", "Knowledge base saves me calls every day."),
    ],
  ]
}
