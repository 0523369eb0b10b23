/// The argument parser's messages about a value, in the one error style of the command line:
/// `The value 'x' is invalid for '--format <format>'. Please provide one of 'text' or 'json'.`
/// becomes `--format: expected one of 'text' or 'json', found 'x'`. Messages of another shape
/// (`Unknown option '--desing'. Did you mean '--design'?`) are kept as the parser words them.
enum ParserMessage {
  static func restyled(_ message: String) -> String {
    if let rest = message.dropping("The value '"), let quote = rest.range(of: "' is invalid for '") {
      let value = rest[..<quote.lowerBound]
      let afterOption = rest[quote.upperBound...]
      guard let close = afterOption.firstIndex(of: "'") else { return message }
      let option = optionName(afterOption[..<close])
      let tail = afterOption[afterOption.index(after: close)...]
      let expected: String
      if let list = tail.dropping(". Please provide one of ") {
        expected = "one of " + String(list.hasSuffix(".") ? list.dropLast() : list[...])
      } else if let reason = tail.dropping(": ") {
        expected = String(reason)
      } else {
        expected = "a value as its help describes"
      }
      return "\(option): expected \(expected), found '\(value)'"
    }
    if let rest = message.dropping("Missing value for '") {
      return "\(optionName(rest.prefix { $0 != "'" })): expected a value, found none"
    }
    if let rest = message.dropping("Missing expected argument '") {
      return "\(optionName(rest.prefix { $0 != "'" })): expected a value (it is required), found none"
    }
    if let rest = message.dropping("The option '"),
      let end = rest.range(of: "' does not take any value, but '")
    {
      let value = rest[end.upperBound...].prefix { $0 != "'" }
      return "\(rest[..<end.lowerBound]): expected no value (it is a flag), found '\(value)'"
    }
    return message
  }

  /// `--format <format>` → `--format`.
  private static func optionName(_ synopsis: Substring) -> String {
    String(synopsis.prefix { $0 != " " })
  }
}

extension StringProtocol {
  /// The rest after `prefix`, or `nil` when the text does not start with it.
  fileprivate func dropping(_ prefix: String) -> SubSequence? {
    hasPrefix(prefix) ? dropFirst(prefix.count) : nil
  }
}
