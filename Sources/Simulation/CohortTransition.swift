import DoseFinding
import Inputs

/// The probability of each number of DLTs in the next cohort at a state of the enumeration: for a
/// fixed scenario the binomial of the dose's true rate (``CohortOutcomeTable``); under a prior the
/// beta-binomial posterior predictive given the state's counts at that dose.
protocol CohortTransition {
  /// Readies ``probability(_:)`` for the next cohort at `dose`, where the state holds `counts`.
  mutating func prepare(dose: Int, counts: DoseCounts)
  /// P(`y` DLTs in the cohort).
  func probability(_ y: Int) -> Double
}

/// A fixed scenario: the binomial of the dose's true DLT rate, whatever the state.
struct ScenarioTransition: CohortTransition {
  let table: CohortOutcomeTable
  private var base = 0

  init(_ table: CohortOutcomeTable) { self.table = table }

  mutating func prepare(dose: Int, counts: DoseCounts) { base = dose * (table.cohortSize + 1) }

  func probability(_ y: Int) -> Double { table.probability[base + y] }
}

/// Independent Beta(a, b) priors on the doses' DLT rates: the next cohort's DLTs are
/// beta-binomial given the patients and DLTs the state holds at the dose (the posterior
/// predictive), P(y) = C(c, y) · B(a′ + y, b′ + c − y) / B(a′, b′) with a′ = a + DLTs and
/// b′ = b + patients − DLTs, computed as the ratio of rising products.
struct PredictiveTransition: CohortTransition {
  let prior: PredictivePrior
  let cohortSize: Int
  private var row: [Double]

  init(prior: PredictivePrior, cohortSize: Int) {
    self.prior = prior
    self.cohortSize = cohortSize
    row = Array(repeating: 0, count: cohortSize + 1)
  }

  mutating func prepare(dose: Int, counts: DoseCounts) {
    row = Self.pmf(
      a: prior.a + Double(counts.dlts), b: prior.b + Double(counts.patients - counts.dlts), n: cohortSize)
  }

  func probability(_ y: Int) -> Double { row[y] }

  /// The beta-binomial(n, a, b) probabilities of 0…n.
  static func pmf(a: Double, b: Double, n: Int) -> [Double] {
    var denominator = 1.0
    for k in 0..<n { denominator *= a + b + Double(k) }
    return (0...n).map { y in
      var numerator = CohortOutcomeTable.choose(n, y)
      for i in 0..<y { numerator *= a + Double(i) }
      for j in 0..<(n - y) { numerator *= b + Double(j) }
      return numerator / denominator
    }
  }
}

/// Independent Beta(a, b) priors on every dose's DLT rate, for posterior predictive operating
/// characteristics. The default Beta(1, 1) is uniform [R]; Beta(0.5, 0.5) is Jeffreys'.
public struct PredictivePrior: Sendable, Hashable {
  public var a: Double
  public var b: Double

  public init(a: Double = 1, b: Double = 1) throws(InputError) {
    guard a > 0, b > 0, a.isFinite, b.isFinite else {
      throw InputError(field: "prior", expected: "Beta(a, b) with a > 0 and b > 0", found: "Beta(\(a), \(b))")
    }
    self.a = a
    self.b = b
  }
}
