/// ISO 3166-1 alpha-3 codes, as SDTM's `COUNTRY` requires (CDISC codelist C66786, SDTMIG 3.4 §5.2
/// DM assumptions), for the countries registry records name (ClinicalTrials.gov writes English
/// short names). A name not listed here is written as given, and the export says so in define.
enum CountryCode {
  static let alpha3: [String: String] = [
    "argentina": "ARG", "australia": "AUS", "austria": "AUT", "belgium": "BEL", "brazil": "BRA",
    "canada": "CAN", "chile": "CHL", "china": "CHN", "czechia": "CZE", "czech republic": "CZE",
    "denmark": "DNK", "egypt": "EGY", "finland": "FIN", "france": "FRA", "germany": "DEU", "greece": "GRC",
    "hong kong": "HKG", "hungary": "HUN", "india": "IND", "iran": "IRN", "iran, islamic republic of": "IRN",
    "ireland": "IRL", "israel": "ISR", "italy": "ITA", "japan": "JPN", "korea, republic of": "KOR",
    "south korea": "KOR", "malaysia": "MYS", "mexico": "MEX", "netherlands": "NLD", "new zealand": "NZL",
    "norway": "NOR", "pakistan": "PAK", "poland": "POL", "portugal": "PRT", "russian federation": "RUS",
    "russia": "RUS", "saudi arabia": "SAU", "singapore": "SGP", "spain": "ESP", "sweden": "SWE",
    "switzerland": "CHE", "taiwan": "TWN", "thailand": "THA", "turkey": "TUR", "türkiye": "TUR",
    "united kingdom": "GBR", "united states": "USA", "vietnam": "VNM",
  ]

  /// The code of a country name (case-insensitive), or `nil`.
  static func code(_ name: String) -> String? {
    let key = name.lowercased()
    if key.count == 3, key.allSatisfy(\.isLetter), alpha3.values.contains(key.uppercased()) {
      return key.uppercased()
    }
    return alpha3[key]
  }
}
