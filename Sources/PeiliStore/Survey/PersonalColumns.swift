import Foundation

/// Recognises columns that hold personal data — email, names, IP address, location, phone,
/// recipient and external-reference fields — by their header. peili never stores them: a
/// mapping may not name them, and `--inspect` lists them as dropped.
public enum PersonalColumns {
  /// Normalised header (lower case, letters and digits only) → what it holds.
  static let exact: [String: String] = [
    "email": "email address", "emailaddress": "email address", "sahkoposti": "email address",
    "sahkopostiosoite": "email address", "epost": "email address", "epostadress": "email address",
    "mail": "email address",
    "name": "name", "fullname": "name", "firstname": "name", "lastname": "name", "surname": "name",
    "nimi": "name", "etunimi": "name", "sukunimi": "name", "namn": "name", "fornamn": "name",
    "efternamn": "name", "respondentname": "name", "contactname": "name",
    "ip": "IP address", "ipaddress": "IP address", "ipaddr": "IP address", "ipaddresses": "IP address",
    "iposoite": "IP address", "networkid": "network id",
    "latitude": "location", "longitude": "location", "location": "location", "lat": "location",
    "lon": "location", "lng": "location", "gps": "location", "sijainti": "location",
    "address": "postal address", "streetaddress": "postal address", "osoite": "postal address",
    "phone": "phone number", "phonenumber": "phone number", "telephone": "phone number",
    "mobile": "phone number", "mobilephone": "phone number", "puhelin": "phone number",
    "puhelinnumero": "phone number", "telefon": "phone number",
    "externalreference": "external reference", "externaldatareference": "external reference",
    "externalref": "external reference", "externalid": "external reference",
  ]

  /// What personal data a column named `header` holds, or nil. `Title [Email]` style headers
  /// (SurveyMonkey contact blocks, Google grids) are judged by the bracketed part too.
  public static func kind(of header: String) -> String? {
    let key = normalised(header)
    if let kind = exact[key] { return kind }
    // A question *about* e-mail ("How would you describe your access to emails from us?") is
    // a question, not an address: the looser rules below read field names only.
    if isQuestion(header) { return bracketed(header) }
    // "Your name", "Full name", "Contact e-mail", "Sukunimi": the name says what it holds.
    if key.contains("email") || key.contains("sahkoposti") { return "email address" }
    if key.hasSuffix("name") || key.hasSuffix("nimi") || key.hasSuffix("namn") { return "name" }
    if key.hasSuffix("phone") || key.contains("phonenumber") || key.hasPrefix("puhelin") {
      return "phone number"
    }
    if key.hasPrefix("recipient") { return "recipient field" }
    if key.hasPrefix("location") && !key.hasPrefix("locationtype") { return "location" }
    return bracketed(header)
  }

  /// `Title [Email]` (SurveyMonkey contact blocks, Google grids): judged by the bracketed part.
  static func bracketed(_ header: String) -> String? {
    guard let open = header.lastIndex(of: "["), header.hasSuffix("]") else { return nil }
    let inner = header[header.index(after: open)..<header.index(before: header.endIndex)]
    return exact[normalised(String(inner))]
  }

  /// Whether a header reads as a question or a statement rather than a field name: it asks
  /// (`?`), or runs to more than four words.
  static func isQuestion(_ header: String) -> Bool {
    let plain = header.split(separator: "[").first.map(String.init) ?? header
    return plain.contains("?") || plain.split(whereSeparator: { $0.isWhitespace }).count > 4
  }

  /// What personal data the values hold, judged from a sample: e-mail addresses, IP
  /// addresses or coordinates in most of the non-blank values; nil otherwise.
  static func kind(ofValues values: [String]) -> String? {
    let filled = values.filter { !$0.isEmpty }
    guard filled.count >= 2 else { return nil }
    func most(_ test: (String) -> Bool) -> Bool { filled.filter(test).count * 2 > filled.count }
    if looksLikeEmails(values) { return "email addresses in the values" }
    if most(isIPAddress) { return "IP addresses in the values" }
    if most(isCoordinate) { return "coordinates in the values" }
    return nil
  }

  static func isIPAddress(_ s: String) -> Bool {
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count == 4, parts.allSatisfy({ $0.count <= 3 && UInt8($0) != nil }) { return true }
    // IPv6: eight hex groups, or fewer with `::`.
    let groups = s.split(separator: ":", omittingEmptySubsequences: false)
    let hex = groups.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }
    return hex && (groups.count == 8 || (s.contains("::") && groups.count >= 3))
  }

  /// "60.1699, 24.9384" or a latitude/longitude alone with four or more decimals.
  static func isCoordinate(_ s: String) -> Bool {
    let parts = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    func decimal(_ p: String, _ limit: Double) -> Bool {
      guard let v = Double(p), abs(v) <= limit, let dot = p.firstIndex(of: ".") else { return false }
      return p.distance(from: dot, to: p.endIndex) > 4
    }
    if parts.count == 2 { return decimal(parts[0], 90) && decimal(parts[1], 180) }
    return parts.count == 1 && decimal(parts[0], 180)
  }

  /// Lower case ASCII letters and digits; Nordic letters folded (ä → a), the rest dropped.
  static func normalised(_ s: String) -> String {
    var out = ""
    for ch in s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).unicodeScalars {
      if ch.isASCII, ch.properties.isAlphabetic || ("0"..."9").contains(ch) { out.unicodeScalars.append(ch) }
    }
    return out.lowercased()
  }

  /// True when most non-blank sample values look like email addresses (a column whose header
  /// hides what it holds).
  static func looksLikeEmails(_ values: [String]) -> Bool {
    let filled = values.filter { !$0.isEmpty }
    guard filled.count >= 2 else { return false }
    let emails = filled.filter { v in
      guard let at = v.firstIndex(of: "@") else { return false }
      return !v.contains(" ") && v[at...].contains(".")
    }
    return emails.count * 2 > filled.count
  }
}
