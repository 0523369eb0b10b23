import Foundation

/// The fields of an `application/x-www-form-urlencoded` body (WHATWG URL standard §5), in order,
/// repeated names kept (a group of checkboxes).
public struct FormFields: Sendable {
  public private(set) var pairs: [(name: String, value: String)] = []

  public init(_ body: String) {
    for part in body.split(separator: "&", omittingEmptySubsequences: true) {
      let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(kv[0])
      let value = kv.count > 1 ? Self.decode(kv[1]) : ""
      pairs.append((name, value))
    }
  }

  /// Fields given directly.
  public init(pairs: [(name: String, value: String)]) { self.pairs = pairs }

  static func decode(_ s: Substring) -> String {
    let spaced = s.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }

  /// The first value of `name`, `nil` when absent; an empty value counts as absent.
  public func first(_ name: String) -> String? {
    guard let v = pairs.first(where: { $0.name == name })?.value else { return nil }
    let trimmed = v.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Every non-empty value of `name`.
  public func all(_ name: String) -> [String] {
    pairs.filter { $0.name == name }.map(\.value).filter { !$0.isEmpty }
  }

  /// The names present.
  public var names: [String] { pairs.map(\.name) }
}
