import ArgumentParser
import Foundation

extension Cartrial {
  /// The prefix of every error the command line prints, one per line.
  public static let errorPrefix = "cartrial: error: "

  /// Runs one command line as the `cartrial` binary does, without exiting: parses `arguments`
  /// (without the program name), runs the command, and returns the exit status. Help and the
  /// version go to the commands' output (``Output``); every error goes to `errors` in one style,
  /// `cartrial: error: <where>: expected …, found …`, followed by the usage of the command at
  /// fault when the mistake is in how it was called.
  public static func execute(
    _ arguments: [String], errors: @escaping @Sendable (String) -> Void = Cartrial.writeToStandardError
  ) -> Int32 {
    Output.$errors.withValue(DiagnosticSink(errors)) { run(arguments, errors: errors) }
  }

  private static func run(_ arguments: [String], errors: (String) -> Void) -> Int32 {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      let status = exitCode(for: error)
      let text = fullMessage(for: error, columns: 100)
      guard status != .success else {
        if !text.isEmpty { Output.write(text + "\n") }
        return status.rawValue
      }
      errors(parseErrorText(text, arguments: arguments) + "\n")
      return status.rawValue
    }
    do {
      if let asynchronous = command as? any AsyncParsableCommand {
        try runBlocking(asynchronous)
      } else {
        try command.run()
      }
      return ExitCode.success.rawValue
    } catch let exit as ExitCode {
      return exit.rawValue
    } catch {
      let type = Swift.type(of: command)
      if exitCode(for: error) == .success {
        Output.write(fullMessage(for: error, columns: 100) + "\n")
        return ExitCode.success.rawValue
      }
      var text = styled(message(for: error))
      if error is ValidationError {
        let name = "cartrial " + commandPath(of: type).joined(separator: " ")
        text += "\nUsage: " + usageString(for: type) + "\n  See '\(name) --help' for more information."
      }
      errors(text + "\n")
      return ExitCode.failure.rawValue
    }
  }

  /// Runs an asynchronous command (the conduct commands, which talk to a database) to its end on
  /// the calling thread: the command line runs one command, then exits.
  private static func runBlocking(_ command: any AsyncParsableCommand) throws {
    nonisolated(unsafe) var command = command
    nonisolated(unsafe) var failure: (any Error)?
    let done = DispatchSemaphore(value: 0)
    Task {
      do { try await command.run() } catch { failure = error }
      done.signal()
    }
    done.wait()
    if let failure { throw failure }
  }

  /// Writes `text` to standard error unbuffered.
  @Sendable public static func writeToStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Writes a diagnostic line (a note, or one error of a batch that goes on) where this run's
  /// errors go: standard error, or the caller's `errors` of ``execute(_:errors:)``.
  static func diagnose(_ text: String) {
    (Output.errors?.write ?? writeToStandardError)(text)
  }

  /// Every line of a message with the error prefix.
  static func styled(_ message: String) -> String {
    message.split(separator: "\n", omittingEmptySubsequences: false)
      .map { errorPrefix + $0 }.joined(separator: "\n")
  }

  /// The argument parser's message (`Error: …` then the usage) in the one style, with a hint when
  /// a negative number was read as an option: `--weight-kg -5` is written `--weight-kg=-5`.
  static func parseErrorText(_ text: String, arguments: [String]) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard !lines.isEmpty else { return errorPrefix + "invalid command line" }
    var first = lines[0]
    if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
    // A long list of allowed values comes as bullets on the lines after: fold them into the line.
    let bullets = "one of the following:"
    if first.hasSuffix(bullets) {
      let values = lines.dropFirst().prefix { $0.hasPrefix("  - ") }.map { "'\($0.dropFirst(4))'" }
      lines.removeSubrange(1..<(1 + values.count))
      first = first.dropLast("the following:".count) + values.joined(separator: ", ") + "."
    }
    first = negativeNumber(first, arguments: arguments) ?? ParserMessage.restyled(first)
    lines[0] = errorPrefix + first
    return lines.joined(separator: "\n")
  }

  /// `Missing value for '--weight-kg <weight-kg>'` when the next argument is `-5`: the parser read
  /// the number as an option; a negative value is written `--weight-kg=-5`.
  private static func negativeNumber(_ message: String, arguments: [String]) -> String? {
    guard message.hasPrefix("Missing value for '--") else { return nil }
    let option = String(message.dropFirst("Missing value for '".count).prefix { $0 != " " && $0 != "'" })
    guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
    let next = arguments[index + 1]
    guard next.hasPrefix("-"), Double(next) != nil else { return nil }
    return
      "\(option): expected a value, found \(next) read as an option (write a negative number as \(option)=\(next))"
  }

  /// The subcommand names from the root to `type`, e.g. `["grade", "crs"]`.
  static func commandPath(of type: any ParsableCommand.Type) -> [String] {
    func search(_ node: any ParsableCommand.Type, _ path: [String]) -> [String]? {
      if node == type { return path }
      for child in node.configuration.subcommands {
        let name = child.configuration.commandName ?? String(describing: child).lowercased()
        if let found = search(child, path + [name]) { return found }
      }
      return nil
    }
    return search(Cartrial.self, []) ?? []
  }
}
