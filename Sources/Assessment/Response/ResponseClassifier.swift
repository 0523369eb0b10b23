import Inputs
import TrialModel

/// B-ALL response categories (NCI relapse workshop, Kröger 2010 BBMT Table 4a; ELN 2024).
public enum ResponseCategory: String, Sendable, Hashable, Codable, CaseIterable {
  case completeRemission = "CR"
  /// Complete remission with incomplete count recovery.
  case completeRemissionIncompleteRecovery = "CRi"
  case partialResponse = "PR"
  case noResponse = "NR"
  case progressiveDisease = "PD"
  case relapse = "relapse"

  /// CR or CRi.
  public var isRemission: Bool { self == .completeRemission || self == .completeRemissionIncompleteRecovery }

  /// Ordering for best response: CR > CRi > PR > NR > PD = relapse.
  var rank: Int {
    switch self {
    case .completeRemission: 5
    case .completeRemissionIncompleteRecovery: 4
    case .partialResponse: 3
    case .noResponse: 2
    case .progressiveDisease, .relapse: 1
    }
  }
}

/// MRD status (ELN: a negative result counts only with an assay sensitive to 10⁻⁴).
public enum MRDStatus: String, Sendable, Hashable, Codable {
  case negative
  /// Below the threshold, but the assay cannot see 10⁻⁴ (ELN "insufficient sensitivity").
  case negativeInsufficientSensitivity
  case positive
  case notAssessed
}

/// One classified disease assessment.
public struct AssessedResponse: Sendable, Hashable, Codable {
  public var day: Double
  public var category: ResponseCategory
  public var mrd: MRDStatus
  public var reasons: [String]
}

/// Classifies single disease assessments; the thresholds and comparison operators are protocol
/// settings (``ResponseSettings``).
public struct ResponseClassifier: Sendable {
  public var settings: ResponseSettings
  /// The plausibility ranges of the neutrophil and platelet counts.
  public var ranges: PlausibleRanges

  public init(settings: ResponseSettings = ResponseSettings(), ranges: PlausibleRanges = .standard) {
    self.settings = settings
    self.ranges = ranges
  }

  /// What came before an assessment: a remission not yet lost, or a partial response.
  public struct History: Sendable, Hashable {
    public var inRemission = false
    public var afterPartialResponse = false
    public init() {}

    mutating func record(_ category: ResponseCategory) {
      switch category {
      case .completeRemission, .completeRemissionIncompleteRecovery: inRemission = true
      case .partialResponse: afterPartialResponse = true
      case .relapse, .progressiveDisease: (inRemission, afterPartialResponse) = (false, false)
      case .noResponse: break
      }
    }
  }

  /// MRD status: negative only when the value is below the threshold and the assay's sensitivity
  /// reaches the required level (ELN 2024).
  public func mrdStatus(_ mrd: MRDResult?) throws(InputError) -> (MRDStatus, String?) {
    guard let mrd else { return (.notAssessed, nil) }
    let (value, sensitivity) = try mrd.fractions()
    let threshold = settings.mrdNegativeBelow.value
    let required = settings.mrdRequiredSensitivity.value
    let shown = "MRD \(Quantity.format(value)) (sensitivity \(Quantity.format(sensitivity)))"
    if value >= threshold { return (.positive, "\(shown) ≥ \(Quantity.format(threshold)): MRD-positive") }
    if sensitivity > required {
      return (
        .negativeInsufficientSensitivity,
        "\(shown): negative with insufficient sensitivity (needs ≤ \(Quantity.format(required)))"
      )
    }
    return (.negative, "\(shown) < \(Quantity.format(threshold)): MRD-negative")
  }

  /// The response category of one assessment on `day`, given the baseline and history.
  public func classify(
    _ a: DiseaseAssessment, day: Double, baseline: DiseaseBaseline?, history: History
  ) throws(InputError) -> AssessedResponse {
    let (mrd, mrdReason) = try mrdStatus(a.mrd)
    func result(_ category: ResponseCategory, _ reasons: [String]) -> AssessedResponse {
      AssessedResponse(
        day: day, category: category, mrd: mrd, reasons: reasons + (mrdReason.map { [$0] } ?? []))
    }
    let circulating = a.circulatingBlasts ?? false
    let extramedullary = a.extramedullaryDisease ?? false
    if let blasts = a.marrowBlastsPercent { try Check.range(blasts, 0...100, field: "marrowBlastsPercent") }
    let s = settings
    if history.inRemission {
      if let blasts = a.marrowBlastsPercent, blasts >= s.relapseMarrowBlastsPercent.value {
        return result(
          .relapse, ["marrow blasts \(pct(blasts)) ≥ \(pct(s.relapseMarrowBlastsPercent.value)) after CR/CRi"]
        )
      }
      if circulating { return result(.relapse, ["circulating blasts after CR/CRi"]) }
      if extramedullary { return result(.relapse, ["extramedullary disease after CR/CRi"]) }
    } else if history.afterPartialResponse, let blasts = a.marrowBlastsPercent,
      blasts > s.relapseAfterPartialResponseBlastsPercent.value
    {
      return result(
        .relapse,
        ["marrow blasts \(pct(blasts)) > \(pct(s.relapseAfterPartialResponseBlastsPercent.value)) after PR"])
    }
    if extramedullary && baseline?.extramedullaryDisease == false {
      return result(.progressiveDisease, ["new extramedullary disease"])
    }
    guard let blasts = a.marrowBlastsPercent else {
      throw InputError(
        field: "marrowBlastsPercent", expected: "the marrow blast percentage (no relapse shown otherwise)",
        found: "nothing")
    }
    let before = baseline?.marrowBlastsPercent
    if let before, before > 0, blasts >= s.marrowBlastsBelowPercent.value,
      blasts >= before * (1 + s.progressionMinimumIncrease.value)
    {
      return result(
        .progressiveDisease,
        ["marrow blasts \(pct(blasts)) ≥ \(pct(before)) × \(1 + s.progressionMinimumIncrease.value)"])
    }
    let (recovered, counts) = try countRecovery(a)
    if blasts < s.marrowBlastsBelowPercent.value && !circulating && !extramedullary {
      let marrow =
        "marrow blasts \(pct(blasts)) < \(pct(s.marrowBlastsBelowPercent.value)), no circulating or extramedullary disease"
      return result(recovered ? .completeRemission : .completeRemissionIncompleteRecovery, [marrow] + counts)
    }
    if recovered, let before, blasts >= s.marrowBlastsBelowPercent.value,
      blasts <= s.partialResponseMaximumBlastsPercent.value,
      blasts <= before * (1 - s.partialResponseMinimumReduction.value)
    {
      return result(
        .partialResponse,
        [
          "marrow blasts \(pct(blasts)) (≤ \(pct(s.partialResponseMaximumBlastsPercent.value)), ≥ \(pct(s.partialResponseMinimumReduction.value * 100)) fall from \(pct(before)))"
        ] + counts)
    }
    let persisting = circulating || extramedullary ? ", blasts in blood or extramedullary disease" : ""
    return result(
      .noResponse, ["marrow blasts \(pct(blasts))\(persisting): criteria for CR, CRi or PR not met"] + counts)
  }

  /// Whether ANC and platelets reach the CR thresholds, with the comparison in words.
  private func countRecovery(_ a: DiseaseAssessment) throws(InputError) -> (Bool, [String]) {
    let s = settings
    var reasons: [String] = []
    var recovered = true
    for (name, quantity, value, threshold, op) in [
      ("anc", PlausibleQuantity.neutrophils, a.anc, s.ancThresholdPerMicrolitre.value, s.ancComparison.value),
      (
        "platelets", .platelets, a.platelets, s.plateletThresholdPerMicrolitre.value,
        s.plateletComparison.value
      ),
    ] {
      guard let value else {
        recovered = false
        reasons.append("\(name) not given: count recovery not shown")
        continue
      }
      let v = try value.perMicrolitre(field: name, quantity, ranges)
      let met = op == .atLeast ? v >= threshold : v > threshold
      recovered = recovered && met
      reasons.append(
        "\(name) \(Quantity.format(v)) /µL \(met ? "" : "not ")\(op.rawValue) \(Quantity.format(threshold)) /µL"
      )
    }
    if a.transfusionIndependent == false {
      recovered = false
      reasons.append("transfusion-dependent: count recovery not met")
    }
    return (recovered, reasons)
  }

  private func pct(_ x: Double) -> String { "\(Quantity.format(x))%" }
}
