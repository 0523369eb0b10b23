import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import TrialConduct

/// Users and sites, for the administrator: add a site, add a user (a one-time password shown once),
/// change a role (with the reason), reset a password.
extension WebApp {
  struct AdminView {
    var users: [UserListing]
    var sites: [SiteRow]
    var userForm: FormModel
    var siteForm: FormModel
    var roleForm: FormModel
    var resetForm: FormModel
    var created: String?
    var permissions: [PermissionRow]
  }

  struct SiteRow {
    var site: String
    var name: String
  }

  struct PermissionRow {
    var role: String
    var permissions: String
  }

  func addAdminPages(to router: Router<ServerContext>) {
    router.get("/admin") { _, context -> Response in
      _ = try context.require(.manageUsers)
      return try await adminPage(context: context)
    }
    router.post("/admin/:action") { request, context -> Response in
      let admin = try context.require(.manageUsers)
      let action = try context.parameters.require("action")
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      do {
        switch action {
        case "users":
          let password = try await createUser(
            try FormCommandFields(form, fields: ["username", "fullName", "role", "site", "reason"]), by: admin
          )
          return try await adminPage(
            context: context,
            created:
              "User \(form.first("username") ?? "") created. One-time password (shown once): \(password)")
        case "sites":
          let f = try FormCommandFields(form, fields: ["site", "name"])
          try await accounts.addSite(
            try f.required("site", "a site id"), name: try f.required("name", "the site's name"),
            by: admin.username)
        case "role":
          let f = try FormCommandFields(form, fields: ["username", "role", "site", "reason"])
          try await changeRole(try f.required("username", "a username"), f, by: admin)
        case "reset":
          let f = try FormCommandFields(form, fields: ["username", "reason"])
          let username = try f.required("username", "a username")
          let password = try await accounts.resetPassword(
            username: username, by: admin.username,
            reason: try f.required("reason", "why the password is reset"))
          return try await adminPage(
            context: context, created: "New one-time password for \(username) (shown once): \(password)")
        default: throw Problem(.notFound, title: "Not found", detail: "no such form")
        }
        return .redirect(to: "/admin")
      } catch let error as InputError {
        return try await adminPage(
          context: context, failed: (action, form, error), status: Problem(error).httpStatus)
      }
    }
  }

  func adminPage(
    context: ServerContext, created: String? = nil, failed: (String, FormFields, InputError)? = nil,
    status: HTTPResponse.Status = .ok
  ) async throws -> Response {
    let accounts = try await self.accounts.current()
    let csrf = context.csrfToken
    typealias F = FormModel.Field
    let roles = Permissions.assignableRoles.map(\.rawValue)
    let sites = accounts.sites.keys.sorted()
    func form(_ name: String, _ title: String, _ fields: [F], _ button: String) -> FormModel {
      let f = FormModel(
        name: name, title: title, action: "/admin/\(name)", button: button, fields: fields, csrf: csrf)
      if let failed, failed.0 == name { return f.refilled(failed.1, error: failed.2) }
      return f
    }
    let view = AdminView(
      users: accounts.orderedUsers.map(UserListing.init),
      sites: sites.map { SiteRow(site: $0, name: accounts.sites[$0] ?? "") },
      userForm: form(
        "users", "Add a user",
        [
          F(name: "username", label: "Username", kind: .text, required: true),
          F(name: "fullName", label: "Printed name", kind: .text, required: true),
          F(name: "role", label: "Role", kind: .select(roles), required: true),
          F(name: "site", label: "Site (coordinators and investigators)", kind: .select(sites)),
          F(name: "reason", label: "Reason", kind: .text),
        ], "Add user"),
      siteForm: form(
        "sites", "Add a site",
        [
          F(name: "site", label: "Site id", kind: .text, required: true),
          F(name: "name", label: "Name", kind: .text, required: true),
        ],
        "Add site"),
      roleForm: form(
        "role", "Change a role",
        [
          F(
            name: "username", label: "Username", kind: .select(accounts.orderedUsers.map(\.username)),
            required: true),
          F(name: "role", label: "New role", kind: .select(roles), required: true),
          F(name: "site", label: "Site", kind: .select(sites)),
          F(name: "reason", label: "Reason", kind: .text, required: true),
        ], "Change role"),
      resetForm: form(
        "reset", "Reset a password",
        [
          F(
            name: "username", label: "Username", kind: .select(accounts.orderedUsers.map(\.username)),
            required: true),
          F(name: "reason", label: "Reason", kind: .text, required: true),
        ], "Reset password"),
      created: created,
      permissions: Permissions.assignableRoles.map { role in
        PermissionRow(
          role: role.rawValue,
          permissions: Permission.allCases.filter { Permissions.allows(role, $0) }.map(\.rawValue).joined(
            separator: ", "))
      })
    return pages.page("admin", title: "Users and sites", data: view, context: context, status: status)
  }
}
