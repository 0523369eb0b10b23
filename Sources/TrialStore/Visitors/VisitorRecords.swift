import Foundation
import Inputs
import Registry
import TrialConduct

/// What a visitor (a patient, without an account) keeps on the server, as deletable
/// ``PersonalRecord``s: saved searches, the outbox of their notices, private notes on registry
/// records and the expiring links that share a note. A visitor's records are found by their
/// *keep*: the SHA-256 of a random key only the visitor's browser holds. Every record has its
/// erasure date (`expiresAt`); notices last as long as their search.
public struct VisitorRecords: Sendable {
  public static let searchKind = "savedSearch"
  public static let outboxKind = "outbox"
  public static let noteKind = "privateNote"
  public static let shareKind = "noteShare"
  /// Saved searches and share links are found across keeps (an import notifies every search; a
  /// link is opened by its id), so they share one scope each.
  public static let searchScope = "*searches"
  public static let shareScope = "*shares"

  public let store: any PersonalRecordStore

  public init(store: any PersonalRecordStore) { self.store = store }

  func put<T: Encodable>(
    _ value: T, kind: String, id: String, scope: String, at now: Date, until expiry: Date
  )
    async throws
  {
    let bytes = Array(try EventCoding.encoder().encode(value))
    try await store.savePersonalRecord(
      PersonalRecord(kind: kind, id: id, scope: scope, createdAt: now, expiresAt: expiry, bytes: bytes))
  }

  func all<T: Decodable>(_ type: T.Type, kind: String, scope: String, at now: Date) async throws
    -> [(value: T, expiresAt: Date)]
  {
    try await store.personalRecords(kind: kind, scope: scope, at: now).map {
      (try EventCoding.decoder().decode(T.self, from: Data($0.bytes)), $0.expiresAt)
    }
  }

  // MARK: Saved searches and their outbox

  public func save(_ search: SavedSearch, until expiry: Date) async throws {
    try await put(
      search, kind: Self.searchKind, id: search.id, scope: Self.searchScope, at: search.savedAt, until: expiry
    )
  }

  /// The keep's saved searches, oldest first.
  public func searches(keep: String, at now: Date) async throws -> [SavedSearch] {
    try await all(SavedSearch.self, kind: Self.searchKind, scope: Self.searchScope, at: now).map(\.value)
      .filter { $0.keep == keep }
  }

  /// Deletes the keep's search `id` and its notices; whether it was the keep's.
  public func deleteSearch(_ id: String, keep: String, at now: Date) async throws -> Bool {
    guard try await searches(keep: keep, at: now).contains(where: { $0.id == id }) else { return false }
    for message in try await outbox(keep: keep, at: now) where message.searchId == id {
      _ = try await store.deletePersonalRecord(kind: Self.outboxKind, id: message.id)
    }
    return try await store.deletePersonalRecord(kind: Self.searchKind, id: id)
  }

  /// The keep's notices, newest first.
  public func outbox(keep: String, at now: Date) async throws -> [OutboxMessage] {
    try await all(OutboxMessage.self, kind: Self.outboxKind, scope: keep, at: now).map(\.value)
      .sorted { $0.createdAt > $1.createdAt }
  }

  /// Puts a notice in the outbox of every saved search that finds one of the newly imported
  /// records `added` in `index`; how many notices.
  public func notify(added: Set<String>, index: SearchIndex, at now: Date) async throws -> Int {
    guard !added.isEmpty else { return 0 }
    var sent = 0
    for (search, expiry) in try await all(
      SavedSearch.self, kind: Self.searchKind, scope: Self.searchScope, at: now)
    {
      for listing in search.matches(in: index, among: added) {
        let message = OutboxMessage(
          id: "\(search.id)-\(listing.nctId)", search: search, listing: listing, at: now)
        try await put(
          message, kind: Self.outboxKind, id: message.id, scope: search.keep, at: now, until: expiry)
        sent += 1
      }
    }
    return sent
  }

  // MARK: Private notes and their links

  public func save(_ note: PrivateNote, keep: String, until expiry: Date) async throws {
    try await put(note, kind: Self.noteKind, id: note.id, scope: keep, at: note.createdAt, until: expiry)
  }

  /// The keep's notes (on `nctId` only, when given), oldest first, with their erasure dates.
  public func notes(keep: String, nctId: String? = nil, at now: Date) async throws
    -> [(note: PrivateNote, expiresAt: Date)]
  {
    try await all(PrivateNote.self, kind: Self.noteKind, scope: keep, at: now)
      .filter { nctId == nil || $0.value.nctId == nctId }.map { ($0.value, $0.expiresAt) }
  }

  /// Deletes the keep's note `id` and every link to it; whether it was the keep's.
  public func deleteNote(_ id: String, keep: String, at now: Date) async throws -> Bool {
    guard try await notes(keep: keep, at: now).contains(where: { $0.note.id == id }) else { return false }
    for share in try await all(NoteShare.self, kind: Self.shareKind, scope: Self.shareScope, at: now)
    where share.value.noteId == id {
      _ = try await store.deletePersonalRecord(kind: Self.shareKind, id: share.value.id)
    }
    return try await store.deletePersonalRecord(kind: Self.noteKind, id: id)
  }

  public func save(_ share: NoteShare) async throws {
    try await put(
      share, kind: Self.shareKind, id: share.id, scope: Self.shareScope, at: share.createdAt,
      until: share.expiresAt)
  }

  /// The link `id` and its note, while both last.
  public func share(_ id: String, at now: Date) async throws -> (share: NoteShare, note: PrivateNote)? {
    guard
      let share = try await all(NoteShare.self, kind: Self.shareKind, scope: Self.shareScope, at: now)
        .first(where: { $0.value.id == id })?.value,
      let note = try await notes(keep: share.keep, at: now).first(where: { $0.note.id == share.noteId })
    else { return nil }
    return (share, note.note)
  }

  /// The keep's links, with the notes they share.
  public func shares(keep: String, at now: Date) async throws -> [NoteShare] {
    try await all(NoteShare.self, kind: Self.shareKind, scope: Self.shareScope, at: now).map(\.value)
      .filter { $0.keep == keep }
  }

  /// Deletes everything of the keep; how many records.
  public func forget(keep: String, at now: Date) async throws -> Int {
    var deleted = 0
    for search in try await searches(keep: keep, at: now) {
      deleted += try await deleteSearch(search.id, keep: keep, at: now) ? 1 : 0
    }
    for (note, _) in try await notes(keep: keep, at: now) {
      deleted += try await deleteNote(note.id, keep: keep, at: now) ? 1 : 0
    }
    for message in try await outbox(keep: keep, at: now) {
      deleted += try await store.deletePersonalRecord(kind: Self.outboxKind, id: message.id) ? 1 : 0
    }
    return deleted
  }
}
