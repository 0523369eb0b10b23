import Foundation
import Inputs

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

/// What must hold of a patient-record ``InputError`` for it to point into the JSON `text`: its
/// location is a line and column inside the text; its field path's containing fields are keys of
/// the text, and so is its last field unless the error says the field is missing.
enum RecordErrorPlacement {
  static func problems(_ error: InputError, in text: String) -> [String] {
    var problems: [String] = []
    if error.expected.isEmpty || error.found.isEmpty { problems.append("empty expected or found") }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if let location = error.location {
      if !(1...lines.count).contains(location.line) {
        problems.append("line \(location.line) outside 1…\(lines.count)")
      } else if !(1...lines[location.line - 1].utf8.count + 1).contains(location.column) {
        problems.append("column \(location.column) outside line \(location.line)")
      }
    } else {
      problems.append("no line and column")
    }
    guard error.kind != .malformed, !error.field.isEmpty, !hasAmbiguousKey(text) else { return problems }
    let fields = error.field.split(separator: ".").map { String($0.prefix { $0 != "[" }) }.filter {
      !$0.isEmpty
    }
    for field in fields.dropLast() where !text.contains("\"\(field)\"") {
      problems.append("path names '\(field)', which the JSON does not contain")
    }
    if let last = fields.last, error.kind != .missing, !text.contains("\"\(last)\"") {
      problems.append("path ends in '\(last)', which the JSON does not contain")
    }
    return problems
  }

  /// Whether some key of `text` contains `.` or `[` (a fuzzed key such as `"bir[hDate"`), which
  /// makes a dotted field path ambiguous to split, or an escape (`"perform\nce"`), which the
  /// path names decoded.
  static func hasAmbiguousKey(_ text: String) -> Bool {
    let keys = try! NSRegularExpression(pattern: #""([^"]*)"\s*:"#)
    let range = NSRange(text.startIndex..., in: text)
    return keys.matches(in: text, range: range).contains { match in
      let key = Range(match.range(at: 1), in: text).map { text[$0] } ?? ""
      return key.contains(".") || key.contains("[") || key.contains("\\")
    }
  }
}
