import Inputs

extension JSONReader {
  /// The value as an object whose `known` fields are read and whose other fields are ignored:
  /// registry records gain fields over API versions, and an importer must not refuse them.
  func registryObject(_ known: [String]) throws(InputError) -> JSONObjectReader {
    guard case .object(let members) = value.content else { throw invalid(expected: "an object") }
    return try object(fields: known + members.map(\.key).filter { !known.contains($0) })
  }
}

extension JSONObjectReader {
  /// Field `key` as an object (known fields `known`, others ignored), or `nil` when absent.
  func registryObject(_ key: String, _ known: [String]) throws(InputError) -> JSONObjectReader? {
    try self[key]?.registryObject(known)
  }

  /// Field `key` as an array of strings; empty when absent.
  func strings(_ key: String) throws(InputError) -> [String] {
    try array(key, of: String.self) ?? []
  }

  /// Field `key` as an array, each element read by `read`; empty when absent.
  func list<T>(_ key: String, _ read: (JSONReader) throws(InputError) -> T) throws(InputError) -> [T] {
    guard let field = self[key] else { return [] }
    return try field.array(read)
  }
}
