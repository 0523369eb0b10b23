import DoseFinding
import Inputs
import Simulation
import TrialModel
import Trials

extension TrialState {
  /// The exact operating characteristics of the rest of group `id` from today's data under
  /// `truth` (``Trials/TrialDesign/conditionalOperatingCharacteristics(truth:counts:current:lastCohort:field:)``):
  /// the evaluable patients and DLTs per level (``tallies(group:)``), the level of the latest
  /// cohort with one and, for a design with a coherence rule, that cohort's own counts. Patients
  /// not yet adjudicated are not counted. A group with no evaluable patient gets the unconditional
  /// figures from its start level.
  ///
  /// Field names in errors: `group`, `truth`, and those of the design's check.
  public func conditionalOperatingCharacteristics(group id: String, truth: [Double]) throws(InputError)
    -> (answer: OperatingCharacteristicsAnswer, figures: ConditionalFigures)
  {
    let (design, today) = try designState(group: id)
    guard let today else {
      let answer = try design.operatingCharacteristics(truth: truth, method: .exact)
      let empty = TrialHistory(doseCount: design.design.doseCount, startDose: design.design.startDose)
      return (answer, ConditionalFigures(empty, answer.characteristics))
    }
    return try design.conditionalOperatingCharacteristics(
      truth: truth, counts: today.counts, current: today.current, lastCohort: today.last)
  }

  /// The posterior predictive exact operating characteristics of the rest of group `id` from
  /// today's data (``Trials/TrialDesign/predictiveOperatingCharacteristics(prior:counts:current:lastCohort:)``),
  /// with the counts of ``conditionalOperatingCharacteristics(group:truth:)``.
  public func predictiveOperatingCharacteristics(group id: String, prior: PredictivePrior) throws(InputError)
    -> (answer: OperatingCharacteristicsAnswer, figures: ConditionalFigures)
  {
    let (design, today) = try designState(group: id)
    return try design.predictiveOperatingCharacteristics(
      prior: prior, counts: today?.counts ?? [], current: today?.current, lastCohort: today?.last)
  }

  /// The group's design and its state today: counts per level, the current level and the last
  /// cohort's counts (`nil` before any evaluable patient).
  func designState(group id: String) throws(InputError) -> (
    TrialDesign, (counts: [DoseCounts], current: Int, last: DoseCounts?)?
  ) {
    guard let g = group(id), let design = designs[g.id] else {
      throw InputError(
        .notFound, field: "group",
        expected: "a group of \(trial) (\(designs.keys.sorted().joined(separator: ", ")))", found: id)
    }
    let tallies = tallies(group: g.id)
    let counts = tallies.map { DoseCounts(patients: $0.patients, dlts: $0.dlts) }
    guard
      let cohort = g.cohorts.last(where: { c in (tallies.first { $0.level == c.level }?.patients ?? 0) > 0 })
    else { return (design, nil) }
    var last: DoseCounts?
    if design.design.usesLastCohort {
      let outcomes = cohort.members.compactMap { subjects[$0]?.adjudication?.outcome }.filter {
        $0 != .notEvaluable
      }
      last = DoseCounts(patients: outcomes.count, dlts: outcomes.filter { $0 == .dlt }.count)
    }
    return (design, (counts, cohort.level, last))
  }
}
