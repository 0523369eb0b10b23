import Inputs
import TrialModel

/// The fields of a conduct command's request, whether a JSON body (the API) or a form (the
/// pages): one reading of each command for both.
protocol CommandFields {
  func string(_ key: String) throws(InputError) -> String?
  func strings(_ key: String) throws(InputError) -> [String]
  func number(_ key: String) throws(InputError) -> Double?
  func bool(_ key: String) throws(InputError) -> Bool?
  /// A JSON value given as an object (API) or as JSON text (a form's text area), as JSON text.
  func json(_ key: String) throws(InputError) -> String?
  /// A stand-in that answers a valid value for every field (to ask which roles a command permits).
  var isSample: Bool { get }
}

extension CommandFields {
  var isSample: Bool { false }

  func required(_ key: String, _ expected: String) throws(InputError) -> String {
    guard let v = try string(key) else { throw .missing(key, expected: expected) }
    return v
  }

  func date(_ key: String) throws(InputError) -> CalendarDate? {
    if isSample { return CalendarDate(dayNumber: 0) }
    guard let text = try string(key) else { return nil }
    guard let d = CalendarDate(iso: text) else {
      throw InputError(.invalidValue, field: key, expected: "a date YYYY-MM-DD", found: "\"\(text)\"")
    }
    return d
  }

  func requiredDate(_ key: String) throws(InputError) -> CalendarDate {
    guard let d = try date(key) else { throw .missing(key, expected: "a date YYYY-MM-DD") }
    return d
  }

  func requiredNumber(_ key: String, _ expected: String) throws(InputError) -> Double {
    guard let v = try number(key) else { throw .missing(key, expected: expected) }
    return v
  }

  func int(_ key: String) throws(InputError) -> Int? {
    guard let v = try number(key) else { return nil }
    guard v == v.rounded(), abs(v) < 1e9 else {
      throw InputError(.invalidValue, field: key, expected: "a whole number", found: JSONReader.format(v))
    }
    return Int(v)
  }

  func enumeration<E: InputEnumeration>(_ key: String, _: E.Type = E.self) throws(InputError) -> E? {
    if isSample { return E.allCases.first }
    guard let text = try string(key) else { return nil }
    guard let e = E.named(text) else {
      throw .notOneOf(key, allowed: E.allCases.map(\.rawValue), found: text)
    }
    return e
  }

  func requiredEnumeration<E: InputEnumeration>(_ key: String, _: E.Type = E.self) throws(InputError) -> E {
    guard let e = try enumeration(key, E.self) else {
      throw .missing(key, expected: "one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return e
  }

  func requiredJSON(_ key: String, _ expected: String) throws(InputError) -> String {
    guard let v = try json(key) else { throw .missing(key, expected: expected) }
    return v
  }
}

/// A JSON request body; every field name is checked against the command's fields.
struct JSONCommandFields: CommandFields {
  let object: JSONObjectReader

  init(_ bytes: [UInt8], fields: [String]) throws(InputError) {
    let document = try JSONDocument(parsing: bytes, file: "request body")
    object = try document.reader.object(fields: fields)
  }

  func string(_ key: String) throws(InputError) -> String? {
    guard let r = object[key] else { return nil }
    if case .number(let x) = r.value.content { return JSONReader.format(x) }
    return try r.string()
  }

  func strings(_ key: String) throws(InputError) -> [String] {
    guard let r = object[key] else { return [] }
    if case .string(let s) = r.value.content { return [s] }
    return try r.array { (e: JSONReader) throws(InputError) in try e.string() }
  }

  func number(_ key: String) throws(InputError) -> Double? { try object.number(key) }
  func bool(_ key: String) throws(InputError) -> Bool? { try object.bool(key) }

  func json(_ key: String) throws(InputError) -> String? {
    guard let r = object[key] else { return nil }
    if case .string(let s) = r.value.content { return s }
    return r.value.jsonText
  }
}

/// A submitted form; a field the form does not have is refused, as in the API.
struct FormCommandFields: CommandFields {
  let form: FormFields
  /// Fields every form carries besides the command's own.
  static let common = ["csrf", "idempotencyKey", "password", "next"]

  init(_ form: FormFields, fields: [String]) throws(InputError) {
    self.form = form
    for name in form.names where !fields.contains(name) && !Self.common.contains(name) {
      throw .unknownField(name, allowed: fields)
    }
  }

  func string(_ key: String) throws(InputError) -> String? { form.first(key) }
  /// Every value of `key` (repeated fields), each split at commas and white space.
  func strings(_ key: String) throws(InputError) -> [String] {
    form.all(key).flatMap { $0.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init) }
  }

  func number(_ key: String) throws(InputError) -> Double? {
    guard let text = form.first(key) else { return nil }
    guard let x = Double(text), x.isFinite else {
      throw InputError(.invalidValue, field: key, expected: "a number", found: "\"\(text)\"")
    }
    return x
  }

  func bool(_ key: String) throws(InputError) -> Bool? {
    guard let text = form.first(key) else { return nil }
    switch text.lowercased() {
    case "true", "on", "yes", "1": return true
    case "false", "off", "no", "0": return false
    default: throw InputError(.invalidValue, field: key, expected: "true or false", found: "\"\(text)\"")
    }
  }

  func json(_ key: String) throws(InputError) -> String? { form.first(key) }
}
