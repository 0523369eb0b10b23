import Foundation
import Inputs
import Testing
import TrialModel

@testable import Assessment

/// The subject-record input format: grading on the way in, dates, and field-naming errors.
struct SubjectRecordTests {
  static func decode(_ json: String) throws -> SubjectRecord {
    try SubjectRecord(jsonText: json)
  }

  static let record = #"""
    {
      "subjectId": "S-07", "ageYears": 9, "infusionDate": "2026-01-05", "observedThroughDay": 30,
      "assessments": [
        {"date": "2026-01-08", "crs": {"temperatureCelsius": 39.1, "hypotension": true, "vasopressors": 2}},
        {"day": 4, "icans": {"capd": {"total": 12}}},
        {"day": 6, "icansGrade": 0},
        {"day": 10, "lab": {"term": "ANC", "value": 0.2, "unit": "x10^9/L"}, "attributions": ["lymphodepletion"]},
        {"day": 12, "adverseEvent": {"term": "Cerebral oedema", "grade": 2}}
      ],
      "response": {
        "baseline": {"marrowBlastsPercent": 80, "extramedullaryDisease": false},
        "assessments": [
          {"date": "2026-02-02", "marrowBlastsPercent": 0.5, "anc": {"value": 1500, "unit": "/µL"},
           "platelets": {"value": 120, "unit": "x10^9/L"}, "mrd": {"value": 0, "sensitivity": 1e-5}},
          {"day": 56, "marrowBlastsPercent": 1, "anc": {"value": 2.0, "unit": "x10^9/L"},
           "platelets": {"value": 150, "unit": "x10^9/L"}}
        ]
      }
    }
    """#

  @Test func gradesObservationsAndPlacesDates() throws {
    let record = try Self.decode(Self.record)
    let events = try record.gradedEvents(settings: AssessmentSettings())
    #expect(events.map(\.day) == [3, 4, 6, 10, 12])
    #expect(events.map(\.grade) == [4, 3, 0, 4, 2])  // CRS 2 pressors; CAPD 12 at age 9; ANC 200/µL
    #expect(events[3].attributions == [.lymphodepletion] && events[3].haematological)
    let dlt = try record.adjudicateDLT(settings: AssessmentSettings())
    #expect(dlt.verdict == .dlt)
    #expect(dlt.decidingEvents.first?.rule == "crs-grade-4")
    let response = try record.bestOverallResponse(settings: ResponseSettings())
    #expect(
      response.bestResponse == .completeRemission && response.responder && response.mrdNegativeRemission)
    #expect(response.decidingAssessments.map(\.day) == [28, 56])
  }

  @Test func errorsNameTheJSONPath() throws {
    let badFlow = #"""
      {"assessments": [{"day": 1, "crsGrade": 1},
        {"day": 2, "crs": {"temperatureCelsius": 38.5, "oxygenDevice": "nasalCannula", "oxygenFlowLitresPerMinute": -2}}]}
      """#
    #expect { try Self.decode(badFlow).gradedEvents(settings: AssessmentSettings()) } throws: {
      ($0 as? InputError)?.field == "assessments[1].crs.oxygenFlowLitresPerMinute"
    }
    let badICE = #"{"ageYears": 40, "assessments": [{"day": 2, "icans": {"ice": {"total": 12}}}]}"#
    #expect { try Self.decode(badICE).gradedEvents(settings: AssessmentSettings()) } throws: {
      ($0 as? InputError)?.field == "assessments[0].icans.ice.total"
    }
    let twoPayloads = #"{"assessments": [{"day": 2, "crsGrade": 1, "icansGrade": 1}]}"#
    // The path names the entry itself (no trailing dot).
    #expect { try Self.decode(twoPayloads).gradedEvents(settings: AssessmentSettings()) } throws: {
      ($0 as? InputError)?.field == "assessments[0]"
    }
    // The entry's date cannot be placed; infusionDate is a top-level field, not the entry's.
    let noInfusionDate = #"{"assessments": [{"date": "2026-01-02", "crsGrade": 1}]}"#
    #expect { try Self.decode(noInfusionDate).gradedEvents(settings: AssessmentSettings()) } throws: {
      let error = $0 as? InputError
      return error?.field == "assessments[0].date"
        && error?.expected.contains("top-level infusionDate") == true
    }
  }

  @Test func observationAndOffStudyDatesAreStudyDays() throws {
    let json = #"""
      {"infusionDate": "2026-01-05", "observedThroughDate": "2026-01-20", "offStudyDate": "2026-01-19",
       "assessments": [{"day": 2, "crsGrade": 1}]}
      """#
    let result = try Self.decode(json).adjudicateDLT(settings: AssessmentSettings())
    #expect(
      result.verdict == .notEvaluable && result.observedThroughDay == 14 && result.reason.contains("day 14"))
    let bad = #"{"infusionDate": "2026-01-05", "offStudyDate": "19/01/2026", "assessments": []}"#
    #expect { try Self.decode(bad).adjudicateDLT(settings: AssessmentSettings()) } throws: {
      ($0 as? InputError)?.field == "offStudyDate"
    }
  }

  @Test func studyDaysFromDatesAndTimes() throws {
    #expect(try StudyDay.days(from: "2026-01-05", to: "2026-02-02", field: "date") == 28)
    #expect(try StudyDay.days(from: "2024-02-28", to: "2024-03-01", field: "date") == 2)  // leap year
    #expect(try StudyDay.days(from: "2026-01-05", to: "2026-01-08T12:00", field: "date") == 3.5)
    #expect(throws: InputError.self) {
      try StudyDay.days(from: "2026-01-05", to: "5 Jan", field: "date")
    }
    // Dates that do not exist are errors, not the next month's days.
    for bad in ["2026-02-30", "2025-02-29", "2026-04-31", "-2026-01-05"] {
      #expect(throws: InputError.self, "\(bad)") {
        try StudyDay.days(from: "2026-01-05", to: bad, field: "date")
      }
    }
    #expect(try StudyDay.days(from: "2024-02-28", to: "2024-02-29", field: "date") == 1)
  }
  /// Found by the fuzz target `fuzz-assessment` (Fuzz/): a study day too large for a whole number
  /// trapped when a DLT finding named it (Double → Int conversion in the day's text).
  @Test func aHugeStudyDayIsWrittenNotTrappedOn() throws {
    let record = try Self.decode(
      #"""
      {"subjectId": "S-03", "observedThroughDay": 1e74, "assessments": [
        {"day": 5, "icansGrade": 4},
        {"day": 70000000000000000000000000000000000000000000000000000000000000000000000000, "icansGrade": 1}]}
      """#)
    let result = try record.adjudicateDLT(settings: AssessmentSettings(), designWindowDays: 28)
    let text = result.findings.map(\.explanation).joined(separator: " ")
    #expect(text.contains("7e+73"), "\(text)")
  }
}
