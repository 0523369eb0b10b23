import Inputs

/// The 3+3 design (A+B with A = B = 3; Storer 1989, Biometrics 45:925; review Le Tourneau, Lee &
/// Siu 2009, JNCI 101:708). At the current dose, after each cohort of 3:
///
/// - 0/3 → escalate; 1/3 → 3 more at the same dose; ≥ 2 DLTs in 3–6 → the dose exceeds the MTD
///   (`DU`: it and all higher doses are never used again).
/// - ≤ 1/6 → escalate.
/// - Escalation from the highest dose, or into a dose that exceeded the MTD, stops the trial.
///
/// Variants on "≥ 2 DLTs at dose d" (spec §"Variants matter"):
/// - ``Variant/classic``: stop; MTD = d − 1.
/// - ``Variant/korn``: Korn et al. (1994, Stat Med 13:1799): if dose d − 1 has fewer than 6
///   patients, de-escalate and expand it to 6; otherwise stop.
/// - ``Variant/find``: FIND 0.1.1 `run_sim_3plus3`: as Korn; in addition, once a dose exceeded the
///   MTD, ≤ 1/6 at the current dose stops the trial with that dose as MTD.
///
/// MTD (all variants): the highest dose below the first dose with ≥ 2 DLTs whose counts allow
/// escalation (0/3 or ≤ 1/6); none if that is no dose.
public struct ThreePlusThreeDesign: DoseFindingDesign {
  /// Which 3+3 algorithm.
  public enum Variant: String, Sendable, Hashable, CaseIterable, Codable, InputEnumeration {
    case classic, korn, find
  }

  public let doseCount: Int
  public let startDose: Int
  public let variant: Variant
  /// Upper bound on patients; by default 6 per dose, which the design never exceeds.
  public let maxSampleSize: Int
  public var cohortSize: Int { 3 }

  public init(doseCount: Int, variant: Variant = .classic, startDose: Int = 0, maxSampleSize: Int? = nil) {
    self.doseCount = doseCount
    self.variant = variant
    self.startDose = startDose
    self.maxSampleSize = maxSampleSize ?? 6 * doseCount
  }

  public var variantName: String {
    switch variant {
    case .classic: "3+3 (classic: stop at ≥ 2 DLTs, MTD = next lower dose; Storer 1989)"
    case .korn: "3+3 (Korn et al. 1994: de-escalate and expand the lower dose to 6)"
    case .find: "3+3 (FIND 0.1.1 variant: Korn de-escalation, stop at ≤ 1/6 once the MTD was exceeded)"
    }
  }

  /// The 3+3 decision for y DLTs in n patients at a dose: `E` (0/3 or ≤ 1/6), `S` (fewer than 3,
  /// 1/3, or 4–5 patients with ≤ 1 DLT: complete the cohort of 6), `DU` (≥ 2 DLTs).
  public static func decision(patients n: Int, dlts y: Int) -> TableDecision {
    if y >= 2 { return .deescalateUnacceptable }
    if n < 3 { return .stay }
    if n == 3 { return y == 0 ? .escalate : .stay }
    return n >= 6 ? .escalate : .stay
  }

  /// ≥ 2 DLTs: the dose exceeded the MTD.
  public func eliminates(_ counts: DoseCounts) -> Bool { counts.dlts >= 2 }

  /// Counts that allow escalation: 0/3 or ≤ 1/6.
  static func allowsEscalation(_ c: DoseCounts) -> Bool {
    decision(patients: c.patients, dlts: c.dlts) == .escalate
  }

  public func recommend(_ history: TrialHistory) -> Recommendation {
    recommend(history, explain: true)
  }

  public func recommend(_ history: TrialHistory, explain: Bool) -> Recommendation {
    let d = history.currentDose
    let counts = history.counts[d]
    let decision = Self.decision(patients: counts.patients, dlts: counts.dlts)
    var eliminated = history.eliminatedFrom
    func result(_ next: Int?, _ stop: StopReason?, _ note: @autoclosure () -> String) -> Recommendation {
      Recommendation(
        decision: decision, nextDose: next, eliminatedFrom: eliminated, stop: stop,
        explanation: explain
          ? ["3+3: \(counts.dlts)/\(counts.patients) DLTs at the current dose.", note()] : [])
    }
    if history.totalPatients >= maxSampleSize {
      return result(nil, .maxSampleSize, "Stop: maximum sample size \(maxSampleSize) reached.")
    }
    switch decision {
    case .stay:
      let more = (counts.patients < 3 ? 3 : 6) - counts.patients
      let cohort = counts.patients < 3 ? "complete the cohort of 3" : "expand the dose to 6"
      return result(
        d, nil, "Treat \(more) more patient\(more == 1 ? "" : "s") at the current dose (\(cohort)).")
    case .escalate:
      if variant == .find && eliminated != nil && counts.patients >= 6 {
        return result(
          nil, .designRule, "Stop: ≤ 1/6 after the MTD was exceeded; the current dose is the MTD.")
      }
      if d + 1 >= doseCount {
        return result(nil, .designRule, "Stop: escalation beyond the highest dose, which is the MTD.")
      }
      if let e = eliminated, d + 1 >= e {
        return result(
          nil, .designRule, "Stop: the next higher dose exceeded the MTD; the current dose is the MTD.")
      }
      return result(d + 1, nil, "Escalate one dose.")
    case .deescalate, .deescalateUnacceptable:
      eliminated = min(eliminated ?? doseCount, d)
      if d == 0 {
        return result(nil, .lowestDoseTooToxic, "Stop: ≥ 2 DLTs at the lowest dose; no MTD.")
      }
      if variant != .classic && history.counts[d - 1].patients < 6 {
        return result(d - 1, nil, "≥ 2 DLTs: de-escalate one dose and expand it to 6 patients.")
      }
      return result(nil, .designRule, "Stop: ≥ 2 DLTs at the current dose; the MTD is the next lower dose.")
    }
  }

  /// 3+3 decides after cohorts of 3 and 6 patients only.
  public func decisionTable(maxPatients: Int) -> DecisionTable? {
    DecisionTable(patients: [3, 6]) { Self.decision(patients: $0, dlts: $1) }
  }

  public func selectMTD(_ history: TrialHistory, stoppedBy reason: StopReason) -> Int? {
    if reason == .lowestDoseTooToxic { return nil }
    let exceeded = history.counts.firstIndex { $0.dlts >= 2 } ?? doseCount
    return (0..<exceeded).last { Self.allowsEscalation(history.counts[$0]) }
  }
}
