import Foundation
import Yams

/// Loads and validates protocol files.
///
/// Loading composes the YAML (syntax errors keep libyaml's line and column), decodes the model,
/// rejects keys the model does not read, records where each criterion's expression starts, and
/// runs ``ProtocolValidator``. Every problem is reported as `FILE:LINE:COLUMN: error: PATH: …`.
public enum ProtocolLoader {
  /// Loads the protocol file at `url`; errors name it `displayName` (default: its path).
  public static func load(contentsOf url: URL, displayName: String? = nil) throws(ProtocolErrors)
    -> TrialProtocol
  {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw ProtocolErrors([
        ProtocolError(
          location: nil, path: "", message: "cannot read \(url.path): \(error.localizedDescription)")
      ])
    }
    return try load(yaml: text, file: displayName ?? url.path)
  }

  /// Loads a protocol from YAML text; `file` names it in error messages.
  public static func load(yaml: String, file: String) throws(ProtocolErrors) -> TrialProtocol {
    let node = try compose(yaml, file: file)
    let locator = YAMLLocator(root: node, file: file)
    var trial: TrialProtocol
    do {
      trial = try YAMLDecoder().decode(TrialProtocol.self, from: node)
    } catch let error as DecodingError {
      throw ProtocolErrors([describe(error, locator: locator)])
    } catch {
      throw ProtocolErrors([ProtocolError(location: nil, path: "", message: "\(error)")])
    }
    var errors = unknownKeys(in: trial, input: node, locator: locator)
    locateExpressions(in: &trial, locator: locator)
    errors += ProtocolValidator(locator: locator).validate(trial)
    guard errors.isEmpty else { throw ProtocolErrors(errors) }
    return trial
  }

  private static func compose(_ yaml: String, file: String) throws(ProtocolErrors) -> Node {
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw ProtocolErrors([syntaxError(error, file: file)])
    } catch {
      throw ProtocolErrors([ProtocolError(location: nil, path: "", message: "\(error)")])
    }
    guard let node, case .mapping = node else {
      throw ProtocolErrors([
        ProtocolError(
          location: SourceLocation(file: file, line: 1, column: 1), path: "",
          message:
            "expected a mapping of protocol keys (id, title, groups, …), found an empty or scalar document")
      ])
    }
    return node
  }

  private static func syntaxError(_ error: YamlError, file: String) -> ProtocolError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
      return ProtocolError(
        location: SourceLocation(file: file, line: mark.line, column: mark.column), path: "",
        message: "invalid YAML: \(detail)\(problem) (check the indentation)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return ProtocolError(
        location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column), path: "",
        message: "duplicated keys: \(duplicates.joined(separator: ", "))")
    default:
      return ProtocolError(location: nil, path: "", message: "invalid YAML: \(error)")
    }
  }

  private static func describe(_ error: DecodingError, locator: YAMLLocator) -> ProtocolError {
    func make(_ path: [any CodingKey], _ message: String) -> ProtocolError {
      let steps = YAMLLocator.steps(path)
      return ProtocolError(
        location: locator.location(of: steps), path: YAMLLocator.render(steps), message: message)
    }
    switch error {
    case .keyNotFound(let key, let context):
      return make(context.codingPath + [key], "missing required key '\(key.stringValue)'")
    case .typeMismatch(let type, let context):
      let found = locator.node(at: YAMLLocator.steps(context.codingPath))
      return make(context.codingPath, "expected \(describe(type)), found \(describe(found))")
    case .valueNotFound(let type, let context):
      return make(context.codingPath, "expected \(describe(type)), found nothing")
    case .dataCorrupted(let context):
      let found = locator.node(at: YAMLLocator.steps(context.codingPath))
      var message = context.debugDescription
      if message.hasPrefix("Cannot initialize") || message.contains("invalid") {
        message = "unexpected value \(describe(found)): \(message)"
      }
      return make(context.codingPath, message)
    @unknown default:
      return make([], "\(error)")
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

  private static func unknownKeys(in trial: TrialProtocol, input: Node, locator: YAMLLocator)
    -> [ProtocolError]
  {
    guard let text = try? YAMLEncoder().encode(trial), let known = try? Yams.compose(yaml: text) else {
      return []
    }
    return locator.unknownKeys(input: input, known: known)
  }

  private static func locateExpressions(in trial: inout TrialProtocol, locator: YAMLLocator) {
    for (section, keyPath) in [("inclusion", \Criteria.inclusion), ("exclusion", \Criteria.exclusion)] {
      for i in trial.criteria[keyPath: keyPath].indices {
        let steps: [YAMLLocator.Step] = [.key("criteria"), .key(section), .index(i), .key("expression")]
        guard trial.criteria[keyPath: keyPath][i].expression != nil else { continue }
        var location = locator.location(of: steps)
        // A quoted scalar's mark is its opening quote; point at the expression's first character.
        if case .scalar(let scalar) = locator.node(at: steps),
          scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        {
          location?.column += 1
        }
        trial.criteria[keyPath: keyPath][i].expressionLocation = location
      }
    }
  }
}
