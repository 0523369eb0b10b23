import DoseFinding

/// Asks a design for its decision at a new state, with the cache that makes repeated questions
/// cheap: for a design with a counts fit (CRM's posterior, see
/// ``DoseFindingDesign/hasCountsFit``), one fit per count vector — the fit depends on the counts
/// only, while a state also holds the current dose and the last cohort, so many states share one.
struct DesignDecider {
  let design: any DoseFindingDesign
  private let cachesFits: Bool
  private var fits: [PackedState: any CountsFit] = [:]

  init(design: any DoseFindingDesign) {
    self.design = design
    cachesFits = design.hasCountsFit
  }

  /// Number of distinct fits computed so far.
  var posteriorFits: Int { fits.count }

  /// The step after the cohort that produced `history`; `counts` is the packed key of its counts
  /// alone (the fit cache key).
  mutating func step(_ history: inout TrialHistory, counts: PackedState) -> DesignStep {
    guard cachesFits else { return DesignStep.after(&history, design: design) }
    let fit: any CountsFit
    if let cached = fits[counts] {
      fit = cached
    } else if let fresh = design.fit(history.counts) {
      fit = fresh
      fits[counts] = fresh
    } else {
      return DesignStep.after(&history, design: design)
    }
    let design = design
    return DesignStep.after(
      &history, recommendation: design.recommend(history, reusing: fit, explain: false), design: design,
      select: { history, reason in design.selectMTD(history, reusing: fit, stoppedBy: reason) })
  }
}
