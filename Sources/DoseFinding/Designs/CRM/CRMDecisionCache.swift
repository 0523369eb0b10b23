/// The CRM's decisions for simulators: the posterior depends on the per-dose counts only, while a
/// state also holds the current dose and the last cohort, so states with equal counts share one fit.
struct CRMDecisionCache: DecisionCache {
  let design: CRMDesign
  private var fits: [CRMPosterior?] = []
  private(set) var fitCount = 0

  init(design: CRMDesign) { self.design = design }

  mutating func recommend(_ history: TrialHistory, countsID: Int) -> Recommendation {
    while countsID >= fits.count { fits.append(nil) }
    let fit: CRMPosterior
    if let known = fits[countsID] {
      fit = known
    } else {
      fit = design.posterior(history.counts)
      fits[countsID] = fit
      fitCount += 1
    }
    return design.recommend(history, posterior: fit, explain: false)
  }

  func selectMTD(_ history: TrialHistory, countsID: Int, stoppedBy reason: StopReason) -> Int? {
    let fit = countsID < fits.count ? fits[countsID] : nil
    return design.selectMTD(posterior: fit ?? design.posterior(history.counts), stoppedBy: reason)
  }
}
