import TrialModel

extension EndpointDefinition {
  /// Progression-free survival: in B-ALL progression is relapse, so PFS counts relapse or death
  /// from any cause, from infusion, without a treatment-failure event; censored at the last
  /// assessment. [R]
  public static let progressionFreeSurvival = EndpointDefinition(
    name: "PFS", origin: .infusion, deaths: .anyCause, relapseIsEvent: true, treatmentFailure: nil,
    transplant: .ignore, followUp: .lastAssessment, respondersOnly: false)

  /// The four endpoints analysed when no protocol names any: OS, EFS, DOR and RFS.
  public static let standardSet: [EndpointDefinition] = [
    .overallSurvival, .eventFreeSurvival, .durationOfResponse, .relapseFreeSurvival,
  ]

  /// The time-to-event definition of a protocol endpoint's measure; `nil` for measures that are not
  /// times to event (DLT, ORR, kinetics…).
  public init?(measure: EndpointMeasure) {
    switch measure {
    case .os: self = .overallSurvival
    case .efs: self = .eventFreeSurvival
    case .dor: self = .durationOfResponse
    case .rfs: self = .relapseFreeSurvival
    case .pfs: self = .progressionFreeSurvival
    case .dlt, .adverseEvents, .orr, .cr, .mrdNegativity, .kinetics, .pharmacodynamics: return nil
    }
  }

  /// The time-to-event endpoints `protocol` names, in its order; the ``standardSet`` without one.
  public static func endpoints(of trial: TrialProtocol?) -> [EndpointDefinition] {
    guard let trial else { return standardSet }
    return trial.endpoints.compactMap { EndpointDefinition(measure: $0.measure) }
  }
}
