import Probability

/// The k-group log-rank test (Mantel 1966; R `survdiff` with rho = 0).
public struct LogRankTest: Sendable, Hashable, Codable {
  /// Observed events per group.
  public let observed: [Double]
  /// Expected events per group under equal hazards.
  public let expected: [Double]
  /// The χ² statistic (O − E)ᵀ V⁻¹ (O − E) over all but one of the groups with expected events.
  public let chiSquared: Double
  /// Degrees of freedom: the number of groups with expected events > 0, minus 1 (R `survdiff`);
  /// 0 when there is no test.
  public let degreesOfFreedom: Int
  /// Upper-tail p-value of χ² with `degreesOfFreedom` degrees of freedom.
  public let pValue: Double

  /// Compares the survival of `groups` (each a list of observations).
  /// - Precondition: at least two non-empty groups.
  public init(groups: [[SurvivalObservation]]) {
    let groups = groups.filter { !$0.isEmpty }
    precondition(groups.count >= 2, "the log-rank test needs at least two non-empty groups")
    let k = groups.count
    let all = groups.enumerated().flatMap { g, list in list.map { (group: g, obs: $0) } }
      .sorted { $0.obs.time < $1.obs.time }
    var atRisk = groups.map { Double($0.count) }
    var observed = [Double](repeating: 0, count: k)
    var expected = [Double](repeating: 0, count: k)
    var variance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    var index = 0
    while index < all.count {
      let time = all[index].obs.time
      var deaths = [Double](repeating: 0, count: k)
      var leaving = [Double](repeating: 0, count: k)
      while index < all.count, all[index].obs.time == time {
        let g = all[index].group
        if all[index].obs.event { deaths[g] += 1 }
        leaving[g] += 1
        index += 1
      }
      let d = deaths.reduce(0, +)
      let n = atRisk.reduce(0, +)
      if d > 0 {
        for g in 0..<k {
          observed[g] += deaths[g]
          expected[g] += d * atRisk[g] / n
        }
        if n > 1 {
          let factor = d * (n - d) / (n * n * (n - 1))
          for g in 0..<k {
            for h in 0..<k {
              variance[g][h] += factor * atRisk[g] * ((g == h ? n : 0) - atRisk[h])
            }
          }
        }
      }
      for g in 0..<k { atRisk[g] -= leaving[g] }
    }
    // As R survdiff, only groups with expected events enter the test (a group censored before
    // the first event has no row in V); with fewer than two there is no test (χ² = 0, 0 df).
    let tested = (0..<k).filter { expected[$0] > 0 }
    let free = tested.dropLast()
    let difference = free.map { observed[$0] - expected[$0] }
    let reduced = free.map { g in free.map { variance[g][$0] } }
    let solution = LinearAlgebra.solveSymmetric(reduced, difference)
    let statistic = zip(difference, solution).reduce(0) { $0 + $1.0 * $1.1 }
    self.observed = observed
    self.expected = expected
    self.chiSquared = statistic
    self.degreesOfFreedom = free.count
    self.pValue =
      free.isEmpty ? 1 : ChiSquaredDistribution(degreesOfFreedom: Double(free.count)).survival(statistic)
  }
}
