import Foundation
import Inputs
import Reports

/// Input files: JSON read through the strict reader (``JSONDocument``) and CSV tables
/// (`Reports`' ``CSVTable``), with every error shown as `FILE:LINE:COLUMN: error: FIELD: expected …,
/// found …`.
enum InputFile {
  /// The UTF-8 text of the file at `path`.
  static func text(_ path: String) throws -> String {
    guard let text = String(bytes: try bytes(path), encoding: .utf8) else {
      throw CLIError("\(path): not UTF-8 text")
    }
    return text
  }

  /// The CSV file at `path`, parsed (errors name the path as given).
  static func table(_ path: String) throws -> CSVTable {
    try presenting { try CSVTable(text: try text(path), file: path) }
  }

  /// The concentration–time profiles of the kinetics CSV file at `path`.
  static func profiles(_ path: String) throws -> [KineticProfile] {
    try presenting { try table(path).concentrationProfiles() }
  }

  /// Whether a file exists at `path`.
  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  /// The bytes of `path`.
  static func bytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIError("\(path): cannot read the file (missing or unreadable)")
    }
    return Array(data)
  }

  /// `path` parsed as one JSON document.
  static func document(_ path: String) throws -> JSONDocument {
    let bytes = try bytes(path)
    do { return try JSONDocument(parsing: bytes, file: path) } catch { throw CLIError(error.description) }
  }

  /// A value read from `document` (errors located in it).
  static func read<T: JSONReadable>(_ type: T.Type, from document: JSONDocument) throws -> T {
    do { return try T(json: document.reader) } catch { throw CLIError(error.description) }
  }

  /// A value read from the JSON file `path`.
  static func read<T: JSONReadable>(_ type: T.Type, path: String) throws -> T {
    try read(T.self, from: try document(path))
  }

  /// Runs a library step on values read from `document`; an input error it reports by field path
  /// is placed at that field's line and column.
  static func checked<T>(_ document: JSONDocument, _ body: () throws(InputError) -> T) throws -> T {
    do { return try body() } catch { throw CLIError(document.locate(error).description) }
  }
}
