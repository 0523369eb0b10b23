import ArgumentParser

extension ProtocolCommand {
  /// The `protocol` subcommands.
  static var subcommands: [any ParsableCommand.Type] {
    [List.self, Show.self, Check.self, ProtocolCriteriaCommand.self, ProtocolDraftCommand.self]
  }
}
