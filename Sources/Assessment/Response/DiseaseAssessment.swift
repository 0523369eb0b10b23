import Inputs

/// Measurable residual disease result with the assay's sensitivity (ELN, Gökbuget et al., Blood 2024).
///
/// JSON: `{"value": 0, "sensitivity": 1e-5, "unit": "fraction", "method": "flow"}`; `unit` is
/// `fraction` (default; 1e-4 = 0.01%) or `%`, and applies to both value and sensitivity.
public struct MRDResult: Sendable, Hashable {
  /// Leukaemic cells per nucleated cell; 0 when undetectable.
  public var value: Double
  /// The assay's limit of detection, in the same unit.
  public var sensitivity: Double?
  public var unit: String?
  public var method: String?

  public init(value: Double, sensitivity: Double?, unit: String? = nil, method: String? = nil) {
    self.value = value
    self.sensitivity = sensitivity
    self.unit = unit
    self.method = method
  }

  /// Value and sensitivity as fractions.
  func fractions() throws(InputError) -> (value: Double, sensitivity: Double) {
    let scale: Double
    switch unit?.lowercased() {
    case nil, "fraction": scale = 1
    case "%", "percent": scale = 0.01
    case let other?:
      throw InputError(field: "mrd.unit", expected: "fraction or %", found: "\"\(other)\"")
    }
    try Check.nonNegative(value, field: "mrd.value")
    guard let sensitivity else {
      throw InputError(
        field: "mrd.sensitivity", expected: "the assay's sensitivity", found: "nothing")
    }
    try Check.nonNegative(sensitivity, field: "mrd.sensitivity")
    guard value * scale <= 1, sensitivity * scale <= 1 else {
      throw InputError(
        field: "mrd.value", expected: "at most 100%", found: "\(value) \(unit ?? "fraction")")
    }
    return (value * scale, sensitivity * scale)
  }
}

/// Pre-treatment disease status, against which PR and progression are judged.
public struct DiseaseBaseline: Sendable, Hashable {
  public var marrowBlastsPercent: Double?
  public var extramedullaryDisease: Bool?

  public init(marrowBlastsPercent: Double? = nil, extramedullaryDisease: Bool? = nil) {
    self.marrowBlastsPercent = marrowBlastsPercent
    self.extramedullaryDisease = extramedullaryDisease
  }
}

/// One disease assessment (marrow, blood, extramedullary sites, MRD).
///
/// JSON: `{"day": 28, "marrowBlastsPercent": 1.5, "circulatingBlasts": false,
/// "extramedullaryDisease": false, "anc": {"value": 1.2, "unit": "x10^9/L"},
/// "platelets": {"value": 110, "unit": "x10^9/L"}, "transfusionIndependent": true, "mrd": {"value": 0, "sensitivity": 1e-5}}`.
public struct DiseaseAssessment: Sendable, Hashable {
  public var day: Double?
  public var date: String?
  public var marrowBlastsPercent: Double?
  public var circulatingBlasts: Bool?
  public var extramedullaryDisease: Bool?
  public var anc: MeasuredValue?
  public var platelets: MeasuredValue?
  /// Red-cell and platelet transfusion independence (ELN, CIBMTR); `false` rules out CR.
  public var transfusionIndependent: Bool?
  public var mrd: MRDResult?

  public init(
    day: Double? = nil, date: String? = nil, marrowBlastsPercent: Double? = nil,
    circulatingBlasts: Bool? = nil,
    extramedullaryDisease: Bool? = nil, anc: MeasuredValue? = nil, platelets: MeasuredValue? = nil,
    transfusionIndependent: Bool? = nil, mrd: MRDResult? = nil
  ) {
    self.day = day
    self.date = date
    self.marrowBlastsPercent = marrowBlastsPercent
    self.circulatingBlasts = circulatingBlasts
    self.extramedullaryDisease = extramedullaryDisease
    self.anc = anc
    self.platelets = platelets
    self.transfusionIndependent = transfusionIndependent
    self.mrd = mrd
  }
}

/// A subject's disease assessments after infusion, with the pre-treatment baseline.
public struct ResponseRecord: Sendable, Hashable {
  public var baseline: DiseaseBaseline?
  public var assessments: [DiseaseAssessment]

  public init(baseline: DiseaseBaseline? = nil, assessments: [DiseaseAssessment]) {
    self.baseline = baseline
    self.assessments = assessments
  }
}
