import DoseFinding

/// What happens after a cohort: the trial continues at `nextDose`, or it has finished.
enum DesignStep: Sendable {
  /// Treat the next cohort at `nextDose`; `eliminatedFrom` is the lowest eliminated dose (if any).
  case treat(nextDose: Int, eliminatedFrom: Int?)
  /// The trial is over; `selected` is the MTD index (`nil`: no MTD).
  case finished(selected: Int?, reason: StopReason)

  /// Asks `design` what to do after the cohort that produced `history`, and applies the engine's
  /// own limit: no cohort may take the trial past the design's maximum sample size. A design that
  /// returns no next dose and no stop reason is treated as stopping by its own rule.
  ///
  /// Uses the designs' allocation-free fast path (`explain: false`). `history` is modified (its
  /// eliminated set) only when the trial finishes, for the selection.
  static func after<Design: DoseFindingDesign>(
    _ history: inout TrialHistory, design: Design, selection: FinalSelection<Design>
  ) -> DesignStep {
    let recommendation = design.recommend(history, explain: false)
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
    return .finished(selected: selection(history, stoppedBy: reason), reason: reason)
  }
}
