/// An age range in years of age, as eligibility criteria state it.
///
/// Ages are compared in completed years: with `maximumInclusive` (the default) a patient is in
/// range until the day before their `maximum + 1`-th birthday ("12–17 years" admits 17 y 11 m);
/// without it, until the day before their `maximum`-th birthday ("18–70, upper limit not
/// included"). The minimum is always inclusive.
public struct AgeRange: Codable, Sendable, Hashable, CustomStringConvertible {
  /// Youngest admitted age in years; `nil` for no lower limit.
  public var minimum: Double?
  /// Oldest admitted age in years; `nil` for no upper limit.
  public var maximum: Double?
  /// Whether a patient aged exactly `maximum` completed years is admitted.
  public var maximumInclusive: Bool

  public init(minimum: Double?, maximum: Double?, maximumInclusive: Bool = true) {
    self.minimum = minimum
    self.maximum = maximum
    self.maximumInclusive = maximumInclusive
  }

  private enum CodingKeys: String, CodingKey { case minimum, maximum, maximumInclusive }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    minimum = try c.decodeIfPresent(Double.self, forKey: .minimum)
    maximum = try c.decodeIfPresent(Double.self, forKey: .maximum)
    maximumInclusive = try c.decodeIfPresent(Bool.self, forKey: .maximumInclusive) ?? true
  }

  /// Whether an exact age in years (e.g. 17.99) is in range, comparing completed years.
  public func contains(ageInYears age: Double) -> Bool {
    let completed = age.rounded(.down)
    if let minimum, age < minimum { return false }
    if let maximum {
      return maximumInclusive ? completed <= maximum : age < maximum
    }
    return true
  }

  public var description: String {
    switch (minimum, maximum) {
    case (nil, nil): return "any age"
    case (let lo?, nil): return "≥ \(Quantity.format(lo)) years"
    case (nil, let hi?):
      return maximumInclusive ? "≤ \(Quantity.format(hi)) years" : "< \(Quantity.format(hi)) years"
    case (let lo?, let hi?):
      return "\(Quantity.format(lo))–\(Quantity.format(hi)) years"
        + (maximumInclusive ? " (inclusive)" : " (upper limit not included)")
    }
  }
}

/// One dose level of a group: an amount of CAR+ cells, per kg of body weight or in total, with an
/// optional cap on the total number of cells infused.
public struct DoseLevel: Codable, Sendable, Hashable {
  /// The level's number as the protocol numbers it: 1, 2, 3…; de-escalation levels are −1, −2 (or 0).
  public var level: Int
  /// The dose: `cells/kg` or total `cells`.
  public var dose: Quantity
  /// The most cells that may be infused at this level (`cells`), if capped.
  public var maximumTotal: Quantity?
  /// Why this level was assumed, when the registry record does not state it.
  public var assumption: String?

  public init(level: Int, dose: Quantity, maximumTotal: Quantity? = nil, assumption: String? = nil) {
    self.level = level
    self.dose = dose
    self.maximumTotal = maximumTotal
    self.assumption = assumption
  }
}

/// The rule that opens a group for enrolment once another group has gathered enough data
/// (e.g. NCT07470073: adolescents open after the adults have cleared dose level 1).
public struct OpeningRule: Codable, Sendable, Hashable {
  /// The group whose progress opens this one.
  public var afterGroup: String
  /// The dose level of `afterGroup` that must have been cleared (a full cohort treated there and
  /// the design's decision was to escalate).
  public var clearedLevel: Int
  /// Why this rule was assumed, when the protocol leaves it open.
  public var assumption: String?

  public init(afterGroup: String, clearedLevel: Int, assumption: String? = nil) {
    self.afterGroup = afterGroup
    self.clearedLevel = clearedLevel
    self.assumption = assumption
  }
}

/// A population group (arm) with its own ages, dose levels and escalation.
public struct PopulationGroup: Codable, Sendable, Hashable {
  /// Short id used on the command line (`A`, `B`, `main`).
  public var id: String
  /// Human-readable label ("Adults ≥ 18 years").
  public var label: String
  /// Ages admitted to this group.
  public var ages: AgeRange
  /// Dose levels, in increasing order of level number and dose.
  public var doseLevels: [DoseLevel]
  /// The level the first cohort receives.
  public var startingLevel: Assumed<Int>
  /// The dose-finding design this group escalates by.
  public var design: DesignParameters
  /// When the group opens, if it does not open at the start.
  public var opensWhen: OpeningRule?

  public init(
    id: String, label: String, ages: AgeRange, doseLevels: [DoseLevel], startingLevel: Assumed<Int>,
    design: DesignParameters, opensWhen: OpeningRule? = nil
  ) {
    self.id = id
    self.label = label
    self.ages = ages
    self.doseLevels = doseLevels
    self.startingLevel = startingLevel
    self.design = design
    self.opensWhen = opensWhen
  }

  /// The dose level numbered `level`, if any.
  public func doseLevel(_ level: Int) -> DoseLevel? {
    doseLevels.first { $0.level == level }
  }

  /// Levels used for escalation: the protocol's levels in order (de-escalation levels included).
  public var orderedLevels: [Int] { doseLevels.map(\.level) }
}
