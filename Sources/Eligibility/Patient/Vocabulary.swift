import TrialModel

/// The yes/no facts a patient record can state: disease features, conditions, viral results and
/// consent. Each has one expression name and one JSON path, so that `missing` can name the field
/// that would decide a criterion.
public enum BooleanFact: Int, CaseIterable, Sendable {
  // disease
  case bAll, relapsed, refractory, phPositive, t315i, tkiIntolerant, extramedullary
  case isolatedExtramedullary, hepatobiliaryInvolvement
  case tkiContraindicated, reinductionFailed
  // viral tests (true = positive / above the lower limit of detection)
  case hbsag, hbeag, hbeab, hbcab, hbvDna, hcvAb, hcvRna, hivAb, tpAb, ebvDna, cmvDna, sarsCov2
  // conditions
  case pregnant, lactating, childbearingPotential, partnerChildbearingPotential, activeInfection,
    uncontrolledInfection, activeTuberculosis, hiv, syphilis
  case covid19, activeHepatitisB, activeHepatitisC
  case activeAutoimmuneDisease, cnsDisease, primaryImmunodeficiency, activeGvhd
  case drugOrAlcoholDependence, unableToConsent, longTermAnticoagulation, antiplateletAboveLimit
  case aminoglycosideHypersensitivity, studyDrugHypersensitivity, severeAllergyHistory
  case unstableAngina, clinicallySignificantHeartDisease, uncontrolledArrhythmia
  case nonIschemicCardiomyopathy, multiOrganDysfunction, seriousOrganDisease
  case severeCerebrovascularDisease, geneticDisease, boneMarrowFailureSyndrome, downSyndrome
  case burkittLymphoma, organTransplantRecipient, autologousCarTFailure, contraceptionAgreed
  case longTermImmunosuppressionNeeded, supportiveCareOngoing, receivingGvhdTreatment
  case activeSystemicAutoimmuneDisease, cnsInvolvementSuspected, studyDrugAllergy, studyDrugIntolerance
  case noBetterTreatment, noSpermDonationAgreed
  case lymphodepletionAllergy, cnsInvolvementOnImaging, cnsSymptoms, csfBlasts, antiviralProphylaxis
  // consent
  case consentSigned

  /// The sex a fact is asked of: pregnancy, lactation and childbearing potential of women, a
  /// partner of childbearing potential of men. For the other sex the fact is false without being
  /// recorded (a man with no `pregnant` recorded is not `missing` it).
  public var askedOf: Sex? {
    switch self {
    case .pregnant, .lactating, .childbearingPotential: .female
    case .partnerChildbearingPotential: .male
    default: nil
    }
  }

  /// Nucleic-acid viral tests, whose result may carry a quantity (IU/mL).
  public var hasViralLoad: Bool { [.hbvDna, .hcvRna, .ebvDna, .cmvDna].contains(self) }

  /// Virology facts and their registry spellings (accepted case-insensitively in records).
  static let viralTests: [BooleanFact: String] = [
    .hbsag: "HBsAg", .hbeag: "HBeAg", .hbeab: "HBeAb", .hbcab: "HBcAb", .hbvDna: "HBV-DNA",
    .hcvAb: "HCV-Ab", .hcvRna: "HCV-RNA", .hivAb: "HIV-Ab", .tpAb: "TP-Ab", .ebvDna: "EBV-DNA",
    .cmvDna: "CMV-DNA", .sarsCov2: "SARS-CoV-2",
  ]

  /// Whether this fact is a virology result (stated as positive/negative).
  public var isViralTest: Bool {
    (BooleanFact.hbsag.rawValue...BooleanFact.sarsCov2.rawValue).contains(rawValue)
  }

  /// Virology facts by lower-cased registry spelling.
  static let viralTestsBySpelling = Dictionary(
    uniqueKeysWithValues: viralTests.map { ($0.value.lowercased(), $0.key) })

  /// The name used in criteria expressions (`pregnant`, `viral.hbsag`, `consent`).
  public var expressionName: String { BooleanFact.expressionNames[rawValue] }

  /// The JSON path of the field in the patient record that states this fact.
  public var recordPath: String { BooleanFact.recordPaths[rawValue] }

  private static let expressionNames = allCases.map(\.computedExpressionName)
  private static let recordPaths = allCases.map(\.computedRecordPath)

  private var computedExpressionName: String {
    if BooleanFact.viralTests[self] != nil { return "viral.\(String(describing: self))" }
    if self == .consentSigned { return "consent" }
    return String(describing: self)
  }

  private var computedRecordPath: String {
    if let test = BooleanFact.viralTests[self] { return "viralTests[\(test)]" }
    switch self {
    case .consentSigned: return "consent.signed"
    case .bAll: return "disease.diagnosis"
    case .relapsed, .refractory: return "disease.status"
    case .phPositive: return "disease.phStatus"
    case .extramedullary, .isolatedExtramedullary: return "disease.extramedullary"
    case .t315i, .tkiIntolerant, .hepatobiliaryInvolvement, .tkiContraindicated, .reinductionFailed:
      return "disease.\(self)"
    default: return "conditions.\(self)"
    }
  }

  /// ``conditionKeys`` in key order.
  static let sortedConditionKeys = conditionKeys.sorted { $0.key < $1.key }

  /// Facts stated as a JSON `conditions` key (the key is the case name).
  static let conditionKeys: [String: BooleanFact] = {
    var table: [String: BooleanFact] = [:]
    for fact in BooleanFact.allCases where fact.computedRecordPath == "conditions.\(fact)" {
      table[String(describing: fact)] = fact
    }
    return table
  }()
}

/// Numeric facts about a patient, each in a fixed unit.
public enum NumericFact: Int, CaseIterable, Sendable {
  case weight, height, ageYears, marrowBlasts, bloodBlasts, tkiLinesFailed, nyhaClass, dyspneaGrade
  case lifeExpectancyDays, ecog, karnofsky, lansky
  case remissionMonths, crCount

  /// The name used in criteria expressions.
  public var expressionName: String { NumericFact.expressionNames[rawValue] }

  /// Names computed once: `String(describing:)` is a runtime reflection call.
  private static let expressionNames = allCases.map(\.computedExpressionName)

  private var computedExpressionName: String {
    switch self {
    case .ageYears: "age"
    case .lifeExpectancyDays: "lifeExpectancy"
    default: String(describing: self)
    }
  }

  /// The JSON path of the field in the patient record.
  public var recordPath: String { NumericFact.recordPaths[rawValue] }

  private static let recordPaths = allCases.map(\.computedRecordPath)

  private var computedRecordPath: String {
    switch self {
    case .weight, .height: "demographics.\(self)"
    case .ageYears: "demographics.birthDate"
    case .marrowBlasts, .bloodBlasts, .tkiLinesFailed, .remissionMonths, .crCount: "disease.\(self)"
    case .nyhaClass, .dyspneaGrade: "conditions.\(self)"
    case .lifeExpectancyDays: "lifeExpectancy"
    case .ecog: "performance[ECOG]"
    case .karnofsky: "performance[Karnofsky]"
    case .lansky: "performance[Lansky]"
    }
  }
}

/// Laboratory and physiological measurements with value, unit and reference range.
public enum LabTest: String, CaseIterable, Sendable {
  case creatinine, bilirubin, alt, ast, inr, aptt, lvef, spo2, anc, platelets, hemoglobin, wbc
  case lymphocytes

  /// The analyte for mass ↔ molar conversion, if any.
  public var analyte: Analyte? {
    switch self {
    case .creatinine: .creatinine
    case .bilirubin: .bilirubin
    default: nil
    }
  }

  /// The quantity whose plausibility range (``PlausibleRanges``) a value of this test must lie in.
  var plausible: PlausibleQuantity {
    switch self {
    case .creatinine: .creatinine
    case .bilirubin: .bilirubin
    case .alt: .alanineAminotransferase
    case .ast: .aspartateAminotransferase
    case .inr: .inr
    case .aptt: .aptt
    case .lvef: .lvef
    case .spo2: .spo2
    case .anc: .neutrophils
    case .platelets: .platelets
    case .hemoglobin: .haemoglobin
    case .wbc: .whiteBloodCells
    case .lymphocytes: .lymphocytes
    }
  }

  /// The unit every value of this test is converted to before comparison.
  var canonicalUnit: LabUnit {
    switch self {
    case .creatinine, .bilirubin: .measurement(.mgPerDL)
    case .alt, .ast: .unitsPerLitre
    case .inr: .ratio
    case .aptt: .seconds
    case .lvef, .spo2: .measurement(.percent)
    case .anc, .platelets, .wbc, .lymphocytes: .measurement(.perMicrolitre)
    case .hemoglobin: .measurement(.gPerDL)
    }
  }
}
