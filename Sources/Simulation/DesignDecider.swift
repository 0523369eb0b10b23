import DoseFinding

/// Asks a design for its decision at a new state, with the caches that make repeated questions
/// cheap: for CRM, one posterior fit per count vector — the CRM posterior depends on the counts only, while a
/// state also holds the current dose and the last cohort, so many states share one fit.
struct DesignDecider {
  let design: any DoseFindingDesign
  private let crm: CRMDesign?
  private var posteriors: [PackedState: CRMPosterior] = [:]

  init(design: any DoseFindingDesign) {
    self.design = design
    crm = design as? CRMDesign
  }

  /// Number of distinct CRM posterior fits computed so far.
  var posteriorFits: Int { posteriors.count }

  /// The step after the cohort that produced `history`; `counts` is the packed key of its counts
  /// alone (the CRM cache key).
  mutating func step(_ history: inout TrialHistory, counts: PackedState) -> DesignStep {
    if let crm {
      let fit: CRMPosterior
      if let cached = posteriors[counts] {
        fit = cached
      } else {
        fit = crm.posterior(history.counts)
        posteriors[counts] = fit
      }
      return DesignStep.after(
        &history, recommendation: crm.recommend(history, posterior: fit, explain: false),
        design: crm, select: { _, reason in crm.selectMTD(posterior: fit, stoppedBy: reason) })
    }
    return DesignStep.after(&history, design: design)
  }
}
