import Testing

@testable import DoseFinding

/// The trial-conduct rules shared by the interval designs (spec §(a)–(c)).
struct IntervalDesignRuleTests {
  static let interval = EquivalenceInterval(lower: 0.25, upper: 0.35)
  static let designs: [any IntervalDesign] = [
    BOINDesign(target: 0.3, doseCount: 4, maxSampleSize: 30),
    I3Plus3Design(target: 0.3, interval: interval, doseCount: 4, maxSampleSize: 30),
    MTPI2Design(target: 0.3, interval: interval, doseCount: 4, maxSampleSize: 30),
  ]

  func history(_ pairs: [(Int, Int)], at dose: Int, eliminatedFrom: Int? = nil) -> TrialHistory {
    TrialHistory(
      counts: pairs.map { DoseCounts(patients: $0.0, dlts: $0.1) }, currentDose: dose,
      eliminatedFrom: eliminatedFrom)
  }

  @Test(arguments: designs.indices)
  func escalationAtTopDoseStays(index: Int) {
    let rec = Self.designs[index].recommend(history([(3, 0), (3, 0), (3, 0), (3, 0)], at: 3))
    #expect(rec.decision == .escalate)
    #expect(rec.nextDose == 3)
    #expect(rec.stop == nil)
  }

  @Test(arguments: designs.indices)
  func deescalationAtLowestDoseStays(index: Int) {
    // 2/3 at dose 1: D but not DU (Pr(p > 0.3 | Beta(3, 2)) = 0.916 ≤ 0.95).
    let rec = Self.designs[index].recommend(history([(3, 2), (0, 0), (0, 0), (0, 0)], at: 0))
    #expect(rec.decision == .deescalate)
    #expect(rec.nextDose == 0)
    #expect(rec.eliminatedFrom == nil)
  }

  @Test(arguments: designs.indices)
  func unacceptableLowestDoseStopsWithoutMTD(index: Int) {
    let design = Self.designs[index]
    let h = history([(3, 3), (0, 0), (0, 0), (0, 0)], at: 0)
    let rec = design.recommend(h)
    #expect(rec.decision == .deescalateUnacceptable)
    #expect(rec.nextDose == nil)
    #expect(rec.stop == .lowestDoseTooToxic)
    #expect(rec.eliminatedFrom == 0)
    #expect(design.selectMTD(h, stoppedBy: rec.stop!) == nil)
  }

  @Test(arguments: designs.indices)
  func unacceptableDoseIsEliminatedWithAllAbove(index: Int) {
    let rec = Self.designs[index].recommend(history([(3, 0), (3, 3), (0, 0), (0, 0)], at: 1))
    #expect(rec.decision == .deescalateUnacceptable)
    #expect(rec.nextDose == 0)
    #expect(rec.eliminatedFrom == 1)
  }

  @Test(arguments: designs.indices)
  func escalationIntoEliminatedDoseStays(index: Int) {
    let rec = Self.designs[index].recommend(
      history([(3, 0), (6, 0), (3, 3), (0, 0)], at: 1, eliminatedFrom: 2))
    #expect(rec.decision == .escalate)
    #expect(rec.nextDose == 1)
    #expect(rec.eliminatedFrom == 2)
  }

  /// At N the trial stops without applying the elimination rule to the last cohort (BOIN get.oc).
  @Test(arguments: designs.indices)
  func stopsAtMaximumSampleSize(index: Int) {
    let design = Self.designs[index]
    let h = history([(9, 0), (9, 2), (12, 3), (0, 0)], at: 2)
    let rec = design.recommend(h)
    #expect(rec.stop == .maxSampleSize)
    #expect(rec.nextDose == nil)
    #expect(design.selectMTD(h, stoppedBy: .maxSampleSize) == 2)
  }

  /// The fast path decides identically and builds no explanation.
  @Test(arguments: designs.indices)
  func fastPathAgreesWithExplainedPath(index: Int) {
    let design = Self.designs[index]
    for y in 0...6 {
      let h = history([(3, 0), (6, y), (0, 0), (0, 0)], at: 1)
      let slow = design.recommend(h)
      let fast = design.recommend(h, explain: false)
      #expect(fast.explanation.isEmpty)
      #expect(!slow.explanation.isEmpty)
      #expect(fast.decision == slow.decision && fast.nextDose == slow.nextDose)
      #expect(fast.eliminatedFrom == slow.eliminatedFrom && fast.stop == slow.stop)
    }
  }

  /// Decisions beyond the tabulated n are computed directly and agree with a larger table.
  @Test func decisionsBeyondTheTable() {
    let small = I3Plus3Design(target: 0.3, interval: Self.interval, doseCount: 3, maxSampleSize: 12)
    let large = I3Plus3Design(target: 0.3, interval: Self.interval, doseCount: 3, maxSampleSize: 40)
    for n in 13...40 {
      for y in 0...n {
        #expect(small.decision(patients: n, dlts: y) == large.core.decisionTable[patients: n, dlts: y])
      }
    }
  }

  /// BOIN n.earlystop: with 9 patients at a dose whose decision is "stay", the trial stops.
  @Test func boinEarlyStop() {
    let design = BOINDesign(target: 0.3, doseCount: 4, maxSampleSize: 30, earlyStopPatients: 9)
    let rec = design.recommend(history([(3, 0), (9, 3), (0, 0), (0, 0)], at: 1))
    #expect(rec.decision == .stay)
    #expect(rec.stop == .designRule)
    let onward = design.recommend(history([(3, 0), (9, 0), (0, 0), (0, 0)], at: 1))
    #expect(onward.stop == nil && onward.nextDose == 2)
  }

  /// BOIN extrasafe: at dose 1 with 2/3, Pr(p₁ > 0.3) = 0.9163 > 0.95 − 0.05.
  @Test func boinExtraSafeStop() {
    let safe = BOINDesign(target: 0.3, doseCount: 4, maxSampleSize: 30, extraSafetyOffset: 0.05)
    let rec = safe.recommend(history([(3, 2), (0, 0), (0, 0), (0, 0)], at: 0))
    #expect(rec.stop == .lowestDoseTooToxic)
    let plain = BOINDesign(target: 0.3, doseCount: 4, maxSampleSize: 30)
    #expect(plain.recommend(history([(3, 2), (0, 0), (0, 0), (0, 0)], at: 0)).stop == nil)
  }

  /// The spec's verified facts: for φ = 0.25, EI [0.20, 0.30], mTPI-2 says D and i3+3 S at
  /// (3,1), (6,2), (10,3), (20,6), (30,9); for φ = 0.3, EI [0.25, 0.35], they differ only at (5,2)
  /// and (20,7) for 3 ≤ n ≤ 30 (the range of the reference tables).
  @Test func i3plus3AndMTPI2Differences() {
    let ei25 = EquivalenceInterval(lower: 0.20, upper: 0.30)
    let i25 = I3Plus3Design(target: 0.25, interval: ei25, doseCount: 3, maxSampleSize: 30)
    let m25 = MTPI2Design(target: 0.25, interval: ei25, doseCount: 3, maxSampleSize: 30)
    for (n, y) in [(3, 1), (6, 2), (10, 3), (20, 6), (30, 9)] {
      #expect(i25.decision(patients: n, dlts: y) == .stay)
      #expect(m25.decision(patients: n, dlts: y) == .deescalate)
    }
    let i30 = I3Plus3Design(target: 0.3, interval: Self.interval, doseCount: 3, maxSampleSize: 30)
    let m30 = MTPI2Design(target: 0.3, interval: Self.interval, doseCount: 3, maxSampleSize: 30)
    var differences: [String] = []
    for n in 3...30 {
      for y in 0...n where i30.decision(patients: n, dlts: y) != m30.decision(patients: n, dlts: y) {
        differences.append("\(n),\(y)")
      }
    }
    #expect(differences == ["5,2", "20,7"])
  }
}
