import Inputs

// The enumerated values of the patient-record JSON format (README: patient record). Each parses
// case-insensitively, and an error lists the allowed spellings.

extension Sex: InputEnumeration {}

extension CNSStatus: InputEnumeration {
  public static var allowedValues: [String] { ["CNS1", "CNS2", "CNS3"] }
}

/// `disease.status`.
enum DiseaseStatus: String, InputEnumeration {
  case relapsed, refractory, relapsedAndRefractory, remission, newlyDiagnosed
  static var aliases: [String: DiseaseStatus] {
    ["relapsed and refractory": .relapsedAndRefractory, "newly diagnosed": .newlyDiagnosed]
  }

  /// (relapsed, refractory).
  var facts: (Bool, Bool) {
    switch self {
    case .relapsed: (true, false)
    case .refractory: (false, true)
    case .relapsedAndRefractory: (true, true)
    case .remission, .newlyDiagnosed: (false, false)
    }
  }
}

/// `disease.extramedullary`.
enum ExtramedullaryDisease: String, InputEnumeration {
  case none, withMarrow, isolated
  static var aliases: [String: ExtramedullaryDisease] { ["with marrow": .withMarrow] }
}

/// `disease.phStatus`: Philadelphia chromosome.
enum PhiladelphiaStatus: String, InputEnumeration {
  case positive, negative
}

/// The `result` of an antigen or viral test.
enum TestResult: String, InputEnumeration {
  case positive, negative
  static var aliases: [String: TestResult] {
    [
      "detected": .positive, "not detected": .negative, "undetectable": .negative,
      "below detection limit": .negative,
    ]
  }
}

/// `performance[].scale`, each with its score range and step.
enum PerformanceScale: String, InputEnumeration {
  case ECOG, Karnofsky, Lansky
  static var aliases: [String: PerformanceScale] { ["kps": .Karnofsky] }

  var fact: NumericFact {
    switch self {
    case .ECOG: .ecog
    case .Karnofsky: .karnofsky
    case .Lansky: .lansky
    }
  }

  var range: ClosedRange<Double> { self == .ECOG ? 0...5 : 0...100 }
  var step: Double { self == .ECOG ? 1 : 10 }
}

/// `antigens[].antigen`.
enum AntigenName: String, InputEnumeration {
  case CD19, CD20, CD22
}

/// `attestations[].verdict`.
enum AttestedVerdict: String, InputEnumeration {
  case met, notMet
}

/// `history.events[].route`: how a treatment reached the body. `systemic` is oral, intravenous,
/// intramuscular or subcutaneous (accepted as spellings); `local`, `topical` and `inhaled` act
/// where applied. A filter `route == local` selects every non-systemic route.
public enum Route: String, InputEnumeration {
  case systemic, local, topical, inhaled
  public static var aliases: [String: Route] {
    [
      "oral": .systemic, "intravenous": .systemic, "iv": .systemic, "intramuscular": .systemic,
      "subcutaneous": .systemic, "inhalation": .inhaled, "nebulised": .inhaled, "nebulized": .inhaled,
    ]
  }
}

/// `antigens[].specimen`: what a test was performed on. Lymph nodes and other biopsies are `tissue`.
public enum Specimen: String, InputEnumeration {
  case boneMarrow, peripheralBlood, csf, tissue
  public static var aliases: [String: Specimen] {
    [
      "bone marrow": .boneMarrow, "marrow": .boneMarrow, "bm": .boneMarrow,
      "peripheral blood": .peripheralBlood,
      "blood": .peripheralBlood, "pb": .peripheralBlood, "cerebrospinal fluid": .csf, "lymph node": .tissue,
      "biopsy": .tissue,
    ]
  }
}

/// `antigens[].method`: how an antigen was detected (the recorded spelling is kept for evidence).
public enum TestMethod: String, InputEnumeration {
  case flowCytometry, ihc, pcr
  public static var aliases: [String: TestMethod] {
    [
      "flow": .flowCytometry, "flow cytometry": .flowCytometry, "fcm": .flowCytometry,
      "immunohistochemistry": .ihc, "rt-pcr": .pcr, "qpcr": .pcr,
    ]
  }
}

/// `labs.lvef.method` (and other measured values): how the value was measured.
public enum LabMethod: String, InputEnumeration {
  case echocardiography, muga, cardiacMRI, pulseOximetry, bloodGas
  public static var aliases: [String: LabMethod] {
    [
      "echo": .echocardiography, "mri": .cardiacMRI, "cmr": .cardiacMRI, "oximetry": .pulseOximetry,
      "arterial blood gas": .bloodGas, "abg": .bloodGas,
    ]
  }
}

/// `labs.spo2.oxygen`: whether a saturation was measured breathing room air.
public enum OxygenCondition: String, InputEnumeration {
  case roomAir, supplemental
  public static var aliases: [String: OxygenCondition] {
    ["room air": .roomAir, "supplemental oxygen": .supplemental, "oxygen": .supplemental]
  }
}

/// `history.events[].type` of a `malignancy` event (a malignancy other than the leukaemia under
/// study): the kinds the protocols except by name, each non-metastatic, and `other`. A metastatic
/// skin or prostate cancer, and any type not listed, is `other`.
public enum TumourType: String, InputEnumeration {
  /// A B-cell malignancy (lymphoma, CLL, …) other than the leukaemia under study.
  case bCell
  /// Basal cell carcinoma of the skin.
  case basalCell
  /// Squamous cell carcinoma of the skin.
  case skinSquamous
  /// Non-muscle-invasive bladder cancer.
  case bladderNonMuscleInvasive
  /// Localised low-risk prostate cancer.
  case prostateLowRisk
  /// Any other non-metastatic prostate cancer (intermediate or high risk, locally advanced).
  case prostateNonMetastatic
  /// Breast carcinoma in situ (DCIS).
  case breastInSitu
  /// Cervical carcinoma in situ (CIN 3).
  case cervixInSitu
  /// Thyroid cancer, non-metastatic.
  case thyroid
  /// Any other malignancy.
  case other
  public static var aliases: [String: TumourType] {
    ["bcc": .basalCell, "cutaneous squamous": .skinSquamous, "nmibc": .bladderNonMuscleInvasive]
  }
}

/// A filter's set of admitted values of one enumerated attribute, as bits of `allCases` positions
/// (0: any value).
typealias ValueMask = UInt16

extension InputEnumeration where Self: Equatable {
  /// This case's bit in a filter mask (its position in `allCases`).
  var bit: ValueMask {
    1 << ValueMask(Array(Self.allCases).firstIndex(of: self) ?? 0)
  }

  /// Whether this case is in `mask` (an empty mask admits every case).
  func admitted(by mask: ValueMask) -> Bool { mask == 0 || mask & bit != 0 }

  /// The names of the cases in `mask`, joined with "or".
  static func names(in mask: ValueMask) -> String {
    allCases.filter { mask & $0.bit != 0 }.map(\.rawValue).joined(separator: " or ")
  }
}

extension Optional where Wrapped: InputEnumeration & Equatable {
  /// Whether a recorded attribute passes a filter's `mask`: `.yes` when the filter does not test
  /// it or admits the value, `.no` when it rejects it, `.unknown` when the value is not recorded.
  func admission(by mask: ValueMask) -> Truth {
    guard mask != 0 else { return .yes }
    guard let value = self else { return .unknown }
    return Truth(value.admitted(by: mask))
  }
}
