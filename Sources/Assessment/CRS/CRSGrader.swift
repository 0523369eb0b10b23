import Inputs
import TrialModel

/// Grades cytokine release syndrome by the ASTCT 2019 consensus (Lee DW et al., Biol Blood Marrow
/// Transplant 2019;25:625–638; table as reproduced in PMC8021214 Table 1).
///
/// Fever ≥ 38 °C is required until antipyretic or anti-cytokine therapy has started; then the grade
/// is driven by hypotension and hypoxia alone. The worse of hypotension and hypoxia sets the grade.
/// Organ toxicities are graded separately (CTCAE) and never change the CRS grade.
public struct CRSGrader: Sendable {
  public var settings: CRSSettings
  /// The plausibility ranges of temperature, blood pressure, age and oxygen flow.
  public var ranges: PlausibleRanges

  public init(settings: CRSSettings = CRSSettings(), ranges: PlausibleRanges = .standard) {
    self.settings = settings
    self.ranges = ranges
  }

  public static let system = "ASTCT 2019 CRS"

  /// The CRS grade (0–5) of one observation, with its deciding findings.
  public func grade(_ observation: CRSObservation) throws(InputError) -> GradeResult {
    try validate(observation)
    if observation.deathDueToCRS {
      return GradeResult(grade: 5, system: Self.system, reasons: ["death due to CRS"])
    }
    let threshold = settings.feverThresholdCelsius.value
    let febrile =
      !observation.feverAttributableToOtherCause
      && (observation.temperatureCelsius.map { $0 >= threshold } ?? false)
    let temperature = observation.temperatureCelsius.map { "\(Quantity.format($0)) °C" } ?? "not recorded"
    if !febrile && !observation.antipyreticOrAnticytokineGiven {
      let why =
        observation.feverAttributableToOtherCause
        ? "fever (temperature \(temperature)) is attributed to another cause"
        : "temperature \(temperature) is below the fever threshold \(Quantity.format(threshold)) °C"
      return GradeResult(grade: 0, system: Self.system, reasons: ["no CRS: \(why)"])
    }
    var domains = [hypotension(observation), try hypoxia(observation)]
    if febrile {
      domains.append(
        DomainGrade(grade: 1, finding: "fever: temperature \(temperature) ≥ \(Quantity.format(threshold)) °C")
      )
    }
    var notes: [String] = []
    if !febrile {
      notes.append("fever not required: antipyretic or anti-cytokine therapy already given (ASTCT)")
    }
    return domains.worst(system: Self.system, notes: notes)
  }

  private func hypotension(_ o: CRSObservation) -> DomainGrade {
    if o.vasopressors >= 2 {
      return DomainGrade(
        grade: 4, finding: "hypotension needing \(o.vasopressors) vasopressors (excluding vasopressin)")
    }
    if o.vasopressors == 1 || o.vasopressin {
      let which =
        o.vasopressors == 1 && o.vasopressin ? "one vasopressor plus vasopressin" : "one vasopressor"
      return DomainGrade(grade: 3, finding: "hypotension needing \(which)")
    }
    if o.hypotension { return DomainGrade(grade: 2, finding: "hypotension not needing vasopressors") }
    if let sbp = o.systolicBloodPressure {
      let limit = hypotensionThreshold(ageYears: o.ageYears)
      if sbp < limit {
        return DomainGrade(
          grade: 2,
          finding:
            "hypotension (SBP \(Quantity.format(sbp)) < \(Quantity.format(limit)) mmHg) not needing vasopressors"
        )
      }
    }
    return DomainGrade(grade: 0, finding: "no hypotension")
  }

  /// The systolic pressure in mmHg below which a patient of `ageYears` is hypotensive: the PALS
  /// formula `base + perYear × age` for children, the adult value from the cut-off age on (or when
  /// the age is unknown). All are protocol settings (ASTCT gives no number; PMC8021214 adapts
  /// SBP < 90 mmHg for adults).
  public func hypotensionThreshold(ageYears: Double?) -> Double {
    guard let age = ageYears, age < settings.hypotensionAdultFromAgeYears.value else {
      return settings.adultHypotensionSystolicBelow.value
    }
    return settings.paediatricHypotensionBaseMmHg.value + settings.paediatricHypotensionPerYearMmHg.value
      * max(age, 0)
  }

  private func hypoxia(_ o: CRSObservation) throws(InputError) -> DomainGrade {
    switch o.oxygenDevice {
    case .none: return DomainGrade(grade: 0, finding: "no oxygen requirement")
    case .blowBy: return DomainGrade(grade: 2, finding: "hypoxia needing blow-by oxygen (low flow)")
    case .nasalCannula:
      guard let flow = o.oxygenFlowLitresPerMinute else {
        throw InputError(
          field: "oxygenFlowLitresPerMinute", expected: "the flow in L/min for a nasal cannula",
          found: "nothing")
      }
      let limit = settings.lowFlowMaximumLitresPerMinute.value
      let shown = "\(Quantity.format(flow)) L/min"
      return flow <= limit
        ? DomainGrade(
          grade: 2, finding: "hypoxia needing low-flow nasal cannula (\(shown) ≤ \(Quantity.format(limit)))")
        : DomainGrade(
          grade: 3, finding: "hypoxia needing high-flow nasal cannula (\(shown) > \(Quantity.format(limit)))")
    case .highFlowNasalCannula:
      return DomainGrade(grade: 3, finding: "hypoxia needing high-flow nasal cannula")
    case .faceMask, .nonRebreatherMask, .venturiMask:
      return DomainGrade(grade: 3, finding: "hypoxia needing \(o.oxygenDevice.rawValue)")
    case .cpap, .bipap, .mechanicalVentilation:
      return DomainGrade(grade: 4, finding: "hypoxia needing positive pressure (\(o.oxygenDevice.rawValue))")
    }
  }

  private func validate(_ o: CRSObservation) throws(InputError) {
    if let t = o.temperatureCelsius { try ranges.check(.temperature, t, field: "temperatureCelsius") }
    if o.temperatureCelsius == nil && !o.antipyreticOrAnticytokineGiven {
      throw InputError(
        field: "temperatureCelsius",
        expected: "the highest temperature in °C (required until therapy is given)",
        found: "nothing")
    }
    try Check.range(o.vasopressors, 0...10, field: "vasopressors")
    if let sbp = o.systolicBloodPressure {
      try ranges.check(.systolicBloodPressure, sbp, field: "systolicBloodPressure")
    }
    if let age = o.ageYears { try ranges.check(.age, age, field: "ageYears") }
    if let flow = o.oxygenFlowLitresPerMinute {
      try ranges.check(.oxygenFlow, flow, field: "oxygenFlowLitresPerMinute")
    }
  }
}
