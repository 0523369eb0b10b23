import Foundation
import Hummingbird
import Inputs
import Registry
import TrialModel

/// The public pre-screening page of a registry record: its questionnaire, and the answer per
/// criterion. Nothing is stored (the answers are health data and are only read for the answer).
extension WebApp {
  struct PreScreenView {
    var nctId: String
    var title: String
    var questions: [QuestionView]
    var answered: Bool
    var summary: String
    var findings: [FindingView]
    var error: String?
    var csrf: String?
  }

  struct QuestionView {
    var id: String
    var prompt: String
    var isNumber: Bool
    var unit: String?
    var value: String
    var choices: [Choice]
  }

  struct FindingView {
    var id: String
    var text: String
    var outcome: String
    var because: String
  }

  func addPreScreenPages(to router: Router<ServerContext>) {
    router.get("/registry/:nct/prescreen") { _, context -> Response in
      try await preScreenPage(try context.parameters.require("nct"), answers: nil, context: context)
    }
    router.post("/registry/:nct/prescreen") { request, context -> Response in
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      return try await preScreenPage(
        try context.parameters.require("nct"), answers: Self.answers(form), context: context)
    }
  }

  func preScreenPage(_ nct: String, answers: [String: String]?, context: ServerContext) async throws
    -> Response
  {
    let entry = try await registryEntry(nct)
    let screening = PreScreening(entry.record)
    let given = answers ?? [:]
    var view = PreScreenView(
      nctId: nct, title: entry.record.briefTitle,
      questions: Self.questionViews(screening.questions, given: given), answered: false, summary: "",
      findings: [], error: nil,
      csrf: context.csrfToken)
    var status: HTTPResponse.Status = .ok
    if let answers {
      do {
        let result = try screening.assess(answers, on: ledger.today)
        view.answered = true
        view.summary = result.summary
        view.findings = result.findings.map {
          FindingView(id: $0.id, text: $0.text, outcome: Self.words($0.outcome), because: $0.because)
        }
      } catch {
        view.error = "\(error.message)"
        status = .unprocessableContent
      }
    }
    return pages.page(
      "prescreen", title: "Might this trial suit me? \(nct)", data: view, context: context, status: status)
  }

  /// The questions as form fields, with the answers `given`.
  static func questionViews(_ questions: [PreScreeningQuestion], given: [String: String]) -> [QuestionView] {
    questions.map { q in
      QuestionView(
        id: q.id, prompt: q.prompt, isNumber: q.choices.isEmpty, unit: q.unit, value: given[q.id] ?? "",
        choices: q.choices.map { Choice(value: $0.value, label: $0.label, selected: given[q.id] == $0.value) }
      )
    }
  }

  /// The answers a pre-screening form sent, by question (empty ones left out).
  static func answers(_ form: FormFields) -> [String: String] {
    var answers: [String: String] = [:]
    for q in PreScreeningQuestion.all { if let v = form.first(q.id), !v.isEmpty { answers[q.id] = v } }
    return answers
  }

  static func words(_ outcome: PreScreening.Outcome) -> String {
    switch outcome {
    case .likelyMet: "likely met"
    case .likelyNotMet: "likely not met"
    case .studyTeamMustCheck: "the study team must check"
    }
  }
}
