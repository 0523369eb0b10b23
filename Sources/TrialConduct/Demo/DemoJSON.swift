import Foundation

/// A small JSON value that writes its members in the order given, so that the demo's records are
/// the same bytes for the same seed on every platform.
enum DemoJSON {
  case object([(String, DemoJSON)])
  case array([DemoJSON])
  case string(String)
  case number(Double)
  case bool(Bool)

  /// A number rounded to `digits` decimals.
  static func rounded(_ value: Double, _ digits: Int) -> DemoJSON {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return .number((value * scale).rounded() / scale)
  }

  var text: String {
    switch self {
    case .object(let members):
      "{" + members.map { "\(DemoJSON.string($0.0).text): \($0.1.text)" }.joined(separator: ", ") + "}"
    case .array(let items): "[" + items.map(\.text).joined(separator: ", ") + "]"
    case .string(let s):
      s.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C })
        ? "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
          + "\""
        : "\"" + s + "\""
    case .number(let x):
      x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    case .bool(let b): b ? "true" : "false"
    }
  }
}
