import Foundation

/// A parsed JSON document (see ``JSONParser``), so that the record reader can walk it with JSON paths and reject
/// unknown keys (which `Decodable` silently ignores).
enum JSONValue: Sendable, Hashable {
  case null, bool(Bool), number(Double), string(String)
  case array([JSONValue]), object([String: JSONValue])

  /// Parses JSON text; syntax errors become a ``RecordError`` at the document root naming
  /// the line and column.
  static func parse(_ data: Data) throws(RecordError) -> JSONValue {
    try JSONParser.parse(Array(data))
  }

  var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  /// A short rendering of the value for error messages.
  var brief: String {
    switch self {
    case .null: "null"
    case .bool(let b): "\(b)"
    case .number(let n): "\(n)"
    case .string(let s): "'\(s)'"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// Reads one JSON object field by field, remembering its path; ``finish()`` rejects any key that
/// was not read.
struct JSONObjectReader {
  let path: String
  private let fields: [String: JSONValue]
  private var read: Set<String> = []

  init(_ value: JSONValue, path: String) throws(RecordError) {
    guard case .object(let fields) = value else {
      throw RecordError(path: path, message: "expected an object, found \(value.kindName)")
    }
    self.path = path
    self.fields = fields
  }

  func childPath(_ key: String) -> String { path == "$" ? key : "\(path).\(key)" }

  mutating func value(_ key: String) -> JSONValue? {
    read.insert(key)
    guard let v = fields[key], v != .null else { return nil }
    return v
  }

  mutating func string(_ key: String) throws(RecordError) -> String? {
    guard let v = value(key) else { return nil }
    guard case .string(let s) = v else {
      throw RecordError(path: childPath(key), message: "expected a string, found \(v.kindName)")
    }
    return s
  }

  mutating func bool(_ key: String) throws(RecordError) -> Bool? {
    guard let v = value(key) else { return nil }
    guard case .bool(let b) = v else {
      throw RecordError(path: childPath(key), message: "expected true or false, found \(v.brief)")
    }
    return b
  }

  /// A finite number within `range` (inclusive).
  mutating func number(_ key: String, in range: ClosedRange<Double>) throws(RecordError) -> Double? {
    guard let v = value(key) else { return nil }
    guard case .number(let n) = v, n.isFinite else {
      throw RecordError(path: childPath(key), message: "expected a number, found \(v.brief)")
    }
    guard range.contains(n) else {
      throw RecordError(
        path: childPath(key),
        message: "impossible value \(n); expected \(range.lowerBound)…\(range.upperBound)")
    }
    return n
  }

  mutating func date(_ key: String, notAfter limit: CivilDate?) throws(RecordError) -> CivilDate? {
    guard let text = try string(key) else { return nil }
    guard let date = CivilDate(iso: text) else {
      throw RecordError(path: childPath(key), message: "expected a date YYYY-MM-DD, found '\(text)'")
    }
    if let limit, date > limit {
      throw RecordError(
        path: childPath(key), message: "date \(date) is after the screening date \(limit)")
    }
    return date
  }

  mutating func array(_ key: String) throws(RecordError) -> [JSONValue]? {
    guard let v = value(key) else { return nil }
    guard case .array(let items) = v else {
      throw RecordError(path: childPath(key), message: "expected an array, found \(v.kindName)")
    }
    return items
  }

  mutating func object(_ key: String) throws(RecordError) -> JSONObjectReader? {
    guard let v = value(key) else { return nil }
    return try JSONObjectReader(v, path: childPath(key))
  }

  /// The keys present but not read.
  var unreadKeys: [String] { fields.keys.filter { !read.contains($0) }.sorted() }

  /// Throws for the first unknown key, listing the accepted ones.
  func finish() throws(RecordError) {
    guard let key = unreadKeys.first else { return }
    throw RecordError(
      path: childPath(key),
      message: "unknown field; expected one of: \(read.sorted().joined(separator: ", "))")
  }
}
