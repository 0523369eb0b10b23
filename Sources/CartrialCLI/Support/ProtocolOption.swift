import ArgumentParser
import Eligibility
import TrialModel

/// `--protocol ID|FILE [--group G]`, shared by every command that works on a protocol.
///
/// `--protocol` takes a bundled protocol id (`NCT07470073`, case-insensitive) or the path of a
/// protocol file. Commands that can also run without a protocol (`decide --design …`) call
/// ``loadIfGiven()``; the others call ``load()``.
public struct ProtocolOptions: ParsableArguments {
  @Option(
    name: .customLong("protocol"), help: "A bundled protocol id (e.g. NCT07470073) or a protocol file path.")
  public var reference: String?

  @Option(name: .long, help: "The population group (needed when the protocol has several, e.g. A or B).")
  public var group: String?

  public init() {}

  /// The protocol named by `--protocol`; fails when it is missing or invalid.
  public func load() throws -> TrialProtocol {
    guard let reference else { throw ValidationError("missing --protocol ID|FILE") }
    return try ProtocolOptions.resolve(reference)
  }

  /// The protocol and the group named by `--protocol` and `--group`.
  public func loadGroup() throws -> (TrialProtocol, PopulationGroup) {
    let trial = try load()
    do {
      return (trial, try trial.group(group))
    } catch {
      throw CLIError("--group: \(error.message)")
    }
  }

  /// The protocol when `--protocol` was given, else `nil`.
  public func loadIfGiven() throws -> TrialProtocol? {
    try reference.map(ProtocolOptions.resolve)
  }

  /// Loads a bundled id or a file and type-checks its criteria expressions, turning every
  /// loading problem into one CLI error (`FILE:LINE:COLUMN: error: …`).
  public static func resolve(_ reference: String) throws -> TrialProtocol {
    let trial: TrialProtocol
    do {
      trial = try BundledProtocols.resolve(reference)
    } catch {
      throw CLIError(error.description)
    }
    do {
      _ = try CriteriaCompiler.compile(trial)
    } catch {
      let place = error.location.map { "\($0): " } ?? "\(trial.id): "
      throw CLIError("\(place)error: criteria.\(error.criterionID).expression: \(error.message)")
    }
    return trial
  }
}
