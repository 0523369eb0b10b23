/// An enumerated input value (a design name, a consciousness level, an output format) whose
/// parse error lists every allowed spelling.
///
/// Conforming types give their canonical names through `RawRepresentable` and may accept
/// ``aliases``; parsing ignores case and surrounding white space.
public protocol InputEnumeration: CaseIterable, RawRepresentable, Sendable where RawValue == String {
  /// Further accepted spellings of each case, lower-cased (default: none).
  static var aliases: [String: Self] { get }
}

extension InputEnumeration {
  public static var aliases: [String: Self] { [:] }

  /// The canonical names, in declaration order.
  public static var allowedValues: [String] { allCases.map(\.rawValue) }

  /// The case named `text` (case-insensitive, or an alias); otherwise an error for `field` that
  /// lists the allowed values.
  public static func parse(_ text: String, field: String) throws(InputError) -> Self {
    let key = text.trimmingWhitespace().lowercased()
    if let match = allCases.first(where: { $0.rawValue.lowercased() == key }) { return match }
    if let alias = aliases[key] { return alias }
    throw InputError.notOneOf(field, allowed: allowedValues, found: "\"\(text)\"")
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
