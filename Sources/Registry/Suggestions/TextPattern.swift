import Foundation

/// A regular expression matched against a whole normalised criterion text (anchored at both ends),
/// so that a text with anything the pattern does not account for is not recognised.
struct TextPattern: Sendable {
  private let regex: NSRegularExpression

  /// - Parameter pattern: an ICU regular expression without anchors; `^(?:…)$` is added.
  init(_ pattern: String) {
    // The patterns are literals of this module: a bad one is a programming error, caught by tests.
    regex = try! NSRegularExpression(pattern: "^(?:" + pattern + ")$")
  }

  /// The capture groups of a whole-text match (`nil` for a group that did not take part), or
  /// `nil` when the text does not match.
  func match(_ text: String) -> [String?]? {
    let range = NSRange(text.startIndex..., in: text)
    guard let result = regex.firstMatch(in: text, range: range) else { return nil }
    return (1..<result.numberOfRanges).map { index in
      Range(result.range(at: index), in: text).map { String(text[$0]) }
    }
  }
}
