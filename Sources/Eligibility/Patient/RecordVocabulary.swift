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
