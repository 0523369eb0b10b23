import Inputs

extension ConductCommand {
  /// The roles that may give this command (administrators manage the trial, coordinators record,
  /// investigators judge, the safety review committee decides doses, monitors only sign reviews).
  public var permittedRoles: Set<Role> {
    switch self {
    case .amendProtocol, .activateSite: [.administrator]
    case .screen, .consent, .enroll, .leukapheresis, .releaseProduct, .failProduct, .treat, .lymphodeplete,
      .infuse, .record, .assessDisease, .sample, .offStudy:
      [.coordinator, .investigator]
    case .attest, .adjudicate: [.investigator]
    case .confirm, .override: [.investigator, .safetyReviewer]
    case .correct(_, _, let command): command.permittedRoles
    case .sign(_, let meaning):
      meaning == .review
        ? [.investigator, .safetyReviewer, .monitor, .statistician, .coordinator]
        : [.investigator, .safetyReviewer]
    }
  }

  /// The command's name as the CLI and the audit log call it.
  public var name: String {
    switch self {
    case .amendProtocol: "amend the protocol"
    case .activateSite: "activate a site"
    case .screen: "screen"
    case .attest: "attest criteria"
    case .consent: "record consent"
    case .enroll: "enrol"
    case .leukapheresis: "record leukapheresis"
    case .releaseProduct: "release the product"
    case .failProduct: "record a manufacturing failure"
    case .treat: "record a treatment"
    case .lymphodeplete: "record lymphodepletion"
    case .infuse: "infuse"
    case .record: "record an assessment"
    case .assessDisease: "record a disease assessment"
    case .sample: "record a kinetics sample"
    case .adjudicate: "adjudicate DLT"
    case .confirm: "confirm the recommendation"
    case .override: "override the recommendation"
    case .offStudy: "take off study"
    case .correct: "correct an event"
    case .sign: "sign"
    }
  }

  /// Refuses `actor` unless their role may give this command.
  func authorise(_ actor: Actor) throws(InputError) {
    guard permittedRoles.contains(actor.role) else {
      throw InputError(
        .forbidden, field: "role",
        expected: "to \(name): " + permittedRoles.map(\.rawValue).sorted().joined(separator: " or "),
        found: "\(actor.name) acting as \(actor.role.rawValue)")
    }
  }
}
