import DoseFinding
import Inputs
import Simulation
import TrialModel

/// Operating characteristics of every group of a protocol, with the chance that a gated group
/// opens (NCT07470073: group B opens once group A has cleared level 1).
public struct ProtocolOperatingCharacteristics: Sendable, Encodable {
  /// One group's figures.
  public struct Group: Sendable, Encodable {
    public var header: DesignHeader
    public var group: String
    public var label: String
    /// The rule that opens the group, in the protocol's words (`nil`: open from the start).
    public var opensWhen: OpeningRule?
    public var openingProbability: Double
    public var openingProbabilityStandardError: Double?
    public var expectedPatients: Double
    public var expectedPatientsStandardError: Double?
    /// The group's figures given that it opens.
    public var characteristics: OperatingCharacteristics

    enum Keys: String, CodingKey {
      case group, label, opensWhen, openingProbability, openingProbabilityStandardError, expectedPatients
      case expectedPatientsStandardError, characteristics
    }

    public func encode(to encoder: any Encoder) throws {
      try header.encode(to: encoder)
      var c = encoder.container(keyedBy: Keys.self)
      try c.encode(group, forKey: .group)
      try c.encode(label, forKey: .label)
      try c.encodeIfPresent(opensWhen, forKey: .opensWhen)
      try c.encode(openingProbability, forKey: .openingProbability)
      try c.encodeIfPresent(openingProbabilityStandardError, forKey: .openingProbabilityStandardError)
      try c.encode(expectedPatients, forKey: .expectedPatients)
      try c.encodeIfPresent(expectedPatientsStandardError, forKey: .expectedPatientsStandardError)
      try c.encode(characteristics, forKey: .characteristics)
    }
  }

  /// The protocol id.
  public var `protocol`: String
  public var groups: [Group]

  /// Figures for every group of `trial` under `truths` (group id → one DLT probability per level;
  /// every group needed), with `request`'s overrides applied to each group's design.
  ///
  /// Field names in errors: `truth.<group>` and the request's fields.
  public static func compute(
    _ trial: TrialProtocol, truths: [String: [Double]], request: DesignRequest = DesignRequest(),
    method: OperatingCharacteristicsMethod, registry: DesignRegistry = .standard,
    progress: (@Sendable (_ group: Int, _ finishedTrials: Int) -> Void)? = nil
  ) throws(InputError) -> ProtocolOperatingCharacteristics {
    let known = trial.groups.map(\.id)
    for id in truths.keys.sorted() where !known.contains(id) {
      throw InputError(
        .notFound, field: "truth.\(id)",
        expected: "a group of \(trial.id): one of " + known.joined(separator: ", "),
        found: "\"\(id)\"")
    }
    var designs: [TrialDesign] = []
    var groups: [TrialGroup] = []
    for group in trial.groups {
      guard let truth = truths[group.id] else {
        throw InputError.missing(
          "truth.\(group.id)", expected: "the true DLT probabilities of group \(group.id)'s levels")
      }
      let design = try TrialDesign.resolve(request, protocol: trial, group: group.id, registry: registry)
      try design.checkWholeCohorts()
      designs.append(design)
      groups.append(
        TrialGroup(
          id: group.id, design: design.design,
          scenario: try design.scenario(truth, field: "truth.\(group.id)"),
          opening: try group.opensWhen.map { rule throws(InputError) in try opening(rule, in: trial) }))
    }
    let simulation: MonteCarloSimulation?
    if case .simulation(let s) = method { simulation = s } else { simulation = nil }
    let results = try GroupedTrialOperatingCharacteristics.compute(
      groups: groups, simulation: simulation, progress: progress)
    return ProtocolOperatingCharacteristics(
      protocol: trial.id,
      groups: zip(trial.groups, zip(designs, results)).map { group, pair in
        let (design, result) = pair
        let opening = group.opensWhen.flatMap { rule in
          rule.assumption.map {
            SettingNote(
              .assumption, setting: "opensWhen",
              value: "after group \(rule.afterGroup) clears level \(rule.clearedLevel)", reason: $0)
          }
        }
        return Group(
          header: DesignHeader(design, extraNotes: opening.map { [$0] } ?? []), group: group.id,
          label: group.label, opensWhen: group.opensWhen,
          openingProbability: result.openingProbability,
          openingProbabilityStandardError: result.openingProbabilityStandardError,
          expectedPatients: result.expectedPatients,
          expectedPatientsStandardError: result.expectedPatientsStandardError,
          characteristics: result.characteristics.labelled(design.levels))
      })
  }

  /// A protocol opening rule as the dose index of the group it waits for.
  static func opening(_ rule: OpeningRule, in trial: TrialProtocol) throws(InputError) -> OpeningCondition {
    guard let parent = trial.groups.first(where: { $0.id == rule.afterGroup }),
      let index = parent.orderedLevels.firstIndex(of: rule.clearedLevel)
    else {
      throw InputError(
        .notFound, field: "opensWhen",
        expected: "a level of an earlier group",
        found: "level \(rule.clearedLevel) of group \(rule.afterGroup)")
    }
    return OpeningCondition(afterGroup: rule.afterGroup, clearedDose: index)
  }
}
