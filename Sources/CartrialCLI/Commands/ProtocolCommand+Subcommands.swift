import ArgumentParser

extension ProtocolCommand {
  /// The `protocol` subcommands; `criteria` comes from the eligibility work.
  static var subcommands: [any ParsableCommand.Type] {
    [List.self, Show.self, Check.self]
  }
}
