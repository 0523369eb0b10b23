import Foundation
import TrialConduct

/// One fact in the accounts log: users, sites, roles, passwords, sessions and sign-in attempts.
///
/// The accounts log is an event log like a trial's (append-only, hash-chained, verified by
/// `audit verify`), so logins, logouts, failed logins and permission changes are audited with who,
/// when and why as every trial event is (21 CFR 11.10(e), (g)). Passwords are kept only as bcrypt
/// hashes and sessions only as SHA-256 hashes of their tokens.
public enum AccountChange: Codable, Sendable, Hashable {
  /// A site people work at (a trial's sites are activated in the trial's own log).
  case siteAdded(site: String, name: String)
  /// A new user; `mustChangePassword` until they choose their own.
  case userCreated(
    username: String, fullName: String, role: Role, site: String?, passwordHash: String,
    mustChangePassword: Bool)
  /// A new password (bcrypt); every session of the user ends with it.
  case passwordChanged(username: String, passwordHash: String, mustChangePassword: Bool)
  /// A new role or site; every session of the user ends with it.
  case roleChanged(username: String, role: Role, site: String?)
  /// The user may no longer sign in; every session ends.
  case userDisabled(username: String)
  /// A session began: the SHA-256 of its token, and when it expires.
  case sessionStarted(tokenHash: String, username: String, expiresAt: Date)
  /// A session ended before it expired (logout).
  case sessionEnded(tokenHash: String)
  /// A sign-in was refused (unknown user, wrong password, disabled, throttled).
  case loginFailed(username: String, why: String)
  /// A visitor's contact request reached a site's inbox: only its id and where it went, never
  /// who sent it or what it says (that is kept, deletably, in the personal records).
  case contactRequestReceived(id: String, nctId: String, trial: String, site: String)
  /// A contact request was erased by the site's staff.
  case contactRequestDeleted(id: String, site: String)
}

/// An account change with who made it, when (the system clock, UTC) and why.
public struct AccountEvent: Codable, Sendable, Hashable {
  public var recordedAt: Date
  /// The user who made the change (`cartrial` for the system, the user themselves for a login).
  public var by: String
  /// The client address the request came from, where there is one.
  public var address: String?
  public var reason: String?
  public var change: AccountChange

  public init(
    recordedAt: Date, by: String, address: String? = nil, reason: String? = nil, change: AccountChange
  ) {
    self.recordedAt = recordedAt
    self.by = by
    self.address = address
    self.reason = reason
    self.change = change
  }

  /// The name stored beside the bytes (for listings and filters).
  public var kind: String {
    switch change {
    case .siteAdded: "siteAdded"
    case .userCreated: "userCreated"
    case .passwordChanged: "passwordChanged"
    case .roleChanged: "roleChanged"
    case .userDisabled: "userDisabled"
    case .sessionStarted: "sessionStarted"
    case .sessionEnded: "sessionEnded"
    case .loginFailed: "loginFailed"
    case .contactRequestReceived: "contactRequestReceived"
    case .contactRequestDeleted: "contactRequestDeleted"
    }
  }

  /// One line for the audit page (never a hash or a password).
  public var summary: String {
    switch change {
    case .siteAdded(let site, let name): "site \(site) added (\(name))"
    case .userCreated(let u, let name, let role, let site, _, _):
      "user \(u) created: \(name), \(role.rawValue)" + (site.map { " at \($0)" } ?? "")
    case .passwordChanged(let u, _, let must):
      "password of \(u) changed" + (must ? " (to be changed at next sign-in)" : "")
    case .roleChanged(let u, let role, let site):
      "role of \(u) changed to \(role.rawValue)" + (site.map { " at \($0)" } ?? "")
    case .userDisabled(let u): "user \(u) disabled"
    case .sessionStarted(_, let u, let expires):
      "\(u) signed in (session until \(EventCoding.timestamp(expires)))"
    case .sessionEnded: "\(by) signed out"
    case .loginFailed(let u, let why): "sign-in refused for \(u): \(why)"
    case .contactRequestReceived(let id, let nct, let trial, let site):
      "contact request \(id) about \(nct) received for site \(site) (trial \(trial))"
    case .contactRequestDeleted(let id, let site): "contact request \(id) of site \(site) erased"
    }
  }

  static func encode(_ event: AccountEvent) -> [UInt8] {
    // Plain data: encoding cannot fail.
    Array(try! EventCoding.encoder().encode(event))
  }

  static func decode(_ bytes: [UInt8]) throws -> AccountEvent {
    try EventCoding.decoder().decode(AccountEvent.self, from: Data(bytes))
  }
}
