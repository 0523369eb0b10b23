import Foundation
import Hummingbird
import NIOCore

/// The request context of every route: the signed-in user (if any), how they signed in, and the
/// client's address for the audit trail.
public struct ServerContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The signed-in user; `nil` before sign-in.
  public var user: Accounts.User?
  /// The session token the request carried (cookie or bearer).
  var sessionToken: String?
  /// Whether the session came from the cookie (then unsafe requests need the CSRF token).
  var viaCookie = false
  /// The client's IP address.
  public var address: String?

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    address = source.channel.remoteAddress?.ipAddress
  }

  /// Requests up to 4 MiB (a protocol text, a patient record).
  public var maxUploadSize: Int { 4 * 1024 * 1024 }

  /// The signed-in user, or a 401 problem.
  func signedIn() throws -> Accounts.User {
    guard let user else {
      throw Problem(.unauthorized, title: "Sign in first", detail: "this needs a signed-in user")
    }
    return user
  }

  /// The signed-in user, who must have `permission`, or a 401/403 problem.
  func require(_ permission: Permission) throws -> Accounts.User {
    let user = try signedIn()
    guard Permissions.allows(user.role, permission) else {
      throw Problem(
        .forbidden, title: "Not permitted",
        detail: "a \(user.role.rawValue) may not \(permission.rawValue)", field: "role")
    }
    return user
  }

  /// The token a form must carry back (and an API client sends as `X-CSRF-Token`).
  var csrfToken: String? { sessionToken.map(CSRF.token(forSession:)) }
}
