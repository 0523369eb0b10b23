import Foundation
import Hummingbird
import Inputs
import Logging
import TrialStore

/// `cartrial serve`: on the store given, the administrator created on first start, the server
/// listening until SIGTERM or SIGINT (graceful shutdown: requests in flight finish).
public struct ServerRun: Sendable {
  public struct Failure: Error {
    public let message: String
  }

  let store: any EventStore
  let signer: CheckpointSigner?
  let host: String
  let port: Int
  let adminPassword: String?
  let secureCookies: Bool
  let contactRetentionDays: Int
  let visitorRetentionDays: Int
  let logger: Logger

  public init(
    store: any EventStore, signer: CheckpointSigner?, host: String, port: Int, adminPassword: String?,
    secureCookies: Bool, contactRetentionDays: Int = 90, visitorRetentionDays: Int = 180, logger: Logger
  ) {
    self.contactRetentionDays = contactRetentionDays
    self.visitorRetentionDays = visitorRetentionDays
    self.store = store
    self.signer = signer
    self.host = host
    self.port = port
    self.adminPassword = adminPassword
    self.secureCookies = secureCookies
    self.logger = logger
  }

  /// Runs until stopped; `say` prints what a person must read (the address, a one-time password).
  public func run(say: @escaping @Sendable (String) -> Void) async throws {
    let accounts = AccountBook(store: store)
    let password: String?
    do { password = try await accounts.bootstrap(adminPassword: adminPassword) } catch let error as InputError
    {
      throw Failure(message: "--admin-password: expected \(error.expected), found \(error.found)")
    }
    if let password {
      say(
        adminPassword == nil
          ? "created the administrator: username admin, one-time password \(password) (shown once; change it at first sign-in)"
          : "created the administrator: username admin, with the given password (change it at first sign-in)")
    }
    var app = try await WebApp(
      ledger: TrialLedger(store: store, signer: signer), accounts: accounts, secureCookies: secureCookies)
    app.contactRetentionDays = contactRetentionDays
    app.visitorRetentionDays = visitorRetentionDays
    let application = app.application(host: host, port: port, logger: logger) { port in
      say(
        "cartrial is serving at http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)/ — open it in a browser"
      )
    }
    try await application.runService()
  }
}
