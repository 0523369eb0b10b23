import Eligibility
import Foundation
import Inputs
import Registry
import Testing
import TrialModel

/// Pre-screening on the reconstructed record of NCT05270772: the questions its computable
/// criteria need, each criterion's outcome for plain answers, never a final verdict, and answers
/// out of range refused naming the question.
@Suite struct PreScreeningTests {
  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fixtures/registry/NCT05270772.reconstructed.json").standardized
  let screening = PreScreening(try! RegistryRecord(json: try! Data(contentsOf: file), source: file.path))
  let today = CalendarDate(iso: "2026-12-03")!

  func finding(_ result: PreScreening.Result, containing words: String) throws -> PreScreening.Finding {
    try #require(result.findings.first { $0.text.localizedCaseInsensitiveContains(words) }, "\(words)")
  }

  @Test func asksWhatItsComputableCriteriaRead() {
    let asked = Set(screening.questions.map(\.id))
    // "Patients with relapse/refractory B-ALL" → diagnosis and status; "Pregnant or lactating
    // women" → pregnant, lactating (and sex, which those facts depend on).
    #expect(asked.isSuperset(of: ["diagnosis", "status", "pregnant", "lactating"]))
    #expect(
      !asked.contains("creatinine")
        || screening.suggestions.values.contains { $0.expression.contains("creatinine") })
    #expect(screening.findingsCount > 0)
  }

  @Test func aNoToTheDiagnosisIsLikelyNotEligible() throws {
    let result = try screening.assess(["diagnosis": "no", "status": "relapsed"], on: today)
    #expect(result.likelyNotEligible)
    #expect(try finding(result, containing: "B-ALL").outcome == .likelyNotMet)
    #expect(
      result.summary.hasPrefix("Likely not eligible")
        && result.summary.contains("Only the study team can decide"))
  }

  @Test func fittingAnswersLeaveTheRestToTheStudyTeam() throws {
    let answers = [
      "diagnosis": "yes", "status": "relapsed", "sex": "female", "pregnant": "no", "lactating": "no",
    ]
    let result = try screening.assess(answers, on: today)
    #expect(!result.likelyNotEligible)
    #expect(try finding(result, containing: "B-ALL").outcome == .likelyMet)
    #expect(try finding(result, containing: "Pregnant or lactating").outcome == .likelyMet)
    // Karnofsky/Lansky is computable but not asked: the study team checks it.
    #expect(try finding(result, containing: "Karnofsky").outcome == .studyTeamMustCheck)
    #expect(result.findings.contains { $0.outcome == .studyTeamMustCheck })
    #expect(result.summary.hasPrefix("May be eligible") && result.summary.contains("not a decision"))
    let pregnant = try screening.assess(answers.merging(["pregnant": "yes"]) { $1 }, on: today)
    #expect(try finding(pregnant, containing: "Pregnant or lactating").outcome == .likelyNotMet)
  }

  @Test func unknownAnswersAreForTheStudyTeam() throws {
    let result = try screening.assess(["diagnosis": "unknown"], on: today)
    #expect(try finding(result, containing: "B-ALL").outcome == .studyTeamMustCheck)
    #expect(!result.likelyNotEligible)
  }

  @Test func badAnswersNameTheQuestion() {
    #expect(throws: InputError.self) { try PreScreening.patientRecord(["age": "old"], on: today) }
    do {
      _ = try PreScreening.patientRecord(["creatinine": "168"], on: today)
      Issue.record("an implausible creatinine in mg/dL was accepted")
    } catch { #expect(error.field == "creatinine", "\(error)") }
    do {
      _ = try PreScreening.patientRecord(["age": "400"], on: today)
      Issue.record("an age of 400 was accepted")
    } catch { #expect(error.field == "age", "\(error)") }
  }
}

extension PreScreening {
  var findingsCount: Int { items.count }
}
