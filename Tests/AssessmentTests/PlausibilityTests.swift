import Foundation
import Inputs
import Testing
import TrialModel

@testable import Assessment

/// Issue 11: implausible values were graded (creatinine 300 mg/dL grade 4, ANC 1600 ×10⁹/L a CR).
/// They are errors naming the field, the value, its unit and the likely unit mix-up.
struct PlausibilityTests {
  /// The error `body` throws, or `nil`.
  func error(_ body: () throws -> Void) -> InputError? {
    do {
      try body()
      return nil
    } catch {
      return error as? InputError
    }
  }

  @Test func everyQuantityHasAStandardRangeWithASource() {
    for quantity in PlausibleQuantity.allCases {
      let range = PlausibleRanges.standard[quantity]
      #expect(range != nil, "\(quantity)")
      #expect(range?.source.isEmpty == false, "\(quantity)")
      #expect((range?.bounds.lowerBound ?? 1) < (range?.bounds.upperBound ?? 0), "\(quantity)")
    }
  }

  @Test(arguments: [
    (
      LabTerm.creatinine, 300.0, MeasurementUnit.mgPerDL,
      "found 300 mg/dL; did you mean 300 µmol/L (3.39 mg/dL)?"
    ),
    (.neutrophils, 1600, .gigaPerLitre, "found 1600 ×10⁹/L; did you mean 1600 /µL (1.6 ×10⁹/L)?"),
    (.haemoglobin, 95, .gPerDL, "found 95 g/dL; did you mean 95 g/L (9.5 g/dL)?"),
    (.bilirubin, 100, .mgPerDL, "found 100 mg/dL; did you mean 100 µmol/L (5.85 mg/dL)?"),
    (.fibrinogen, 2.5, .mgPerDL, "found 2.5 mg/dL; did you mean 2.5 g/L (250 mg/dL)?"),
    (
      .alanineAminotransferase, 50_000, .unitsPerLitre,
      "expected a plausible ALT, 0 to 20000 U/L, found 50000 U/L"
    ),
  ])
  func implausibleLabValuesAreNotGraded(term: LabTerm, value: Double, unit: MeasurementUnit, message: String)
  {
    let lab = LabResult(term: term, value: value, unit: unit, lln: nil, uln: nil)
    let error = error { _ = try CTCAELabGrader().grade(lab) }
    #expect(error?.field == "value", "\(String(describing: error))")
    #expect(error?.message.contains(message) == true, "\(String(describing: error))")
  }

  @Test func theMeantValueIsGraded() throws {
    // The value the hint suggests is plausible and graded.
    let lab = LabResult(term: .creatinine, value: 300, unit: .micromolPerL, uln: 90)
    #expect(try CTCAELabGrader().grade(lab).grade == 3)
  }

  @Test func limitsAndBaselineAreCheckedToo() {
    let lab = LabResult(term: .creatinine, value: 1.2, unit: .mgPerDL, uln: 106, baseline: 1.0)
    let error = error { _ = try CTCAELabGrader().grade(lab) }
    #expect(error?.field == "uln")
    #expect(error?.message.contains("did you mean 106 µmol/L (1.2 mg/dL)?") == true)
  }

  @Test func aRangeIsASetting() throws {
    var ranges = PlausibleRanges.standard
    ranges.ranges[.creatinine] = PlausibilityRange(0.1...400, .mgPerDL, source: "test")
    let lab = LabResult(term: .creatinine, value: 300, unit: .mgPerDL, uln: 1.2)
    #expect(try CTCAELabGrader(ranges: ranges).grade(lab).grade == 4)
  }

  @Test func aFahrenheitTemperatureIsNamed() {
    let error = error { _ = try CRSGrader().grade(CRSObservation(temperatureCelsius: 101)) }
    #expect(error?.field == "temperatureCelsius")
    #expect(
      error?.message
        == "temperatureCelsius: expected a plausible temperature, 25 to 45 °C, found 101 °C; did you mean 101 °F (38.3 °C)?"
    )
  }

  @Test func anImplausibleCountIsNotAResponse() {
    let record = ResponseRecord(
      baseline: DiseaseBaseline(marrowBlastsPercent: 60),
      assessments: [
        DiseaseAssessment(
          day: 28, marrowBlastsPercent: 1, anc: MeasuredValue(Quantity(1600, .gigaPerLitre)),
          platelets: MeasuredValue(Quantity(150, .gigaPerLitre)))
      ])
    let error = error {
      _ = try ResponseClassifier().bestOverallResponse(record, windowDays: 91) { (a: DiseaseAssessment) in
        a.day!
      }
    }
    #expect(error?.field == "response.assessments[0].anc.value", "\(String(describing: error))")
    #expect(error?.message.contains("1600 ×10⁹/L; did you mean 1600 /µL (1.6 ×10⁹/L)?") == true)
  }
}

/// Issue 11: impossible subject timelines were adjudicated.
struct TimelineTests {
  static let base = #"""
    {"subjectId": "S-09", "infusionDate": "2026-03-02", "observedThroughDay": OBSERVED,
     "assessments": [{"day": 3, "crsGrade": 1}, {DAY5, "icansGrade": 3}]}
    """#

  static func record(observed: String = "30", day5: String = #""day": 5"#) throws -> SubjectRecord {
    try SubjectRecord(
      jsonText: base.replacingOccurrences(of: "OBSERVED", with: observed).replacingOccurrences(
        of: "DAY5", with: day5))
  }

  func failure(_ record: SubjectRecord) -> InputError? {
    do {
      _ = try record.adjudicateDLT(settings: AssessmentSettings())
      _ = try record.bestOverallResponse(settings: ResponseSettings())
      return nil
    } catch {
      return error
    }
  }

  @Test func aPossibleTimelineIsAdjudicated() throws {
    #expect(failure(try Self.record()) == nil)
    #expect(failure(try Self.record(day5: #""day": 5, "date": "2026-03-07""#)) == nil)
    #expect(failure(try Self.record(day5: #""day": 5.5, "date": "2026-03-07T12:00""#)) == nil)
  }

  @Test func observationEndingBeforeInfusion() throws {
    let error = failure(try Self.record(observed: "-5"))
    #expect(error?.field == "observedThroughDay")
    #expect(error?.message.contains("subject S-09") == true)
    #expect(error?.message.contains("on or after the infusion (day 0), found -5") == true)
  }

  @Test func observationEndingBeforeTheLastAssessment() throws {
    let error = failure(try Self.record(observed: "4"))
    #expect(error?.field == "observedThroughDay")
    #expect(error?.kind == .conflict)
    #expect(
      error?.message.contains("subject S-09, on or after its last assessment (day 5, assessments[1])") == true
    )
  }

  @Test func dayAndDateThatDisagree() throws {
    let error = failure(try Self.record(day5: #""day": 5, "date": "2026-03-09""#))
    #expect(error?.field == "assessments[1].date", "\(String(describing: error))")
    #expect(error?.kind == .conflict)
    #expect(error?.message.contains("expected 2026-03-07, the date of day 5") == true)
    #expect(error?.message.contains("subject S-09") == true)
    #expect(error?.message.contains(#"found "2026-03-09" (day 7)"#) == true)
  }

  @Test func aSubjectGivenTwice() throws {
    let records = [try Self.record(), try Self.record(), try Self.record()]
    #expect(throws: InputError.self) { try records.checkDistinctSubjects() }
    do { try records.checkDistinctSubjects() } catch {
      #expect(error.field == "[1].subjectId")
      #expect(error.message.contains("subject S-09 is already record [0]"))
    }
    #expect(throws: Never.self) { try [try Self.record()].checkDistinctSubjects() }
  }
}
