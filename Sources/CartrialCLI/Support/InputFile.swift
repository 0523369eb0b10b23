import Foundation
import Inputs
import Reports

/// Input files: JSON read through the strict reader (``JSONDocument``) and CSV tables
/// (`Reports`' ``CSVTable``), with every error shown as `FILE:LINE:COLUMN: FIELD: expected …,
/// found …`.
enum InputFile {
  /// The UTF-8 text of the file at `path`.
  static func text(_ path: String) throws -> String {
    guard let text = String(bytes: try bytes(path), encoding: .utf8) else {
      throw CLIError("\(path): expected UTF-8 text, found bytes that are not UTF-8")
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

  /// Whether `path` is a directory.
  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// The bytes of `path`.
  static func bytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw cannotRead(path) }
    return Array(data)
  }

  /// Why `path` cannot be read, in the one error style: `PATH: expected a readable file, found a
  /// directory` (no such file, a directory, or a file without read permission).
  static func cannotRead(_ path: String) -> CLIError {
    var isDirectory: ObjCBool = false
    let found: String
    if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      found = "no such file"
    } else if isDirectory.boolValue {
      found = "a directory"
    } else {
      found = "a file this user may not read"
    }
    return CLIError("\(path): expected a readable file, found \(found)")
  }

  /// Why a file cannot be written at `path`: its folder is missing, it is a directory, or the
  /// folder may not be written.
  static func cannotWrite(_ path: String) -> CLIError {
    var isDirectory: ObjCBool = false
    let folder = (path as NSString).deletingLastPathComponent
    let found: String
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      found = "a directory"
    } else if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
      found = "no folder \(folder)"
    } else {
      found = "a place this user may not write"
    }
    return CLIError("\(path): expected a file path that can be written, found \(found)")
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
