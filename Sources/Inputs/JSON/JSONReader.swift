/// Reads one JSON value as a typed Swift value, knowing its field path (`assessments[3].crs`) and
/// its position, so that every error is an ``InputError`` with the path as `field` and the
/// position as `location`.
///
/// ```swift
/// let document = try JSONDocument(parsing: bytes, file: "obs.json")
/// var crs = try document.reader.object(fields: ["temperatureCelsius", "vasopressors"])
/// let pressors = try crs.int("vasopressors", in: 0...10) ?? 0
/// ```
public struct JSONReader: Sendable {
  /// The value read.
  public let value: JSONValue
  /// JSON path of the value: `""` for the document, `a.b[2]` below it.
  public let path: String
  @usableFromInline let document: JSONDocument

  @usableFromInline init(_ value: JSONValue, path: String, document: JSONDocument) {
    self.value = value
    self.path = path
    self.document = document
  }

  /// Where the value starts.
  public var location: SourceLocation { document.location(at: value.offset) }

  // MARK: - Errors

  /// How the value is shown in an error: a string in double quotes, a number as written,
  /// `true`, `null`, "an array", "an object".
  public var found: String {
    switch value.content {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(let n): document.literal(at: value.offset) ?? "\(n)"
    case .string(let s): "\"" + s + "\""
    case .array: "an array"
    case .object: "an object"
    }
  }

  /// An error about this value: it is not what was `expected` (kind ``InputError/Kind/invalidValue``
  /// unless given), at its path and position.
  public func invalid(expected: String, found: String? = nil, kind: InputError.Kind = .invalidValue)
    -> InputError
  {
    InputError(kind, field: path, expected: expected, found: found ?? self.found).located(at: location)
  }

  /// An error about this value, not one of `allowed`.
  public func notOneOf(_ allowed: [String]) -> InputError {
    InputError.notOneOf(path, allowed: allowed, found: found).located(at: location)
  }

  // MARK: - Scalars

  /// A string.
  @inlinable public func string() throws(InputError) -> String {
    guard case .string(let text) = value.content else { throw invalid(expected: "a string") }
    return text
  }

  /// `true` or `false`.
  @inlinable public func bool() throws(InputError) -> Bool {
    guard case .bool(let flag) = value.content else { throw invalid(expected: "true or false") }
    return flag
  }

  /// A finite number.
  @inlinable public func number() throws(InputError) -> Double {
    guard case .number(let n) = value.content, n.isFinite else { throw invalid(expected: "a number") }
    return n
  }

  /// A number within `range` (inclusive); `what` names it in the error ("a weight", default
  /// "a number") and `unit` follows the bounds ("from 0.5 to 500 kg").
  @inlinable public func number(in range: ClosedRange<Double>, what: String = "a number", unit: String = "")
    throws(InputError) -> Double
  {
    let n = try number()
    guard range.contains(n) else {
      throw invalid(
        expected: "\(what) \(JSONReader.describe(range))\(unit.isEmpty ? "" : " " + unit)",
        found: unit.isEmpty ? found : found + " " + unit)
    }
    return n
  }

  /// A whole number.
  @inlinable public func int() throws(InputError) -> Int {
    guard case .number(let n) = value.content, n.isFinite, n == n.rounded(), abs(n) < 9e15 else {
      throw invalid(expected: "a whole number")
    }
    return Int(n)
  }

  /// A whole number within `range`.
  @inlinable public func int(in range: ClosedRange<Int>) throws(InputError) -> Int {
    let n = try int()
    guard range.contains(n) else {
      throw invalid(expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return n
  }

  /// A string naming a case of `type`; the error lists the allowed values.
  @inlinable public func enumeration<E: InputEnumeration>(_ type: E.Type = E.self) throws(InputError) -> E {
    let text = try string()
    guard let match = E.named(text) else { throw notOneOf(E.allowedValues) }
    return match
  }

  // MARK: - Containers

  /// The value as an object whose field names must all be in `fields`; the first other field is
  /// an error of kind ``InputError/Kind/unknownField`` listing `fields`.
  @inlinable public func object(fields: [String]) throws(InputError) -> JSONObjectReader {
    guard case .object(let members) = value.content else { throw invalid(expected: "an object") }
    for member in members where !fields.contains(member.key) {
      throw InputError.unknownField(InputError.join(path, member.key), allowed: fields)
        .located(at: document.location(at: member.keyOffset))
    }
    return JSONObjectReader(members, fields: fields, path: path, offset: value.offset, document: document)
  }

  /// The elements of an array, each with its path (`path[i]`).
  @inlinable public func elements() throws(InputError) -> [JSONReader] {
    guard case .array(let items) = value.content else { throw invalid(expected: "an array") }
    var readers: [JSONReader] = []
    readers.reserveCapacity(items.count)
    for (i, item) in items.enumerated() {
      readers.append(JSONReader(item, path: path + "[\(i)]", document: document))
    }
    return readers
  }

  /// An array read element by element with `read`.
  @inlinable public func array<T>(_ read: (JSONReader) throws(InputError) -> T) throws(InputError) -> [T] {
    var values: [T] = []
    for element in try elements() { values.append(try read(element)) }
    return values
  }

  /// A value of a ``JSONReadable`` type.
  @inlinable public func read<T: JSONReadable>(_ type: T.Type = T.self) throws(InputError) -> T {
    try T(json: self)
  }

  /// `from A to B`, `at least A`, `at most B` for an error message.
  public static func describe(_ range: ClosedRange<Double>) -> String {
    switch (range.lowerBound.isFinite && range.lowerBound > -1e300, range.upperBound < 1e300) {
    case (true, true): "from \(format(range.lowerBound)) to \(format(range.upperBound))"
    case (true, false): "of at least \(format(range.lowerBound))"
    case (false, true): "of at most \(format(range.upperBound))"
    case (false, false): "within any finite range"
    }
  }

  /// A number without a trailing `.0`: 500, 0.5, 1e-05.
  public static func format(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
