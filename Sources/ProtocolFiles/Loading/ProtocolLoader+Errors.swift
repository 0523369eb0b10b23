import Inputs
import TrialModel
import Yams

/// How YAML syntax errors and `Codable` decoding errors become located ``InputError``s.
extension ProtocolLoader {
  /// A libyaml error at its line and column (`.malformed`).
  static func syntaxError(_ error: YamlError, file: String) -> InputError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
      return InputError(
        .malformed, field: "", expected: "well-formed YAML (check the indentation)",
        found: "\(problem)\(detail)",
        location: SourceLocation(file: file, line: mark.line, column: mark.column))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return InputError(
        .malformed, field: "", expected: "each key once per mapping",
        found: "duplicated keys \(duplicates.joined(separator: ", "))",
        location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
    default:
      return InputError(.malformed, field: "", expected: "well-formed YAML", found: "\(error)")
    }
  }

  /// A decoding error at the YAML node of its coding path (a missing key: at its parent mapping).
  static func describe(_ error: DecodingError, locator: YAMLLocator) -> InputError {
    func make(_ path: [any CodingKey], _ kind: InputError.Kind, expected: String, found: String) -> InputError
    {
      let steps = YAMLLocator.steps(path)
      return InputError(
        kind, field: YAMLLocator.render(steps), expected: expected, found: found,
        location: locator.location(of: steps))
    }
    switch error {
    case .keyNotFound(let key, let context):
      return make(
        context.codingPath + [key], .missing, expected: "a value (the key is required)", found: "nothing")
    case .typeMismatch(let type, let context):
      let found = locator.node(at: YAMLLocator.steps(context.codingPath))
      return make(context.codingPath, .invalidValue, expected: describe(type), found: describe(found))
    case .valueNotFound(let type, let context):
      return make(context.codingPath, .missing, expected: describe(type), found: "nothing")
    case .dataCorrupted(let context):
      if let reported = context.underlyingError as? InputError {
        // A value type's own check (a unit, a date, an enumerated value): keep its words.
        var located = make(
          context.codingPath, reported.kind, expected: reported.expected, found: reported.found)
        located.field = InputError.join(located.field, reported.field)
        return located
      }
      let found = locator.node(at: YAMLLocator.steps(context.codingPath))
      return make(
        context.codingPath, .invalidValue, expected: "a valid value (\(context.debugDescription))",
        found: describe(found))
    @unknown default:
      return make([], .invalidValue, expected: "a protocol document", found: "\(error)")
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Float.Type: "a number"
    case is Int.Type: "a whole number"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    default:
      String(describing: type).contains("Array") ? "a list" : "a mapping (\(type))"
    }
  }

  private static func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let s): "'\(s.string)'"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }
}
