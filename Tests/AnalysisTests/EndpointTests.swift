import Testing
import TrialModel

@testable import Analysis

/// ELIANA-style endpoint rules (recalled defaults [R]) on hand-built courses.
struct EndpointTests {
  func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

  @Test func calendarDaysCountLikeTheCalendar() {
    #expect(CalendarDate(iso: "1970-01-01")?.dayNumber == 0)
    #expect(CalendarDate(iso: "2000-03-01")!.days(since: day("2000-02-28")) == 2)  // 2000 is a leap year
    #expect(CalendarDate(iso: "1900-03-01")!.days(since: day("1900-02-28")) == 1)  // 1900 is not
    #expect(day("2024-01-01").days(since: day("2023-01-01")) == 365)
    #expect(CalendarDate(iso: "2023-02-29") == nil)
    #expect(CalendarDate(iso: "2023-2-1") == nil)
    for iso in ["1969-12-31", "2024-02-29", "2099-12-31", "1600-03-01"] {
      #expect(day(iso).description == iso)
    }
  }

  let responderWithRelapse = SubjectCourse(
    subject: "A", infusion: CalendarDate(iso: "2024-01-10"), firstResponse: CalendarDate(iso: "2024-02-07"),
    responseAssessment: CalendarDate(iso: "2024-02-07"), relapse: CalendarDate(iso: "2024-08-01"),
    lastAssessment: CalendarDate(iso: "2024-09-01"), lastKnownAlive: CalendarDate(iso: "2025-01-10"))

  @Test func relapseIsAnEventForEFSButNotOS() throws {
    let efs = try #require(try EndpointDefinition.eventFreeSurvival.derive(for: responderWithRelapse))
    #expect(efs.days == day("2024-08-01").days(since: day("2024-01-10")) && efs.event)
    let os = try #require(try EndpointDefinition.overallSurvival.derive(for: responderWithRelapse))
    #expect(os.days == 366 && !os.event)  // 2024 is a leap year
    let dor = try #require(try EndpointDefinition.durationOfResponse.derive(for: responderWithRelapse))
    #expect(dor.days == day("2024-08-01").days(since: day("2024-02-07")) && dor.event)
  }

  @Test func nonResponderIsATreatmentFailureOnDayZeroAndNotEvaluableForDOR() throws {
    let course = SubjectCourse(
      subject: "B", infusion: day("2024-03-01"), responseAssessment: day("2024-03-29"),
      lastAssessment: day("2024-04-15"), lastKnownAlive: day("2024-06-01"))
    let efs = try #require(try EndpointDefinition.eventFreeSurvival.derive(for: course))
    #expect(efs.days == 0 && efs.event && efs.reason == "treatment failure")
    var assessmentDated = EndpointDefinition.eventFreeSurvival
    assessmentDated.treatmentFailure = .assessment
    #expect(try assessmentDated.derive(for: course)?.days == 28)
    #expect(try EndpointDefinition.durationOfResponse.derive(for: course) == nil)
  }

  @Test func deathNotDueToDiseaseIsCensoredForDORButAnEventForRFS() throws {
    var course = responderWithRelapse
    course.relapse = nil
    course.death = day("2024-06-01")
    course.deathDueToDisease = false
    course.lastAssessment = day("2024-05-01")
    let dor = try #require(try EndpointDefinition.durationOfResponse.derive(for: course))
    #expect(!dor.event && dor.days == day("2024-05-01").days(since: day("2024-02-07")))
    let rfs = try #require(try EndpointDefinition.relapseFreeSurvival.derive(for: course))
    #expect(rfs.event && rfs.days == day("2024-06-01").days(since: day("2024-02-07")))
    course.deathDueToDisease = true
    #expect(try EndpointDefinition.durationOfResponse.derive(for: course)?.event == true)
  }

  @Test func transplantCanBeIgnoredCensoredOrAnEvent() throws {
    var course = responderWithRelapse
    course.transplant = day("2024-04-01")
    var rule = EndpointDefinition.eventFreeSurvival
    #expect(try rule.derive(for: course)?.reason == "relapse")
    rule.transplant = .censor
    let censored = try #require(try rule.derive(for: course))
    #expect(!censored.event && censored.days == day("2024-04-01").days(since: day("2024-01-10")))
    rule.transplant = .event
    let event = try #require(try rule.derive(for: course))
    #expect(event.event && event.reason == "transplant")
  }

  @Test func missingOriginOrFollowUpIsAnError() {
    #expect(throws: EndpointDerivationError.self) {
      try EndpointDefinition.overallSurvival.derive(for: SubjectCourse(subject: "C"))
    }
    #expect(throws: EndpointDerivationError.self) {
      try EndpointDefinition.overallSurvival.derive(
        for: SubjectCourse(subject: "D", infusion: self.day("2024-01-01")))
    }
    #expect(throws: EndpointDerivationError.self) {
      try EndpointDefinition.overallSurvival.derive(
        for: SubjectCourse(subject: "E", infusion: self.day("2024-01-01"), death: self.day("2023-12-01")))
    }
  }
}
