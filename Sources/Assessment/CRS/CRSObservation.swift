import Inputs

/// Oxygen support at the time of a CRS assessment (ASTCT 2019 hypoxia row).
public enum OxygenDevice: String, Sendable, Hashable, Codable, InputEnumeration {
  case none
  /// Nasal cannula; low or high flow is decided by the flow rate.
  case nasalCannula
  /// Blow-by oxygen (low flow; common in children).
  case blowBy
  case highFlowNasalCannula
  case faceMask
  case nonRebreatherMask
  case venturiMask
  case cpap
  case bipap
  case mechanicalVentilation
}

/// One CRS assessment: the worst findings of a grading period (ASTCT 2019).
///
/// JSON: `{"temperatureCelsius": 38.5, "antipyreticOrAnticytokineGiven": false,
/// "feverAttributableToOtherCause": false, "hypotension": true, "systolicBloodPressure": 85, "ageYears": 9,
/// "vasopressors": 1, "vasopressin": false, "oxygenDevice": "nasalCannula",
/// "oxygenFlowLitresPerMinute": 2, "deathDueToCRS": false}`; every field but the temperature
/// defaults to none/false/0.
public struct CRSObservation: Sendable, Hashable {
  /// Highest temperature in °C; may be omitted once antipyretic/anti-cytokine therapy has started.
  public var temperatureCelsius: Double?
  /// Antipyretic or anti-cytokine therapy (e.g. tocilizumab, corticosteroids) has been given.
  public var antipyreticOrAnticytokineGiven: Bool
  /// Fever is attributed to another cause (e.g. infection), so it does not count toward CRS.
  public var feverAttributableToOtherCause: Bool
  /// Hypotension by age-appropriate norms, as judged by the investigator.
  public var hypotension: Bool
  /// Lowest systolic blood pressure in mmHg; below the protocol's age-based threshold it counts as
  /// hypotension even when `hypotension` is not set.
  public var systolicBloodPressure: Double?
  /// Age in years, for the paediatric hypotension threshold.
  public var ageYears: Double?
  /// Number of vasopressors other than vasopressin.
  public var vasopressors: Int
  /// Vasopressin is given (never counts toward "multiple vasopressors").
  public var vasopressin: Bool
  public var oxygenDevice: OxygenDevice
  /// Oxygen flow in L/min (needed for a nasal cannula).
  public var oxygenFlowLitresPerMinute: Double?
  /// Death due to CRS with no other principal factor.
  public var deathDueToCRS: Bool

  public init(
    temperatureCelsius: Double?, antipyreticOrAnticytokineGiven: Bool = false,
    feverAttributableToOtherCause: Bool = false, hypotension: Bool = false,
    systolicBloodPressure: Double? = nil,
    ageYears: Double? = nil, vasopressors: Int = 0, vasopressin: Bool = false,
    oxygenDevice: OxygenDevice = .none,
    oxygenFlowLitresPerMinute: Double? = nil, deathDueToCRS: Bool = false
  ) {
    self.temperatureCelsius = temperatureCelsius
    self.antipyreticOrAnticytokineGiven = antipyreticOrAnticytokineGiven
    self.feverAttributableToOtherCause = feverAttributableToOtherCause
    self.hypotension = hypotension
    self.systolicBloodPressure = systolicBloodPressure
    self.ageYears = ageYears
    self.vasopressors = vasopressors
    self.vasopressin = vasopressin
    self.oxygenDevice = oxygenDevice
    self.oxygenFlowLitresPerMinute = oxygenFlowLitresPerMinute
    self.deathDueToCRS = deathDueToCRS
  }
}
