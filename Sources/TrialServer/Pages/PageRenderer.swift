import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Renders the pages: each page's mustache template inside the layout (header, navigation for
/// the user's role, footer). Templates escape every value (swift-mustache's default).
struct PageRenderer: Sendable {
  let library: MustacheLibrary

  init() async throws {
    guard let dir = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
      throw Problem(
        .internalServerError, title: "Missing templates", detail: "the page templates are not bundled")
    }
    library = try await MustacheLibrary(directory: dir.path)
  }

  /// The navigation and the user shown on every page.
  struct Chrome {
    var title: String
    var body: String
    var user: UserChrome?
    var csrf: String?
    var nav: [NavItem]
    /// Seconds after which the page reloads itself when scripts are off (a running job's page).
    var refresh: Int?
  }

  struct UserChrome {
    var fullName: String
    var username: String
    var role: String
    var site: String?
  }

  struct NavItem {
    var href: String
    var label: String
  }

  /// The page `template` with `data`, inside the layout.
  func page(
    _ template: String, title: String, data: Any, context: ServerContext, status: HTTPResponse.Status = .ok,
    refreshSeconds: Int? = nil
  ) -> Response {
    let body = library.render(data, withTemplate: template) ?? ""
    let user = context.user
    var nav: [NavItem] = []
    if let user, !user.mustChangePassword {
      nav.append(NavItem(href: "/todo", label: "To do"))
      if Permissions.allows(user.role, .viewTrials) { nav.append(NavItem(href: "/trials", label: "Trials")) }
      if Permissions.allows(user.role, .readContactRequests), user.site != nil {
        nav.append(NavItem(href: "/inbox", label: "Inbox"))
      }
      if Permissions.allows(user.role, .manageUsers) {
        nav.append(NavItem(href: "/admin", label: "Users and sites"))
      }
      nav.append(NavItem(href: "/password", label: "Change password"))
    }
    let chrome = Chrome(
      title: title, body: body,
      user: user.map {
        UserChrome(fullName: $0.fullName, username: $0.username, role: $0.role.rawValue, site: $0.site)
      },
      csrf: context.csrfToken, nav: nav, refresh: refreshSeconds)
    return HTMLPage.response(library.render(chrome, withTemplate: "layout") ?? body, status: status)
  }

  /// The error page for a problem.
  func errorPage(_ problem: Problem, context: ServerContext) async throws -> Response {
    page("error", title: problem.title, data: problem, context: context, status: problem.httpStatus)
  }
}

/// An HTML response.
enum HTMLPage {
  static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
  }
}
