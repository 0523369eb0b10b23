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
  public static func execute(_ arguments: [String], errors: (String) -> Void = Cartrial.writeToStandardError)
    -> Int32
  {
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
      try command.run()
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

  /// Writes `text` to standard error unbuffered.
  @Sendable public static func writeToStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
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
