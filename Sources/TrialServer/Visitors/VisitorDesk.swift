import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import Registry
import TrialStore

/// What visitors keep on the server without an account — saved searches with their outbox,
/// private notes on registry records, and expiring passcode-protected links to a note — found
/// by the *keep* cookie: a random key only the visitor's browser holds (`HttpOnly`,
/// `SameSite=Strict`), of which the server stores only the SHA-256. Everything a visitor keeps is
/// erased `retentionDays` after it was saved (a link earlier, when it expires), or at once when
/// the visitor deletes it or forgets everything.
struct VisitorDesk: Sendable {
  static let cookie = "cartrial_keep"

  let records: VisitorRecords
  let accounts: AccountBook
  let clock: @Sendable () -> Date
  let retentionDays: Int

  var now: Date { clock() }
  var expiry: Date { now.addingTimeInterval(Double(retentionDays) * 86_400) }

  /// A new random key (256 bits, hex).
  static func newKey() -> String {
    var rng = SystemRandomNumberGenerator()
    return (0..<4).map { _ in String(format: "%016llx", rng.next() as UInt64) }.joined()
  }

  /// The keep of a key, as stored.
  static func keep(ofKey key: String) -> String { AccountBook.tokenHash(key) }

  /// The visitor's key, from the request's cookie, when it is one of ours.
  static func key(_ request: Request) -> String? {
    guard let value = request.cookies[cookie]?.value, value.count == 64,
      value.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
    else { return nil }
    return value
  }

  /// The keep cookie for `key`, lasting as long as what it keeps.
  func cookie(_ key: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
    Cookie(
      name: Self.cookie, value: key, maxAge: maxAge ?? retentionDays * 86_400, path: "/", secure: secure,
      httpOnly: true, sameSite: .strict)
  }

  func saveSearch(_ query: SearchQuery, keep: String) async throws -> SavedSearch {
    let search = SavedSearch(id: UUID().uuidString.lowercased(), keep: keep, query: query, savedAt: now)
    try await records.save(search, until: expiry)
    return search
  }

  func addNote(nctId: String, text: String, keep: String) async throws -> PrivateNote {
    let note = try PrivateNote(id: UUID().uuidString.lowercased(), nctId: nctId, text: text, createdAt: now)
    try await records.save(note, keep: keep, until: expiry)
    return note
  }

  /// A link to the keep's note `noteId`, readable with `passcode` for `days` (at most until the
  /// note itself is erased).
  func share(noteId: String, passcode: String, days text: String, keep: String) async throws -> NoteShare {
    let days = try NoteShare.check(passcode: passcode, days: text)
    guard let note = try await records.notes(keep: keep, at: now).first(where: { $0.note.id == noteId })
    else {
      throw InputError(.notFound, field: "note", expected: "one of your notes", found: noteId)
    }
    let links = try await records.shares(keep: keep, at: now).filter { $0.noteId == noteId }.count
    guard links < NoteShare.maximumLinksPerNote else {
      throw InputError(
        .conflict, field: "note",
        expected: "at most \(NoteShare.maximumLinksPerNote) links to a note at a time",
        found: "\(links)")
    }
    let share = NoteShare(
      id: Self.newKey(), noteId: noteId, keep: keep, passcodeHash: try await accounts.hash(passcode),
      createdAt: now, expiresAt: min(note.expiresAt, now.addingTimeInterval(Double(days) * 86_400)))
    try await records.save(share)
    return share
  }

  /// The note behind link `id`, for the right passcode. An unknown or expired link is not found
  /// (before any passcode is checked: its 256-bit id cannot be guessed); a wrong passcode is
  /// refused and counted, and the link is erased at the ``NoteShare/maximumFailures``th.
  func open(shareId id: String, passcode: String) async throws -> (note: PrivateNote, expiresAt: Date) {
    guard var (share, note) = try await records.share(id, at: now) else {
      throw InputError(
        .notFound, field: "link", expected: "a shared note that has not expired", found: "none")
    }
    guard try await accounts.matches(passcode, share.passcodeHash) else {
      share.failures += 1
      if share.failures >= NoteShare.maximumFailures {
        _ = try await records.store.deletePersonalRecord(kind: VisitorRecords.shareKind, id: share.id)
      } else {
        try await records.save(share)
      }
      throw InputError(
        .forbidden, field: "passcode", expected: "the passcode of this link",
        found: "another (\(NoteShare.maximumFailures - share.failures) tries left)")
    }
    return (note, share.expiresAt)
  }

  /// Whether a request that changes what a visitor keeps comes from this server's own pages: a
  /// browser says so in `Sec-Fetch-Site`, else in `Origin`; a request with neither (not from a
  /// browser's page) is let through. The keep cookie is `SameSite=Strict`, so another site's form
  /// would not send it, but without this check it could make the browser a new keep in its place.
  static func isSameOrigin(_ request: Request) -> Bool {
    if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
      return site == "same-origin" || site == "none"
    }
    guard let origin = request.headers[.origin] else { return true }
    guard let host = request.head.authority else { return false }
    return URLComponents(string: origin).map { c in
      (c.host ?? "") + (c.port.map { ":\($0)" } ?? "") == host
    } ?? false
  }
}
