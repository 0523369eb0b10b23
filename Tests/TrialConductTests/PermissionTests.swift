import Foundation
import Inputs
import Testing
import TrialModel

@testable import TrialConduct

/// Roles and sites: a command from a role that may not give it, or about another site's subject,
/// is `.forbidden` and adds nothing.
@Suite struct PermissionTests {
  @Test func monitorCannotEnrol() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.eligible("S-01")
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.monitor, .forbidden, field: "role",
      "to enrol: coordinator or investigator", "M. Monitor acting as monitor")
  }

  @Test func coordinatorCannotAdjudicateOrAttestOrDecide() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.screen("S-01")
    trial.expectRefused(
      .attest(subject: "S-01", criteria: ["I7"], satisfied: true, note: nil), by: People.coordinator,
      .forbidden, field: "role", "investigator", "acting as coordinator")
    try trial.attestAll("S-01")
    try trial.run(.consent(subject: "S-01", date: trial.today), by: People.coordinator)
    try trial.run(.enroll(subject: "S-01", group: nil), by: People.coordinator)
    try trial.infused("S-01")
    trial.advance(days: 3)
    try trial.recordCourse("S-01", .dlt)
    trial.expectRefused(
      .adjudicate(subject: "S-01", outcome: .dlt, reason: nil), by: People.coordinator, .forbidden,
      field: "role",
      "to adjudicate DLT: investigator", "C. Coordinator acting as coordinator")
    trial.expectRefused(.confirm(group: "main"), by: People.coordinator, .forbidden, field: "role")
  }

  @Test func onlyAnAdministratorOpensAmendsAndActivates() throws {
    let text = try ConductFixture.protocolText("NCT05350787")
    #expect(throws: InputError.self) {
      _ = try TrialLog.opening(
        trial: "T", protocolText: text, protocolHash: "h", by: People.investigator, at: .init())
    }
    let trial = try ConductTrial("NCT05350787")
    trial.expectRefused(
      .activateSite(site: "SH", name: nil), by: People.coordinator, .forbidden, field: "role")
    trial.expectRefused(
      .amendProtocol(text: text + "#", hash: "h2", reason: "r"), by: People.investigator, .forbidden,
      field: "role")
    trial.expectRefused(
      .activateSite(site: "HZ", name: nil), by: People.admin, field: "site", "already active")
  }

  @Test func otherSitesSubjectsAreForbidden() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    #expect(trial.state.subjects["S-01"]?.site == "HZ")
    trial.expectRefused(
      .record(subject: "S-01", entry: ConductFixture.grade1CRS(day: 0), file: "e.json"),
      by: People.coordinatorBJ,
      .forbidden, field: "site", "a subject of B. Coordinator's site BJ", "a subject of site HZ")
    trial.expectRefused(
      .infuse(subject: "S-01", date: trial.today, weightKg: 58), by: People.coordinatorBJ, .forbidden,
      field: "site")
    trial.expectRefused(
      .adjudicate(subject: "S-01", outcome: .notEvaluable, reason: "x"), by: People.investigatorBJ,
      .forbidden,
      field: "site")
    trial.expectRefused(
      .screen(subject: "S-01", site: nil, group: nil, patientRecord: try ConductFixture.patient(), file: "p"),
      by: People.coordinatorBJ, field: "subject")
  }

  @Test func screeningForAnotherSiteIsForbidden() throws {
    let trial = try ConductTrial("NCT05350787")
    trial.expectRefused(
      .screen(
        subject: "S-01", site: "HZ", group: nil, patientRecord: try ConductFixture.patient(), file: "p"),
      by: People.coordinatorBJ, .forbidden, field: "site")
  }

  @Test func siteSubjectsAreRecordedByTheirOwnSite() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.eligible("S-01", site: "BJ")
    #expect(trial.state.subjects["S-01"]?.site == "BJ")
    try trial.run(.enroll(subject: "S-01", group: nil), by: People.coordinatorBJ)
    #expect(trial.state.subjects["S-01"]?.status == .enrolled)
  }

  @Test func monitorSignsOnlyReviews() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.run(.sign(sequence: 2, meaning: .review), by: People.monitor)
    trial.expectRefused(.sign(sequence: 2, meaning: .approval), by: People.monitor, .forbidden, field: "role")
    trial.expectRefused(
      .record(subject: "S-01", entry: "{}", file: "e"), by: People.monitor, .forbidden, field: "role")
  }
}
