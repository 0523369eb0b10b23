import DoseFinding
import Inputs
import TrialModel
import Trials

extension TrialState {
  /// The version of the rules that compute recommendations, recorded with each one.
  public static let designVersion = "cartrial 0.1.0"

  /// Evaluable patients and DLTs per level of a group (the design's input): subjects who count
  /// toward a cohort and were adjudicated DLT or no DLT.
  public func tallies(group id: String) -> [RecommendationMade.LevelTally] {
    guard let g = group(id), let design = designs[g.id] else { return [] }
    var counts = Dictionary(uniqueKeysWithValues: design.levels.map { ($0, DoseCounts()) })
    for cohort in g.cohorts {
      for member in cohort.members {
        guard let outcome = subjects[member]?.adjudication?.outcome, outcome != .notEvaluable else {
          continue
        }
        counts[cohort.level, default: DoseCounts()].patients += 1
        if outcome == .dlt { counts[cohort.level, default: DoseCounts()].dlts += 1 }
      }
    }
    return design.levels.map {
      RecommendationMade.LevelTally(level: $0, patients: counts[$0]!.patients, dlts: counts[$0]!.dlts)
    }
  }

  /// Subjects enrolled in a group who count toward its cohorts (replaced subjects do not).
  public func enrolledCount(group id: String) -> Int {
    group(id)?.cohorts.reduce(0) { $0 + $1.members.count } ?? 0
  }

  /// The recommendation the design makes now on the group's latest cohort, when its DLT outcomes
  /// decide it and none is recorded yet: every member adjudicated, or enough of them that the
  /// decision is the same whatever the others' outcomes.
  public func dueRecommendation(group id: String) -> RecommendationMade? {
    guard let g = group(id), g.stopReason == nil, let cohort = g.cohorts.last, cohort.status != .decided,
      g.recommendation?.cohort != cohort.number, let design = designs[g.id]
    else { return nil }
    let outcomes = cohort.members.map { subjects[$0]?.adjudication?.outcome }
    let known = outcomes.compactMap { $0 }.filter { $0 != .notEvaluable }
    guard !known.isEmpty else { return nil }
    let sampleClosed =
      enrolledCount(group: g.id) >= (definition(ofGroup: g.id)?.design.maxSampleSize.value ?? .max)
    let unknown = outcomes.filter { $0 == nil }.count + (sampleClosed ? 0 : cohort.freeSlots)
    let base = tallies(group: g.id)
    let cohortCounts = DoseCounts(patients: known.count, dlts: known.filter { $0 == .dlt }.count)
    var answers: [DecisionAnswer] = []
    for extraDLTs in 0...unknown {
      let counts = base.map { t in
        t.level == cohort.level
          ? DoseCounts(patients: t.patients + unknown, dlts: t.dlts + extraDLTs)
          : DoseCounts(patients: t.patients, dlts: t.dlts)
      }
      let last = DoseCounts(patients: cohortCounts.patients + unknown, dlts: cohortCounts.dlts + extraDLTs)
      guard
        let answer = try? design.decide(
          counts: counts, current: cohort.level, lastCohort: design.design.usesLastCohort ? last : nil)
      else { return nil }
      if let first = answers.first,
        first.decision != answer.decision || first.nextDose != answer.nextDose
      {
        return nil
      }
      answers.append(answer)
    }
    guard let answer = answers.first else { return nil }
    var explanation = answer.explanation
    if unknown > 0 {
      explanation.insert(
        "decided whatever the DLT outcomes of the \(unknown) patient\(unknown == 1 ? "" : "s") still to be evaluated in cohort \(cohort.number)",
        at: 0)
    }
    return RecommendationMade(
      group: g.id, cohort: cohort.number, level: cohort.level, counts: base, decision: answer.decision,
      nextLevel: answer.nextDose, stopReason: answer.stopReason.map(Self.words),
      eliminated: answer.eliminated,
      explanation: explanation, design: design.specification.name, designVersion: Self.designVersion)
  }

  /// A design's reason to stop, in words.
  static func words(_ reason: StopReason) -> String {
    switch reason {
    case .maxSampleSize: "the maximum sample size is reached"
    case .lowestDoseTooToxic: "the lowest dose is too toxic"
    case .designRule: "the design's stopping rule"
    }
  }

  /// Recomputes each cohort's status from its members and the group's decisions.
  mutating func refreshCohorts() {
    for g in groups.indices {
      for c in groups[g].cohorts.indices {
        let cohort = groups[g].cohorts[c]
        let status: Cohort.Status
        if groups[g].decisions.contains(where: { $0.cohort == cohort.number }) {
          status = .decided
        } else if groups[g].recommendation?.cohort == cohort.number {
          status = .awaitingDecision
        } else if cohort.freeSlots > 0 {
          status = .enrolling
        } else {
          status = .inDLTWindow
        }
        groups[g].cohorts[c].status = status
      }
    }
  }

  /// Recomputes whether each group waits, enrols or is closed.
  mutating func refreshOpenings() {
    for g in groups.indices {
      let id = groups[g].id
      guard let definition = definition(ofGroup: id) else { continue }
      if let stop = groups[g].stopReason {
        groups[g].opening = .closed(stop)
      } else if let rule = definition.opensWhen, !cleared(level: rule.clearedLevel, in: rule.afterGroup) {
        groups[g].opening = .waiting(
          "opens when group \(rule.afterGroup) has cleared level \(rule.clearedLevel) (a cohort treated there and the decision to escalate)"
        )
      } else if enrolledCount(group: id) >= definition.design.maxSampleSize.value {
        groups[g].opening = .closed(
          "the maximum sample size of \(definition.design.maxSampleSize.value) is reached")
      } else {
        groups[g].opening = .open
      }
    }
  }

  /// Whether `group` has treated a cohort at `level` and decided to escalate from it.
  func cleared(level: Int, in group: String) -> Bool {
    guard let g = self.group(group) else { return false }
    return g.decisions.contains { d in
      d.recommendation.level == level && (d.level.map { $0 > level } ?? false)
    }
  }
}
