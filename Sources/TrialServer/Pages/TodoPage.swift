import Foundation
import HTTPTypes
import Hummingbird
import TrialConduct
import TrialModel

/// The to-do list of the signed-in user, across trials: decisions due (a cohort whose DLT windows
/// have all closed, awaiting confirmation), DLT windows closing within a week, assessments due by the
/// protocol's schedule today or overdue in the last three days and not yet recorded, attestations waiting for an
/// investigator — each only for subjects the user may see.
extension WebApp {
  struct TodoView {
    var items: [TodoItem]
    var empty: Bool
  }

  struct TodoItem {
    var trial: String
    var what: String
    var href: String
    var kind: String
  }

  /// How far ahead DLT windows closing are listed (days).
  static let windowHorizonDays = 7

  func addTodoPage(to router: Router<ServerContext>) {
    router.get("/todo") { _, context -> Response in
      let user = try context.signedIn()
      var items: [TodoItem] = []
      if Permissions.allows(user.role, .viewTrials) {
        for trial in try await ledger.trials() {
          items += todo(trial, state: try await ledger.log(trial).state, user: user)
        }
      }
      return pages.page(
        "todo", title: "To do", data: TodoView(items: items, empty: items.isEmpty), context: context)
    }
  }

  func todo(_ trial: String, state: TrialState, user: Accounts.User) -> [TodoItem] {
    let viewer = Viewer(user: user)
    let today = ledger.today
    let overview = TrialOverview(state, asOf: today)
    var items: [TodoItem] = []
    for g in overview.groups {
      if let r = g.recommendation, r.status == "awaitingDecision" {
        items.append(
          TodoItem(
            trial: trial,
            what:
              "Decision due for group \(g.id) after cohort \(r.cohort): the design recommends \(r.decision)"
              + (r.nextLevel.map { " (level \($0))" } ?? ""),
            href: "/trials/\(trial)#group-\(g.id)", kind: "decision"))
      }
    }
    guard viewer.seesSubjects else { return items }
    for s in overview.subjects where viewer.sees(site: s.site) {
      let href = "/trials/\(trial)/subjects/\(s.id)"
      if let ends = s.dltWindowEnds, s.dlt == nil, let left = s.dltDaysLeft, left <= Self.windowHorizonDays {
        items.append(
          TodoItem(
            trial: trial,
            what: left == 0
              ? "\(s.id): DLT window closed on \(ends), adjudication due"
              : "\(s.id): DLT window closes \(ends) (\(left) days)",
            href: href, kind: "window"))
      }
      guard let subject = state.subjects[s.id] else { continue }
      if !subject.pendingAttestations.isEmpty {
        items.append(
          TodoItem(
            trial: trial,
            what:
              "\(s.id): investigator attestation of \(subject.pendingAttestations.joined(separator: ", "))",
            href: href, kind: "attestation"))
      }
      if let infusion = subject.infusion, subject.offStudy == nil {
        let day = today.days(since: infusion.date)
        for a in state.protocolInForce.schedule {
          // Done once recorded for its day (as the protocol's `records:` or the name says).
          let done = a.recordedBy.map { subject.recordedDays($0) } ?? []
          for d in a.days where (day - 3...day).contains(d) && !done.contains(d) {
            items.append(
              TodoItem(
                trial: trial, what: "\(s.id): \(a.name) due on day \(d) (\(infusion.date.adding(days: d)))",
                href: href,
                kind: "assessment"))
          }
        }
      }
    }
    return items
  }
}
