import TrialModel

/// Settings of the criteria language whose values are not fixed by the protocols' text.
///
/// Each has a published or conventional default; recalled, unverified defaults (**[R]**) are named
/// in screening output whenever a verdict depends on them.
public struct EligibilitySettings: Sendable, Hashable {
  /// Age below which performance is scored on the Lansky play-performance scale rather than
  /// Karnofsky. Default 16 years: MDCalc's Lansky guidance ("for < 16 years"; Lansky et al.,
  /// Cancer 1987); the ELIANA-style switch is **[R]**.
  public var lanskyAgeLimit: CalendarSpan

  public init(lanskyAgeLimit: CalendarSpan = CalendarSpan(amount: 16, unit: .years)) {
    self.lanskyAgeLimit = lanskyAgeLimit
  }

  /// The settings whose values are assumed, each `{setting, value, assumption}`, printed with
  /// screening output whenever a verdict depends on them.
  public var assumptions: [Assumption] {
    [
      Assumption(
        setting: "lanskyAgeLimit", value: "\(lanskyAgeLimit)",
        assumption: "recalled default [R]: Lansky (1987) below this age, Karnofsky at or above")
    ]
  }
}
