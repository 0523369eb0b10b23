import Analysis
import Inputs
import Testing
import TrialModel

@testable import Reports

/// Who a report covers (``ReportScope``), the NCA interval, and the rendered page.
@Suite struct TrialReportTests {
  /// Subjects of NCT07470073: adults A1 (L1) and A2 (L3, a DLT), adolescents B1 (L1, NR) and B2
  /// (L2, CR), all followed to 2024-06-01.
  static func subjects(groups: [String?] = ["A", "A", "B", "b"]) -> [SubjectRecord] {
    let rows: [(String, Int, String, Bool, Bool)] = [
      ("A1", 1, "2024-01-01", true, false), ("A2", 3, "2024-02-01", true, true),
      ("B1", 1, "2024-03-01", false, false), ("B2", 2, "2024-04-01", true, false),
    ]
    return zip(rows, groups).enumerated().map { index, pair in
      let ((id, level, day, responded, dlt), group) = pair
      let infusion = CalendarDate(iso: day)!
      let assessed = infusion.adding(days: 28)
      let course = SubjectCourse(
        subject: id, infusion: infusion, firstResponse: responded ? assessed : nil,
        responseAssessment: assessed, lastAssessment: CalendarDate(iso: "2024-06-01"),
        lastKnownAlive: CalendarDate(iso: "2024-06-01"))
      return SubjectRecord(
        course: course, group: group, doseLevel: level,
        bestResponse: responded ? .completeRemission : .noResponse,
        dlt: dlt, location: SourceLocation(file: "subjects.csv", line: index + 2, column: 1))
    }
  }

  @Test func groupSelectsItsSubjectsAndItsLevels() throws {
    let scope = try ReportScope(subjects: Self.subjects(), trial: try SeedProtocols.nct07470073(), group: "b")
    #expect(scope.group == "B")
    #expect(scope.subjects.map(\.subject) == ["B1", "B2"])
    // The protocol's spelling of the group replaces the file's ("b").
    #expect(scope.subjects.map(\.group) == ["B", "B"])
    #expect(scope.levels.map(\.label) == ["L1: 3.0e6 cells/kg", "L2: 6.0e6 cells/kg"])
    // The level rows add up to the covered subjects.
    #expect(scope.levels.map { scope.subjects(at: $0).count }.reduce(0, +) == scope.subjects.count)
  }

  @Test func withoutGroupEveryGroupHasItsOwnRows() throws {
    let scope = try ReportScope(subjects: Self.subjects(), trial: try SeedProtocols.nct07470073(), group: nil)
    #expect(scope.subjects.count == 4)
    #expect(
      scope.levels.map(\.label) == [
        "A L1: 3.0e8 cells", "A L3: 6.0e8 cells", "B L1: 3.0e6 cells/kg", "B L2: 6.0e6 cells/kg",
      ])
    #expect(scope.levels.map { scope.subjects(at: $0).count } == [1, 1, 1, 1])
    // The escalation axes show every protocol level, treated or not (A: −1, 1, 2, 3; B: 1, 2).
    #expect(scope.doseLevels.map(\.level) == [-1, 1, 2, 3, 1, 2])
  }

  @Test func unknownGroupListsTheProtocolsGroups() throws {
    let trial = try SeedProtocols.nct07470073()
    do {
      _ = try ReportScope(subjects: Self.subjects(), trial: trial, group: "Z")
      Issue.record("group Z was accepted")
    } catch {
      #expect(error.kind == .notFound && error.field == "group" && error.location == nil)
      #expect(error.message == "group: expected one of A, B, found \"Z\"")
    }
  }

  @Test func withoutProtocolTheGroupsAreThoseRecorded() throws {
    let scope = try ReportScope(
      subjects: Self.subjects(groups: ["A", "A", "B", "B"]), trial: nil, group: "a")
    #expect(scope.subjects.map(\.subject) == ["A1", "A2"])
    #expect(scope.levels.map(\.label) == ["L1", "L3"])
    #expect(throws: InputError.self) {
      try ReportScope(subjects: Self.subjects(groups: ["A", "A", "B", "B"]), trial: nil, group: "C")
    }
  }

  @Test func subjectsMustFitTheProtocol() throws {
    let trial = try SeedProtocols.nct07470073()
    // A subject without a group in a two-group protocol.
    do {
      _ = try ReportScope(subjects: Self.subjects(groups: ["A", nil, "B", "B"]), trial: trial, group: "B")
      Issue.record("a subject without a group was accepted")
    } catch {
      #expect(error.kind == .missing && error.field == "group")
      #expect(error.location == SourceLocation(file: "subjects.csv", line: 3, column: 1))
    }
    // A group the protocol does not have.
    #expect(throws: InputError.self) {
      try ReportScope(subjects: Self.subjects(groups: ["A", "A", "C", "B"]), trial: trial, group: nil)
    }
    // B2 at level 2 is fine in B, but A has no level 2 … A1 moved to B at level 3 is not.
    var subjects = Self.subjects()
    subjects[1].group = "B"
    do {
      _ = try ReportScope(subjects: subjects, trial: trial, group: nil)
      Issue.record("level 3 in group B was accepted")
    } catch {
      #expect(error.field == "dose_level" && error.expected == "one of 1, 2")
    }
  }

  @Test func ncaIntervalComesFromTheKineticsEndpoint() throws {
    let fourteen = NCAInterval(trial: try SeedProtocols.withKineticsWindow(14))
    #expect(fourteen.days == 0...14)
    #expect(fourteen.source == .endpoint(id: "CK", assumption: nil))
    #expect(fourteen.label == "AUC0–14d")
    let stated = NCAInterval(trial: try SeedProtocols.nct07470073())
    #expect(stated.days == 0...28 && stated.source == .endpoint(id: "CK", assumption: nil))
    let none = NCAInterval(trial: try SeedProtocols.withKineticsWindow(nil))
    #expect(none.days == 0...Double(NCAInterval.defaultDays) && none.source == .defaultInterval)
    #expect(NCAInterval(trial: nil).source == .defaultInterval)
  }

  @Test func reportUsesTheProtocolsIntervalForAUC() throws {
    // B1: 0 on day 0, 100 on day 7, 100 on day 28. Linear up, flat: AUC0–14d = 7·100/2 + 7·100 = 1050,
    // AUC0–28d = 350 + 2100 = 2450.
    let profile = try ConcentrationProfile(times: [0, 7, 28], concentrations: [0, 100, 100])
    let data = try ReportData(
      subjects: Self.subjects(), kinetics: [KineticProfile(subject: "B1", profile: profile)], name: "d")
    let short = try TrialReport(data: data, trial: try SeedProtocols.withKineticsWindow(14), group: "B")
    let auc = try #require(short.kineticsResults().nca.first?.result?.aucInterval)
    #expect(abs(auc - 1050) < 1e-9)
    let html = ReportPage(short).html()
    #expect(html.contains("<th>AUC0–14d</th>") && html.contains("<td>AUC0–14d</td><td>1050, n = 1</td>"))
    #expect(html.contains("interval 0–14 days from the protocol&apos;s kinetics endpoint CK"))
    let standard = try TrialReport(data: data, trial: try SeedProtocols.withKineticsWindow(nil), group: "B")
    #expect(abs((standard.kineticsResults().nca.first?.result?.aucInterval ?? 0) - 2450) < 1e-9)
    let page = ReportPage(standard).html()
    #expect(page.contains("<th>AUC0–28d</th>"))
    #expect(
      page.contains("default interval 0–28 days: the protocol&apos;s kinetics endpoint states no window"))
  }

  @Test func groupReportCoversOnlyItsSubjects() throws {
    let data = try ReportData(subjects: Self.subjects(), name: "d")
    let report = try TrialReport(data: data, trial: try SeedProtocols.nct07470073(), group: "A")
    #expect(report.scope.subjects.map(\.subject) == ["A1", "A2"])
    // OS over both adults; DOR over the adult responders (both): no adolescent in any endpoint.
    for endpoint in report.endpoints {
      #expect(Set(endpoint.outcomes.map(\.subject)).isSubset(of: ["A1", "A2"]))
    }
    #expect(report.endpoints.map { $0.outcomes.count } == [2, 2, 2])
    let orr = try #require(report.remissionRate(report.scope.subjects))
    #expect(orr.successes == 2 && orr.trials == 2)
    let html = ReportPage(report).html()
    #expect(html.contains("<tr><td>All</td><td>2</td><td>1/2</td></tr>"))
    #expect(html.contains(">A1<") && !html.contains(">B1<") && !html.contains(">B2<"))
  }

  @Test func survivalBeyondTheLastObservationIsNotEstimated() throws {
    // Followed 152 days at most (A1: 2024-01-01 to 2024-06-01), nobody died: S at 6 and 12 months
    // was printed as 100% with nobody at risk (issue 11).
    let data = try ReportData(subjects: Self.subjects(), name: "d")
    let report = try TrialReport(data: data, trial: try SeedProtocols.nct07470073(), group: "A")
    let last = try #require(report.endpoints.first?.outcomes.map(\.observation.time).max())
    #expect(last < 182)
    let html = ReportPage(report).html()
    #expect(html.contains("not estimated (last observation day \(Int(last)))"), "\(html)")
    #expect(!html.contains("<td>100%</td>"))
  }
}

/// Subjects without a recorded dose level still add up.
@Suite struct UnrecordedLevelTests {
  @Test func subjectsWithoutALevelHaveTheirOwnRow() throws {
    var subjects = TrialReportTests.subjects(groups: ["A", "A", "A", "A"])
    subjects[2].doseLevel = nil
    let scope = try ReportScope(subjects: subjects, trial: try SeedProtocols.nct07470073(), group: "A")
    #expect(
      scope.levels.map(\.label) == [
        "L1: 3.0e8 cells", "L2: 4.5e8 cells", "L3: 6.0e8 cells", "Level not recorded",
      ])
    #expect(scope.levels.map { scope.subjects(at: $0).count } == [1, 1, 1, 1])
    let html = ReportPage(
      try TrialReport(
        data: try ReportData(subjects: subjects, name: "d"), trial: try SeedProtocols.nct07470073(),
        group: "A")
    ).html()
    #expect(html.contains("<tr><td>Level not recorded</td><td>1</td><td>0/1</td></tr>"))
    #expect(html.contains("<tr><td>All</td><td>4</td><td>1/4</td></tr>"))
  }
}
