import Crypto
import Foundation
import HummingbirdBcrypt
import Inputs
import NIOPosix
import TrialConduct
import TrialStore

/// Users, sites and sessions, kept in the database as the accounts log (``AccountEvent``s) beside
/// the trials' logs, so several server processes on one database share them, sessions survive a
/// restart, and every sign-in and permission change is in the audit trail.
///
/// Every change is appended at the sequence this process expects; when another process got there
/// first, the change is checked again against the newer accounts (as trial commands are).
public actor AccountBook {
  /// The accounts log's id among the trials' logs (not a valid trial id, so it cannot collide).
  public static let logID = "@accounts"

  public struct Settings: Sendable {
    /// bcrypt's cost (log₂ rounds); 12 by default, lower only in tests.
    public var bcryptCost: UInt8 = 12
    /// A session lasts this long from sign-in (seconds); 8 hours by default (a working day).
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// After this many refused sign-ins within `throttleWindow` seconds, a username is refused
    /// until the window has passed (OWASP authentication guidance).
    public var throttleAttempts = 5
    public var throttleWindow: TimeInterval = 15 * 60
    /// The shortest password accepted (NIST SP 800-63B §5.1.1: at least 8; 10 here).
    public var minimumPasswordLength = 10

    public init() {}
  }

  let store: any EventStore
  let settings: Settings
  let clock: @Sendable () -> Date
  private var accounts = Accounts()

  public init(
    store: any EventStore, settings: Settings = Settings(), clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.store = store
    self.settings = settings
    self.clock = clock
  }

  /// The accounts as of the newest stored event (from any process).
  public func current() async throws -> Accounts {
    let newer = try await store.events(trial: Self.logID, from: accounts.head + 1)
    for e in newer where e.sequence == accounts.head + 1 {
      accounts.apply(try AccountEvent.decode(e.bytes))
    }
    return accounts
  }

  /// Appends the changes `make` answers for the current accounts, checking again when another
  /// writer got there first. `make` throws to refuse; nothing is written then.
  @discardableResult
  func append(
    by: String, address: String? = nil, reason: String? = nil,
    _ make: (Accounts) throws -> [AccountChange]
  ) async throws -> Accounts {
    for _ in 0..<100 {
      let now = clock()
      let before = try await current()
      let changes = try make(before)
      do {
        for (i, change) in changes.enumerated() {
          let event = AccountEvent(recordedAt: now, by: by, address: address, reason: reason, change: change)
          _ = try await store.append(
            trial: Self.logID, sequence: before.head + 1 + i, kind: event.kind,
            bytes: AccountEvent.encode(event))
        }
        return try await current()
      } catch StoreError.sequenceTaken {
        continue
      }
    }
    throw InputError(
      .conflict, field: "accounts", expected: "fewer simultaneous account changes",
      found: "100 attempts overtaken")
  }

  // MARK: Passwords

  func hash(_ password: String) async throws -> String {
    let cost = settings.bcryptCost
    return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
  }

  nonisolated func matches(_ password: String, _ hash: String) async throws -> Bool {
    try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
  }

  func checkNewPassword(_ password: String, field: String) throws {
    guard password.count >= settings.minimumPasswordLength else {
      throw InputError(
        .invalidValue, field: field,
        expected: "a password of at least \(settings.minimumPasswordLength) characters",
        found: "\(password.count) characters")
    }
  }

  /// A random one-time password: 16 characters of an unambiguous alphabet.
  static func oneTimePassword() -> String {
    let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    var rng = SystemRandomNumberGenerator()
    return String((0..<16).map { _ in alphabet.randomElement(using: &rng)! })
  }

  /// The SHA-256 of a session token, as stored.
  public static func tokenHash(_ token: String) -> String {
    SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
  }

  // MARK: Administrator on first start

  /// On a database with no users, creates the administrator `admin` with `password` (or a random
  /// one-time password, returned to be printed once). Either way it must be changed at first
  /// sign-in. `nil` when users exist.
  public func bootstrap(adminPassword: String?) async throws -> String? {
    guard try await current().users.isEmpty else { return nil }
    let password = adminPassword ?? Self.oneTimePassword()
    if adminPassword != nil { try checkNewPassword(password, field: "admin-password") }
    let hash = try await hash(password)
    try await append(by: "cartrial", reason: "first start") { accounts in
      guard accounts.users.isEmpty else { return [] }
      return [
        .userCreated(
          username: "admin", fullName: "Administrator", role: .administrator, site: nil, passwordHash: hash,
          mustChangePassword: true)
      ]
    }
    return password
  }

  // MARK: Sessions

  /// Why a sign-in was refused. The message never says which of user or password was wrong.
  public enum SignInRefusal: Error, Sendable, Equatable {
    case invalid
    case throttled(retryAfter: Int)
  }

  /// Signs in: answers a new session token (to be set as a cookie; only its hash is stored) and
  /// the user. A refusal is recorded in the accounts log.
  public func signIn(username: String, password: String, address: String?) async throws -> (
    token: String, user: Accounts.User
  ) {
    let now = clock()
    let accounts = try await current()
    let failures = accounts.recentFailures(of: username, at: now, window: settings.throttleWindow)
    if failures >= settings.throttleAttempts {
      try await refuse(username, why: "too many refused sign-ins", address: address)
      throw SignInRefusal.throttled(retryAfter: Int(settings.throttleWindow))
    }
    let user = accounts.users[username]
    // Verify against a real hash even for an unknown user, so timing does not tell them apart.
    let ok = try await matches(password, user?.passwordHash ?? Self.decoyHash)
    guard let user, ok, !user.disabled else {
      try await refuse(
        username, why: user == nil ? "unknown user" : user!.disabled ? "user disabled" : "wrong password",
        address: address)
      throw SignInRefusal.invalid
    }
    let token = Self.newToken()
    let expires = now.addingTimeInterval(settings.sessionLifetime)
    try await append(by: username, address: address) { _ in
      [.sessionStarted(tokenHash: Self.tokenHash(token), username: username, expiresAt: expires)]
    }
    return (token, user)
  }

  private func refuse(_ username: String, why: String, address: String?) async throws {
    try await append(by: username, address: address) { _ in [.loginFailed(username: username, why: why)] }
  }

  /// A bcrypt hash of a random password, checked against when the username is unknown.
  static let decoyHash = Bcrypt.hash(oneTimePassword(), cost: 12)

  static func newToken() -> String {
    var rng = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  /// The user of a live session token, if any.
  public func user(ofToken token: String) async throws -> Accounts.User? {
    try await current().user(ofSession: Self.tokenHash(token), at: clock())
  }

  /// Ends the session (logout).
  public func signOut(token: String, by username: String, address: String?) async throws {
    let hash = Self.tokenHash(token)
    try await append(by: username, address: address) { accounts in
      accounts.session(hash).map { $0.ended } == false ? [.sessionEnded(tokenHash: hash)] : []
    }
  }

  /// Checks a signed-in user's password again before a signature or an override (21 CFR 11.200).
  public func reauthenticate(_ username: String, password: String) async throws {
    let user = try await current().users[username]
    guard let user, try await matches(password, user.passwordHash) else {
      throw InputError(
        .forbidden, field: "password", expected: "your password, to sign",
        found: "a password that does not match")
    }
  }

  /// Changes the user's own password (ends every session of theirs, this one too).
  public func changePassword(username: String, current password: String, new: String, address: String?)
    async throws
  {
    try await reauthenticate(username, password: password)
    try checkNewPassword(new, field: "newPassword")
    guard new != password else {
      throw InputError(
        .invalidValue, field: "newPassword", expected: "a password different from the current one",
        found: "the same password")
    }
    let hash = try await hash(new)
    try await append(by: username, address: address, reason: "changed by the user") { _ in
      [.passwordChanged(username: username, passwordHash: hash, mustChangePassword: false)]
    }
  }

  // MARK: Administration

  /// Adds a user with a one-time password (returned, to be handed over once).
  public func createUser(
    username: String, fullName: String, role: Role, site: String?, by admin: String, reason: String?
  ) async throws -> String {
    try TrialConduct.checkIdentifier(username, field: "username")
    try Self.checkRole(role)
    let password = Self.oneTimePassword()
    let hash = try await hash(password)
    try await append(by: admin, reason: reason) { accounts in
      guard accounts.users[username] == nil else {
        throw InputError(.conflict, field: "username", expected: "a username not yet taken", found: username)
      }
      try Self.checkSite(site, role: role, in: accounts)
      return [
        .userCreated(
          username: username, fullName: fullName, role: role, site: site, passwordHash: hash,
          mustChangePassword: true)
      ]
    }
    return password
  }

  /// Changes a user's role or site (a permission change: audited, ends their sessions).
  public func changeRole(username: String, role: Role, site: String?, by admin: String, reason: String)
    async throws
  {
    try Self.checkRole(role)
    try await append(by: admin, reason: reason) { accounts in
      guard accounts.users[username] != nil else {
        throw InputError(.notFound, field: "username", expected: "an existing user", found: username)
      }
      try Self.checkSite(site, role: role, in: accounts)
      return [.roleChanged(username: username, role: role, site: site)]
    }
  }

  /// Gives a user a new one-time password (an administrator's reset); returned to be handed over.
  public func resetPassword(username: String, by admin: String, reason: String) async throws -> String {
    let password = Self.oneTimePassword()
    let hash = try await hash(password)
    try await append(by: admin, reason: reason) { accounts in
      guard accounts.users[username] != nil else {
        throw InputError(.notFound, field: "username", expected: "an existing user", found: username)
      }
      return [.passwordChanged(username: username, passwordHash: hash, mustChangePassword: true)]
    }
    return password
  }

  /// Adds a site.
  public func addSite(_ site: String, name: String, by admin: String) async throws {
    try TrialConduct.checkIdentifier(site, field: "site")
    try await append(by: admin) { accounts in
      guard accounts.sites[site] == nil else {
        throw InputError(.conflict, field: "site", expected: "a site not yet added", found: site)
      }
      return [.siteAdded(site: site, name: name)]
    }
  }

  /// Refuses `system`, which is cartrial's own role, not a person's.
  static func checkRole(_ role: Role) throws {
    guard Permissions.assignableRoles.contains(role) else {
      throw InputError.notOneOf(
        "role", allowed: Permissions.assignableRoles.map(\.rawValue), found: role.rawValue)
    }
  }

  static func checkSite(_ site: String?, role: Role, in accounts: Accounts) throws {
    if let site {
      guard accounts.sites[site] != nil else {
        throw InputError(
          .notFound, field: "site",
          expected: "a site: "
            + (accounts.sites.isEmpty
              ? "none yet (add one)" : accounts.sites.keys.sorted().joined(separator: ", ")),
          found: site)
      }
    } else if Permissions.isSiteBound(role) {
      throw InputError(
        .missing, field: "site", expected: "a site for a \(role.rawValue) (they work at one site)",
        found: "none")
    }
  }

  /// The accounts log, newest last, for the audit page.
  public func log() async throws -> [(sequence: Int, event: AccountEvent, hash: [UInt8])] {
    try await store.events(trial: Self.logID, from: 1).map {
      ($0.sequence, try AccountEvent.decode($0.bytes), $0.hash)
    }
  }
}
