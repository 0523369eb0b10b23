import ArgumentParser
import TrialConduct

/// A conduct command that records one command on a trial: it names the trial, builds the
/// command from its options, and prints the events written.
protocol RecordingCommand: AsyncParsableCommand {
  var trial: String { get }
  var options: ConductOptions { get }
  func command() throws -> ConductCommand
}

extension RecordingCommand {
  func run() async throws {
    try await ConductRun.record(try command(), trial: trial, options: options)
  }
}
