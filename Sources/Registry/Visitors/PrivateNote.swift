import Foundation
import Inputs

/// A visitor's private note on a registry record: text they selected or wrote.
public struct PrivateNote: Sendable, Hashable, Codable {
  /// The longest note kept, in characters.
  public static let maximumLength = 4000

  public var id: String
  public var nctId: String
  public var text: String
  public var createdAt: Date

  /// A note of `text` (trimmed, 1…``maximumLength`` characters) on `nctId`.
  public init(id: String, nctId: String, text: String, createdAt: Date) throws(InputError) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else {
      throw InputError.missing("text", expected: "the note's text (select text on the page, or type)")
    }
    guard trimmed.count <= Self.maximumLength else {
      throw InputError(
        field: "text", expected: "at most \(Self.maximumLength) characters", found: "\(trimmed.count)")
    }
    self.id = id
    self.nctId = nctId
    self.text = trimmed
    self.createdAt = createdAt
  }
}
