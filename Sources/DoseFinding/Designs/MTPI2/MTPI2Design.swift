import Probability

/// The modified toxicity probability interval design mTPI-2 (Guo et al. 2017, Contemp Clin
/// Trials 58:23–33), as in FIND 0.1.1 (`get_decision_mtpi2`). [0, 1] is cut into the
/// equivalence interval EI and intervals of the same width ε = ε₁ + ε₂ stepping away from it; the
/// end intervals are truncated at 0 and 1. With p | y, n ~ Beta(1 + y, 1 + n − y), the unit
/// probability mass UPM(I) = Pr(p ∈ I)/|I|; the interval with the largest UPM decides: below EI → E,
/// EI → S, above EI → D. DU as i3+3 (n ≥ 3, Pr(p > φ) > 0.95).
public struct MTPI2Design: IntervalDesign {
  public let core: IntervalCore
  /// The equivalence interval [φ − ε₁, φ + ε₂].
  public let interval: EquivalenceInterval
  /// The partition of [0, 1], ascending; `equivalenceIndex` is the EI's position.
  public let partition: [(lower: Double, upper: Double)]
  public let equivalenceIndex: Int

  public init(
    target: Double, interval: EquivalenceInterval, doseCount: Int, cohortSize: Int = 3,
    maxSampleSize: Int, startDose: Int = 0, eliminationCutoff: Double = 0.95,
    earlyStopPatients: Int? = nil
  ) {
    self.interval = interval
    let (partition, equivalenceIndex) = Self.partition(interval)
    self.partition = partition
    self.equivalenceIndex = equivalenceIndex
    core = IntervalCore(
      target: target, doseCount: doseCount, cohortSize: cohortSize, maxSampleSize: maxSampleSize,
      startDose: startDose, eliminationCutoff: eliminationCutoff, earlyStopPatients: earlyStopPatients,
      decide: { n, y, elimination in
        Self.decision(
          patients: n, dlts: y, partition: partition, equivalenceIndex: equivalenceIndex,
          elimination: elimination)
      })
  }

  public var variantName: String {
    "mTPI-2 (Guo et al. 2017; FIND 0.1.1 rules, EI [\(interval.lower), \(interval.upper)], DU if n ≥ 3 and Pr > 0.95)"
  }

  /// Intervals of width ε below and above the EI, truncated at 0 and 1 (slivers narrower than
  /// 1e-9 from rounding are dropped).
  static func partition(_ ei: EquivalenceInterval) -> ([(lower: Double, upper: Double)], Int) {
    let width = ei.upper - ei.lower
    var below: [(lower: Double, upper: Double)] = []
    var edge = ei.lower
    while edge > 1e-9 {
      below.append((lower: max(0, edge - width), upper: edge))
      edge -= width
    }
    var above: [(lower: Double, upper: Double)] = []
    edge = ei.upper
    while edge < 1 - 1e-9 {
      above.append((lower: edge, upper: min(1, edge + width)))
      edge += width
    }
    return (below.reversed() + [(lower: ei.lower, upper: ei.upper)] + above, below.count)
  }

  public func computeDecision(patients n: Int, dlts y: Int) -> TableDecision {
    Self.decision(
      patients: n, dlts: y, partition: partition, equivalenceIndex: equivalenceIndex,
      elimination: elimination)
  }

  /// Unit probability masses of every interval of the partition.
  func unitProbabilityMasses(patients n: Int, dlts y: Int) -> [Double] {
    Self.unitProbabilityMasses(patients: n, dlts: y, partition: partition)
  }

  static func unitProbabilityMasses(
    patients n: Int, dlts y: Int, partition: [(lower: Double, upper: Double)]
  ) -> [Double] {
    let a = Double(1 + y)
    let b = Double(1 + n - y)
    return partition.map { interval in
      let mass =
        IncompleteBeta.regularized(interval.upper, a: a, b: b)
        - IncompleteBeta.regularized(interval.lower, a: a, b: b)
      return mass / (interval.upper - interval.lower)
    }
  }

  static func decision(
    patients n: Int, dlts y: Int, partition: [(lower: Double, upper: Double)],
    equivalenceIndex: Int, elimination: EliminationRule
  ) -> TableDecision {
    if n == 0 { return .stay }
    if elimination.eliminates(patients: n, dlts: y) { return .deescalateUnacceptable }
    let upm = unitProbabilityMasses(patients: n, dlts: y, partition: partition)
    let best = upm.indices.max { upm[$0] < upm[$1] }!
    if best < equivalenceIndex { return .escalate }
    return best == equivalenceIndex ? .stay : .deescalate
  }

  public func explainDecision(patients n: Int, dlts y: Int) -> [String] {
    let upm = unitProbabilityMasses(patients: n, dlts: y)
    let listed = zip(partition, upm).map {
      "[\(decimal($0.lower, 2)),\(decimal($0.upper, 2))]: \(decimal($1))"
    }
    return [
      "mTPI-2 unit probability masses with p ~ Beta(\(1 + y), \(1 + n - y)): "
        + listed.joined(separator: ", ")
        + "; EI = [\(interval.lower), \(interval.upper)].",
      elimination.describe(patients: n, dlts: y),
    ]
  }
}
