import Analysis
import ArgumentParser
import DoseFinding
import Inputs

/// One element of a comma-separated option value, parsed with an ``InputError`` on bad text.
protocol ListElement: Sendable {
  static func parse(_ text: String, field: String) throws(InputError) -> Self
}

extension Double: ListElement {
  static func parse(_ text: String, field: String) throws(InputError) -> Double {
    let trimmed = text.filter { $0 != " " }
    guard let value = Double(trimmed), value.isFinite else {
      throw InputError(.malformed, field: field, expected: "a number", found: "'\(trimmed)'")
    }
    return value
  }
}

extension DoseCounts: ListElement {}

extension BLQAction: ListElement {
  static func parse(_ text: String, field: String) throws(InputError) -> BLQAction {
    let word = text.filter { $0 != " " }
    guard let action = BLQAction(rawValue: word) else {
      throw InputError.notOneOf(field, allowed: BLQAction.allCases.map(\.rawValue), found: "'\(word)'")
    }
    return action
  }
}

/// A comma-separated list typed after an option (`--truth 0.05,0.1,0.25`, `--counts 3/0,3/1`).
///
/// Parsing never fails in ArgumentParser; the command's `validate()` calls ``values(option:)``,
/// whose error names the option and the entry (`--counts entry 2: expected DLTs y ≤ patients n,
/// found 3/4`).
struct ListArgument<Element: ListElement>: ExpressibleByArgument, Sendable {
  let text: String
  let parsed: Result<[Element], InputError>

  init(argument: String) {
    text = argument
    var values: [Element] = []
    for (index, part) in argument.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
      do {
        values.append(try Element.parse(String(part), field: "[\(index)]"))
      } catch {
        parsed = .failure(error)
        return
      }
    }
    parsed = .success(values)
  }

  /// The text as typed (shown as an option's default in `--help`).
  var defaultValueDescription: String { text }

  /// The values, or an error naming `option`.
  func values(option: String) throws -> [Element] {
    switch parsed {
    case .success(let values): return values
    case .failure(let error): throw CLIError.option(option, error)
    }
  }
}

/// `--set NAME=VALUE`: a design parameter by its name in the design's specification.
struct SettingArgument: ExpressibleByArgument, Sendable {
  let name: String
  let value: SettingValue

  init?(argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else { return nil }
    name = parts[0].filter { $0 != " " }
    value = SettingValue(parsing: parts[1])
  }
}
