import Assessment
import TrialModel

// DLT adjudication and the safety review committee's dose decisions.
extension DemoPlayer {
  /// The investigator adjudicates as the protocol's rules compute, once the window has closed or
  /// at the DLT; the first adjudication is signed.
  mutating func adjudicate(_ plan: DemoPlan) async throws {
    guard let s = state.subjects[plan.subject] else { return }
    let window = state.dltWindowDays(group: plan.group)
    let computed = try state.subjectRecord(s, through: today).adjudicateDLT(
      settings: trial.assessment, designWindowDays: window)
    let outcome: DLTAdjudicated.Outcome
    var reason: String?
    switch computed.verdict {
    case .dlt: outcome = .dlt
    case .noDlt: outcome = .noDlt
    case .notEvaluable:
      outcome = .notEvaluable
      reason = computed.reason
    case .pending:
      guard plan.toxicity == nil else { return }
      outcome = .noDlt
      reason = "window closed; the open finding is not dose-limiting in the investigator's judgement"
    }
    let investigator = DemoCast.investigator(plan.site)
    let sequence = try await send(
      .adjudicate(subject: plan.subject, outcome: outcome, reason: reason), by: investigator)
    if !signed {
      signed = true
      try await send(.sign(sequence: sequence, meaning: .responsibility), by: investigator)
    }
  }

  /// The safety review committee decides every recommendation awaiting a decision: it confirms,
  /// except once, when it keeps the group at its level for one more cohort instead of escalating.
  mutating func decidePending() async throws {
    for g in state.groups {
      guard let r = g.pendingRecommendation else { continue }
      if !overridden, let level = holdLevel(r, group: g) {
        overridden = true
        try await send(
          .override(
            group: g.id, level: level,
            reason:
              "the safety review committee keeps level \(level) for one more cohort before escalating, given the CRS seen there"
          ),
          by: DemoCast.reviewer)
      } else {
        try await send(.confirm(group: g.id), by: DemoCast.reviewer)
      }
    }
  }

  /// The level to stay at instead of an escalation, unless another group waits for this one to
  /// clear the level (the override would hold that group back).
  func holdLevel(_ r: RecommendationMade, group g: GroupState) -> Int? {
    guard let next = r.nextLevel, let design = state.design(forGroup: g.id),
      let from = design.levels.firstIndex(of: r.level), let to = design.levels.firstIndex(of: next),
      to > from,
      !g.eliminated.contains(r.level)
    else { return nil }
    let gates = trial.groups.contains { other in
      other.opensWhen.map { $0.afterGroup == g.id && $0.clearedLevel == r.level } ?? false
    }
    return gates ? nil : r.level
  }
}
