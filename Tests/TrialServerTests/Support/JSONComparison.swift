import Foundation

/// `value` as JSON read back (what a client of the API sees of an application-layer answer).
func jsonObject(_ value: some Encodable) throws -> Any {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  return try JSONSerialization.jsonObject(with: try encoder.encode(value), options: [.fragmentsAllowed])
}

/// Whether two JSON values read back are equal (objects by key, arrays in order, numbers by value).
func sameJSON(_ a: Any?, _ b: Any?) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let x as [String: Any], let y as [String: Any]):
    return x.count == y.count && x.allSatisfy { key, value in y[key].map { sameJSON(value, $0) } ?? false }
  case (let x as [Any], let y as [Any]):
    return x.count == y.count && zip(x, y).allSatisfy { sameJSON($0, $1) }
  case (let x as String, let y as String): return x == y
  case (let x as Double, let y as Double): return x == y
  case (let x?, let y?): return "\(x)" == "\(y)"
  default: return false
  }
}
