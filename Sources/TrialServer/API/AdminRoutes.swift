import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import TrialConduct

/// `/api/v1/users` and `/api/v1/sites`: the administrator's accounts (every change audited in the
/// accounts log with who, when and why), and `/api/v1/accounts/audit` for monitors.
extension WebApp {
  struct UserListing: Encodable {
    var username: String
    var fullName: String
    var role: String
    var site: String?
    var disabled: Bool
    var mustChangePassword: Bool

    init(_ u: Accounts.User) {
      (username, fullName, role, site, disabled, mustChangePassword) = (
        u.username, u.fullName, u.role.rawValue, u.site, u.disabled, u.mustChangePassword
      )
    }
  }

  struct AccountAuditEntry: Encodable {
    var sequence: Int
    var recordedAt: String
    var by: String
    var address: String?
    var reason: String?
    var kind: String
    var summary: String
    var hash: String
  }

  func addAdminRoutes(to router: Router<ServerContext>) {
    router.get("/api/v1/users") { _, context -> Response in
      _ = try context.require(.manageUsers)
      return try Self.json(try await accounts.current().orderedUsers.map(UserListing.init))
    }
    router.post("/api/v1/users") { request, context -> Response in
      let admin = try context.require(.manageUsers)
      let f = try JSONCommandFields(
        try await Self.body(request, context: context),
        fields: ["username", "fullName", "role", "site", "reason"])
      let password = try await createUser(f, by: admin)
      struct Answer: Encodable { var username: String, oneTimePassword: String }
      return try Self.json(
        Answer(username: try f.required("username", "a username"), oneTimePassword: password),
        status: .created)
    }
    router.patch("/api/v1/users/:username") { request, context -> Response in
      let admin = try context.require(.manageUsers)
      let f = try JSONCommandFields(
        try await Self.body(request, context: context), fields: ["role", "site", "reason"])
      try await changeRole(try context.parameters.require("username"), f, by: admin)
      return Response(status: .noContent)
    }
    router.post("/api/v1/users/:username/password-reset") { request, context -> Response in
      let admin = try context.require(.manageUsers)
      let f = try JSONCommandFields(try await Self.body(request, context: context), fields: ["reason"])
      let username = try context.parameters.require("username")
      let password = try await accounts.resetPassword(
        username: username, by: admin.username, reason: try f.required("reason", "why the password is reset"))
      struct Answer: Encodable { var username: String, oneTimePassword: String }
      return try Self.json(Answer(username: username, oneTimePassword: password))
    }
    router.get("/api/v1/sites") { _, context -> Response in
      _ = try context.signedIn()
      struct Site: Encodable { var site: String, name: String }
      return try Self.json(
        try await accounts.current().sites.sorted { $0.key < $1.key }.map {
          Site(site: $0.key, name: $0.value)
        })
    }
    router.post("/api/v1/sites") { request, context -> Response in
      let admin = try context.require(.manageUsers)
      let f = try JSONCommandFields(try await Self.body(request, context: context), fields: ["site", "name"])
      try await accounts.addSite(
        try f.required("site", "a site id"), name: try f.required("name", "the site's name"),
        by: admin.username)
      return Response(status: .created)
    }
    router.get("/api/v1/accounts/audit") { _, context -> Response in
      let user = try context.require(.viewAudit)
      guard !Permissions.isSiteBound(user.role) else {
        throw Problem(
          .forbidden, title: "Not permitted", detail: "the accounts log is for sponsor-wide roles",
          field: "role")
      }
      return try Self.json(try await accountAudit())
    }
  }

  func createUser(_ f: any CommandFields, by admin: Accounts.User) async throws -> String {
    try await accounts.createUser(
      username: try f.required("username", "a username"),
      fullName: try f.required("fullName", "the printed name"),
      role: try f.requiredEnumeration("role", Role.self), site: try f.string("site"), by: admin.username,
      reason: try f.string("reason"))
  }

  func changeRole(_ username: String, _ f: any CommandFields, by admin: Accounts.User) async throws {
    try await accounts.changeRole(
      username: username, role: try f.requiredEnumeration("role", Role.self), site: try f.string("site"),
      by: admin.username, reason: try f.required("reason", "why the permission changes"))
  }

  func accountAudit() async throws -> [AccountAuditEntry] {
    try await accounts.log().map { e in
      AccountAuditEntry(
        sequence: e.sequence, recordedAt: EventCoding.timestamp(e.event.recordedAt), by: e.event.by,
        address: e.event.address, reason: e.event.reason, kind: e.event.kind, summary: e.event.summary,
        hash: e.hash.map { String(format: "%02x", $0) }.joined())
    }
  }
}
