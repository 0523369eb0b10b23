import ArgumentParser
import Foundation
import Logging
import TrialServer
import TrialStore

/// `cartrial serve`: the web application on the embedded SQLite file (default) or PostgreSQL.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the web application: every role runs trials in a browser (and the JSON API under /api/v1)."
  )

  @Option(
    help:
      "The database: a SQLite file path or postgres://user:pass@host:port/db (default $CARTRIAL_DB, else ./cartrial.sqlite)."
  )
  var db: String?
  @Option(help: "The address to listen on.") var host = "127.0.0.1"
  @Option(help: "The port to listen on (0: any free port).") var port = 8080
  @Option(
    help:
      "The first administrator's password, on a database with no users (default $CARTRIAL_ADMIN_PASSWORD, else a one-time password is printed once)."
  )
  var adminPassword: String?
  @Option(
    help:
      "The Ed25519 checkpoint signing key file (default $CARTRIAL_SIGNING_KEY, else ~/.cartrial/signing.key)."
  )
  var key: String?
  @Flag(help: "Mark cookies Secure (when the server is reached over HTTPS, e.g. behind a TLS proxy).")
  var secureCookies = false
  @Option(help: "Days a visitor's contact request is kept at most before it is erased.")
  var contactRetentionDays = 90
  @Option(
    help:
      "Days what a visitor keeps (saved searches, notices, private notes) is kept at most before it is erased."
  )
  var visitorRetentionDays = 180

  func validate() throws {
    guard (1...3650).contains(contactRetentionDays) else {
      throw ValidationError(
        "--contact-retention-days: expected 1 to 3650 days, found \(contactRetentionDays)")
    }
    guard (1...3650).contains(visitorRetentionDays) else {
      throw ValidationError(
        "--visitor-retention-days: expected 1 to 3650 days, found \(visitorRetentionDays)")
    }
  }

  func run() async throws {
    let env = ProcessInfo.processInfo.environment
    let location = db ?? env["CARTRIAL_DB"] ?? StoreLocation.defaultPath
    let store: any EventStore
    do { store = try await openEventStore(try StoreLocation.parse(location)) } catch {
      throw CLIError("--db \(location): \(error)")
    }
    let signer: CheckpointSigner
    do {
      signer =
        try key.map { try CheckpointSigner(keyFile: $0) }
        ?? CheckpointSigner(environment: env, keyFile: NSHomeDirectory() + "/.cartrial/signing.key")
    } catch {
      try? await store.close()
      throw CLIError("--key: \(error)")
    }
    var logger = Logger(label: "cartrial")
    logger.logLevel = env["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    let server = ServerRun(
      store: store, signer: signer, host: host, port: port,
      adminPassword: adminPassword ?? env["CARTRIAL_ADMIN_PASSWORD"], secureCookies: secureCookies,
      contactRetentionDays: contactRetentionDays, visitorRetentionDays: visitorRetentionDays, logger: logger)
    do {
      try await server.run { line in
        CartrialCLI.print(line)
        Output.flush()
      }
    } catch let error as ServerRun.Failure {
      try? await store.close()
      throw CLIError(error.message)
    }
    try? await store.close()
  }
}
