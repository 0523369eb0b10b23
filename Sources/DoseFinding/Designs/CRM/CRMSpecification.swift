import Inputs

/// The CRM (O'Quigley, Pepe & Fisher 1990) as offered by the ``DesignRegistry``, with dfcrm
/// 0.2-2.1's defaults: empiric model, prior variance 1.34, `restrict = TRUE`.
public struct CRMSpecification: DesignSpecification {
  /// The working model's name.
  public enum Model: String, InputEnumeration {
    case empiric, logistic
    public static var aliases: [String: Model] { ["power": .empiric] }
  }

  public init() {}
  public var name: String { "crm" }
  public var title: String { "CRM, continual reassessment method (O'Quigley, Pepe & Fisher 1990)" }
  public var parameters: [DesignParameter] {
    [
      DesignParameter(
        "skeleton", "prior DLT rates, one per dose, strictly increasing in (0, 1)", default: "required"),
      DesignParameter("model", "working model: empiric (power) or logistic", default: "empiric"),
      DesignParameter("intercept", "intercept a of the logistic model", default: "3"),
      DesignParameter("priorVariance", "prior variance σ² of β ~ N(0, σ²)", default: "1.34"),
      DesignParameter(
        "restrict", "no skipping on escalation and coherence (dfcrm restrict)", default: "true"),
      DesignParameter(
        "safetyStop", "stop with no MTD when n₁ ≥ 3 and Pr(p₁ > target | data) exceeds this", default: "off"),
    ]
  }

  public func makeDesign(_ setup: DesignSetup, _ arguments: DesignArguments) throws(InputError)
    -> any DoseFindingDesign
  {
    guard let skeleton = try arguments.numbers("skeleton") else {
      throw InputError.missing("skeleton", expected: "\(setup.doseCount) prior DLT rates for CRM")
    }
    try Self.validateSkeleton(skeleton, doseCount: setup.doseCount)
    let model: CRMWorkingModel
    switch try arguments.choice("model", as: Model.self) ?? .empiric {
    case .empiric:
      if arguments["intercept"] != nil {
        throw InputError(
          .conflict, field: "intercept", expected: "no intercept with the empiric model",
          found: "\(arguments["intercept"]!)")
      }
      model = .empiric
    case .logistic: model = .logistic(intercept: try arguments.number("intercept") ?? 3)
    }
    let variance = try arguments.number("priorVariance") ?? 1.34
    guard variance > 0 && variance <= Self.maximumPriorVariance else {
      throw InputError(
        field: "priorVariance",
        expected:
          "a variance in (0, \(Self.maximumPriorVariance)] (beyond it the plug-in estimates underflow)",
        found: "\(variance)")
    }
    let stop = try arguments.number("safetyStop")
    if let stop, !(stop > 0 && stop < 1) {
      throw InputError(
        field: "safetyStop", expected: "a probability strictly between 0 and 1", found: "\(stop)")
    }
    let restrict = try arguments.flag("restrict") ?? true
    return CRMDesign(
      skeleton: skeleton, target: setup.target, model: model, priorVariance: variance,
      cohortSize: setup.cohortSize, maxSampleSize: setup.sampleSizeLimit, startDose: setup.startDose,
      noSkipping: restrict, coherence: restrict, safetyStopThreshold: stop)
  }

  /// The largest prior variance of β accepted: σ² = 16 (SD 4) already makes exp(β) span e^±12 at
  /// two SDs; from about 100 the plug-in estimates underflow to 0 and every decision ties.
  public static let maximumPriorVariance = 16.0

  /// A skeleton gives one rate per dose, each in (0, 1), strictly increasing.
  public static func validateSkeleton(_ s: [Double], doseCount: Int) throws(InputError) {
    let listed = s.map { "\($0)" }.joined(separator: ",")
    guard s.count == doseCount else {
      throw InputError(
        field: "skeleton", expected: "\(doseCount) values (one per dose)",
        found: "\(s.count) values: \(listed)")
    }
    guard s.allSatisfy({ $0 > 0 && $0 < 1 }) else {
      throw InputError(field: "skeleton", expected: "rates strictly between 0 and 1", found: listed)
    }
    guard zip(s, s.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw InputError(field: "skeleton", expected: "strictly increasing rates", found: listed)
    }
  }
}
