/// Reads the fields of one JSON object. Every field name was checked against the object's
/// schema when the reader was made (``JSONReader/object(fields:)``), so a misspelt optional field
/// is an error rather than silently ignored; `null` reads as absent.
public struct JSONObjectReader: Sendable {
  /// The field names this object may have, in the order errors list them.
  public let fields: [String]
  /// JSON path of the object.
  public let path: String
  @usableFromInline let members: [JSONMember]
  @usableFromInline let offset: Int
  @usableFromInline let document: JSONDocument

  @usableFromInline init(
    _ members: [JSONMember], fields: [String], path: String, offset: Int, document: JSONDocument
  ) {
    self.members = members
    self.fields = fields
    self.path = path
    self.offset = offset
    self.document = document
  }

  /// Where the object starts (its `{`).
  public var location: SourceLocation { document.location(at: offset) }

  /// The names of the fields present (`null`-valued ones included), in document order.
  public var keys: [String] { members.map(\.key) }

  /// Whether the object has a non-null `key`.
  @inlinable public func has(_ key: String) -> Bool { self[key] != nil }

  /// The reader of field `key`, or `nil` when it is absent or `null`.
  @inlinable public subscript(key: String) -> JSONReader? {
    assert(fields.contains(key), "\(key) is not in the schema of \(path)")
    for member in members where member.key == key {
      if member.value.isNull { return nil }
      return JSONReader(member.value, path: InputError.join(path, key), document: document)
    }
    return nil
  }

  /// The reader of field `key`; its absence is an error of kind ``InputError/Kind/missing``
  /// saying what was `expected`.
  @inlinable public func required(_ key: String, expected: String) throws(InputError) -> JSONReader {
    guard let field = self[key] else { throw missing(key, expected: expected) }
    return field
  }

  /// The error for an absent required field `key`, placed at the object.
  public func missing(_ key: String, expected: String) -> InputError {
    InputError.missing(InputError.join(path, key), expected: expected).located(at: location)
  }

  /// An error about the object as a whole (two fields that conflict, none of several given).
  public func invalid(expected: String, found: String, kind: InputError.Kind = .invalidValue) -> InputError {
    InputError(kind, field: path, expected: expected, found: found).located(at: location)
  }

  // MARK: - Optional typed fields (nil when absent or null)

  @inlinable public func string(_ key: String) throws(InputError) -> String? { try self[key]?.string() }

  @inlinable public func bool(_ key: String) throws(InputError) -> Bool? { try self[key]?.bool() }

  @inlinable public func number(_ key: String) throws(InputError) -> Double? { try self[key]?.number() }

  @inlinable public func number(
    _ key: String, in range: ClosedRange<Double>, what: String = "a number", unit: String = ""
  ) throws(InputError) -> Double? {
    try self[key]?.number(in: range, what: what, unit: unit)
  }

  @inlinable public func int(_ key: String) throws(InputError) -> Int? { try self[key]?.int() }

  @inlinable public func int(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
    try self[key]?.int(in: range)
  }

  @inlinable public func enumeration<E: InputEnumeration>(_ key: String, _ type: E.Type = E.self)
    throws(InputError) -> E?
  {
    try self[key]?.enumeration(E.self)
  }

  @inlinable public func object(_ key: String, fields: [String]) throws(InputError) -> JSONObjectReader? {
    try self[key]?.object(fields: fields)
  }

  @inlinable public func elements(_ key: String) throws(InputError) -> [JSONReader]? {
    try self[key]?.elements()
  }

  @inlinable public func read<T: JSONReadable>(_ key: String, _ type: T.Type = T.self) throws(InputError)
    -> T?
  {
    try self[key]?.read(T.self)
  }

  @inlinable public func array<T: JSONReadable>(_ key: String, of type: T.Type = T.self) throws(InputError)
    -> [T]?
  {
    try self[key]?.array { (element: JSONReader) throws(InputError) in try element.read(T.self) }
  }
}
