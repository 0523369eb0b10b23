import Foundation
import Inputs

/// Reads many API v2 study files at once: every file is either read whole or refused with its
/// error; nothing is half-imported.
public enum RegistryImport {
  /// A file that was not read, with the reason.
  public struct Refusal: Sendable, Hashable, CustomStringConvertible {
    /// The file as given.
    public var source: String
    /// What is wrong, with the JSON path in `field` and `source:line:column` in `location`.
    public var error: InputError

    public var description: String { error.description }
  }

  /// Records read, in the order given, and the files refused.
  public struct Result: Sendable, Hashable {
    public var records: [RegistryRecord]
    public var refusals: [Refusal]
  }

  /// Reads each `(source, data)` pair with ``RegistryRecord/init(json:source:)``. Pure: the
  /// caller reads the files (see ``read(files:)``).
  public static func read(documents: [(source: String, data: Data)]) -> Result {
    var result = Result(records: [], refusals: [])
    for (source, data) in documents {
      do {
        result.records.append(try RegistryRecord(json: data, source: source))
      } catch {
        result.refusals.append(Refusal(source: source, error: error))
      }
    }
    return result
  }

  /// Reads the files at `files` (paths as given name them in errors); an unreadable file is a
  /// refusal of kind `.notFound` or `.malformed`.
  public static func read(files: [URL]) -> Result {
    var documents: [(source: String, data: Data)] = []
    var unreadable: [Refusal] = []
    for url in files {
      if let data = FileManager.default.contents(atPath: url.path) {
        documents.append((url.path, data))
      } else {
        unreadable.append(
          Refusal(
            source: url.path,
            error: InputError(
              .notFound, field: "", expected: "a readable JSON file", found: "no file '\(url.path)'")))
      }
    }
    var result = read(documents: documents)
    result.refusals += unreadable
    return result
  }
}
