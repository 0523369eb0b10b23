import Foundation

@testable import Eligibility

/// What must hold of an ``ExpressionError`` for it to point at the offending token of `text`:
///
/// - its offset lies in the text (`0…count`, `count` meaning the end of the expression), and is
///   the end exactly when the message says it found the end of the expression;
/// - inside the text it points at a token, not at white space;
/// - a message that quotes the offending text (`unexpected character '$'`, `unknown name 'x'`,
///   `found ')'`, `found the unknown name 'x'`, `unknown unit 'x'`) quotes the text at the offset.
enum ExpressionErrorPlacement {
  /// The properties `error` violates (empty when it is well placed).
  static func problems(_ error: ExpressionError, in text: String) -> [String] {
    let characters = Array(text)
    guard (0...characters.count).contains(error.offset) else {
      return ["offset \(error.offset) outside 0…\(characters.count)"]
    }
    var problems: [String] = []
    let atEnd = error.offset == characters.count
    if atEnd != error.message.hasSuffix("found end of expression") {
      problems.append(
        atEnd ? "offset at the end, message names no end" : "message names the end, offset does not")
    }
    if !atEnd, characters[error.offset].isWhitespace { problems.append("offset on white space") }
    if let quoted = quotedToken(error.message) {
      let rest = String(characters[error.offset...])
      if !spellings(of: quoted).contains(where: rest.hasPrefix) {
        problems.append("quotes '\(quoted)' but points at '\(rest.prefix(12))'")
      }
    }
    return problems
  }

  /// The ways the text can spell a quoted token: comparisons are quoted in their ASCII spelling
  /// whether written `>=` or `≥`, `==` or `=`.
  static func spellings(of quoted: String) -> [String] {
    let alternatives = [">=": ["≥"], "<=": ["≤"], "!=": ["≠"], "==": ["="]]
    return [quoted] + (alternatives[quoted] ?? [])
  }

  /// The offending text a message quotes, if it has one of the forms that quote it.
  static func quotedToken(_ message: String) -> String? {
    let markers = [
      "unexpected character '", "malformed number '", "unknown name '", "unknown unit '",
      "unknown function '", "found the unknown name '", "found '",
    ]
    for marker in markers {
      guard let range = message.range(of: marker) else { continue }
      let tail = message[range.upperBound...]
      // The quoted text may itself be a quote character ("unexpected character '''").
      guard let close = tail.dropFirst().firstIndex(of: "'") else { return nil }
      return String(tail[..<close])
    }
    return nil
  }
}

/// What must hold of a ``RecordError`` for it to point into the patient JSON `text`: a syntax
/// error (path `$`) names a line and column inside the text; any other error names a field path
/// whose containing fields are keys of the text and whose last field is a key of the text unless
/// the error says it is missing ("required", or "found ''" — how a missing `scale` or `result`
/// reads today).
enum RecordErrorPlacement {
  static func problems(_ error: RecordError, in text: String) -> [String] {
    guard !error.message.isEmpty else { return ["empty message"] }
    if error.path == "$" { return syntaxProblems(error.message, in: text) }
    let fields = error.path.split(separator: ".").map { component in
      String(component.prefix { $0 != "[" })
    }
    guard let last = fields.last, !last.isEmpty else { return ["no field in path '\(error.path)'"] }
    var problems: [String] = []
    for field in fields.dropLast() where !text.contains("\"\(field)\"") {
      problems.append("path names '\(field)', which the JSON does not contain")
    }
    let isMissing = error.message.hasPrefix("required") || error.message.hasSuffix("found ''")
    if !isMissing, !text.contains("\"\(last)\"") {
      problems.append("path ends in '\(last)', which the JSON does not contain")
    }
    return problems
  }

  private static func syntaxProblems(_ message: String, in text: String) -> [String] {
    let pattern = /line (\d+), column (\d+)/
    guard let match = message.firstMatch(of: pattern), let line = Int(match.1), let column = Int(match.2)
    else { return ["syntax error without line and column: \(message)"] }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard (1...lines.count).contains(line) else { return ["line \(line) outside 1…\(lines.count)"] }
    let length = lines[line - 1].utf8.count
    guard (1...length + 1).contains(column) else {
      return ["column \(column) outside 1…\(length + 1) of line \(line)"]
    }
    return []
  }
}
