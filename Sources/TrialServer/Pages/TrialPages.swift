import Charts
import DoseFinding
import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import ProtocolFiles
import TrialConduct
import TrialModel

/// The trial list and the trial dashboard.
extension WebApp {
  struct TrialListView {
    /// Whether the user may see this database's trials (the finder is for everyone).
    var showsTrials: Bool
    var finder: FinderView
    var trials: [TrialListing]
    var protocols: [ProtocolListing]
    var canOpen: Bool
    var csrf: String?
    var error: String?
  }

  struct DashboardView {
    var trial: String
    var title: String
    var protocolID: String
    var protocolHash: String
    var events: Int
    var asOf: String
    var groups: [GroupView]
    var subjects: [SubjectRow]
    var seesSubjects: Bool
    var canScreen: Bool
    var canAudit: Bool
    var canReport: Bool
    var canDesign: Bool
    var sites: String
    var siteForm: FormModel?
    var recorded: String?
  }

  struct GroupView {
    var id: String
    var label: String
    var status: String
    var reason: String?
    var design: String
    var currentLevel: Int
    var enrolled: Int
    var maxSampleSize: Int
    var levels: [LevelRow]
    var cohorts: [CohortRow]
    var windows: [WindowRow]
    var recommendation: RecommendationView?
    var forms: [FormModel]
    var chart: String?
  }

  struct LevelRow {
    var level: Int
    var dose: String
    var patients: Int
    var dlts: Int
    var mark: String
  }

  struct CohortRow {
    var number: Int
    var level: Int
    var status: String
    var filled: Int
    var size: Int
    var members: String
  }

  struct WindowRow {
    var subject: String
    var href: String
    var ends: String
    var daysLeft: Int
  }

  struct RecommendationView {
    var cohort: Int
    var decision: String
    var nextLevel: Int?
    var explanation: [String]
    var status: String
    var decided: String?
    /// Who decided and when, and each signature's printed name, meaning and time (21 CFR 11.50).
    var decidedBy: String?
    var signatures: [String]
    var awaiting: Bool
  }

  struct SubjectRow {
    var id: String
    var href: String
    var site: String
    var status: String
    var group: String
    var level: String
    var dose: String
    var window: String
    var dlt: String
  }

  func addTrialPages(to router: Router<ServerContext>) {
    // Public: the trial finder; a signed-in user who may see trials also gets this database's.
    router.get("/trials") { request, context -> Response in
      try await trialList(
        user: context.user, context: context, error: nil, query: request.uri.queryParameters)
    }
    router.post("/trials") { request, context -> Response in
      let user = try context.require(.openTrials)
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      do {
        let text = try Self.protocolText(bundled: form.first("protocol"), text: nil)
        let log = try await ledger.open(trial: form.first("trial"), protocolText: text, by: user.actor)
        return .redirect(to: "/trials/\(log.state.trial)")
      } catch let error as InputError {
        return try await trialList(
          user: user, context: context, error: "Not opened: \(error.message).",
          status: Problem(error).httpStatus)
      }
    }
    router.get("/trials/:trial") { request, context -> Response in
      let user = try context.require(.viewTrials)
      return try await dashboard(
        try context.parameters.require("trial"), user: user, context: context,
        recorded: request.uri.queryParameters.get("recorded").map { String($0) })
    }
  }

  func trialList(
    user: Accounts.User?, context: ServerContext, error: String?, status: HTTPResponse.Status = .ok,
    query: Parameters = Parameters()
  )
    async throws -> Response
  {
    let showsTrials = user.map { !$0.mustChangePassword && Permissions.allows($0.role, .viewTrials) } ?? false
    return pages.page(
      "trials", title: showsTrials ? "Trials" : "Find a trial",
      data: TrialListView(
        showsTrials: showsTrials, finder: try await finder(query),
        trials: showsTrials ? try await trialListings() : [], protocols: try Self.bundledProtocols(),
        canOpen: user.map { Permissions.allows($0.role, .openTrials) } ?? false, csrf: context.csrfToken,
        error: error),
      context: context, status: status)
  }

  /// The dashboard; `failed` is a form that was refused, shown again with its error.
  func dashboard(
    _ trial: String, user: Accounts.User, context: ServerContext, recorded: String? = nil,
    failed: FormModel? = nil,
    status: HTTPResponse.Status = .ok
  ) async throws -> Response {
    let log = try await ledger.log(trial)
    let state = log.state
    let viewer = Viewer(user: user)
    let overview = viewer.scoped(TrialOverview(state, asOf: ledger.today))
    let csrf = context.csrfToken
    let canDecide =
      Permissions.allows(user.role, .record)
      && ConductCommand.confirm(group: "").permittedRoles.contains(user.role)
    let groups = overview.groups.map { g -> GroupView in
      let definition = state.definition(ofGroup: g.id)
      let tallies = Dictionary(uniqueKeysWithValues: g.levels.map { ($0.level, $0) })
      let levels = (definition?.doseLevels ?? []).map { d in
        LevelRow(
          level: d.level, dose: "\(d.dose)" + (d.maximumTotal.map { " (at most \($0))" } ?? ""),
          patients: tallies[d.level]?.patients ?? 0, dlts: tallies[d.level]?.dlts ?? 0,
          mark: g.eliminated.contains(d.level)
            ? "eliminated" : d.level == g.currentLevel ? "current level" : "")
      }
      // Open windows only: a window that has ended waits for adjudication, not for days to pass.
      let windows = overview.subjects.filter {
        $0.group == g.id && $0.dlt == nil && ($0.dltWindowEnds.map { $0 >= overview.asOf } ?? false)
      }
      .map {
        WindowRow(
          subject: $0.id, href: "/trials/\(trial)/subjects/\($0.id)", ends: $0.dltWindowEnds!.description,
          daysLeft: $0.dltDaysLeft ?? 0)
      }
      var forms: [FormModel] = []
      if canDecide, let r = g.recommendation, r.status == "awaitingDecision" {
        let base = "/trials/\(trial)/groups/\(g.id)"
        forms.append(CommandForms.form("confirm", path: base + "/confirm", csrf: csrf))
        forms.append(
          CommandForms.form("override", path: base + "/override", csrf: csrf, levels: levels.map(\.level)))
        forms = forms.map { f in failed.map { $0.action == f.action ? $0 : f } ?? f }
      }
      return GroupView(
        id: g.id, label: g.label, status: StatusWords.words(g.status), reason: g.reason, design: g.design,
        currentLevel: g.currentLevel,
        enrolled: g.enrolled, maxSampleSize: g.maxSampleSize, levels: levels,
        cohorts: g.cohorts.map {
          CohortRow(
            number: $0.number, level: $0.level, status: StatusWords.words($0.status.rawValue),
            filled: $0.members.count,
            size: $0.size,
            members: $0.members.joined(separator: ", "))
        },
        windows: windows,
        recommendation: g.recommendation.map { r in
          RecommendationView(
            cohort: r.cohort,
            decision: TableDecision(rawValue: r.decision).map { "\($0.words) (\($0.rawValue))" }
              ?? StatusWords.words(r.decision),
            nextLevel: r.nextLevel, explanation: r.explanation,
            status: StatusWords.words(r.status),
            decided: r.decidedLevel.map {
              "level \($0)" + (r.overrideReason.map { " (override: \($0))" } ?? "")
            },
            decidedBy: r.decidedBy.map { "\($0), \(r.decidedAt ?? "")" }, signatures: r.signatures ?? [],
            awaiting: r.status == "awaitingDecision")
        },
        forms: forms,
        chart: escalationChart(state: state, group: g.id, levels: levels.map(\.dose), viewer: viewer))
    }
    let subjects = overview.subjects.map { s in
      SubjectRow(
        id: s.id, href: "/trials/\(trial)/subjects/\(s.id)", site: s.site ?? "—",
        status: StatusWords.words(s.status),
        group: s.group ?? "—", level: s.level.map { String($0) } ?? "—",
        dose: s.cellsPerKg.map { "\(Quantity($0, .cellsPerKg))" } ?? "—",
        window: s.dltWindowEnds.map { ends in
          ends < overview.asOf ? "ended \(ends)" : "ends \(ends) (\(s.dltDaysLeft ?? 0) days left)"
        } ?? "—",
        dlt: s.dlt.map(StatusWords.words) ?? "—")
    }
    let isAdmin = Permissions.allows(user.role, .openTrials)
    let view = DashboardView(
      trial: trial, title: state.protocolInForce.title, protocolID: overview.protocolID,
      protocolHash: overview.protocolHash, events: overview.events, asOf: overview.asOf.description,
      groups: groups,
      subjects: subjects, seesSubjects: viewer.seesSubjects,
      canScreen: Permissions.allows(user.role, .record)
        && ConductCommand.enroll(subject: "", group: nil).permittedRoles.contains(user.role),
      canAudit: Permissions.allows(user.role, .viewAudit),
      canReport: Permissions.allows(user.role, .viewReports),
      canDesign: Permissions.allows(user.role, .viewDesigns),
      sites: state.sites.keys.sorted().joined(separator: ", "),
      siteForm: isAdmin
        ? (failed?.name == "activate-site"
          ? failed : CommandForms.form("activate-site", path: "/trials/\(trial)/activate-site", csrf: csrf))
        : nil,
      recorded: recorded)
    return pages.page(
      "dashboard", title: "\(trial) — dashboard", data: view, context: context, status: status)
  }

  /// The escalation chart of a group: each infused subject at their level, DLTs marked.
  func escalationChart(state: TrialState, group: String, levels: [String], viewer: Viewer) -> String? {
    guard let definition = state.definition(ofGroup: group) else { return nil }
    let index = Dictionary(uniqueKeysWithValues: definition.doseLevels.enumerated().map { ($1.level, $0) })
    let infused = state.orderedSubjects.filter { $0.enrolment?.group == group && $0.infusion != nil }
      .sorted { $0.infusion!.date < $1.infusion!.date }
    guard !infused.isEmpty else { return nil }
    return EscalationChart(
      title: "Escalation path, group \(group)", doseLabels: levels,
      patients: infused.enumerated().map { i, s in
        .init(
          subject: viewer.sees(site: s.site) ? s.id : "subject \(i + 1)",
          doseLevel: index[s.enrolment!.level] ?? 0,
          dlt: s.adjudication?.outcome == .dlt)
      }
    ).svg()
  }
}
