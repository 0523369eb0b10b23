import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import Registry

/// The public "trials I may fit" page: one questionnaire answered once, against every trial of
/// the registry a search finds (``TrialFit``). Nothing is stored.
extension WebApp {
  struct FitView {
    var questions: [QuestionView]
    var q: String
    var anyStatus: Bool
    var answered: Bool
    var mayFit: [FitRow]
    var likelyNot: [FitRow]
    var likelyNotCount: Int
    var error: String?
    var csrf: String?
  }

  struct FitRow {
    var nctId: String
    var title: String
    var status: String
    var counts: String
    var reasons: String
    var distance: String?
  }

  /// How many trials that may fit the page lists.
  static let fitListed = 25

  func addFitPages(to router: Router<ServerContext>) {
    router.get("/trials/fit") { _, context -> Response in
      try await fitPage(form: nil, context: context)
    }
    router.post("/trials/fit") { request, context -> Response in
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      return try await fitPage(form: form, context: context)
    }
  }

  func fitPage(form: FormFields?, context: ServerContext) async throws -> Response {
    let answers = form.map(Self.answers) ?? [:]
    var view = FitView(
      questions: Self.questionViews(PreScreeningQuestion.all, given: answers), q: form?.first("q") ?? "",
      anyStatus: form?.first("anyStatus") == "on", answered: false, mayFit: [], likelyNot: [],
      likelyNotCount: 0, error: nil, csrf: context.csrfToken)
    var status: HTTPResponse.Status = .ok
    if form != nil {
      let query = SearchQuery(text: view.q, statuses: view.anyStatus ? [] : Set(TrialFit.openStatuses))
      do {
        let ranking = try await registry.fit(query, answers: answers, on: ledger.today)
        view.answered = true
        view.mayFit = ranking.mayFit.prefix(Self.fitListed).map(Self.fitRow)
        view.likelyNot = ranking.likelyNot.prefix(Self.fitListed).map(Self.fitRow)
        view.likelyNotCount = ranking.likelyNot.count
        if ranking.found > TrialFit.maximumCandidates {
          view.error =
            "\(ranking.found) trials found: the first \(TrialFit.maximumCandidates) were assessed; add words to narrow the search."
        }
      } catch let error as InputError {
        view.error = error.message
        status = .unprocessableContent
      } catch let errors as InputErrors {
        view.error = errors.errors.map(\.message).joined(separator: "; ")
        status = .unprocessableContent
      }
    }
    return pages.page("fit", title: "Trials I may fit", data: view, context: context, status: status)
  }

  static func fitRow(_ m: TrialFit.Match) -> FitRow {
    FitRow(
      nctId: m.nctId, title: m.title, status: m.status,
      counts: "\(m.likelyMet) of \(m.criteria) criteria likely met, \(m.mustCheck) for the study team",
      reasons: m.reasons.joined(separator: "; "), distance: m.distanceKm.map { String(format: "%.0f km", $0) }
    )
  }
}
