/// Reads a registry age ("18 Years", "6 Months", "1 Year", "28 Days") as years of age.
///
/// API v2 writes `minimumAge`/`maximumAge` as a number and a unit (Years, Months, Weeks, Days,
/// Hours, Minutes; singular or plural). Months are twelfths of a year, weeks 7/365.25 and days
/// 1/365.25 of one; hours and minutes count as 0 years.
public enum RegistryAge {
  /// The age in years, or `nil` when the text is not a number and a unit.
  public static func years(_ text: String) -> Double? {
    guard
      let m = text.lowercased().wholeMatch(of: /\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*/),
      let n = Double(m.output.1)
    else { return nil }
    switch m.output.2 {
    case "year": return n
    case "month": return n / 12
    case "week": return n * 7 / 365.25
    case "day": return n / 365.25
    default: return 0
    }
  }
}
