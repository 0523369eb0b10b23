import Inputs
import TrialModel

/// Grades immune effector cell-associated neurotoxicity syndrome by the ASTCT 2019 consensus
/// (Lee DW et al., Biol Blood Marrow Transplant 2019; table as reproduced in PMC8403007 Table 4 and
/// PMC7990806 Table 2; paediatric CAPD rows per the MDedge summary and NCIt C188936).
///
/// The worst domain wins: encephalopathy (ICE, or CAPD below the protocol's age cut-off),
/// consciousness, seizure, motor findings, raised ICP/cerebral oedema. Tremor, myoclonus and
/// intracranial haemorrhage are graded with CTCAE and never change the ICANS grade.
public struct ICANSGrader: Sendable {
  public var settings: ICANSSettings
  /// The plausibility range of the age.
  public var ranges: PlausibleRanges

  public init(settings: ICANSSettings = ICANSSettings(), ranges: PlausibleRanges = .standard) {
    self.settings = settings
    self.ranges = ranges
  }

  public static let system = "ASTCT 2019 ICANS"

  /// The ICANS grade (0–5) of one observation, with its deciding findings.
  public func grade(_ observation: ICANSObservation) throws(InputError) -> GradeResult {
    let o = observation
    try validate(o)
    if o.deathDueToICANS {
      return GradeResult(grade: 5, system: Self.system, reasons: ["death due to ICANS"])
    }
    var notes: [String] = []
    var domains = [try encephalopathy(o, notes: &notes), seizure(o.seizure)]
    if o.consciousnessAttributableToOtherCause && o.consciousness != .alert {
      notes.append(
        "depressed consciousness (\(o.consciousness.rawValue)) attributed to another cause: not counted")
    } else {
      domains.append(consciousness(o.consciousness))
    }
    if o.motorWeakness { domains.append(DomainGrade(grade: 4, finding: "deep focal motor weakness")) }
    for finding in o.intracranialPressure where finding != .none {
      let grade = finding == .focalOedema ? 3 : 4
      domains.append(DomainGrade(grade: grade, finding: "raised ICP / cerebral oedema: \(finding.rawValue)"))
    }
    if let g = o.tremorGrade, g > 0 { notes.append("tremor (CTCAE grade \(g)) excluded from ICANS") }
    if let g = o.myoclonusGrade, g > 0 { notes.append("myoclonus (CTCAE grade \(g)) excluded from ICANS") }
    if o.intracranialHaemorrhage {
      notes.append("intracranial haemorrhage excluded from ICANS (grade with CTCAE)")
    }
    return domains.worst(system: Self.system, notes: notes)
  }

  /// Whether CAPD rather than ICE applies: age below the protocol cut-off, or developmental delay.
  public func usesCAPD(ageYears: Double?, developmentalDelay: Bool) -> Bool? {
    if developmentalDelay { return true }
    return ageYears.map { $0 < settings.capdBelowAgeYears.value }
  }

  private func encephalopathy(_ o: ICANSObservation, notes: inout [String]) throws(InputError)
    -> DomainGrade
  {
    let cutoff = Quantity.format(settings.capdBelowAgeYears.value)
    let capd: Bool
    if let chosen = usesCAPD(ageYears: o.ageYears, developmentalDelay: o.developmentalDelay) {
      capd = chosen
    } else if o.ice != nil && o.capd != nil {
      throw InputError(
        field: "ageYears", expected: "the age, to choose between ICE and CAPD", found: "nothing")
    } else {
      capd = o.capd != nil
    }
    let age = o.ageYears.map { "age \(Quantity.format($0))" } ?? "developmental delay"
    if capd {
      guard let assessment = o.capd else {
        if o.consciousness == .unarousable {
          return DomainGrade(grade: 4, finding: "unarousable: CAPD not possible")
        }
        throw InputError(
          field: "capd", expected: "a CAPD assessment (\(age); CAPD below age \(cutoff))",
          found: o.ice == nil ? "nothing" : "an ICE assessment")
      }
      if let rass = o.rass, rass <= -4 {
        notes.append("CAPD not valid at RASS \(rass) (≤ −4, deep sedation): not scored")
        return DomainGrade(grade: 0, finding: "CAPD not scored")
      }
      return capdDomain(try assessment.score())
    }
    guard let assessment = o.ice else {
      if o.consciousness == .unarousable {
        return DomainGrade(grade: 4, finding: "unarousable: ICE not possible")
      }
      throw InputError(
        field: "ice", expected: "an ICE assessment (ICE from age \(cutoff))",
        found: o.capd == nil ? "nothing" : "a CAPD assessment")
    }
    return iceDomain(try assessment.score(), o)
  }

  private func iceDomain(_ score: Int?, _ o: ICANSObservation) -> DomainGrade {
    guard let score else {
      // ASTCT: an ICE of 0 is grade 3 when awake with global aphasia, grade 4 when unarousable.
      if o.globalAphasia && o.consciousness != .unarousable {
        return DomainGrade(grade: 3, finding: "unable to perform ICE, awake with global aphasia")
      }
      return DomainGrade(grade: 4, finding: "unable to perform ICE (unarousable)")
    }
    switch score {
    case 10: return DomainGrade(grade: 0, finding: "ICE 10 (no impairment)")
    case 7...9: return DomainGrade(grade: 1, finding: "ICE \(score) (7–9)")
    case 3...6: return DomainGrade(grade: 2, finding: "ICE \(score) (3–6)")
    case 0 where o.consciousness == .unarousable && !o.globalAphasia:
      return DomainGrade(grade: 4, finding: "ICE 0, unarousable")
    case 0 where o.globalAphasia: return DomainGrade(grade: 3, finding: "ICE 0, awake with global aphasia")
    default: return DomainGrade(grade: 3, finding: "ICE \(score) (0–2)")
    }
  }

  private func capdDomain(_ score: Int?) -> DomainGrade {
    guard let score else { return DomainGrade(grade: 4, finding: "unable to perform CAPD") }
    let positive = settings.capdGrade3Minimum.value
    if score >= positive { return DomainGrade(grade: 3, finding: "CAPD \(score) (≥ \(positive))") }
    if score >= 1 {
      return DomainGrade(
        grade: 1, finding: "CAPD \(score) (1–\(positive - 1); consciousness decides grade 1 or 2)")
    }
    return DomainGrade(grade: 0, finding: "CAPD 0")
  }

  private func consciousness(_ level: ConsciousnessLevel) -> DomainGrade {
    switch level {
    case .alert: DomainGrade(grade: 0, finding: "alert")
    case .awakensSpontaneously:
      DomainGrade(grade: 1, finding: "depressed consciousness: awakens spontaneously")
    case .awakensToVoice: DomainGrade(grade: 2, finding: "depressed consciousness: awakens to voice")
    case .awakensToTactileStimulus:
      DomainGrade(grade: 3, finding: "depressed consciousness: awakens only to touch")
    case .unarousable: DomainGrade(grade: 4, finding: "unarousable, stupor or coma")
    }
  }

  private func seizure(_ finding: SeizureFinding) -> DomainGrade {
    switch finding {
    case .none: DomainGrade(grade: 0, finding: "no seizure")
    case .clinicalResolvedRapidly: DomainGrade(grade: 3, finding: "clinical seizure resolving rapidly")
    case .nonConvulsiveResolvedWithIntervention:
      DomainGrade(grade: 3, finding: "non-convulsive seizure on EEG resolving with intervention")
    case .prolonged: DomainGrade(grade: 4, finding: "life-threatening prolonged seizure (> 5 min)")
    case .repetitiveWithoutReturnToBaseline:
      DomainGrade(grade: 4, finding: "repetitive seizures without return to baseline")
    }
  }

  private func validate(_ o: ICANSObservation) throws(InputError) {
    if let age = o.ageYears { try ranges.check(.age, age, field: "ageYears") }
    if let g = o.tremorGrade { try Check.range(g, 0...5, field: "tremorGrade") }
    if let g = o.myoclonusGrade { try Check.range(g, 0...5, field: "myoclonusGrade") }
    if let r = o.rass { try Check.range(r, -5...4, field: "rass") }
  }
}
