/// A parsed JSON value (RFC 8259) with the byte offset where it starts in its document, so that
/// every error about it can name the line and column (see ``JSONDocument/location(at:)``).
///
/// Objects keep their members in document order (a field is never silently dropped, and the first
/// unknown field reported is the first one written).
public struct JSONValue: Sendable, Hashable {
  /// What the value is.
  public enum Content: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
  }

  /// The value.
  public var content: Content
  /// Offset of the value's first byte in its document.
  public var offset: Int

  public init(_ content: Content, offset: Int) {
    self.content = content
    self.offset = offset
  }

  /// `true` for `null`.
  @inlinable public var isNull: Bool {
    if case .null = content { return true }
    return false
  }

  /// The kind of value, with its article: "a number", "an object", "null".
  public var kindName: String {
    switch content {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Hashable {
  public var key: String
  /// Offset of the key's opening quote in its document.
  public var keyOffset: Int
  public var value: JSONValue

  public init(key: String, keyOffset: Int, value: JSONValue) {
    self.key = key
    self.keyOffset = keyOffset
    self.value = value
  }
}
