import ArgumentParser
import Foundation
import Inputs
import TrialConduct
import TrialModel
import TrialStore

/// `--db`, `--actor`, `--role`, `--site`, `--key` and `--format`: shared by every conduct command.
struct ConductOptions: ParsableArguments {
  @Option(
    help:
      "The database: a SQLite file path or postgres://user:pass@host:port/db (default $CARTRIAL_DB, else ./cartrial.sqlite)."
  )
  var db: String?
  @Option(help: "Who records this (default: the login user).")
  var actor: String?
  @Option(
    help:
      "The role acted in: coordinator, investigator, safetyReviewer, statistician, monitor or administrator (default: the first role the command permits)."
  )
  var role: Role?
  @Option(help: "The actor's site (a site-bound actor acts only on their site's subjects).")
  var site: String?
  @Option(
    help:
      "The Ed25519 checkpoint signing key file, created with mode 0600 on first use (default $CARTRIAL_SIGNING_KEY, else ~/.cartrial/signing.key)."
  )
  var key: String?
  @OptionGroup var output: OutputOptions

  /// The database location named by `--db` or `CARTRIAL_DB`.
  var location: String {
    db ?? ProcessInfo.processInfo.environment["CARTRIAL_DB"] ?? StoreLocation.defaultPath
  }

  /// The actor, in `--role` or the first role `command` permits.
  func actor(for command: ConductCommand?, default fallback: Role = .coordinator) -> Actor {
    let preference: [Role] = [
      .coordinator, .investigator, .safetyReviewer, .administrator, .statistician, .monitor,
    ]
    let role =
      self.role ?? command.flatMap { c in preference.first { c.permittedRoles.contains($0) } } ?? fallback
    return Actor(name: actor ?? ConductOptions.loginUser, role: role, site: site)
  }

  static var loginUser: String {
    let env = ProcessInfo.processInfo.environment
    return env["USER"] ?? env["LOGNAME"] ?? "unknown"
  }

  /// Opens the store and a ledger on it, runs `body`, and closes the store.
  func withLedger<T: Sendable>(_ body: @Sendable (TrialLedger) async throws -> T) async throws -> T {
    let store: any EventStore
    do { store = try await openEventStore(try StoreLocation.parse(location)) } catch {
      throw CLIError("--db \(location): \(error)")
    }
    let signer: CheckpointSigner
    do {
      if let key {
        signer = try CheckpointSigner(keyFile: key)
      } else {
        signer = try CheckpointSigner(
          environment: ProcessInfo.processInfo.environment,
          keyFile: NSHomeDirectory() + "/.cartrial/signing.key")
      }
    } catch {
      try? await store.close()
      throw CLIError("--key: \(error)")
    }
    let ledger = TrialLedger(store: store, signer: signer)
    do {
      let result = try await presentingConduct { try await body(ledger) }
      try await store.close()
      return result
    } catch {
      try? await store.close()
      throw error
    }
  }
}

extension Role: ExpressibleByArgument {}
extension Signature.Meaning: ExpressibleByArgument {}
extension DLTAdjudicated.Outcome: ExpressibleByArgument {}
extension OffStudy.Reason: ExpressibleByArgument {}
extension ConcomitantTreatment.Purpose: ExpressibleByArgument {}

/// Shows library errors as the command line does (`--subject: expected …, found …`).
func presentingConduct<T>(_ body: () async throws -> T) async throws -> T {
  do { return try await body() } catch let error as InputError {
    throw CLIError.input(
      error,
      rename: [
        "subject": "--subject", "trial": "TRIAL", "site": "--site", "role": "--role",
        "criterion": "--criterion",
        "date": "--date", "weightKg": "--weight-kg", "reason": "--reason", "level": "--level", "seq": "--seq",
        "outcome": "--outcome", "entry": "--entry",
      ])
  } catch let error as StoreError {
    throw CLIError("\(error)")
  } catch let error as ConductError {
    throw CLIError("the stored log: \(error)")
  }
}

/// A date option `YYYY-MM-DD`.
extension CalendarDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(iso: argument) }
}
