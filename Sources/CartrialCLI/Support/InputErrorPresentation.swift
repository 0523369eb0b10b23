import Inputs

extension CLIError {
  /// The command-line options of library fields: `target` → `--target`. A field not listed is a
  /// design parameter, given with `--set NAME=VALUE`.
  static let optionOfField: [String: String] = [
    "design": "--design", "target": "--target", "cohortSize": "--cohort-size", "maxSampleSize": "--max-n",
    "doses": "--doses", "startDose": "--start", "startLevel": "--start", "group": "--group",
    "current": "--current", "counts": "--counts", "lastCohort": "--last-cohort",
    "equivalenceInterval": "--ei", "skeleton": "--skeleton", "variant": "--variant", "phi1": "--phi1",
    "phi2": "--phi2", "model": "--model", "priorVariance": "--prior-variance", "truth": "--truth",
    "cohorts": "--cohorts", "trials": "--simulate",
  ]

  /// An input error as the command line shows it: a located error as `cartrial: error: FILE:LINE:COLUMN: …`;
  /// otherwise the field's option first (`--counts entry 2: expected …, found …`), with `rename`
  /// taking precedence over the standard options. A field no option carries is named as a design
  /// parameter (`--set NAME`) when `designParameters` is set, else shown as it is.
  static func input(_ error: InputError, rename: [String: String] = [:], designParameters: Bool = false)
    -> CLIError
  {
    if error.location != nil { return CLIError(error.description) }
    let root = String(error.field.prefix { $0 != "." && $0 != "[" })
    let rest = String(error.field.dropFirst(root.count))
    guard !root.isEmpty else { return CLIError(error.message) }
    if root == "protocol" {
      return CLIError("--protocol (\(rest.dropFirst())): expected \(error.expected), found \(error.found)")
    }
    guard let option = rename[root] ?? optionOfField[root] ?? (designParameters ? "--set \(root)" : nil)
    else {
      return CLIError(error.description)
    }
    return CLIError(
      "\(option)\(entries(rest)): expected \(error.expected), found \(error.found)")
  }

  /// An error in the value of `option` (whose field path starts at the value).
  static func option(_ option: String, _ error: InputError) -> CLIError {
    CLIError("\(option)\(entries(error.field)): expected \(error.expected), found \(error.found)")
  }

  /// `[1].B` → ` entry 2 B`: 0-based indices as 1-based entries, other components as written.
  private static func entries(_ path: String) -> String {
    var out = ""
    var index = ""
    var inIndex = false
    for ch in path {
      switch ch {
      case "[": inIndex = true; index = ""
      case "]":
        inIndex = false
        out += " entry " + (Int(index).map { String($0 + 1) } ?? index)
      case "." where !inIndex: out += " "
      default: if inIndex { index.append(ch) } else { out.append(ch) }
      }
    }
    return out
  }
}

/// Runs `body`, presenting an ``InputError`` as a command-line error (see
/// ``CLIError/input(_:rename:designParameters:)``).
func presenting<T>(rename: [String: String] = [:], designParameters: Bool = false, _ body: () throws -> T)
  throws
  -> T
{
  do {
    return try body()
  } catch let error as InputError {
    throw CLIError.input(error, rename: rename, designParameters: designParameters)
  }
}
