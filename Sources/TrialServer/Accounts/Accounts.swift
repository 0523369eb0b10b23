import Foundation
import TrialConduct

/// The accounts as of the accounts log's last event: a pure fold, like a trial's state.
public struct Accounts: Sendable {
  /// A person who signs in.
  public struct User: Sendable, Hashable {
    public var username: String
    /// The printed name shown beside everything they record and sign (21 CFR 11.50).
    public var fullName: String
    public var role: Role
    /// The site a coordinator or investigator works at; `nil` for sponsor-wide roles.
    public var site: String?
    var passwordHash: String
    /// A one-time password that must be changed before anything else.
    public var mustChangePassword: Bool
    public var disabled: Bool
    public var createdAt: Date

    /// The actor recorded in trial events: printed name, username, role and site.
    public var actor: Actor { Actor(name: "\(fullName) (\(username))", role: role, site: site) }
  }

  /// A signed-in session (only the SHA-256 of its token is known).
  public struct Session: Sendable, Hashable {
    public var username: String
    public var startedAt: Date
    public var expiresAt: Date
    public var ended: Bool
  }

  public private(set) var users: [String: User] = [:]
  public private(set) var sites: [String: String] = [:]
  var sessions: [String: Session] = [:]
  /// Refused sign-ins per username, newest last (for throttling).
  var failures: [String: [Date]] = [:]
  /// Events folded.
  public private(set) var head = 0

  public init() {}

  /// Folds `event` in.
  mutating func apply(_ event: AccountEvent) {
    head += 1
    switch event.change {
    case .siteAdded(let site, let name): sites[site] = name
    case .userCreated(let u, let name, let role, let site, let hash, let must):
      users[u] = User(
        username: u, fullName: name, role: role, site: site, passwordHash: hash, mustChangePassword: must,
        disabled: false, createdAt: event.recordedAt)
    case .passwordChanged(let u, let hash, let must):
      users[u]?.passwordHash = hash
      users[u]?.mustChangePassword = must
      endSessions(of: u)
      failures[u] = nil
    case .roleChanged(let u, let role, let site):
      users[u]?.role = role
      users[u]?.site = site
      endSessions(of: u)
    case .userDisabled(let u):
      users[u]?.disabled = true
      endSessions(of: u)
    case .sessionStarted(let token, let u, let expires):
      sessions[token] = Session(username: u, startedAt: event.recordedAt, expiresAt: expires, ended: false)
      failures[u] = nil
    case .sessionEnded(let token): sessions[token]?.ended = true
    case .loginFailed(let u, _): failures[u, default: []].append(event.recordedAt)
    case .contactRequestReceived, .contactRequestDeleted: break
    }
  }

  private mutating func endSessions(of username: String) {
    for (token, s) in sessions where s.username == username { sessions[token]?.ended = true }
  }

  /// The user of a live session: started, not ended, not expired at `now`, user not disabled.
  public func user(ofSession tokenHash: String, at now: Date) -> User? {
    guard let s = sessions[tokenHash], !s.ended, s.expiresAt > now, let u = users[s.username], !u.disabled
    else { return nil }
    return u
  }

  /// The session behind `tokenHash`, if it was ever started.
  public func session(_ tokenHash: String) -> Session? { sessions[tokenHash] }

  /// Refused sign-ins of `username` within `window` seconds before `now`.
  public func recentFailures(of username: String, at now: Date, window: TimeInterval) -> Int {
    failures[username, default: []].filter { now.timeIntervalSince($0) < window }.count
  }

  /// Users sorted by username.
  public var orderedUsers: [User] { users.values.sorted { $0.username < $1.username } }
}
