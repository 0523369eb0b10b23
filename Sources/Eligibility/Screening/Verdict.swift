import TrialModel

/// The verdict on one criterion. For exclusion criteria the verdict is about eligibility too:
/// `met` means the patient passes (the excluding condition is absent).
public enum Verdict: String, Sendable, Hashable, Codable {
  /// The patient passes the criterion.
  case met
  /// The patient fails the criterion (an inclusion condition is false, or an exclusion
  /// condition is true).
  case notMet
  /// The recorded data do not decide it; `missing` names the fields that would.
  case missing
  /// Only the investigator can judge it, and no attestation is recorded.
  case attestation
}

/// Overall screening status for one protocol.
public enum ScreeningStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// Some criterion is not met.
  case ineligible
  /// No criterion fails, but some cannot be decided from the recorded data.
  case incomplete
  /// Every computable criterion is met; investigator attestations are outstanding.
  case pendingAttestation
  /// Every criterion is met.
  case eligible

  /// Combines criterion verdicts: any `notMet` → ineligible, else any `missing` → incomplete,
  /// else any `attestation` → pendingAttestation, else eligible.
  public init<V: Sequence>(verdicts: V) where V.Element == Verdict {
    var sawMissing = false
    var sawAttestation = false
    for verdict in verdicts {
      switch verdict {
      case .notMet:
        self = .ineligible
        return
      case .missing: sawMissing = true
      case .attestation: sawAttestation = true
      case .met: break
      }
    }
    self = sawMissing ? .incomplete : sawAttestation ? .pendingAttestation : .eligible
  }

  /// Sort rank for `screen --all`: eligible first, ineligible last.
  public var rank: Int {
    switch self {
    case .eligible: 0
    case .pendingAttestation: 1
    case .incomplete: 2
    case .ineligible: 3
    }
  }
}

/// One criterion's verdict with its evidence.
public struct CriterionResult: Sendable, Hashable, Codable {
  public var id: String
  public var verdict: Verdict
  /// Words and numbers: `CrCl 27.4 mL/min (Cockcroft–Gault, 62 y, 58 kg, 1.9 mg/dL, male) < 30 mL/min`.
  public var evidence: String
  /// JSON paths of the patient-record fields that would decide a `missing` verdict.
  public var missing: [String]
}

/// The screening of one patient against one protocol.
public struct ScreeningReport: Sendable, Hashable, Codable {
  public var protocolID: String
  public var status: ScreeningStatus
  public var criteria: [CriterionResult]
  /// Assumed settings ([R] defaults) that the verdicts depend on, in the one shape of every answer.
  public var assumptions: [Assumption]

  private enum CodingKeys: String, CodingKey {
    case protocolID = "protocol"
    case status, criteria, assumptions
  }

  /// Ids of criteria that await the investigator's attestation.
  public var pendingAttestations: [String] { criteria.filter { $0.verdict == .attestation }.map(\.id) }
}
