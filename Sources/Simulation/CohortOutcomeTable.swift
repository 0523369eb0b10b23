/// Binomial probabilities of 0…c DLTs in a cohort of c patients at each dose, precomputed once per
/// scenario so that neither the exact enumeration nor the simulator evaluates a pmf in its loop.
struct CohortOutcomeTable: Sendable {
  let cohortSize: Int
  /// `probability[d * (c + 1) + y]` = P(y DLTs among c patients at dose d) = C(c, y) p^y (1−p)^(c−y).
  let probability: [Double]
  /// `cumulative[d * (c + 1) + y]` = P(at most y DLTs); the last entry of each dose is exactly 1.
  let cumulative: [Double]

  init(truth: [Double], cohortSize c: Int) {
    var probability: [Double] = []
    var cumulative: [Double] = []
    for p in truth {
      var total = 0.0
      for y in 0...c {
        let pmf = Self.choose(c, y) * Self.power(p, y) * Self.power(1 - p, c - y)
        probability.append(pmf)
        total += pmf
        cumulative.append(y == c ? 1 : total)
      }
    }
    self.cohortSize = c
    self.probability = probability
    self.cumulative = cumulative
  }

  /// p^k with 0^0 = 1 (a dose with true probability 0 or 1 is allowed).
  static func power(_ p: Double, _ k: Int) -> Double {
    var result = 1.0
    for _ in 0..<k { result *= p }
    return result
  }

  /// C(n, k) in floating point: exact for every cohort size allowed
  /// (``DoseFinding/DesignSetup/maximumCohortSize``), and never overflows.
  static func choose(_ n: Int, _ k: Int) -> Double {
    var result = 1.0
    for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
    return result
  }

  /// Number of DLTs for a uniform draw `u` in [0, 1) at `dose` (inversion of the binomial CDF).
  func draw(dose: Int, uniform u: Double) -> Int {
    let base = dose &* (cohortSize &+ 1)
    var y = 0
    while y < cohortSize && u >= cumulative[base &+ y] { y &+= 1 }
    return y
  }
}
