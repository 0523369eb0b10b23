/// One problem with an input — a protocol file, a JSON record, a command-line value, an API
/// request — naming the field, what was expected and what was found.
///
/// Every library reports bad input with this one type, so that every shell presents it the same
/// way: the CLI prints `cartrial: error: FILE:LINE:COLUMN: FIELD: expected …, found …` (or names the option
/// that carried the field), and a server maps ``kind`` to an HTTP status (RFC 9457 problem details
/// with the field as a JSON pointer). Library messages never name command-line flags.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, coarse enough for a server to choose a status code.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A value of the wrong type, out of range or not among the allowed values (HTTP 422).
    case invalidValue
    /// A required field is absent (HTTP 422).
    case missing
    /// A field the schema does not have (HTTP 422): a typo must never be silently ignored.
    case unknownField
    /// Two values that cannot hold together, or a value that contradicts what is stored (HTTP 409).
    case conflict
    /// A reference to something that does not exist: a protocol, a group, a dose level (HTTP 404).
    case notFound
    /// Syntactically malformed input: broken JSON or YAML, an unparsable number (HTTP 400).
    case malformed
    /// Within the schema but beyond what the system computes in bounded time or memory (HTTP 422).
    case limitExceeded
    /// Not permitted to this user: their role or site does not allow it (HTTP 403).
    case forbidden
  }

  /// The kind of problem.
  public var kind: Kind
  /// Path of the field at fault: `groups[0].design.target`, `counts[2]`, `ice.items.writing`;
  /// empty for the input as a whole.
  public var field: String
  /// What a valid value looks like ("a DLT rate strictly between 0 and 1", "one of A, B").
  public var expected: String
  /// What was given, quoted where it is text.
  public var found: String
  /// Where in a file the field is, when the input is a file.
  public var location: SourceLocation?

  public init(
    _ kind: Kind = .invalidValue, field: String, expected: String, found: String,
    location: SourceLocation? = nil
  ) {
    self.kind = kind
    self.field = field
    self.expected = expected
    self.found = found
    self.location = location
  }

  /// A required field that is absent.
  public static func missing(_ field: String, expected: String) -> InputError {
    InputError(.missing, field: field, expected: expected, found: "nothing")
  }

  /// A value that is not one of `allowed` (listed in the message, in the given order).
  public static func notOneOf(_ field: String, allowed: [String], found: String) -> InputError {
    InputError(
      .invalidValue, field: field, expected: "one of " + allowed.joined(separator: ", "), found: found)
  }

  /// A field that the schema does not have; `allowed` lists the fields that exist there.
  public static func unknownField(_ field: String, allowed: [String]) -> InputError {
    InputError(
      .unknownField, field: field,
      expected: allowed.isEmpty ? "no field here" : "one of the fields " + allowed.joined(separator: ", "),
      found: "unknown field")
  }

  /// `FIELD: expected …, found …`, preceded by `FILE:LINE:COLUMN: ` when located.
  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    return place + message
  }

  /// `FIELD: expected …, found …` without the location.
  public var message: String {
    (field.isEmpty ? "" : "\(field): ") + "expected \(expected), found \(found)"
  }

  /// The same error with `prefix` prepended to its field path: `design` + `target` →
  /// `design.target`, `counts` + `[2]` → `counts[2]`.
  public func nested(under prefix: String) -> InputError {
    var copy = self
    copy.field = InputError.join(prefix, field)
    return copy
  }

  /// The same error placed at `location`.
  public func located(at location: SourceLocation?) -> InputError {
    var copy = self
    copy.location = location ?? self.location
    return copy
  }

  /// Joins two field paths (`a` + `b` → `a.b`, `a` + `[1]` → `a[1]`).
  public static func join(_ prefix: String, _ field: String) -> String {
    if prefix.isEmpty { return field }
    if field.isEmpty { return prefix }
    return field.hasPrefix("[") ? prefix + field : prefix + "." + field
  }
}

/// Several input problems found at once (a protocol file reports every problem, not the first).
public struct InputErrors: Error, Sendable, Hashable, CustomStringConvertible {
  public var errors: [InputError]

  public init(_ errors: [InputError]) { self.errors = errors }

  /// One line per error.
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
