import Foundation
import Hummingbird
import Inputs

/// The page of a simulation job: its progress while it runs (refreshed by `app.js`, or by the
/// page itself without scripts), its figures when finished, and a form to cancel it.
extension WebApp {
  struct JobPageView {
    var id: String
    var label: String
    var status: String
    var finished: Int
    var total: Int
    var percent: Int
    var active: Bool
    var origin: String?
    var result: OCResultView?
    var problem: String?
    var csrf: String?
  }

  func addJobPages(to router: Router<ServerContext>) {
    router.get("/jobs/:job") { _, context -> Response in
      let user = try context.require(.viewDesigns)
      let job = try await jobs.job(try context.parameters.require("job"), owner: user.username)
      let view = JobPageView(
        id: job.id, label: job.label, status: job.status.rawValue, finished: job.finishedTrials,
        total: job.totalTrials, percent: job.totalTrials > 0 ? job.finishedTrials * 100 / job.totalTrials : 0,
        active: !job.status.hasEnded, origin: job.origin, result: job.result.map { OCResultView($0) },
        problem: job.problem?.detail, csrf: context.csrfToken)
      return pages.page(
        "job", title: "Simulation — \(job.label)", data: view, context: context,
        refreshSeconds: view.active ? 2 : nil)
    }
    router.post("/jobs/:job/cancel") { _, context -> Response in
      let user = try context.require(.viewDesigns)
      let job = try await jobs.cancel(try context.parameters.require("job"), owner: user.username)
      return .redirect(to: "/jobs/\(job.id)")
    }
  }
}
