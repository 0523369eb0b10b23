import DoseFinding

/// What happens after a cohort: the trial continues at `nextDose`, or it has finished.
enum DesignStep: Sendable {
  /// Treat the next cohort at `nextDose`; `eliminatedFrom` is the lowest eliminated dose (if any).
  case treat(nextDose: Int, eliminatedFrom: Int?)
  /// The trial is over; `selected` is the MTD index (`nil`: no MTD).
  case finished(selected: Int?, reason: StopReason)

  /// Applies `design`'s recommendation after the cohort that produced `history`, and the engine's
  /// own limit: no cohort may take the trial past the design's maximum sample size. A design that
  /// returns no next dose and no stop reason is treated as stopping by its own rule. `select` gives
  /// the final MTD of a finished trial.
  ///
  /// `history` is modified (its eliminated set) only when the trial finishes, for the selection.
  static func after(
    _ history: inout TrialHistory, recommendation: Recommendation,
    design: any DoseFindingDesign, select: (TrialHistory, StopReason) -> Int?
  ) -> DesignStep {
    let reason: StopReason
    if let stop = recommendation.stop {
      reason = stop
    } else if let next = recommendation.nextDose {
      if history.totalPatients + design.cohortSize <= design.maxSampleSize {
        precondition(
          next >= 0 && next < design.doseCount, "\(design.variantName) recommended dose index \(next)")
        return .treat(nextDose: next, eliminatedFrom: recommendation.eliminatedFrom)
      }
      reason = .maxSampleSize
    } else {
      reason = .designRule
    }
    history.eliminatedFrom = recommendation.eliminatedFrom
    return .finished(selected: select(history, reason), reason: reason)
  }

  /// The same with the design's own recommendation (allocation-free `explain: false` fast path)
  /// and its own selection: the reference path, used by the direct simulator.
  static func after(_ history: inout TrialHistory, design: any DoseFindingDesign) -> DesignStep {
    after(
      &history, recommendation: design.recommend(history, explain: false), design: design,
      select: design.selectMTD)
  }
}
