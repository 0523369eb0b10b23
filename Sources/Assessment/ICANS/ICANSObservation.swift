import Inputs

/// Level of consciousness (ASTCT 2019 ICANS "depressed level of consciousness" row). Depressed
/// consciousness counts only when not attributable to another cause such as sedating medication.
public enum ConsciousnessLevel: String, Sendable, Hashable, Codable, InputEnumeration {
  /// Awake and alert: no depressed consciousness.
  case alert
  /// Drowsy but awakens spontaneously (grade 1).
  case awakensSpontaneously
  /// Awakens to voice (grade 2).
  case awakensToVoice
  /// Awakens only to tactile stimulus (grade 3).
  case awakensToTactileStimulus
  /// Unarousable or needs vigorous/repetitive tactile stimuli; stupor or coma (grade 4).
  case unarousable
}

/// Seizure findings (ASTCT 2019 ICANS seizure row).
public enum SeizureFinding: String, Sendable, Hashable, Codable, InputEnumeration {
  case none
  /// Any clinical seizure, focal or generalised, that resolves rapidly (grade 3).
  case clinicalResolvedRapidly
  /// Non-convulsive seizures on EEG that resolve with intervention (grade 3).
  case nonConvulsiveResolvedWithIntervention
  /// Life-threatening prolonged seizure (> 5 min) (grade 4).
  case prolonged
  /// Repetitive clinical or electrical seizures without return to baseline in between (grade 4).
  case repetitiveWithoutReturnToBaseline
}

/// Raised intracranial pressure / cerebral oedema findings (ASTCT 2019 ICANS ICP row).
public enum IntracranialPressureFinding: String, Sendable, Hashable, Codable, InputEnumeration {
  case none
  /// Focal or local oedema on neuroimaging (grade 3).
  case focalOedema
  /// Diffuse cerebral oedema on neuroimaging (grade 4).
  case diffuseOedema
  /// Decerebrate or decorticate posturing (grade 4).
  case posturing
  /// Cranial nerve VI palsy (grade 4).
  case cranialNerveVIPalsy
  /// Papilloedema (grade 4).
  case papilloedema
  /// Cushing's triad (grade 4).
  case cushingsTriad
}

/// One ICANS assessment (ASTCT 2019).
///
/// JSON: `{"ageYears": 9, "ice": {…}, "capd": {…}, "consciousness": "awakensToVoice",
/// "consciousnessAttributableToOtherCause": false, "rass": 0, "seizure": "none", "motorWeakness": false, "intracranialPressure": ["focalOedema"],
/// "globalAphasia": false, "tremorGrade": 2, "myoclonusGrade": 0, "intracranialHaemorrhage": false,
/// "developmentalDelay": false, "deathDueToICANS": false}`.
public struct ICANSObservation: Sendable, Hashable {
  /// Age in years; chooses CAPD (younger than the protocol cut-off) or ICE.
  public var ageYears: Double?
  /// Older patients with developmental delay are assessed with CAPD.
  public var developmentalDelay: Bool
  public var ice: ICEAssessment?
  public var capd: CAPDAssessment?
  public var consciousness: ConsciousnessLevel
  /// Depressed consciousness is attributable to another cause such as sedating medication, so it
  /// does not count (ASTCT).
  public var consciousnessAttributableToOtherCause: Bool
  /// Richmond Agitation–Sedation Scale (−5…+4); CAPD is not valid at RASS ≤ −4 (MDCalc).
  public var rass: Int?
  public var seizure: SeizureFinding
  /// Deep focal motor weakness such as hemiparesis or paraparesis (grade 4).
  public var motorWeakness: Bool
  public var intracranialPressure: [IntracranialPressureFinding]
  /// Awake with global aphasia (an ICE of 0 is then grade 3, not 4).
  public var globalAphasia: Bool
  /// Tremor, graded with CTCAE; recorded but excluded from ICANS.
  public var tremorGrade: Int?
  /// Myoclonus, graded with CTCAE; recorded but excluded from ICANS.
  public var myoclonusGrade: Int?
  /// Intracranial haemorrhage, graded with CTCAE; excluded from ICANS.
  public var intracranialHaemorrhage: Bool
  /// Death due to ICANS with no other principal factor.
  public var deathDueToICANS: Bool

  public init(
    ageYears: Double? = nil, developmentalDelay: Bool = false, ice: ICEAssessment? = nil,
    capd: CAPDAssessment? = nil, consciousness: ConsciousnessLevel = .alert,
    consciousnessAttributableToOtherCause: Bool = false, rass: Int? = nil, seizure: SeizureFinding = .none,
    motorWeakness: Bool = false, intracranialPressure: [IntracranialPressureFinding] = [],
    globalAphasia: Bool = false, tremorGrade: Int? = nil, myoclonusGrade: Int? = nil,
    intracranialHaemorrhage: Bool = false, deathDueToICANS: Bool = false
  ) {
    self.ageYears = ageYears
    self.developmentalDelay = developmentalDelay
    self.ice = ice
    self.capd = capd
    self.consciousness = consciousness
    self.consciousnessAttributableToOtherCause = consciousnessAttributableToOtherCause
    self.rass = rass
    self.seizure = seizure
    self.motorWeakness = motorWeakness
    self.intracranialPressure = intracranialPressure
    self.globalAphasia = globalAphasia
    self.tremorGrade = tremorGrade
    self.myoclonusGrade = myoclonusGrade
    self.intracranialHaemorrhage = intracranialHaemorrhage
    self.deathDueToICANS = deathDueToICANS
  }
}
