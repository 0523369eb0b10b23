import Foundation
import Inputs

/// JSON input files read through the strict reader (``JSONDocument``), with every error shown
/// as `FILE:LINE:COLUMN: error: FIELD: expected …, found …`.
enum InputFile {
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
