/// An enumerated input value (a design name, a consciousness level, an output format) whose
/// parse error lists every allowed spelling.
///
/// Conforming types give their canonical names through `RawRepresentable` and may accept
/// ``aliases``; parsing ignores case and surrounding white space. A type with its own spelling
/// rules (say, ignoring punctuation) implements ``named(_:)``.
public protocol InputEnumeration: CaseIterable, RawRepresentable, Sendable where RawValue == String {
  /// Further accepted spellings of each case, lower-cased (default: none).
  static var aliases: [String: Self] { get }

  /// The case `text` names, or `nil` (default: the canonical name exactly, then ignoring case and
  /// surrounding white space, then an alias).
  static func named(_ text: String) -> Self?

  /// The names listed in errors and help (default: the canonical names, in declaration order).
  static var allowedValues: [String] { get }
}

extension InputEnumeration {
  public static var aliases: [String: Self] { [:] }

  public static var allowedValues: [String] { allCases.map(\.rawValue) }

  @inlinable public static func named(_ text: String) -> Self? {
    if let exact = Self(rawValue: text) { return exact }
    let key = text.trimmingWhitespace().lowercased()
    if let match = allCases.first(where: { $0.rawValue.lowercased() == key }) { return match }
    return aliases[key]
  }

  /// The case named `text`; otherwise an error for `field` that lists the allowed values.
  @inlinable public static func parse(_ text: String, field: String) throws(InputError) -> Self {
    guard let match = named(text) else {
      throw InputError.notOneOf(field, allowed: allowedValues, found: "\"\(text)\"")
    }
    return match
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
  @usableFromInline func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
