import Foundation
import Inputs
import Reports

/// Reading the CSV files the analysis commands take, and presenting library input errors.
enum InputFiles {
  /// The UTF-8 text of the file at `path`.
  static func text(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIError("\(path): cannot read the file (missing or unreadable)")
    }
    guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path): not UTF-8 text") }
    return text
  }

  /// The CSV file at `path`, parsed (errors name the path as given).
  static func table(_ path: String) throws -> CSVTable {
    try CSVTable(text: try text(path), file: path)
  }

  /// Whether a file exists at `path`.
  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

extension InputError {
  /// The error as the CLI prints it: an unlocated error about a field that an option carried
  /// names the option (`group` → `--group: expected …`); any other prints as it is.
  func presented(options: [String: String]) -> CLIError {
    guard location == nil, let option = options[field] else { return CLIError(description) }
    return CLIError("\(option): expected \(expected), found \(found)")
  }
}
