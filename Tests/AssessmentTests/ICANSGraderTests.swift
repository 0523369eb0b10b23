import Inputs
import Testing
import TrialModel

@testable import Assessment

/// ASTCT 2019 ICANS test vectors (Lee et al. 2019) and CAPD rules.
struct ICANSGraderTests {
  let grader = ICANSGrader()

  static func adult(
    ice: Int, _ consciousness: ConsciousnessLevel = .alert, seizure: SeizureFinding = .none,
    icp: [IntracranialPressureFinding] = [], aphasia: Bool = false, tremor: Int? = nil
  ) -> ICANSObservation {
    ICANSObservation(
      ageYears: 30, ice: ICEAssessment(total: ice), consciousness: consciousness, seizure: seizure,
      intracranialPressure: icp, globalAphasia: aphasia, tremorGrade: tremor)
  }

  static let vectors: [(ICANSObservation, Int)] = [
    (adult(ice: 10), 0),
    (adult(ice: 8), 1),
    (adult(ice: 8, .awakensToVoice), 2),
    (adult(ice: 3, seizure: .clinicalResolvedRapidly), 3),
    (adult(ice: 0, aphasia: true), 3),
    (adult(ice: 0, .unarousable), 4),
    (adult(ice: 9, icp: [.focalOedema]), 3),
    (adult(ice: 9, tremor: 2), 1),
  ]

  @Test(arguments: vectors)
  func specVector(_ observation: ICANSObservation, _ expected: Int) throws {
    #expect(try grader.grade(observation).grade == expected)
  }

  @Test func tremorIsReportedAsExcluded() throws {
    let result = try grader.grade(Self.adult(ice: 9, tremor: 2))
    #expect(result.reasons.contains { $0.contains("tremor") && $0.contains("excluded") })
  }

  @Test func iceBandsAtEveryBoundary() throws {
    let expected = [0: 3, 2: 3, 3: 2, 6: 2, 7: 1, 9: 1, 10: 0]
    for (ice, grade) in expected {
      #expect(try grader.grade(Self.adult(ice: ice)).grade == grade, "ICE \(ice)")
    }
  }

  @Test func iceFromItemsSumsTheTenItems() throws {
    let items = ICEItems(
      orientationYear: 1, orientationMonth: 1, orientationCity: 1, orientationHospital: 0, naming1: 1,
      naming2: 1, naming3: 1, followsCommands: 1, writing: 0, attention: 1)
    #expect(try items.total() == 8)
    let o = ICANSObservation(ageYears: 40, ice: ICEAssessment(items: items))
    #expect(try grader.grade(o).grade == 1)
  }

  @Test func iceItemOutOfRangeNamesTheItem() {
    let items = ICEItems(
      orientationYear: 1, orientationMonth: 1, orientationCity: 1, orientationHospital: 1, naming1: 1,
      naming2: 1, naming3: 1, followsCommands: 1, writing: 2, attention: 1)
    let o = ICANSObservation(ageYears: 40, ice: ICEAssessment(items: items))
    #expect {
      try grader.grade(o)
    } throws: { error in
      (error as? InputError)?.field == "ice.items.writing"
    }
    #expect(throws: InputError.self) { try grader.grade(Self.adult(ice: 11)) }
  }

  @Test func unableToDoICEButAwakeWithGlobalAphasiaIsGrade3() throws {
    // ASTCT: ICE 0 is grade 3 when awake with global aphasia, grade 4 only when unarousable.
    let aphasic = ICANSObservation(
      ageYears: 30, ice: ICEAssessment(unableToPerform: true), consciousness: .alert, globalAphasia: true)
    #expect(try grader.grade(aphasic).grade == 3)
    let unarousable = ICANSObservation(
      ageYears: 30, ice: ICEAssessment(unableToPerform: true), consciousness: .unarousable)
    #expect(try grader.grade(unarousable).grade == 4)
  }

  @Test func otherDomains() throws {
    #expect(try grader.grade(Self.adult(ice: 10, seizure: .prolonged)).grade == 4)
    #expect(try grader.grade(Self.adult(ice: 10, .awakensToTactileStimulus)).grade == 3)
    #expect(try grader.grade(Self.adult(ice: 10, icp: [.papilloedema])).grade == 4)
    var weak = Self.adult(ice: 10)
    weak.motorWeakness = true
    #expect(try grader.grade(weak).grade == 4)
    var bleed = Self.adult(ice: 10)
    bleed.intracranialHaemorrhage = true
    #expect(try grader.grade(bleed).grade == 0)
  }

  static let allAlways = CAPDItems(
    eyeContact: .always, purposefulActions: .always, awareOfSurroundings: .always, communicatesNeeds: .always,
    restless: .never, inconsolable: .never, underactive: .never, slowToRespond: .never)

  @Test func capdScoringReversesTheFirstFourItems() {
    #expect(Self.allAlways.total == 0)
    var worst = Self.allAlways
    worst.eyeContact = .never
    worst.purposefulActions = .never
    worst.awareOfSurroundings = .never
    worst.communicatesNeeds = .never
    worst.restless = .always
    worst.inconsolable = .always
    worst.underactive = .always
    worst.slowToRespond = .always
    #expect(worst.total == 32)
    var some = Self.allAlways
    some.eyeContact = .rarely  // 3 points
    some.restless = .often  // 3 points
    #expect(some.total == 6)
  }

  @Test func childrenUnderTheCutoffUseCAPD() throws {
    func child(_ capd: CAPDAssessment, _ loc: ConsciousnessLevel = .alert) -> ICANSObservation {
      ICANSObservation(ageYears: 9, capd: capd, consciousness: loc)
    }
    #expect(try grader.grade(child(CAPDAssessment(total: 0))).grade == 0)
    #expect(try grader.grade(child(CAPDAssessment(total: 8), .awakensSpontaneously)).grade == 1)
    #expect(try grader.grade(child(CAPDAssessment(total: 8), .awakensToVoice)).grade == 2)
    #expect(try grader.grade(child(CAPDAssessment(total: 9))).grade == 3)
    #expect(try grader.grade(child(CAPDAssessment(unableToPerform: true))).grade == 4)
    let iceForChild = ICANSObservation(ageYears: 9, ice: ICEAssessment(total: 10))
    #expect(throws: InputError.self) { try grader.grade(iceForChild) }
  }

  @Test func sedationIsNotICANS() throws {
    var sedated = Self.adult(ice: 10, .awakensToTactileStimulus)
    sedated.consciousnessAttributableToOtherCause = true
    #expect(try grader.grade(sedated).grade == 0)
    let deep = ICANSObservation(ageYears: 5, capd: CAPDAssessment(total: 20), rass: -4)
    let result = try grader.grade(deep)
    #expect(result.grade == 0 && result.reasons.contains { $0.contains("RASS") })
    let bad = ICANSObservation(ageYears: 5, capd: CAPDAssessment(total: 2), rass: -6)
    #expect { try grader.grade(bad) } throws: { ($0 as? InputError)?.field == "rass" }
  }

  @Test func ageCutoffIsASetting() throws {
    let twelve = ICANSObservation(ageYears: 12, capd: CAPDAssessment(total: 10))
    #expect(throws: InputError.self) { try grader.grade(twelve) }  // default: CAPD only below 12
    let nci = ICANSGrader(settings: ICANSSettings(capdBelowAgeYears: Assumed(13)))
    #expect(try nci.grade(twelve).grade == 3)
    #expect(grader.usesCAPD(ageYears: 11.9, developmentalDelay: false) == true)
    #expect(grader.usesCAPD(ageYears: 30, developmentalDelay: true) == true)
  }
}
