import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import TrialConduct
import TrialStore

/// The audit page: the log (filterable by kind, subject, actor), the chain's and checkpoints'
/// status, CSV export; and the accounts log for sponsor-wide roles.
extension WebApp {
  struct AuditView {
    var trial: String
    var intact: Bool
    var chain: String
    var problems: [String]
    var notes: [String]
    var rows: [AuditEntry]
    var kinds: [FormModel.Option]
    var subject: String
    var actor: String
    var csv: String
    var shown: Int
    var total: Int
    var accounts: [AccountAuditEntry]
    var signForm: FormModel?
  }

  func addAuditPages(to router: Router<ServerContext>) {
    router.get("/trials/:trial/audit") { request, context -> Response in
      let user = try context.require(.viewAudit)
      let trial = try context.parameters.require("trial")
      let q = request.uri.queryParameters
      let kind = q.get("kind").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
      let subject = q.get("subject").map { String($0) } ?? ""
      let actor = q.get("actor").map { String($0) } ?? ""
      let all = try await auditEntries(trial, for: user)
      let state = try await ledger.log(trial).state
      let rows = all.filter { e in
        (kind == nil || e.kind == kind)
          && (subject.isEmpty || state.eventSubjects[e.sequence - 1] == subject)
          && (actor.isEmpty || e.actor.localizedCaseInsensitiveContains(actor))
      }
      let report = try await ledger.verify(trial)
      let kinds = Set(all.map(\.kind)).sorted().map {
        FormModel.Option(value: $0, label: $0, selected: $0 == kind)
      }
      let canSign =
        ConductCommand.sign(sequence: 1, meaning: .review).permittedRoles.contains(user.role)
        && Permissions.allows(user.role, .record)
      let view = AuditView(
        trial: trial, intact: report.intact,
        chain: report.intact
          ? "Intact: \(report.eventCount) events, every hash and link checked; \(report.checkpointsChecked) signed checkpoints match."
          : "NOT INTACT: \(report.problems.count) problems; the first at event \(report.problems.first?.sequence ?? 0).",
        problems: report.problems.map { "#\($0.sequence): \($0.what)" }, notes: report.notes, rows: rows,
        kinds: [FormModel.Option(value: "", label: "every kind", selected: kind == nil)] + kinds,
        subject: subject,
        actor: actor, csv: "/api/v1/trials/\(trial)/audit?format=csv", shown: rows.count, total: all.count,
        accounts: Permissions.isSiteBound(user.role) ? [] : try await accountAudit(),
        signForm: canSign ? signForm(trial, context: context) : nil)
      return pages.page("audit", title: "\(trial) — audit trail", data: view, context: context)
    }
    router.post("/trials/:trial/sign") { request, context -> Response in
      let user = try context.require(.record)
      let trial = try context.parameters.require("trial")
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      let spec = CommandSpec.named("sign", scope: .event)!
      do {
        let fields = try FormCommandFields(form, fields: spec.fields + ["seq"])
        _ = try await record(
          spec, fields: fields, trial: trial, id: try fields.required("seq", "the event's sequence number"),
          key: try Self.idempotencyKey(request, body: [], form: form), context: context)
        _ = user
        return .redirect(to: "/trials/\(trial)/audit")
      } catch let error as InputError {
        let model = signForm(trial, context: context).refilled(form, error: error)
        return pages.page(
          "signform", title: "\(trial) — sign an event", data: model, context: context,
          status: Problem(error).httpStatus)
      }
    }
  }

  func signForm(_ trial: String, context: ServerContext) -> FormModel {
    var form = CommandForms.form("sign", path: "/trials/\(trial)/sign", csrf: context.csrfToken)
    form.title = "Sign an event (21 CFR 11.50)"
    form.fields.insert(
      FormModel.Field(name: "seq", label: "Event number", kind: .number, required: true, formName: "sign"),
      at: 0)
    return form
  }
}
