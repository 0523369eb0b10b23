import ArgumentParser
import Inputs
import ProtocolFiles
import TrialModel

/// `--protocol ID|FILE [--group G]`, shared by every command that works on a protocol.
///
/// `--protocol` takes a bundled protocol id (`NCT07470073`, case-insensitive) or the path of a
/// protocol file; `ProtocolFiles`' `ProtocolLibrary` loads it and this type only prints its errors.
/// Commands that can also run without a protocol (`decide --design …`) call ``loadIfGiven()``; the
/// others call ``load()``.
public struct ProtocolOptions: ParsableArguments {
  @Option(
    name: .customLong("protocol"), help: "A bundled protocol id (e.g. NCT07470073) or a protocol file path.")
  public var reference: String?

  @Option(name: .long, help: "The population group (needed when the protocol has several, e.g. A or B).")
  public var group: String?

  public init() {}

  /// The protocol named by `--protocol`; fails when it is missing or invalid.
  public func load() throws -> TrialProtocol {
    guard let reference else {
      throw ValidationError("--protocol: expected a bundled protocol id or a protocol file, found none")
    }
    return try ProtocolOptions.resolve(reference)
  }

  /// The protocol and the group named by `--protocol` and `--group`.
  public func loadGroup() throws -> (TrialProtocol, PopulationGroup) {
    let trial = try load()
    do {
      return (trial, try trial.group(group))
    } catch {
      throw ProtocolOptions.groupError(error)
    }
  }

  /// The protocol when `--protocol` was given, else `nil`.
  public func loadIfGiven() throws -> TrialProtocol? {
    try reference.map(ProtocolOptions.resolve)
  }

  /// `ProtocolLibrary.load(_:)` (a bundled id or a file, criteria type-checked), its errors
  /// printed one per line as `cartrial: error: FILE:LINE:COLUMN: FIELD: expected …, found …`.
  public static func resolve(_ reference: String) throws -> TrialProtocol {
    do {
      return try ProtocolLibrary.load(reference)
    } catch {
      throw CLIError(describe(error))
    }
  }

  /// `ProtocolLibrary.bundled()`, its errors printed as ``resolve(_:)`` prints them.
  public static func bundled() throws -> [TrialProtocol] {
    do {
      return try ProtocolLibrary.bundled()
    } catch {
      throw CLIError(describe(error))
    }
  }

  /// A `TrialProtocol.group(_:)` error as the CLI prints it: `--group: expected …, found …`.
  static func groupError(_ error: InputError) -> CLIError { CLIError.input(error) }

  /// One line per error (`cartrial: error: FILE:LINE:COLUMN: FIELD: …` when located); the field `protocol`
  /// is named as the option `--protocol`.
  private static func describe(_ errors: InputErrors) -> String {
    errors.errors.map { error in
      error.field == "protocol" && error.location == nil
        ? "--protocol: expected \(error.expected), found \(error.found)" : error.description
    }.joined(separator: "\n")
  }
}
