import Inputs

/// The parameters BOIN, i3+3 and mTPI-2 share, read and checked in one place.
enum IntervalParameters {
  static let eliminationCutoff = DesignParameter(
    "eliminationCutoff", "DU / elimination when n ≥ 3 and Pr(p > target | data) exceeds this",
    default: "0.95")
  static let earlyStop = DesignParameter(
    "earlyStop",
    "stop once this many patients were treated at the current dose and the decision is to stay"
      + " (BOIN n.earlystop)", default: "off")
  static let equivalenceInterval = DesignParameter(
    "equivalenceInterval", "equivalence interval [target − ε₁, target + ε₂]",
    default: "[target − 0.05, target + 0.05]",
    noted: true)

  /// The elimination cut-off, in (0, 1).
  static func cutoff(_ arguments: DesignArguments) throws(InputError) -> Double {
    let cutoff = try arguments.number(eliminationCutoff.name) ?? 0.95
    guard cutoff > 0 && cutoff < 1 else {
      throw InputError(
        field: eliminationCutoff.name, expected: "a probability strictly between 0 and 1", found: "\(cutoff)")
    }
    return cutoff
  }

  /// The early-stop sample size at one dose, at least one cohort; `nil` when off.
  static func earlyStopPatients(_ arguments: DesignArguments, setup: DesignSetup) throws(InputError) -> Int? {
    guard let n = try arguments.integer(earlyStop.name) else { return nil }
    guard n >= setup.cohortSize else {
      throw InputError(
        field: earlyStop.name, expected: "at least one cohort (\(setup.cohortSize) patients)", found: "\(n)")
    }
    return n
  }

  /// The equivalence interval given (two numbers with 0 ≤ low < target < high ≤ 1) or the default.
  static func interval(_ arguments: DesignArguments, target: Double) throws(InputError) -> EquivalenceInterval
  {
    guard let bounds = try arguments.numbers(equivalenceInterval.name) else { return .around(target) }
    let listed = bounds.map { "\($0)" }.joined(separator: ",")
    guard bounds.count == 2, bounds[0] >= 0, bounds[1] <= 1, bounds[0] < target, target < bounds[1] else {
      throw InputError(
        field: equivalenceInterval.name,
        expected: "an interval LOW,HIGH with 0 ≤ LOW < target \(target) < HIGH ≤ 1", found: listed)
    }
    return EquivalenceInterval(lower: bounds[0], upper: bounds[1])
  }
}
