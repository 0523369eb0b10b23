import Eligibility
import Foundation
import Inputs
import TrialModel
import Yams

/// Loads and validates protocol files.
///
/// Loading composes the YAML (syntax errors keep libyaml's line and column), decodes the model,
/// rejects keys the model does not read, records where each criterion's expression starts, runs
/// ``ProtocolValidator`` and type-checks the criteria expressions with `Eligibility`'s
/// `CriteriaCompiler`. Every problem is an ``InputError`` located in the file, printed as
/// `FILE:LINE:COLUMN: FIELD: expected …, found …`.
public enum ProtocolLoader {
  /// Loads the protocol file at `url`; errors name it `displayName` (default: its path).
  /// - Throws: ``InputErrors``: `.notFound` when there is no such file, `.malformed` when it cannot
  ///   be read, otherwise every problem of ``load(yaml:file:)``.
  public static func load(contentsOf url: URL, displayName: String? = nil) throws(InputErrors)
    -> TrialProtocol
  {
    let file = displayName ?? url.path
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw InputErrors([
        InputError(.notFound, field: "", expected: "a protocol file", found: "no file '\(file)'")
      ])
    }
    var isDirectory: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: url.path) else {
      throw InputErrors([
        InputError(
          .malformed, field: "", expected: "a readable protocol file",
          found: isDirectory.boolValue ? "'\(file)', a directory" : "'\(file)', which this user may not read")
      ])
    }
    guard let text = String(bytes: data, encoding: .utf8) else {
      throw InputErrors([
        InputError(
          .malformed, field: "", expected: "UTF-8 text", found: "'\(file)' with bytes that are not UTF-8")
      ])
    }
    return try load(yaml: text, file: file)
  }

  /// Loads a protocol from YAML text; `file` names it in error locations.
  /// - Throws: ``InputErrors`` with every problem found: `.malformed` for YAML syntax, `.missing`,
  ///   `.invalidValue` or `.unknownField` for the model's keys, the validator's range and
  ///   reference errors, and the first criteria expression that does not compile
  ///   (field `criteria.<ID>.expression`).
  public static func load(yaml: String, file: String) throws(InputErrors) -> TrialProtocol {
    let node = try compose(yaml, file: file)
    let locator = YAMLLocator(root: node, file: file)
    var trial: TrialProtocol
    do {
      trial = try YAMLDecoder().decode(TrialProtocol.self, from: node)
    } catch let error as DecodingError {
      throw InputErrors([describe(error, locator: locator)])
    } catch {
      throw InputErrors([
        InputError(.malformed, field: "", expected: "a protocol document", found: "\(error)")
      ])
    }
    var errors = unknownKeys(in: trial, input: node, locator: locator)
    locateExpressions(in: &trial, locator: locator)
    var validator = ProtocolValidator(locator: locator)
    errors += validator.validate(trial)
    do {
      _ = try CriteriaCompiler.compile(trial)
    } catch {
      errors.append(error.inputError)
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
    return trial
  }

  private static func compose(_ yaml: String, file: String) throws(InputErrors) -> Node {
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw InputErrors([syntaxError(error, file: file)])
    } catch {
      throw InputErrors([InputError(.malformed, field: "", expected: "YAML", found: "\(error)")])
    }
    guard let node, case .mapping = node else {
      throw InputErrors([
        InputError(
          .malformed, field: "", expected: "a mapping of protocol keys (id, title, groups, …)",
          found: "an empty or scalar document", location: SourceLocation(file: file, line: 1, column: 1))
      ])
    }
    return node
  }

  private static func unknownKeys(in trial: TrialProtocol, input: Node, locator: YAMLLocator)
    -> [InputError]
  {
    guard let text = try? YAMLEncoder().encode(trial), let known = try? Yams.compose(yaml: text) else {
      return []
    }
    return locator.unknownKeys(input: input, known: known)
  }

  private static func locateExpressions(in trial: inout TrialProtocol, locator: YAMLLocator) {
    for (section, keyPath) in [("inclusion", \Criteria.inclusion), ("exclusion", \Criteria.exclusion)] {
      for i in trial.criteria[keyPath: keyPath].indices {
        let criterion: [YAMLLocator.Step] = [.key("criteria"), .key(section), .index(i)]
        if trial.criteria[keyPath: keyPath][i].expression != nil {
          trial.criteria[keyPath: keyPath][i].expressionLocation = locator.expressionStart(
            criterion + [.key("expression")])
        }
        if trial.criteria[keyPath: keyPath][i].attestationWhen != nil {
          trial.criteria[keyPath: keyPath][i].attestationWhenLocation = locator.expressionStart(
            criterion + [.key("attestation"), .key("when")])
        }
      }
    }
  }
}

extension YAMLLocator {
  /// Where the expression scalar at `steps` starts: a quoted scalar's mark is its opening quote,
  /// so point at the expression's first character.
  fileprivate func expressionStart(_ steps: [Step]) -> SourceLocation? {
    var location = location(of: steps)
    if case .scalar(let scalar) = node(at: steps),
      scalar.style == .singleQuoted || scalar.style == .doubleQuoted
    {
      location?.column += 1
    }
    return location
  }
}
