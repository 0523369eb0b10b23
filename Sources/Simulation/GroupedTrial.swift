import DoseFinding
import Inputs

/// One population group of a multi-group protocol: its own design, dose levels and true toxicity,
/// and the rule that opens it.
public struct TrialGroup: Sendable {
  /// Group id as the protocol names it (`A`, `B`).
  public var id: String
  /// The group's design (on the group's own dose levels).
  public var design: any DoseFindingDesign
  /// True DLT probabilities of the group's dose levels and the target.
  public var scenario: Scenario
  /// When the group opens; `nil`: open from the start.
  public var opening: OpeningCondition?

  public init(
    id: String, design: any DoseFindingDesign, scenario: Scenario, opening: OpeningCondition? = nil
  ) {
    self.id = id
    self.design = design
    self.scenario = scenario
    self.opening = opening
  }
}

/// A group opens once another group has cleared a dose: a cohort was treated there and the
/// design escalated from it (e.g. NCT07470073: group B opens after group A has cleared level 1).
///
/// The designs supported here never skip a dose when escalating, so for a trial that starts at or
/// below the cleared dose, "escalated from it" is the same as "some patient was treated above it";
/// the probability is computed from the finished trials' counts in that form.
public struct OpeningCondition: Sendable, Hashable {
  /// Id of the group whose progress opens this one (listed earlier in the protocol).
  public var afterGroup: String
  /// The 0-based dose index of `afterGroup` that must be cleared.
  public var clearedDose: Int

  public init(afterGroup: String, clearedDose: Int) {
    self.afterGroup = afterGroup
    self.clearedDose = clearedDose
  }
}

/// Operating characteristics of one group within its protocol.
public struct GroupOperatingCharacteristics: Sendable, Codable, Equatable {
  /// Group id.
  public var group: String
  /// Probability that the group opens (1 for a group open from the start).
  public var openingProbability: Double
  /// Monte Carlo standard error of ``openingProbability`` (simulation of a gated group only).
  public var openingProbabilityStandardError: Double?
  /// Expected number of patients the group enrols, counting protocols in which it never opens as 0.
  public var expectedPatients: Double
  /// Standard error of ``expectedPatients`` (simulation only; delta method, independent streams).
  public var expectedPatientsStandardError: Double?
  /// The group's operating characteristics given that it opens.
  public var characteristics: OperatingCharacteristics
}

/// Operating characteristics of a protocol whose groups escalate separately, some opening only
/// when another group has cleared a dose. Each group's trial is independent of the others once it
/// opens (its own patients, dose levels and design), so its figures given opening are the group's
/// own operating characteristics, and its opening probability is the chance that the groups it
/// waits for open and clear their doses.
public enum GroupedTrialOperatingCharacteristics {
  /// Exact figures for every group (`simulation == nil`) or simulated ones; group i is simulated
  /// from seed `simulation.seed + i` so that groups use independent streams.
  public static func compute(
    groups: [TrialGroup], simulation: MonteCarloSimulation? = nil,
    progress: (@Sendable (_ group: Int, _ finishedTrials: Int) -> Void)? = nil
  ) throws(InputError) -> [GroupOperatingCharacteristics] {
    var results: [GroupOperatingCharacteristics] = []
    // For every group: P(open), its SE, and P(clearing dose d | open) for d in that group.
    var opened: [String: (p: Double, se: Double, outcomes: [(outcome: TrialOutcome, weight: Double)])] =
      [:]
    for (index, group) in groups.enumerated() {
      var groupProgress: (@Sendable (Int) -> Void)?
      if let progress { groupProgress = { progress(index, $0) } }
      let (oc, outcomes) = try characteristics(
        group, simulation: simulation, seedOffset: UInt64(index), progress: groupProgress)
      var p = 1.0
      var se = 0.0
      if let rule = group.opening {
        guard let parent = opened[rule.afterGroup] else {
          throw InputError(
            .notFound, field: "groups.\(group.id).opensWhen.afterGroup", expected: "an earlier group",
            found: "\(rule.afterGroup)")
        }
        let total = parent.outcomes.reduce(0) { $0 + $1.weight }
        var clearedWeight = 0.0
        for entry in parent.outcomes
        where entry.outcome.counts.indices.contains(where: {
          $0 > rule.clearedDose && entry.outcome.counts[$0].patients > 0
        }) {
          clearedWeight += entry.weight
        }
        let cleared = clearedWeight / total
        p = parent.p * cleared
        if simulation != nil {
          let clearedSE = (cleared * (1 - cleared) / (total - 1)).squareRoot()
          se = (cleared * cleared * parent.se * parent.se + parent.p * parent.p * clearedSE * clearedSE)
            .squareRoot()
        }
      }
      opened[group.id] = (p, se, outcomes)
      let meanN = oc.meanSampleSize
      let meanSE = oc.standardErrors?.meanSampleSize ?? 0
      results.append(
        GroupOperatingCharacteristics(
          group: group.id, openingProbability: p,
          openingProbabilityStandardError: simulation != nil && group.opening != nil ? se : nil,
          expectedPatients: p * meanN,
          expectedPatientsStandardError: simulation == nil
            ? nil : (meanN * meanN * se * se + p * p * meanSE * meanSE).squareRoot(),
          characteristics: oc))
    }
    return results
  }

  private static func characteristics(
    _ group: TrialGroup, simulation: MonteCarloSimulation?, seedOffset: UInt64,
    progress: (@Sendable (Int) -> Void)?
  ) throws(InputError) -> (OperatingCharacteristics, [(outcome: TrialOutcome, weight: Double)]) {
    let summary = OutcomeSummary(scenario: group.scenario, maxSampleSize: group.design.maxSampleSize)
    if var simulation {
      simulation.seed &+= seedOffset
      let outcomes = try simulation.outcomeCounts(
        design: group.design, scenario: group.scenario, startDose: nil, progress: progress)
      let oc = summary.characteristics(
        outcomes, design: group.design.variantName, method: .simulation,
        trials: simulation.trials, seed: simulation.seed)
      return (oc, outcomes)
    }
    let (outcomes, mass) = try ExactOperatingCharacteristics.terminalDistribution(
      design: group.design, scenario: group.scenario, startDose: group.design.startDose)
    try ExactOperatingCharacteristics.checkMass(mass, design: group.design)
    let oc = summary.characteristics(
      outcomes, design: group.design.variantName, method: .exact, trials: nil, seed: nil)
    return (oc, outcomes)
  }
}
