import Foundation
import Inputs

/// An expiring, passcode-protected link to one private note: whoever has the link and the
/// passcode reads the note until `expiresAt`. The passcode is kept only as a bcrypt hash.
public struct NoteShare: Sendable, Hashable, Codable {
  /// The shortest passcode accepted.
  public static let minimumPasscodeLength = 6
  /// The longest a link lasts, in days.
  public static let maximumDays = 30
  /// Wrong passcodes after which a link is erased.
  public static let maximumFailures = 5
  /// Links to one note at a time.
  public static let maximumLinksPerNote = 5

  public var id: String
  public var noteId: String
  public var keep: String
  public var passcodeHash: String
  public var createdAt: Date
  public var expiresAt: Date
  /// Wrong passcodes typed so far.
  public var failures = 0

  public init(
    id: String, noteId: String, keep: String, passcodeHash: String, createdAt: Date, expiresAt: Date
  ) {
    self.id = id
    self.noteId = noteId
    self.keep = keep
    self.passcodeHash = passcodeHash
    self.createdAt = createdAt
    self.expiresAt = expiresAt
  }

  /// Checks a passcode and a lifetime in days as a visitor typed them.
  public static func check(passcode: String, days text: String) throws(InputError) -> Int {
    guard passcode.count >= minimumPasscodeLength else {
      throw InputError(
        field: "passcode", expected: "a passcode of at least \(minimumPasscodeLength) characters",
        found: "\(passcode.count) characters")
    }
    guard let days = Int(text.trimmingCharacters(in: .whitespaces)), (1...maximumDays).contains(days) else {
      throw InputError(field: "days", expected: "1 to \(maximumDays) days", found: "\"\(text)\"")
    }
    return days
  }
}
