import Foundation
import Probability

/// The safety rule shared by BOIN, i3+3 and mTPI-2: a dose (and every higher dose) is unacceptable
/// when at least `minimumPatients` were treated and Pr(p > φ | y, n) > `cutoff` under a Beta(1, 1)
/// prior, i.e. 1 − I_φ(y + 1, n − y + 1) > cutoff.
///
/// Liu & Yuan (2015) §3 (BOIN, cutoff 0.95); Liu, Wang & Ji (2020) §2 (i3+3 "DU"); Guo et al.
/// (2017) §2.3 (mTPI-2). `minimumPatients` = 3 and the strict ">" follow BOIN 2.7.2 and
/// FIND 0.1.1 (the `escalation` package uses n ≥ 2 and "≥").
public struct EliminationRule: Sendable, Hashable {
  /// Target DLT rate φ.
  public var target: Double { didSet { tabulate() } }
  /// Posterior probability above which the dose is eliminated (default 0.95).
  public var cutoff: Double { didSet { tabulate() } }
  /// Fewest patients at the dose before the rule applies (default 3).
  public var minimumPatients: Int { didSet { tabulate() } }
  /// Largest n whose threshold is tabulated; beyond it the rule is evaluated directly.
  static let tabulatedPatients = 120
  /// For n = 0…``tabulatedPatients``: the fewest DLTs that eliminate (n + 1 when none do). The
  /// posterior Pr(p > φ | y, n) increases with y and decreases with n, so the thresholds are found
  /// by one monotone walk (~2·120 incomplete betas); `EliminationRuleTests` checks them against
  /// the direct rule at every (n, y).
  private var minimumEliminatingDLTs: [Int] = []

  public init(target: Double, cutoff: Double = 0.95, minimumPatients: Int = 3) {
    self.target = target
    self.cutoff = cutoff
    self.minimumPatients = minimumPatients
    tabulate()
  }

  private mutating func tabulate() {
    var thresholds: [Int] = []
    thresholds.reserveCapacity(Self.tabulatedPatients + 1)
    // Below minimumPatients nothing is eliminated; from there on the threshold never decreases.
    var start = 0
    for n in 0...Self.tabulatedPatients {
      var y = start
      while y <= n, !directlyEliminates(patients: n, dlts: y) { y += 1 }
      thresholds.append(y)
      start = n >= minimumPatients ? y : 0
    }
    minimumEliminatingDLTs = thresholds
  }

  /// Pr(p > φ | y DLTs in n patients) under the Beta(1, 1) prior.
  public func overdoseProbability(patients n: Int, dlts y: Int) -> Double {
    IncompleteBeta.upperTail(target, a: Double(y + 1), b: Double(n - y + 1))
  }

  /// Whether y DLTs in n patients make the dose unacceptable (a table look-up for n ≤ 120).
  @inline(__always)
  public func eliminates(patients n: Int, dlts y: Int) -> Bool {
    n >= 0 && n <= Self.tabulatedPatients
      ? y >= minimumEliminatingDLTs[n] : directlyEliminates(patients: n, dlts: y)
  }

  /// The rule's definition, evaluated with the incomplete beta function.
  func directlyEliminates(patients n: Int, dlts y: Int) -> Bool {
    n >= minimumPatients && overdoseProbability(patients: n, dlts: y) > cutoff
  }

  /// The lowest dose index whose counts trigger the rule (it and all higher doses are out), or nil.
  /// Allocates nothing.
  public func eliminatedFrom(_ counts: [DoseCounts]) -> Int? {
    for (d, c) in counts.enumerated() where eliminates(patients: c.patients, dlts: c.dlts) { return d }
    return nil
  }

  /// One line for an explanation.
  func describe(patients n: Int, dlts y: Int) -> String {
    let p = overdoseProbability(patients: n, dlts: y)
    let verdict =
      n < minimumPatients
      ? "not applied below \(minimumPatients) patients"
      : (p > cutoff ? "> \(cutoff): eliminate this and higher doses" : "≤ \(cutoff)")
    return "Pr(p > \(target) | \(y)/\(n) DLTs, Beta(1,1) prior) = \(decimal(p)) (\(verdict))"
  }
}
