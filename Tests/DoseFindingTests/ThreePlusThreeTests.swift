import Testing

@testable import DoseFinding

struct ThreePlusThreeTests {
  func history(_ pairs: [(Int, Int)], at dose: Int, eliminatedFrom: Int? = nil) -> TrialHistory {
    TrialHistory(
      counts: pairs.map { DoseCounts(patients: $0.0, dlts: $0.1) }, currentDose: dose,
      eliminatedFrom: eliminatedFrom)
  }

  @Test func cohortRules() {
    #expect(ThreePlusThreeDesign.decision(patients: 3, dlts: 0) == .escalate)
    #expect(ThreePlusThreeDesign.decision(patients: 3, dlts: 1) == .stay)
    #expect(ThreePlusThreeDesign.decision(patients: 3, dlts: 2) == .deescalateUnacceptable)
    #expect(ThreePlusThreeDesign.decision(patients: 6, dlts: 1) == .escalate)
    #expect(ThreePlusThreeDesign.decision(patients: 6, dlts: 2) == .deescalateUnacceptable)
  }

  @Test func classicStopsWithNextLowerDose() {
    let design = ThreePlusThreeDesign(doseCount: 4)
    let h = history([(3, 0), (6, 1), (3, 2), (0, 0)], at: 2)
    let rec = design.recommend(h)
    #expect(rec.stop == .designRule)
    #expect(design.selectMTD(h, stoppedBy: .designRule) == 1)
  }

  @Test func kornExpandsLowerDoseToSix() {
    let design = ThreePlusThreeDesign(doseCount: 4, variant: .korn)
    let rec = design.recommend(history([(3, 0), (3, 0), (3, 2), (0, 0)], at: 2))
    #expect(rec.nextDose == 1)
    #expect(rec.eliminatedFrom == 2)
    // After expansion to 1/6 the next escalation would enter the eliminated dose: stop, MTD 2.
    let h = history([(3, 0), (6, 1), (3, 2), (0, 0)], at: 1, eliminatedFrom: 2)
    let end = design.recommend(h)
    #expect(end.stop == .designRule)
    #expect(design.selectMTD(h, stoppedBy: .designRule) == 1)
  }

  @Test func escalationFromTopDoseStopsWithTopDose() {
    let design = ThreePlusThreeDesign(doseCount: 2)
    let h = history([(3, 0), (3, 0)], at: 1)
    let rec = design.recommend(h)
    #expect(rec.stop == .designRule)
    #expect(design.selectMTD(h, stoppedBy: .designRule) == 1)
  }

  @Test func toxicLowestDoseStopsWithoutMTD() {
    for variant in ThreePlusThreeDesign.Variant.allCases {
      let design = ThreePlusThreeDesign(doseCount: 3, variant: variant)
      let h = history([(3, 2), (0, 0), (0, 0)], at: 0)
      let rec = design.recommend(h)
      #expect(rec.stop == .lowestDoseTooToxic)
      #expect(design.selectMTD(h, stoppedBy: .lowestDoseTooToxic) == nil)
    }
  }
}
