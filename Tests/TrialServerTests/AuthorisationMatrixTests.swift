import Foundation
import HTTPTypes
import TestSupport
import Testing
import TrialConduct

@testable import TrialServer

/// Every route × every role × own site / other site: allowed or denied as the permission table,
/// the conduct core's command roles and site scoping say, and a denied request changes nothing.
/// The subject is S-01 of site HZ, so HZ's coordinator and investigator are "own site" and BJ's
/// "other site". A route added to the router without a case here fails the test.
@Suite struct AuthorisationMatrixTests {
  /// Who may: a role, and the user's site (nil for sponsor-wide roles).
  typealias Rule = @Sendable (Role, String?) -> Bool

  struct Case: Sendable {
    var method: HTTPRequest.Method
    /// The route as the router lists it.
    var route: String
    /// A concrete path, the body, and whether it is a page (cookie, CSRF token, form body).
    var path: String
    var body: @Sendable (String) -> String?
    var page: Bool
    var allowed: Rule
    /// Denied for another site's subject with 404 (the subject is not shown to them).
    var siteScoped: Bool
    /// The request ends sessions or changes passwords: everyone signs in again after it.
    var resets: Bool = false
  }

  static let trial = ServerHarness.trial
  static let anyone: Rule = { _, _ in true }
  static func has(_ p: Permission) -> Rule { { role, _ in Permissions.allows(role, p) } }
  static func ownSite(_ rule: @escaping Rule) -> Rule {
    { role, site in rule(role, site) && (site == nil || site == "HZ") }
  }
  static func command(_ action: String, _ scope: CommandSpec.Scope) -> Rule {
    let spec = CommandSpec.named(action, scope: scope)!
    let rule: Rule = { role, _ in Permissions.allows(role, .record) && spec.permits(role) }
    return scope == .subject ? ownSite(rule) : rule
  }

  static func api(
    _ method: HTTPRequest.Method, _ route: String, _ path: String? = nil, _ body: String? = nil,
    _ allowed: @escaping Rule, scoped: Bool = false, resets: Bool = false,
    bodyFor: (@Sendable (String) -> String?)? = nil
  ) -> Case {
    Case(
      method: method, route: route, path: path ?? route, body: bodyFor ?? { _ in body }, page: false,
      allowed: allowed,
      siteScoped: scoped, resets: resets)
  }

  static func page(
    _ method: HTTPRequest.Method, _ route: String, _ path: String? = nil, _ body: String? = nil,
    _ allowed: @escaping Rule, scoped: Bool = false, resets: Bool = false,
    bodyFor: (@Sendable (String) -> String?)? = nil
  ) -> Case {
    Case(
      method: method, route: route, path: path ?? route, body: bodyFor ?? { _ in body }, page: true,
      allowed: allowed,
      siteScoped: scoped, resets: resets)
  }

  static let screening: Rule = { role, _ in
    Permissions.allows(role, .record) && CommandSpec.named("screen", scope: .subject)!.permits(role)
  }

  static let subjectCommandBodies: [String: String] = [
    "adjudicate": #"{"outcome": "noDlt"}"#,
    "assess": #"{"assessment": {"day": 28, "marrowBlastsPercent": 2}}"#,
    "attest": #"{"criteria": ["E1"]}"#, "consent": #"{"date": "2026-11-20"}"#, "enroll": "{}",
    "infuse": #"{"date": "2026-11-20", "weightKg": 60}"#, "leukapheresis": #"{"date": "2026-11-20"}"#,
    "lymphodeplete": #"{"date": "2026-11-20", "agents": ["fludarabine=30x3"], "bodySurfaceAreaM2": 1.7}"#,
    "manufacturing-failed": #"{"date": "2026-11-20", "reason": "low yield"}"#,
    "off-study": #"{"date": "2026-11-20", "reason": "withdrawn"}"#,
    "record": #"{"entry": {"day": 1, "crsGrade": 1}}"#,
    "release": #"{"date": "2026-11-20"}"#, "sample": #"{"day": 1, "value": 1000}"#,
    "treat": #"{"date": "2026-11-20", "agent": "tocilizumab", "purpose": "crs"}"#,
  ]

  static var cases: [Case] {
    let t = "/api/v1/trials/\(trial)"
    let s = "\(t)/subjects/S-01"
    let p = "/api/v1/protocols/\(trial)"
    var list: [Case] = [
      api(.get, "/api/v1/me", nil, nil, anyone),
      api(.get, "/api/v1/protocols", nil, nil, has(.viewTrials)),
      api(.get, "/api/v1/trials", nil, nil, has(.viewTrials)),
      api(
        .post, "/api/v1/trials", nil, nil, has(.openTrials),
        bodyFor: { #"{"protocol": "NCT04825496", "trial": "T-\#($0)"}"# }),
      api(.get, "/api/v1/trials/{trial}", t, nil, has(.viewTrials)),
      api(
        .get, "/api/v1/trials/{trial}/subjects/{subject}", s, nil, ownSite(has(.viewSubjects)), scoped: true),
      api(.get, "/api/v1/trials/{trial}/audit", "\(t)/audit", nil, has(.viewAudit)),
      api(.get, "/api/v1/trials/{trial}/audit/verify", "\(t)/audit/verify", nil, has(.viewAudit)),
      api(.post, "/api/v1/trials/{trial}/audit/checkpoint", "\(t)/audit/checkpoint", "{}", has(.openTrials)),
      api(.get, "/api/v1/trials/{trial}/report", "\(t)/report", nil, has(.viewReports)),
      // Design computations store nothing: every signed-in role may; screening a patient record
      // is patient data.
      api(.get, "/api/v1/protocols/{protocol}", p, nil, has(.viewDesigns)),
      api(
        .get, "/api/v1/protocols/{protocol}/groups/{group}/decision-table", "\(p)/groups/main/decision-table",
        nil, has(.viewDesigns)),
      api(
        .post, "/api/v1/protocols/{protocol}/groups/{group}/decision", "\(p)/groups/main/decision",
        #"{"counts": [{"level": 1, "patients": 3, "dlts": 0}], "current": 1}"#, has(.viewDesigns)),
      api(
        .post, "/api/v1/protocols/{protocol}/groups/{group}/oc", "\(p)/groups/main/oc",
        #"{"truth": [0.1, 0.2, 0.3], "method": "exact"}"#, has(.viewDesigns)),
      api(
        .post, "/api/v1/protocols/{protocol}/screen", "\(p)/screen", #"{"patient": {}}"#, has(.screenPatients)
      ),
      api(.get, "/api/v1/jobs/{job}", "/api/v1/jobs/none", nil, has(.viewDesigns)),
      api(.delete, "/api/v1/jobs/{job}", "/api/v1/jobs/none", nil, has(.viewDesigns)),
      api(
        .post, "/api/v1/trials/{trial}/activate-site", "\(t)/activate-site", nil,
        command("activate-site", .trial), bodyFor: { #"{"site": "X-\#($0)"}"# }),
      api(
        .post, "/api/v1/trials/{trial}/amend", "\(t)/amend", #"{"protocolText": "id: x", "reason": "test"}"#,
        command("amend", .trial)),
      api(
        .post, "/api/v1/trials/{trial}/events/{seq}/correct", "\(t)/events/5/correct",
        #"{"reason": "typo", "entry": {"date": "2026-11-19"}}"#, ownSite(has(.record)), scoped: true),
      api(
        .post, "/api/v1/trials/{trial}/events/{seq}/sign", "\(t)/events/5/sign", nil, command("sign", .event),
        bodyFor: { #"{"meaning": "review", "password": "\#(ServerHarness.password($0))"}"# }),
      api(
        .post, "/api/v1/trials/{trial}/groups/{group}/confirm", "\(t)/groups/main/confirm", nil,
        command("confirm", .group), bodyFor: { #"{"password": "\#(ServerHarness.password($0))"}"# }),
      api(
        .post, "/api/v1/trials/{trial}/groups/{group}/override", "\(t)/groups/main/override", nil,
        command("override", .group),
        bodyFor: { #"{"level": 1, "reason": "test", "password": "\#(ServerHarness.password($0))"}"# }),
      // Screening a new subject is at the user's own site: every site's coordinator may.
      api(
        .post, "/api/v1/trials/{trial}/subjects/{subject}/screen", "\(t)/subjects/S-NEW/screen",
        #"{"patient": {}}"#, screening),
      api(.get, "/api/v1/users", nil, nil, has(.manageUsers)),
      api(
        .post, "/api/v1/users", nil, nil, has(.manageUsers),
        bodyFor: { #"{"username": "new-\#($0)", "fullName": "N", "role": "monitor"}"# }),
      api(
        .patch, "/api/v1/users/{username}", "/api/v1/users/victim", #"{"role": "monitor", "reason": "test"}"#,
        has(.manageUsers)),
      api(
        .post, "/api/v1/users/{username}/password-reset", "/api/v1/users/victim/password-reset",
        #"{"reason": "test"}"#, has(.manageUsers)),
      api(.get, "/api/v1/sites", nil, nil, anyone),
      // An empty record: refused (422) for an administrator, denied (403) for the others.
      api(.post, "/api/v1/registry", nil, "{}", has(.importRegistry)),
      api(
        .get, "/api/v1/trials/{trial}/exports/{format}", "/api/v1/trials/\(trial)/exports/fhir", nil,
        has(.viewSubjects)),
      api(
        .post, "/api/v1/sites", nil, nil, has(.manageUsers),
        bodyFor: { #"{"site": "N-\#($0)", "name": "New"}"# }),
      api(
        .get, "/api/v1/accounts/audit", nil, nil,
        { role, _ in Permissions.allows(role, .viewAudit) && !Permissions.isSiteBound(role) }),
      api(
        .post, "/api/v1/me/password", nil, nil, anyone,
        bodyFor: { #"{"currentPassword": "\#(ServerHarness.password($0))", "newPassword": "y"}"# }),
      api(.delete, "/api/v1/session", nil, nil, anyone, resets: true),
      page(.get, "/", nil, nil, anyone),
      page(.get, "/todo", nil, nil, anyone),
      page(.get, "/password", nil, nil, anyone),
      page(
        .post, "/password", nil, nil, anyone,
        bodyFor: { "currentPassword=\(ServerHarness.password($0))&newPassword=y" }),
      page(.post, "/trials", nil, nil, has(.openTrials), bodyFor: { "protocol=NCT04825496&trial=P-\($0)" }),
      page(.get, "/trials/{trial}", "/trials/\(trial)", nil, has(.viewTrials)),
      page(.get, "/trials/{trial}/screen", "/trials/\(trial)/screen", nil, has(.record)),
      page(
        .post, "/trials/{trial}/screen", "/trials/\(trial)/screen", nil, screening,
        bodyFor: { "subject=P-\($0)&patient=%7B%7D" }),
      page(
        .get, "/trials/{trial}/subjects/{subject}", "/trials/\(trial)/subjects/S-01", nil,
        ownSite(has(.viewSubjects)), scoped: true),
      page(
        .post, "/trials/{trial}/subjects/{subject}/{action}", "/trials/\(trial)/subjects/S-01/consent",
        "date=2026-11-20", command("consent", .subject), scoped: true),
      page(
        .post, "/trials/{trial}/subjects/{subject}/grade/{kind}", "/trials/\(trial)/subjects/S-01/grade/crs",
        "day=1&temperatureCelsius=39", ownSite(has(.record)), scoped: true),
      page(
        .post, "/trials/{trial}/groups/{group}/{action}", "/trials/\(trial)/groups/main/confirm", nil,
        command("confirm", .group), bodyFor: { "password=\(ServerHarness.password($0))" }),
      page(
        .post, "/trials/{trial}/events/{seq}/{action}", "/trials/\(trial)/events/5/sign", nil,
        command("sign", .event), bodyFor: { "meaning=review&password=\(ServerHarness.password($0))" }),
      page(
        .post, "/trials/{trial}/sign", "/trials/\(trial)/sign", nil, command("sign", .event),
        bodyFor: { "seq=5&meaning=review&password=\(ServerHarness.password($0))" }),
      page(
        .post, "/trials/{trial}/activate-site", "/trials/\(trial)/activate-site", nil,
        command("activate-site", .trial), bodyFor: { "site=Y-\($0)" }),
      page(.get, "/trials/{trial}/audit", "/trials/\(trial)/audit", nil, has(.viewAudit)),
      page(.get, "/trials/{trial}/report", "/trials/\(trial)/report", nil, has(.viewReports)),
      page(
        .get, "/trials/{trial}/groups/{group}/design", "/trials/\(trial)/groups/main/design", nil,
        has(.viewDesigns)),
      page(
        .post, "/trials/{trial}/groups/{group}/design/oc", "/trials/\(trial)/groups/main/design/oc",
        "truth1=0.1&truth2=0.2&truth3=0.3&method=exact", has(.viewDesigns)),
      page(.get, "/jobs/{job}", "/jobs/none", nil, has(.viewDesigns)),
      page(.post, "/jobs/{job}/cancel", "/jobs/none/cancel", "", has(.viewDesigns)),
      page(.get, "/admin", nil, nil, has(.manageUsers)),
      page(
        .post, "/admin/{action}", "/admin/sites", nil, has(.manageUsers), bodyFor: { "site=Z-\($0)&name=Z" }),
      page(
        .get, "/inbox", nil, nil,
        { role, site in Permissions.allows(role, .readContactRequests) && site != nil }),
      page(
        .post, "/inbox/{id}/erase", "/inbox/none/erase", "reason=test",
        { role, site in Permissions.allows(role, .readContactRequests) && site != nil }),
      page(.post, "/logout", nil, "", anyone, resets: true),
    ]
    for (action, body) in subjectCommandBodies.sorted(by: { $0.key < $1.key }) where action != "screen" {
      list.append(
        api(
          .post, "/api/v1/trials/{trial}/subjects/{subject}/\(action)", "\(s)/\(action)", body,
          command(action, .subject), scoped: true))
    }
    return list
  }

  /// Routes anyone may call without signing in.
  static let publicRoutes: Set<String> = [
    "GET /login", "POST /login", "POST /api/v1/session", "GET /openapi.json", "GET /healthz",
    "GET /static/{file}", "GET /favicon.ico",
    // The trial finder: registry records are public (a signed-in user's /trials adds their trials).
    "GET /trials", "GET /registry/{nct}", "GET /api/v1/registry", "GET /api/v1/registry/{nct}",
    "GET /api/v1/registry/{nct}/related", "GET /registry/{nct}/prescreen", "POST /registry/{nct}/prescreen",
    // A visitor's contact request (kept for the chosen site's staff only; ContactRequestTests).
    "GET /registry/{nct}/contact", "POST /registry/{nct}/contact",
    // Trials I may fit: answers against every registry record, nothing stored.
    "GET /trials/fit", "POST /trials/fit",
    // What a visitor keeps, by their browser's key (VisitorKeepTests).
    "GET /mine", "POST /mine/searches", "POST /mine/notes", "POST /mine/searches/{id}/delete",
    "POST /mine/notes/{id}/delete", "POST /mine/notes/{id}/share", "POST /mine/forget", "GET /note/{id}",
    "POST /note/{id}",
  ]

  @Test func everyRouteHasACase() async throws {
    let server = try await ServerHarness.make()
    let routes = Set(server.app.router().routes.map { "\($0.method) \($0.path)" })
    let covered = Set(Self.cases.map { "\($0.method) \($0.route)" }).union(Self.publicRoutes)
    #expect(routes.subtracting(covered).sorted() == [], "routes without an authorisation case")
    #expect(covered.subtracting(routes).sorted() == [], "cases for routes that do not exist")
  }

  @Test func everyRoleOnEveryRouteIsAllowedOrDeniedAndADeniedRequestChangesNothing() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      var tokens = try await server.setUp(client)
      let driver = TrialDriver(server: server, client: client, tokens: tokens)
      try await driver.eligible("S-01")
      _ = try await client.expect(
        .created, .post, "/api/v1/users", token: tokens["admin"],
        json: #"{"username": "victim", "fullName": "V", "role": "monitor"}"#)
      let users = ["admin"] + ServerHarness.people.map(\.name)
      let roles = Dictionary(
        uniqueKeysWithValues: [("admin", (Role.administrator, String?.none))]
          + ServerHarness.people.map { ($0.name, ($0.role, $0.site)) })
      var checked = 0
      for c in Self.cases {
        for user in users {
          let (role, site) = roles[user]!
          let expected = c.allowed(role, site)
          let before = (try await server.eventCount(), try await server.accountEventCount())
          let token = tokens[user]!
          let answer: Client.Answer
          if c.page {
            var headers = HTTPFields()
            headers[CSRF.header] = CSRF.token(forSession: token)
            answer = try await client.send(
              c.method, c.path, cookie: token, form: c.body(user), headers: headers)
          } else {
            answer = try await client.send(c.method, c.path, token: token, json: c.body(user))
          }
          let what =
            "\(user) (\(role.rawValue)\(site.map { " at \($0)" } ?? "")): \(c.method) \(c.path) → \(answer.status.code) \(answer.text.prefix(200))"
          if expected {
            #expect(![401, 403].contains(answer.status.code), "should be allowed: \(what)")
            if c.siteScoped { #expect(answer.status.code != 404, "should be allowed: \(what)") }
          } else {
            let denied = answer.status.code == 403 || (c.siteScoped && answer.status.code == 404)
            #expect(denied, "should be denied: \(what)")
            #expect(try await server.eventCount() == before.0, "a denied request wrote trial events: \(what)")
            #expect(
              try await server.accountEventCount() == before.1,
              "a denied request wrote account events: \(what)")
          }
          checked += 1
          if c.resets { tokens[user] = try await client.signIn(user, ServerHarness.password(user)) }
        }
      }
      #expect(checked == Self.cases.count * users.count)
    }
  }

  @Test func withoutSigningInNoRouteAnswersOrWrites() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      _ = try await server.setUp(client)
      for c in Self.cases where !(c.page && c.route == "/") {
        let before = (try await server.eventCount(), try await server.accountEventCount())
        let answer = try await client.send(
          c.method, c.path, json: c.page ? nil : c.body("anon"), form: c.page ? c.body("anon") : nil)
        let what = "\(c.method) \(c.path) → \(answer.status.code) \(answer.text.prefix(160))"
        if c.page && c.method == .get {
          #expect(answer.status == .seeOther, "\(what)")
          #expect(answer.headers[.location]?.hasPrefix("/login") == true, "\(what)")
        } else {
          #expect(answer.status == .unauthorized || (c.page && answer.status == .seeOther), "\(what)")
        }
        #expect(try await server.eventCount() == before.0, "\(what)")
        #expect(try await server.accountEventCount() == before.1, "\(what)")
      }
    }
  }
}
