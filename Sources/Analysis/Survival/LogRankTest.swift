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
    self.init(curves: groups.filter { !$0.isEmpty }.map { KaplanMeier($0) })
  }

  /// Compares the groups whose Kaplan–Meier estimates are `curves`, merging their sorted times
  /// (O(n·k) for n subjects in k groups, no sorting and no allocation per time).
  /// - Precondition: at least two non-empty curves.
  public init(curves: [KaplanMeier]) {
    let curves = curves.filter { $0.count > 0 }
    precondition(curves.count >= 2, "the log-rank test needs at least two non-empty groups")
    let k = curves.count
    var atRisk = curves.map { Double($0.count) }
    var observed = [Double](repeating: 0, count: k)
    var expected = [Double](repeating: 0, count: k)
    var variance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    var deaths = [Double](repeating: 0, count: k)
    var leaving = [Double](repeating: 0, count: k)
    var nextEvent = [Int](repeating: 0, count: k)
    var nextCensor = [Int](repeating: 0, count: k)
    let eventTimes = curves.map(\.eventTimes)
    let censorTimes = curves.map(\.censorTimes)
    while true {
      var time = Double.infinity
      var more = false
      for g in 0..<k {
        if nextEvent[g] < eventTimes[g].count {
          time = min(time, eventTimes[g][nextEvent[g]])
          more = true
        }
        if nextCensor[g] < censorTimes[g].count {
          time = min(time, censorTimes[g][nextCensor[g]])
          more = true
        }
      }
      guard more else { break }
      for g in 0..<k {
        var e = nextEvent[g]
        while e < eventTimes[g].count, eventTimes[g][e] == time { e += 1 }
        var c = nextCensor[g]
        while c < censorTimes[g].count, censorTimes[g][c] == time { c += 1 }
        deaths[g] = Double(e - nextEvent[g])
        leaving[g] = Double(e - nextEvent[g] + c - nextCensor[g])
        nextEvent[g] = e
        nextCensor[g] = c
      }
      // Only a time that is not a number matches nothing; the survival curves exclude it.
      guard leaving.contains(where: { $0 > 0 }) else { break }
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
