import ProtocolFiles
import Testing
import TrialModel

@testable import Assessment

/// The five seed protocols state the CAR-T phase 1 DLT template [R] explicitly, each rule marked
/// as an assumption, and load through the protocol loader.
struct SeedProtocolAssessmentTests {
  @Test func everySeedProtocolStatesTheTemplateRulesAsAssumptions() throws {
    let protocols = try ProtocolLibrary.bundled()
    #expect(protocols.count == 5)
    for trial in protocols {
      let rules = trial.assessment.dlt.rules
      #expect(!DLTRule.defaultSet.isEmpty)
      #expect(rules.map(\.id) == DLTRule.defaultSet.map(\.id), "\(trial.id)")
      for (rule, template) in zip(rules, DLTRule.defaultSet) {
        #expect(
          rule.source == template.source && rule.minimumGrade == template.minimumGrade,
          "\(trial.id) \(rule.id)")
        #expect(rule.persistence == template.persistence && rule.exclusions == template.exclusions)
        #expect(rule.terms == template.terms && rule.requiresRelatedness == template.requiresRelatedness)
        #expect(rule.assumption?.contains("[R]") == true)
      }
    }
  }

  @Test func windowsComeFromTheDesignAndTheORREndpoint() throws {
    let trial = try ProtocolLibrary.load("NCT05350787")
    let record = SubjectRecord(
      assessments: [AssessmentEntry(day: 3, crsGrade: 4)], response: ResponseRecord(assessments: []))
    let design = try trial.group(nil).design.dltWindowDays.value
    #expect(
      try record.adjudicateDLT(settings: trial.assessment, designWindowDays: design).windowDays == design)
    let orr = trial.endpoints.first { $0.measure == .orr }?.windowDays?.value
    let response = try record.bestOverallResponse(
      settings: trial.assessment.response, endpointWindowDays: orr)
    #expect(response.windowDays == 90)
    #expect(try record.bestOverallResponse(settings: ResponseSettings()).windowDays == 91)
  }
}
