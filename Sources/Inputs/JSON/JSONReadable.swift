/// A type read from JSON through the strict reader: unknown fields, wrong types and values
/// outside their set are ``InputError``s naming the JSON path and position.
///
/// Conform by reading an object with ``JSONReader/object(fields:)`` and its typed accessors.
public protocol JSONReadable {
  /// Reads a value from `json`.
  init(json: JSONReader) throws(InputError)
}

extension JSONReadable {
  /// Parses `bytes` as one JSON document and reads a value from it; errors are located in
  /// `file` (from line `firstLine`).
  public init(jsonBytes bytes: [UInt8], file: String = JSONDocument.unnamed, firstLine: Int = 1)
    throws(InputError)
  {
    try self.init(json: JSONDocument(parsing: bytes, file: file, firstLine: firstLine).reader)
  }

  /// Parses UTF-8 `text` as one JSON document and reads a value from it.
  public init(jsonText text: String, file: String = JSONDocument.unnamed) throws(InputError) {
    try self.init(jsonBytes: Array(text.utf8), file: file)
  }
}

extension Array: JSONReadable where Element: JSONReadable {
  /// A JSON array, each element read as `Element` (paths `[0]`, `[1]`, …).
  public init(json: JSONReader) throws(InputError) {
    self = try json.array { (element: JSONReader) throws(InputError) in try element.read(Element.self) }
  }
}

extension String: JSONReadable {
  public init(json: JSONReader) throws(InputError) { self = try json.string() }
}

extension Double: JSONReadable {
  public init(json: JSONReader) throws(InputError) { self = try json.number() }
}

extension Int: JSONReadable {
  public init(json: JSONReader) throws(InputError) { self = try json.int() }
}

extension Bool: JSONReadable {
  public init(json: JSONReader) throws(InputError) { self = try json.bool() }
}
