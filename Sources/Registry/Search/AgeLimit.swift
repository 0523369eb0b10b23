/// An age limit as a registry record states it: a whole number of years, months, weeks, days,
/// hours or minutes (ClinicalTrials.gov `minimumAge`/`maximumAge`, "18 Years", "6 Months").
///
/// A patient meets a limit by completed units, as the registry's age limits are read: a minimum of
/// 18 Years admits a patient from their 18th birthday, a maximum of 65 Years admits them until the
/// day before their 66th. A year is 365.25 days, a month a twelfth of that.
public struct AgeLimit: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The unit of an age limit.
  public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
    case years, months, weeks, days, hours, minutes

    /// Days in one unit.
    public var days: Double {
      switch self {
      case .years: 365.25
      case .months: 365.25 / 12
      case .weeks: 7
      case .days: 1
      case .hours: 1.0 / 24
      case .minutes: 1.0 / 1440
      }
    }
  }

  public var value: Int
  public var unit: Unit

  public init(_ value: Int, _ unit: Unit) {
    self.value = value
    self.unit = unit
  }

  /// Reads the registry's text: `"18 Years"`, `"6 Months"`, `"1 Year"`; nil for anything else
  /// (`"N/A"` and an empty text mean no limit to the registry too).
  public init?(registryText text: String) {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2, let value = Int(parts[0]), value >= 0 else { return nil }
    var word = parts[1].lowercased()
    if !word.hasSuffix("s") { word += "s" }
    guard let unit = Unit(rawValue: word) else { return nil }
    self.init(value, unit)
  }

  /// Completed units of this limit's unit in an age of `years`.
  func completedUnits(ofYears years: Double) -> Int {
    // A small epsilon keeps an exact birthday (18.0 years = 216 months) from falling short.
    Int((years * AgeLimit.Unit.years.days / unit.days + 1e-9).rounded(.down))
  }

  /// Whether a patient of `years` has reached this minimum.
  public func admitsAsMinimum(years: Double) -> Bool { completedUnits(ofYears: years) >= value }

  /// Whether a patient of `years` is still within this maximum.
  public func admitsAsMaximum(years: Double) -> Bool { completedUnits(ofYears: years) <= value }

  /// `18 years`.
  public var description: String {
    "\(value) \(value == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)"
  }
}
