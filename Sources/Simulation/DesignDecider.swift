import DoseFinding

/// Asks a design for its decision at a new state, through the design's own decision cache when it
/// has one (CRM: one posterior fit per count vector, see ``DoseFindingDesign/makeDecisionCache()``).
/// Count vectors are numbered densely here, by their packed key.
struct DesignDecider {
  let design: any DoseFindingDesign
  private var cache: (any DecisionCache)?
  private let hasCache: Bool
  /// Whether ``step(_:counts:)`` reads its `counts` key (the design has a decision cache).
  var usesCounts: Bool { hasCache }
  private var countIDs: [PackedState: Int] = [:]

  init(design: any DoseFindingDesign) {
    self.design = design
    cache = design.makeDecisionCache()
    hasCache = cache != nil
  }

  /// Number of distinct fits computed so far.
  var posteriorFits: Int { cache?.fitCount ?? 0 }

  /// The step after the cohort that produced `history`; `counts` is the packed key of its counts
  /// alone (the cache key, needed only when ``usesCounts``).
  mutating func step(_ history: inout TrialHistory, counts: PackedState) -> DesignStep {
    guard hasCache else { return DesignStep.after(&history, design: design) }
    let id: Int
    if let known = countIDs[counts] {
      id = known
    } else {
      id = countIDs.count
      countIDs[counts] = id
    }
    let recommendation = cache!.recommend(history, countsID: id)
    return DesignStep.after(
      &history, recommendation: recommendation, design: design,
      select: { history, reason in self.cache!.selectMTD(history, countsID: id, stoppedBy: reason) })
  }
}
