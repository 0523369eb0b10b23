import ArgumentParser
import TrialModel

extension TrialProtocol {
  /// The group `--group` names, or `nil` when none is named; an unknown group is an error that
  /// lists the protocol's groups. Every command that takes `--group` checks it here.
  func namedGroup(_ id: String?) throws -> PopulationGroup? {
    guard let id else { return nil }
    do { return try group(id) } catch { throw CLIError.input(error) }
  }
}

extension ProtocolOptions {
  /// Fails when `--group` is given without `--protocol` (a group belongs to one protocol).
  func validateGroupNeedsProtocol() throws {
    if group != nil && reference == nil {
      throw ValidationError(
        "--group: expected --protocol as well (groups belong to a protocol), found --group \(group!) alone")
    }
  }
}

/// `--protocol ID|FILE [--group G]` for commands that cannot run without a protocol, so that the
/// help shows `--protocol` as required and leaving it out names the missing option.
struct RequiredProtocolOptions: ParsableArguments {
  @Option(
    name: .customLong("protocol"), help: "A bundled protocol id (e.g. NCT07470073) or a protocol file path.")
  var reference: String

  @Option(name: .long, help: "The population group (needed when the protocol has several, e.g. A or B).")
  var group: String?

  /// The protocol, and the group if `--group` names one (checked against the protocol's groups).
  func load() throws -> (TrialProtocol, PopulationGroup?) {
    let trial = try ProtocolOptions.resolve(reference)
    return (trial, try trial.namedGroup(group))
  }
}
