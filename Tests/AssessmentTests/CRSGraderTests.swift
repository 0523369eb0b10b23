import Inputs
import Testing
import TrialModel

@testable import Assessment

/// ASTCT 2019 CRS test vectors (Lee et al., Biol Blood Marrow Transplant 2019).
struct CRSGraderTests {
  let grader = CRSGrader()

  struct Vector: Sendable, CustomStringConvertible {
    var observation: CRSObservation
    var expected: Int
    var description: String { "\(observation) → \(expected)" }
  }

  static let vectors: [Vector] = [
    Vector(observation: CRSObservation(temperatureCelsius: 38.0), expected: 1),
    Vector(observation: CRSObservation(temperatureCelsius: 37.9), expected: 0),
    Vector(observation: CRSObservation(temperatureCelsius: 38.5, hypotension: true), expected: 2),
    Vector(
      observation: CRSObservation(
        temperatureCelsius: 38.5, oxygenDevice: .nasalCannula, oxygenFlowLitresPerMinute: 6),
      expected: 2),
    Vector(
      observation: CRSObservation(
        temperatureCelsius: 38.5, oxygenDevice: .nasalCannula, oxygenFlowLitresPerMinute: 6.5),
      expected: 3),
    Vector(
      observation: CRSObservation(
        temperatureCelsius: 38.5, hypotension: true, vasopressors: 1, oxygenDevice: .nasalCannula,
        oxygenFlowLitresPerMinute: 2),
      expected: 3),
    Vector(
      observation: CRSObservation(
        temperatureCelsius: 38.5, hypotension: true, vasopressors: 1, vasopressin: true),
      expected: 3),
    Vector(
      observation: CRSObservation(temperatureCelsius: 38.5, hypotension: true, vasopressors: 2), expected: 4),
    Vector(
      observation: CRSObservation(
        temperatureCelsius: 37.0, antipyreticOrAnticytokineGiven: true, hypotension: true, vasopressors: 1),
      expected: 3),
    Vector(observation: CRSObservation(temperatureCelsius: 38.2, oxygenDevice: .bipap), expected: 4),
  ]

  @Test(arguments: vectors)
  func specVector(_ vector: Vector) throws {
    #expect(try grader.grade(vector.observation).grade == vector.expected)
  }

  @Test func worstComponentIsNamedFirst() throws {
    let result = try grader.grade(
      CRSObservation(
        temperatureCelsius: 38.5, hypotension: true, vasopressors: 1, oxygenDevice: .nasalCannula,
        oxygenFlowLitresPerMinute: 2))
    #expect(result.reasons.first?.contains("one vasopressor") == true)
    #expect(result.reasons.contains { $0.contains("low-flow") })
  }

  @Test func vasopressinAloneCountsAsOneVasopressor() throws {
    #expect(try grader.grade(CRSObservation(temperatureCelsius: 38.5, vasopressin: true)).grade == 3)
  }

  @Test func blowByIsLowFlowAndMasksAreGrade3() throws {
    #expect(try grader.grade(CRSObservation(temperatureCelsius: 38.1, oxygenDevice: .blowBy)).grade == 2)
    for device in [OxygenDevice.faceMask, .nonRebreatherMask, .venturiMask, .highFlowNasalCannula] {
      #expect(try grader.grade(CRSObservation(temperatureCelsius: 38.1, oxygenDevice: device)).grade == 3)
    }
    for device in [OxygenDevice.cpap, .mechanicalVentilation] {
      #expect(try grader.grade(CRSObservation(temperatureCelsius: 38.1, oxygenDevice: device)).grade == 4)
    }
  }

  @Test func afebrileWithoutTherapyIsNoCRSWhateverElse() throws {
    #expect(try grader.grade(CRSObservation(temperatureCelsius: 37.5, vasopressors: 2)).grade == 0)
  }

  @Test func deathIsGrade5() throws {
    #expect(try grader.grade(CRSObservation(temperatureCelsius: 39, deathDueToCRS: true)).grade == 5)
  }

  @Test func lowFlowLimitIsASetting() throws {
    var settings = CRSSettings()
    settings.lowFlowMaximumLitresPerMinute = Assumed(4)
    let strict = CRSGrader(settings: settings)
    let o = CRSObservation(
      temperatureCelsius: 38.5, oxygenDevice: .nasalCannula, oxygenFlowLitresPerMinute: 5)
    #expect(try strict.grade(o).grade == 3)
    #expect(try grader.grade(o).grade == 2)
  }

  @Test func hypotensionFromSystolicPressureUsesAgeThresholds() throws {
    func grade(_ sbp: Double, age: Double?) throws -> Int {
      try grader.grade(CRSObservation(temperatureCelsius: 38.5, systolicBloodPressure: sbp, ageYears: age))
        .grade
    }
    #expect(try grade(89, age: 40) == 2 && grade(90, age: 40) == 1)  // adult: SBP < 90
    #expect(try grade(85, age: 5) == 1 && grade(79, age: 5) == 2)  // child of 5: SBP < 70 + 2 × 5 = 80
    #expect(grader.hypotensionThreshold(ageYears: nil) == 90)
    #expect(CRSSettings().paediatricHypotensionBaseMmHg.assumption?.contains("[R]") == true)
  }

  @Test func feverFromAnotherCauseDoesNotCount() throws {
    let o = CRSObservation(temperatureCelsius: 39, feverAttributableToOtherCause: true, hypotension: true)
    let result = try grader.grade(o)
    #expect(result.grade == 0)
    // 39 °C is not "below the threshold": the reason must name the other cause.
    #expect(result.reasons.first?.contains("another cause") == true, "\(result.reasons)")
    #expect(result.reasons.first?.contains("below") == false)
  }

  @Test func negativeFlowIsRejectedNamingTheField() {
    let o = CRSObservation(
      temperatureCelsius: 38.5, oxygenDevice: .nasalCannula, oxygenFlowLitresPerMinute: -1)
    #expect {
      try grader.grade(o)
    } throws: { error in
      (error as? InputError)?.field == "oxygenFlowLitresPerMinute"
    }
  }

  @Test func nasalCannulaNeedsAFlow() {
    let o = CRSObservation(temperatureCelsius: 38.5, oxygenDevice: .nasalCannula)
    #expect(throws: InputError.self) { try grader.grade(o) }
  }
}
