import ArgumentParser
import Foundation

/// The output formats a command can print. Each command documents which ones it supports and
/// rejects the others with a clear error (see ``OutputOptions/require(_:)``).
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case text, json, csv, ndjson, svg
}

/// `--format`, shared by every command.
public struct OutputOptions: ParsableArguments {
  @Option(
    name: .long, help: "Output format: text, json, csv, ndjson or svg (each command says which it supports).")
  public var format: OutputFormat = .text

  public init() {}

  /// Fails with a usage error unless the chosen format is one of `supported`.
  public func require(_ supported: [OutputFormat]) throws {
    guard supported.contains(format) else {
      throw ValidationError(
        "--format: expected one of " + supported.map(\.rawValue).joined(separator: ", ")
          + " for this command, found \(format.rawValue)")
    }
  }
}

/// Writing results to standard output.
public enum Output {
  /// Encodes `value` as pretty JSON with sorted keys and prints it.
  public static func json<T: Encodable>(_ value: T) throws {
    print(try jsonString(value))
  }

  /// Encodes `value` as one compact JSON line (for `ndjson`).
  public static func jsonLine<T: Encodable>(_ value: T) throws {
    print(String(decoding: try jsonEncoder(pretty: false).encode(value), as: UTF8.self))
  }

  /// Pretty JSON with sorted keys; non-finite numbers become the strings "Infinity"/"NaN".
  public static func jsonString<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try jsonEncoder(pretty: true).encode(value), as: UTF8.self)
  }

  /// The one JSON configuration of every command: sorted keys, unescaped slashes, non-finite
  /// numbers as the strings "Infinity", "-Infinity" and "NaN"; pretty-printed or compact.
  public static func jsonEncoder(pretty: Bool) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return encoder
  }

  /// Prints CSV rows; fields containing commas, quotes or newlines are quoted.
  public static func csv(header: [String], rows: [[String]]) {
    func field(_ s: String) -> String {
      s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    print(header.map(field).joined(separator: ","))
    for row in rows { print(row.map(field).joined(separator: ",")) }
  }
}

/// An error the CLI reports on stderr with a non-zero exit status. The message should name the
/// file and line/column or the field, what was expected and what was found.
public struct CLIError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
