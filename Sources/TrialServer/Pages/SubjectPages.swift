import Charts
import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import TrialConduct
import TrialModel

/// The subject page (timeline, dose, grades, DLT status, kinetics, response, and the forms of what
/// can be recorded next), the screening form, and the handling of every conduct form.
extension WebApp {
  struct SubjectView {
    var trial: String
    var subject: String
    var dashboard: String
    var status: String
    var site: String
    var eligibility: String?
    var group: String?
    var level: String?
    var dose: String?
    var timeline: [TimelineRow]
    var graded: [GradeRow]
    var dltByRules: String?
    var adjudication: String?
    var response: String?
    var screening: [CriterionRow]
    var pendingAttestations: String?
    var kineticsChart: String?
    var forms: [FormModel]
    var assessmentForms: [FormModel]
    var recorded: String?
  }

  struct TimelineRow {
    var sequence: Int
    var clinicalDate: String
    var summary: String
    var actor: String
    var recordedAt: String
    var corrections: [String]
    var signatures: [String]
  }

  struct GradeRow {
    var day: String
    var term: String
    var grade: Int
    var gradeText: String
  }

  struct CriterionRow {
    var id: String
    var verdict: String
    var evidence: String
  }

  struct ScreenView {
    var trial: String
    var form: FormModel
  }

  func addSubjectPages(to router: Router<ServerContext>) {
    router.get("/trials/:trial/subjects/:subject") { request, context -> Response in
      let user = try context.require(.viewSubjects)
      return try await subjectPage(
        try context.parameters.require("trial"), subject: try context.parameters.require("subject"),
        user: user,
        context: context, recorded: request.uri.queryParameters.get("recorded").map { String($0) })
    }
    router.get("/trials/:trial/screen") { _, context -> Response in
      _ = try context.require(.record)
      let trial = try context.parameters.require("trial")
      return try await screenPage(trial, context: context, form: nil)
    }
    router.post("/trials/:trial/screen") { request, context -> Response in
      let trial = try context.parameters.require("trial")
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      let spec = CommandSpec.named("screen", scope: .subject)!
      do {
        let subject = try FormCommandFields(form, fields: ["subject"] + spec.fields).required(
          "subject", "the subject's id")
        let fields = try FormCommandFields(form, fields: ["subject"] + spec.fields)
        let written = try await record(
          spec, fields: fields, trial: trial, id: subject,
          key: try Self.idempotencyKey(request, body: [], form: form),
          context: context)
        return .redirect(to: "/trials/\(trial)/subjects/\(subject)?recorded=\(written.first?.sequence ?? 0)")
      } catch {
        let problem = Problem.from(error)
        guard let input = error as? InputError else { throw error }
        let model = screenForm(trial, context: context, sites: []).refilled(form, error: input)
        return try await screenPage(trial, context: context, form: model, status: problem.httpStatus)
      }
    }
    for (scope, parameter) in [(CommandSpec.Scope.subject, "subject"), (.group, "group"), (.event, "seq")] {
      router.post(RouterPath("/trials/:trial/\(scope.rawValue)s/:\(parameter)/:action")) {
        request, context -> Response in
        try await submit(request, context: context, scope: scope)
      }
    }
    router.post("/trials/:trial/activate-site") { request, context -> Response in
      try await submit(request, context: context, scope: .trial, action: "activate-site")
    }
    router.post("/trials/:trial/subjects/:subject/grade/:kind") { request, context -> Response in
      try await liveGrade(request, context: context)
    }
  }

  /// A conduct form: recorded and redirected to the page (303), or the page again with the form's
  /// error at its field and nothing recorded.
  func submit(
    _ request: Request, context: ServerContext, scope: CommandSpec.Scope, action fixed: String? = nil
  )
    async throws -> Response
  {
    let user = try context.signedIn()
    let trial = try context.parameters.require("trial")
    let parameter = [CommandSpec.Scope.subject: "subject", .group: "group", .event: "seq"][scope]
    let id = try parameter.map { try context.parameters.require($0) } ?? ""
    let action = try fixed ?? context.parameters.require("action")
    let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
    let entryKind = scope == .subject ? EntryForms.named(action) : nil
    guard let spec = CommandSpec.named(entryKind == nil ? action : "record", scope: scope) else {
      throw Problem(.notFound, title: "Not found", detail: "no form \(action)")
    }
    let page = scope == .subject ? "/trials/\(trial)/subjects/\(id)" : "/trials/\(trial)"
    do {
      let fields: FormCommandFields
      if let entryKind {
        _ = try FormCommandFields(form, fields: entryKind.fields.map(\.name))
        fields = try FormCommandFields(
          FormFields(pairs: [("entry", try entryKind.entry(form))]), fields: ["entry"])
      } else {
        fields = try FormCommandFields(form, fields: spec.fields)
      }
      let written = try await record(
        spec, fields: fields, trial: trial, id: id,
        key: try Self.idempotencyKey(request, body: [], form: form),
        context: context)
      return .redirect(to: page + "?recorded=\(written.first?.sequence ?? 0)")
    } catch let error as InputError {
      let status = Problem(error).httpStatus
      let base =
        entryKind.map { EntryForms.form($0, path: request.uri.path, live: "", csrf: context.csrfToken) }
        ?? CommandForms.form(action, path: request.uri.path, csrf: context.csrfToken)
      let failed = base.refilled(form, error: error)
      if scope == .subject {
        return try await subjectPage(
          trial, subject: id, user: user, context: context, failed: failed, status: status)
      }
      return try await dashboard(trial, user: user, context: context, failed: failed, status: status)
    }
  }

  func subjectPage(
    _ trial: String, subject id: String, user: Accounts.User, context: ServerContext, recorded: String? = nil,
    failed: FormModel? = nil, status: HTTPResponse.Status = .ok
  ) async throws -> Response {
    let log = try await ledger.log(trial)
    let state = log.state
    try Viewer(user: user).check(subject: id, in: state)
    let summary = try SubjectSummary(log, subject: id, today: ledger.today)
    let s = state.subjects[id]!
    let csrf = context.csrfToken
    let base = "/trials/\(trial)/subjects/\(id)"
    let canRecord = Permissions.allows(user.role, .record)
    var forms: [FormModel] = []
    var assessmentForms: [FormModel] = []
    if canRecord {
      for action in Self.nextActions(s, source: state.protocolInForce.product.source) {
        let spec = CommandSpec.named(action, scope: .subject)!
        guard spec.permits(user.role) else { continue }
        forms.append(
          CommandForms.form(action, path: "\(base)/\(action)", csrf: csrf, groups: state.groups.map(\.id)))
      }
      if s.infusion != nil,
        ConductCommand.record(subject: id, entry: "", file: "").permittedRoles.contains(user.role)
      {
        assessmentForms = EntryForms.all.map {
          EntryForms.form($0, path: "\(base)/\($0.name)", live: "\(base)/grade/\($0.name)", csrf: csrf)
        }
      }
    }
    if let failed {
      forms = forms.map { $0.action == failed.action ? failed : $0 }
      assessmentForms = assessmentForms.map { $0.action == failed.action ? failed : $0 }
      if !(forms + assessmentForms).contains(where: { $0.action == failed.action }) {
        forms.insert(failed, at: 0)
      }
    }
    let view = SubjectView(
      trial: trial, subject: id, dashboard: "/trials/\(trial)", status: StatusWords.words(summary.status),
      site: s.site ?? "—",
      eligibility: summary.eligibility, group: summary.group, level: summary.level.map { String($0) },
      dose: summary.dose.map {
        "\(Quantity($0.cells, .cells)) (\(Quantity($0.cellsPerKg, .cellsPerKg))) for \(Quantity.format($0.weightKg)) kg"
          + ($0.capped ? ", capped" : "")
      },
      timeline: summary.timeline.map {
        TimelineRow(
          sequence: $0.sequence, clinicalDate: $0.clinicalDate?.description ?? "", summary: $0.summary,
          actor: $0.actor.description, recordedAt: $0.recordedAt, corrections: $0.corrections,
          signatures: $0.signatures)
      },
      graded: summary.gradedEvents.sorted { $0.day < $1.day }.map {
        GradeRow(day: Quantity.format($0.day), term: $0.term, grade: $0.grade, gradeText: "grade \($0.grade)")
      },
      dltByRules: summary.dltByRules.map { "\($0.verdict.rawValue) — \($0.reason)" },
      adjudication: summary.adjudication.map {
        "\($0.outcome.rawValue)" + ($0.reason.map { " — \($0)" } ?? "")
      },
      response: summary.bestResponse?.bestResponse?.rawValue,
      screening: s.screening?.report.criteria.map {
        CriterionRow(id: $0.id, verdict: $0.verdict.rawValue, evidence: $0.evidence)
      } ?? [],
      pendingAttestations: s.pendingAttestations.isEmpty
        ? nil : s.pendingAttestations.joined(separator: ", "),
      kineticsChart: s.kinetics.isEmpty
        ? nil
        : KineticsChart(
          title: "Cellular kinetics, \(id)",
          profiles: [
            .init(subject: id, points: s.kinetics.compactMap { k in k.value.map { Point(k.day, $0) } })
          ],
          median: []
        ).svg(),
      forms: forms, assessmentForms: assessmentForms, recorded: recorded)
    return pages.page(
      "subject", title: "\(trial) — subject \(id)", data: view, context: context, status: status)
  }

  /// What can be recorded next for a subject, in the order a coordinator meets it: leukapheresis
  /// only for an autologous product; a product's release or failure for a product made for the
  /// subject (autologous, or allogeneic from a donor), not for a universal off-the-shelf lot.
  static func nextActions(_ s: SubjectState, source: CellSource) -> [String] {
    if s.offStudy != nil { return [] }
    var out: [String] = []
    if !s.pendingAttestations.isEmpty { out.append("attest") }
    if s.enrolment == nil {
      if s.consentDate == nil { out.append("consent") }
      out.append("enroll")
      return out + ["off-study"]
    }
    if s.infusion == nil {
      if source == .autologous, s.leukapheresis == nil { out.append("leukapheresis") }
      if source != .universal, s.productReleased == nil, s.productFailed == nil {
        out += ["release", "manufacturing-failed"]
      }
      if s.lymphodepletion == nil { out.append("lymphodeplete") }
      return out + ["treat", "infuse", "off-study"]
    }
    return out + ["treat", "sample", "assess", "adjudicate", "off-study"]
  }

  func screenForm(_ trial: String, context: ServerContext, sites: [String]) -> FormModel {
    var form = CommandForms.form("screen", path: "/trials/\(trial)/screen", csrf: context.csrfToken)
    form.title = "Screen a subject"
    form.button = "Screen"
    form.fields = [
      FormModel.Field(
        name: "subject", label: "Subject id in this trial", kind: .text, required: true, formName: "screen"),
      FormModel.Field(name: "site", label: "Site", kind: .select(sites), formName: "screen"),
      FormModel.Field(
        name: "group", label: "Group (default: the one whose ages fit)", kind: .text, formName: "screen"),
      FormModel.Field(
        name: "patient", label: "Patient record (JSON)", kind: .textArea, required: true,
        help: "As for `cartrial screen`: demographics, diagnosis, labs with units, treatments with dates.",
        formName: "screen"),
    ]
    return form
  }

  func screenPage(
    _ trial: String, context: ServerContext, form: FormModel?, status: HTTPResponse.Status = .ok
  )
    async throws -> Response
  {
    let state = try await ledger.log(trial).state
    let user = try context.signedIn()
    let sites = Permissions.isSiteBound(user.role) ? [user.site].compactMap { $0 } : state.sites.keys.sorted()
    var model = form ?? screenForm(trial, context: context, sites: sites)
    if form != nil, let i = model.fields.firstIndex(where: { $0.name == "site" }) {
      model.fields[i].kind = .select(sites)
    }
    return pages.page(
      "screen", title: "\(trial) — screen a subject", data: ScreenView(trial: trial, form: model),
      context: context,
      status: status)
  }

  /// The grade of the entry being typed, computed by recording it on a copy of the log (nothing
  /// is written): the same graders and protocol settings as the recorded entry will meet.
  func liveGrade(_ request: Request, context: ServerContext) async throws -> Response {
    let user = try context.require(.record)
    let trial = try context.parameters.require("trial")
    let id = try context.parameters.require("subject")
    guard let kind = EntryForms.named(try context.parameters.require("kind")) else {
      throw Problem(.notFound, title: "Not found", detail: "no such assessment form")
    }
    let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
    struct Answer: Encodable { var text: String, grade: Int? }
    var log = try await ledger.log(trial)
    try Viewer(user: user).check(subject: id, in: log.state)
    do {
      let entry = try kind.entry(form)
      let before = try SubjectSummary(log, subject: id, today: ledger.today).gradedEvents
      try log.record(
        .record(subject: id, entry: entry, file: "entry"), by: user.actor, at: Date(), today: ledger.today)
      let after = try SubjectSummary(log, subject: id, today: ledger.today).gradedEvents
      let new = after.filter { !before.contains($0) }
      guard let g = new.max(by: { $0.grade < $1.grade }) else {
        return try Self.json(Answer(text: "grade 0 (no \(kind.name.uppercased()))", grade: 0))
      }
      return try Self.json(Answer(text: "\(g.term): grade \(g.grade)", grade: g.grade))
    } catch let error as InputError {
      return try Self.json(Answer(text: "not yet gradable: \(error.message)", grade: nil))
    }
  }
}

/// Fields that answer a valid value for everything, to ask a command spec which roles its command
/// permits.
struct SampleFields: CommandFields {
  var isSample: Bool { true }
  func string(_ key: String) throws(InputError) -> String? { "x" }
  func strings(_ key: String) throws(InputError) -> [String] { key == "agents" ? ["x=1x1"] : ["x"] }
  func number(_ key: String) throws(InputError) -> Double? { 1 }
  func bool(_ key: String) throws(InputError) -> Bool? { false }
  func json(_ key: String) throws(InputError) -> String? { "{}" }
}

extension CommandSpec {
  /// Whether `role` may give this command (the conduct core's table).
  func permits(_ role: Role) -> Bool {
    (try? make(SampleFields(), "1"))?.permittedRoles.contains(role) ?? false
  }
}
