import Analysis
import Inputs
import Testing
import TrialModel

@testable import Reports

/// The subjects, kinetics and survival readers.
@Suite struct ReadersTests {
  @Test func subjectsFileReadsEveryColumn() throws {
    let text = """
      subject,group,dose_level,infusion_date,best_response,response_date,relapse_date,death_date,death_cause,dlt
      S1,A,-1,2024-01-01,cri,2024-01-29,2024-03-01,2024-04-01,Disease,no
      S2,,2,2024-02-01,NR,2024-02-29,,,,

      """
    let subjects = try SubjectRecord.records(from: try CSVTable(text: text, file: "subjects.csv"))
    #expect(subjects.map(\.subject) == ["S1", "S2"])
    #expect(subjects[0].group == "A" && subjects[1].group == nil)
    #expect(subjects[0].doseLevel == -1 && subjects[1].doseLevel == 2)
    #expect(subjects[0].bestResponse == .completeRemissionIncompleteRecovery)
    // A responder's response date is the first CR/CRi; a non-responder's closes the window.
    #expect(subjects[0].course.firstResponse == CalendarDate(iso: "2024-01-29"))
    #expect(subjects[1].course.firstResponse == nil)
    #expect(subjects[1].course.responseAssessment == CalendarDate(iso: "2024-02-29"))
    #expect(subjects[0].course.deathDueToDisease == true && subjects[1].course.deathDueToDisease == nil)
    #expect(subjects[0].dlt == false && subjects[1].dlt == nil)
    #expect(subjects[1].location == SourceLocation(file: "subjects.csv", line: 3, column: 1))
  }

  @Test(arguments: [
    (
      "subject,infusion_date,dose_level\nA,2024-01-01,abc\n",
      "s.csv:2:14: dose_level: expected a whole number, found \"abc\""
    ),
    (
      "subject,infusion_date\nA,\n",
      "s.csv:2:3: infusion_date: expected the infusion date YYYY-MM-DD, found nothing"
    ),
    (
      "subject,infusion_date\nA,2024-01-01\nA,2024-01-02\n",
      "s.csv:3:1: subject: expected each subject once (A is already on line 2), found \"A\""
    ),
    (
      "subject,infusion_date,death_cause\nA,2024-01-01,accident\n",
      "s.csv:2:14: death_cause: expected one of disease, other, found \"accident\""
    ),
    (
      "subject,infusion_date,deathdate\nA,2024-01-01,\n",
      "s.csv:1:23: deathdate: expected one of the fields subject, infusion_date, group, dose_level, enrolment_date, best_response, response_date, relapse_date, death_date, death_cause, hsct_date, last_assessment_date, last_alive_date, dlt, found unknown field"
    ),
  ])
  func subjectsFileErrors(text: String, message: String) throws {
    let table = try CSVTable(text: text, file: "s.csv")
    #expect(throws: InputError.self) { try SubjectRecord.records(from: table) }
    do {
      _ = try SubjectRecord.records(from: table)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func concentrationProfilesKeepSubjectOrderAndSortTimes() throws {
    let table = try CSVTable(text: "subject,time,conc,note\nB,7,5,x\nA,0,0,\nB,0,1,\nA,7,3,\n", file: "k.csv")
    let profiles = try table.concentrationProfiles()
    #expect(profiles.map(\.subject) == ["B", "A"])
    #expect(profiles[0].profile.times == [0, 7] && profiles[0].profile.concentrations == [1, 5])
    #expect(profiles[1].location == SourceLocation(file: "k.csv", line: 3, column: 1))
  }

  @Test func survivalGroupsInNumericOrder() throws {
    let table = try CSVTable(text: "t,e,arm\n5,1,10\n3,0,2\n4,yes,2\n", file: "km.csv")
    let groups = try table.survivalGroups(time: "t", event: "e", group: "arm")
    #expect(groups.map(\.name) == ["2", "10"])
    #expect(
      groups[0].observations == [SurvivalObservation(time: 3, event: false), .init(time: 4, event: true)])
    do {
      _ = try table.survivalGroups(time: "days", event: "e", group: nil)
      Issue.record("a missing column was accepted")
    } catch {
      #expect(error.field == "time" && error.kind == .notFound && error.location == nil)
      #expect(error.expected == "a column of km.csv (t, e, arm)")
    }
  }

  @Test func kineticsOfAnUnknownSubjectIsLocated() throws {
    let subjects = [
      SubjectRecord(course: SubjectCourse(subject: "A", infusion: CalendarDate(iso: "2024-01-01")))
    ]
    let profiles = try CSVTable(text: "subject,time,conc\nA,0,1\nB,0,2\n", file: "k.csv")
      .concentrationProfiles()
    do {
      _ = try ReportData(subjects: subjects, kinetics: profiles, name: "d")
      Issue.record("a stray profile was accepted")
    } catch {
      #expect(
        error.description == "k.csv:3:1: subject: expected a subject of the subjects file, found \"B\""
      )
    }
  }
}
