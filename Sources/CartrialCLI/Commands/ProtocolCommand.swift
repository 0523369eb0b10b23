import ArgumentParser
import Foundation
import TrialModel

/// `cartrial protocol list|show|check|criteria`.
struct ProtocolCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "protocol",
    abstract: "List, show and check computable protocol files.",
    subcommands: ProtocolCommand.subcommands
  )

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the bundled protocols.")
    @OptionGroup var output: OutputOptions

    func run() throws {
      try output.require([.text, .json, .csv])
      let protocols = try ProtocolOptions.bundled()
      struct Row: Encodable {
        var id, title, shortTitle, phase, status: String
        var groups: [String]
      }
      let rows = protocols.map {
        Row(
          id: $0.id, title: $0.title, shortTitle: $0.shortTitle ?? $0.title, phase: $0.phase.rawValue,
          status: $0.status.rawValue, groups: $0.groups.map(\.id))
      }
      switch output.format {
      case .json: try Output.json(rows)
      case .csv:
        Output.csv(
          header: ["id", "title", "phase", "status", "groups"],
          rows: rows.map {
            [$0.id, $0.title, $0.phase, $0.status, $0.groups.joined(separator: " ")]
          })
      default:
        for row in rows {
          print(
            "\(row.id)  \(row.phase.padding(toLength: 13, withPad: " ", startingAt: 0)) \(row.shortTitle)")
        }
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a whole protocol; values assumed where the registry is silent are flagged.")
    @Argument(help: "A bundled protocol id or a protocol file path.") var id: String
    @OptionGroup var output: OutputOptions

    func run() throws {
      try output.require([.text, .json])
      let trial = try ProtocolOptions.resolve(id)
      if output.format == .json {
        try Output.json(trial)
      } else {
        print(ProtocolText.render(trial), terminator: "")
      }
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate a protocol file; exits 0 when valid, else prints every error as FILE:LINE:COLUMN.")
    @Argument(help: "Protocol file paths (or bundled ids).") var files: [String]
    @OptionGroup var output: OutputOptions

    func run() throws {
      try output.require([.text, .json])
      var failures = 0
      struct Result: Encodable {
        var file: String
        var valid: Bool
        var errors: [String]
      }
      var results: [Result] = []
      for file in files {
        do {
          let trial = try ProtocolOptions.resolve(file)
          results.append(Result(file: file, valid: true, errors: []))
          if output.format == .text { print("\(file): valid (\(trial.id), \(trial.groups.count) group(s))") }
        } catch {
          failures += 1
          let lines = "\(error)".split(separator: "\n").map(String.init)
          results.append(Result(file: file, valid: false, errors: lines))
          if output.format == .text { Cartrial.writeToStandardError(Cartrial.styled("\(error)") + "\n") }
        }
      }
      if output.format == .json {  // one file, one object; several, an array
        if results.count == 1 { try Output.json(results[0]) } else { try Output.json(results) }
      }
      if failures > 0 { throw ExitCode(1) }
    }
  }
}
