/// One entry of `dosefinding/exact_oc_reference.json`: the exact operating characteristics of a
/// design on a scenario, from an independent exact computation (state merging) that agrees with
/// BOIN 2.7.2, FIND 0.1.1 and dfcrm simulations (see the folder's README).
///
/// Every scenario: target 0.3, cohorts of 3, 10 cohorts, start at dose 1. Per-dose arrays start at
/// dose 1.
public struct ExactOCReference: Decodable, Sendable, Hashable {
  /// The scenario's name (A, L1, L2, L3).
  public var scenario: String
  /// `boin`, `i3+3`, `mtpi2`, `crm` or `3+3 (FIND variant: Korn de-escalation)`.
  public var design: String
  /// The true DLT probability of each dose.
  public var truth: [Double]
  /// The target DLT rate (absent for 3+3).
  public var target: Double?
  /// The equivalence interval of i3+3 and mTPI-2.
  public var ei: [Double]?
  /// CRM: the skeleton, prior variance, model and whether escalation skips no dose.
  public var skeleton: [Double]?
  public var priorVariance: Double?
  public var model: String?
  public var restrict: Bool?
  /// Probability that each dose is selected as the MTD.
  public var selection: [Double]
  /// Probability that no dose is selected (absent for CRM, which always selects one).
  public var noSelection: Double?
  /// Expected number of patients treated at each dose.
  public var meanPatients: [Double]
  /// Expected number of DLTs in the trial (CRM entries only).
  public var meanDLTs: Double?
  /// The total probability of the enumerated outcomes (≈ 1), where the computation reported it.
  public var totalProbability: Double?

  /// The file's name in ``FixtureDirectory/doseFinding``.
  public static let file = "exact_oc_reference.json"

  /// Every entry, in file order.
  public static func all() throws -> [ExactOCReference] {
    try FixtureDirectory.doseFinding.decode(from: file)
  }

  /// The entry for `design` on `scenario`; throws when there is none.
  public static func entry(design: String, scenario: String) throws -> ExactOCReference {
    guard let entry = try all().first(where: { $0.design == design && $0.scenario == scenario }) else {
      throw FixtureError(file: file, line: 1, message: "no entry for \(design) on scenario \(scenario)")
    }
    return entry
  }
}
