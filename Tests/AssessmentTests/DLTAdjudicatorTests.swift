import Foundation
import Testing
import TrialModel

@testable import Assessment

/// DLT adjudication with the default CAR-T phase 1 rule set [R]: one test per rule kind, with
/// toxicities that resolve inside their persistence window and ones that do not.
struct DLTAdjudicatorTests {
  let adjudicator = DLTAdjudicator(rules: DLTRule.defaultSet, windowDays: 28)

  static func crs(_ day: Double, _ grade: Int) -> GradedEvent {
    GradedEvent(day: day, kind: .crs, term: "CRS", grade: grade, related: true)
  }
  static func icans(_ day: Double, _ grade: Int) -> GradedEvent {
    GradedEvent(day: day, kind: .icans, term: "ICANS", grade: grade, related: true)
  }
  static func anc(_ day: Double, _ grade: Int, _ attributions: [Attribution] = []) -> GradedEvent {
    GradedEvent(
      day: day, kind: .lab, term: "neutrophils", grade: grade, haematological: true,
      attributions: attributions)
  }
  static func ae(
    _ day: Double, _ term: String, _ grade: Int, related: Bool? = nil, _ attributions: [Attribution] = []
  ) -> GradedEvent {
    GradedEvent(
      day: day, kind: .adverseEvent, term: term, grade: grade, related: related, attributions: attributions)
  }

  @Test func anyGrade4CRSIsADLTNamingTheEvent() {
    let result = adjudicator.adjudicate(
      events: [Self.crs(2, 2), Self.crs(3, 4), Self.crs(4, 1)], observedThroughDay: 10)
    #expect(result.verdict == .dlt)
    #expect(result.decidingEvents.map(\.rule) == ["crs-grade-4"])
    #expect(result.decidingEvents.first?.events.first?.day == 3)
    #expect(result.reason.contains("CRS grade 4 on day 3"))
  }

  @Test func grade3ICANSResolvingWithinThreeDaysIsNotADLT() {
    let events = [Self.icans(5, 3), Self.icans(6, 2), Self.icans(8, 1)]
    let result = adjudicator.adjudicate(events: events, observedThroughDay: 28)
    #expect(result.verdict == .noDlt)
    #expect(result.findings.map(\.status) == [.resolved])
    #expect(result.findings.first?.events.last?.day == 8)
  }

  @Test func grade3ICANSNotResolvingWithinThreeDaysIsADLT() {
    let events = [Self.icans(5, 3), Self.icans(7, 2), Self.icans(8, 2), Self.icans(9, 1)]
    let result = adjudicator.adjudicate(events: events, observedThroughDay: 28)
    #expect(result.verdict == .dlt)
    #expect(result.decidingEvents.first?.rule == "icans-grade-3-persistent")
    #expect(result.decidingEvents.first?.events.map(\.day) == [5, 8])
  }

  @Test func persistenceWindowStillOpenIsPending() {
    let result = adjudicator.adjudicate(events: [Self.icans(27, 3)], observedThroughDay: 28)
    #expect(result.verdict == .pending)
    #expect(result.decidingEvents.first?.status == .pending)
  }

  @Test func noAssessmentAfterTheDeadlineIsNotEvaluable() {
    let result = adjudicator.adjudicate(events: [Self.icans(5, 3)], observedThroughDay: 28)
    #expect(result.verdict == .notEvaluable)
    #expect(result.decidingEvents.first?.status == .undetermined)
  }

  @Test func anyGrade4ICANSAndCerebralOedemaAreDLTs() {
    #expect(
      adjudicator.adjudicate(events: [Self.icans(4, 4), Self.icans(5, 0)], observedThroughDay: 28).verdict
        == .dlt)
    let oedema = adjudicator.adjudicate(events: [Self.ae(6, "Cerebral oedema", 3)], observedThroughDay: 28)
    #expect(oedema.verdict == .dlt)
    #expect(oedema.decidingEvents.first?.rule == "cerebral-edema")
  }

  @Test func grade4NeutropeniaPresentAfterDay28IsADLT() {
    let events = [Self.anc(10, 4), Self.anc(20, 4), Self.anc(29, 4)]
    let result = adjudicator.adjudicate(events: events, observedThroughDay: 30)
    #expect(result.verdict == .dlt)
    #expect(result.decidingEvents.first?.events.map(\.day) == [10, 29])
  }

  @Test func neutropeniaRecoveringByDay28IsNotADLT() {
    let events = [Self.anc(10, 4), Self.anc(21, 3), Self.anc(29, 2)]
    let result = adjudicator.adjudicate(events: events, observedThroughDay: 30)
    #expect(result.verdict == .noDlt)
    #expect(result.findings.first?.status == .resolved)
  }

  @Test func cytopeniaFromMarrowDiseaseIsExcluded() {
    let events = [Self.anc(10, 4, [.marrowDisease]), Self.anc(29, 4, [.marrowDisease])]
    let result = adjudicator.adjudicate(events: events, observedThroughDay: 30)
    #expect(result.verdict == .noDlt)
    #expect(result.findings.first?.status == .excluded)
  }

  @Test func organToxicityPersistenceAndExclusions() {
    let resolved = [Self.ae(4, "Acute kidney injury", 3), Self.ae(10, "Acute kidney injury", 2)]
    #expect(adjudicator.adjudicate(events: resolved, observedThroughDay: 28).verdict == .noDlt)
    let persisting = [Self.ae(4, "Acute kidney injury", 3), Self.ae(11, "Acute kidney injury", 3)]
    #expect(adjudicator.adjudicate(events: persisting, observedThroughDay: 28).verdict == .dlt)
    let fromChemo = persisting.map { e -> GradedEvent in
      var e = e
      e.attributions = [.lymphodepletion]
      return e
    }
    #expect(adjudicator.adjudicate(events: fromChemo, observedThroughDay: 28).verdict == .noDlt)
    let fever = [Self.ae(2, "Fever", 3), Self.ae(12, "Fever", 3)]
    #expect(adjudicator.adjudicate(events: fever, observedThroughDay: 28).verdict == .noDlt)
  }

  @Test func treatmentRelatedDeathNeedsAttribution() {
    #expect(adjudicator.adjudicate(events: [Self.ae(20, "Sepsis", 5, related: true)]).verdict == .dlt)
    let unrelated = adjudicator.adjudicate(
      events: [Self.ae(20, "Sepsis", 5, related: false)], observedThroughDay: 28)
    // Grade 5 sepsis is also a non-haematological toxicity that never resolves.
    #expect(!unrelated.decidingEvents.isEmpty)
    #expect(unrelated.decidingEvents.allSatisfy { $0.rule != "treatment-related-death" })
    // A haematological death (outside the organ-toxicity rule) with attribution not yet given is
    // not silently "unrelated": the subject cannot be adjudicated yet.
    var death = Self.ae(20, "Febrile neutropenia", 5)
    death.haematological = true
    let unknown = adjudicator.adjudicate(events: [death], observedThroughDay: 28)
    #expect(unknown.verdict == .notEvaluable)
    #expect(unknown.reason.contains("attribution"))
    death.related = false
    #expect(adjudicator.adjudicate(events: [death], observedThroughDay: 28).verdict == .noDlt)
  }

  @Test func eventsOutsideTheWindowDoNotCount() {
    #expect(adjudicator.adjudicate(events: [Self.crs(30, 4)], observedThroughDay: 35).verdict == .noDlt)
  }

  @Test func openWindowLeavingEarlyAndNotDosed() {
    #expect(adjudicator.adjudicate(events: [Self.crs(1, 1)], observedThroughDay: 20).verdict == .pending)
    let left = adjudicator.adjudicate(events: [], observedThroughDay: 40, offStudyDay: 15)
    #expect(left.verdict == .notEvaluable)
    #expect(left.reason.contains("day 15"))
    let notDosed = adjudicator.adjudicate(
      events: [], observedThroughDay: 40, notEvaluableReason: "not infused")
    #expect(notDosed.verdict == .notEvaluable && notDosed.reason == "not infused")
    // A DLT before leaving still counts.
    #expect(adjudicator.adjudicate(events: [Self.crs(3, 4)], offStudyDay: 5).verdict == .dlt)
  }

  @Test func protocolRulesDecodeFromData() throws {
    let json = #"""
      {"windowDays": 42, "rules": [{"id": "cytopenia-42", "source": "lab", "terms": ["ANC"], "minimumGrade": 4,
        "persistence": {"presentAfterDay": 42}, "exclusions": ["cytopeniaFromMarrowDisease"]}]}
      """#
    let settings = try JSONDecoder().decode(DLTSettings.self, from: Data(json.utf8))
    #expect(settings.windowDays?.value == 42)
    #expect(settings.rules.first?.persistence == .presentAfterDay(42))
    let adjudicator = DLTAdjudicator(rules: settings.rules, windowDays: 42)
    let events = [Self.anc(10, 4), Self.anc(29, 4), Self.anc(43, 4)]
    #expect(
      adjudicator.adjudicate(events: Array(events.prefix(2)), observedThroughDay: 40).verdict == .pending)
    #expect(adjudicator.adjudicate(events: events, observedThroughDay: 45).verdict == .dlt)
    let defaults = try JSONDecoder().decode(DLTSettings.self, from: Data("{}".utf8))
    #expect(defaults.rules == DLTRule.defaultSet && defaults.windowDays == nil)
    #expect(DLTRule.defaultSet.allSatisfy { $0.assumption?.contains("[R]") == true })
  }
}
