import ArgumentParser
import DoseFinding
import Simulation
import TrialModel

extension OCCommand {
  /// `--protocol ID [--group G]`: the group's (or every group's) design from the protocol file.
  func runProtocol(_ simulation: MonteCarloSimulation?) throws {
    let trial = try protocolOptions.load()
    if protocolOptions.group != nil || trial.groups.count == 1 {
      let (_, group) = try protocolOptions.loadGroup()
      var results: [OperatingCharacteristics] = []
      for (index, text) in truths.enumerated() {
        let truth = try OCInput.probabilities(text, option: "--truth", index: index)
        let (design, scenario) = try groupDesign(group, truth: truth, option: "--truth \(text)")
        results.append(try Self.evaluate(design, scenario, simulation))
      }
      OCReport.printAssumptions(of: group, format: output.format)
      try OCReport.print(results, format: output.format)
      return
    }
    guard output.format != .svg else {
      throw ValidationError("--format svg draws one group; add --group")
    }
    var results: [OCReport.ProtocolResult] = []
    for text in truths {
      let perGroup = try OCInput.groupTruths(text, groups: trial.groups.map(\.id))
      var groups: [TrialGroup] = []
      for group in trial.groups {
        let (design, scenario) = try groupDesign(
          group, truth: perGroup[group.id]!, option: "--truth \(group.id)=…")
        groups.append(
          TrialGroup(
            id: group.id, design: design, scenario: scenario,
            opening: try group.opensWhen.map { try opening($0, in: trial) }))
      }
      results.append(
        OCReport.ProtocolResult(
          protocol: trial.id, groups: try Self.evaluate(groups: groups, simulation)))
    }
    for group in trial.groups { OCReport.printAssumptions(of: group, format: output.format) }
    try OCReport.print(results, groups: trial.groups, format: output.format)
  }

  /// Exact or simulated characteristics of every group, with one progress bar over all groups.
  static func evaluate(
    groups: [TrialGroup], _ simulation: MonteCarloSimulation?
  ) throws -> [GroupOperatingCharacteristics] {
    let perGroup = simulation?.trials ?? 0
    let bar = ProgressBar(total: perGroup * groups.count)
    defer { bar.finish() }
    let progress: @Sendable (Int, Int) -> Void = { group, done in bar.update(group * perGroup + done) }
    do {
      return try GroupedTrialOperatingCharacteristics.compute(
        groups: groups, simulation: simulation, progress: progress)
    } catch {
      throw CLIError(error.description)
    }
  }

  /// The group's design (command-line options override the protocol's cohort settings).
  func groupDesign(_ group: PopulationGroup, truth: [Double], option: String) throws -> (
    any DoseFindingDesign, Scenario
  ) {
    let p = group.design
    let levels = group.orderedLevels
    guard truth.count == levels.count else {
      throw CLIError(
        "\(option): group \(group.id) has \(levels.count) dose levels (\(levels.map(String.init).joined(separator: ", "))); "
          + "expected \(levels.count) DLT probabilities, found \(truth.count)")
    }
    let startLevel = start ?? group.startingLevel.value
    guard let startIndex = levels.firstIndex(of: startLevel) else {
      throw CLIError("--start: group \(group.id) has no dose level \(startLevel)")
    }
    let size = cohortSize ?? p.cohortSize.value
    let interval = p.equivalenceInterval.map { ($0.value[0], $0.value[1]) }
    let design = try Self.makeDesign(
      name: p.name, variant: p.variant, target: p.target.value, interval: interval,
      skeleton: p.skeleton, doseCount: levels.count, cohortSize: size,
      maxSampleSize: cohorts.map { $0 * size } ?? p.maxSampleSize.value, startDose: startIndex)
    return (design, try OCInput.scenario(truth, target: p.target.value, option: option))
  }

  /// A protocol opening rule as dose indices of the group it waits for.
  func opening(_ rule: OpeningRule, in trial: TrialProtocol) throws -> OpeningCondition {
    guard let parent = trial.groups.first(where: { $0.id == rule.afterGroup }),
      let index = parent.orderedLevels.firstIndex(of: rule.clearedLevel)
    else {
      throw CLIError(
        "\(trial.id): opening rule refers to level \(rule.clearedLevel) of group \(rule.afterGroup), "
          + "which does not exist")
    }
    return OpeningCondition(afterGroup: rule.afterGroup, clearedDose: index)
  }
}
