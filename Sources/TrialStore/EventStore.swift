import Foundation

/// One row of a trial's event log: the event's canonical bytes exactly as hashed, chained to the
/// event before it.
///
/// The store never interprets `bytes`; the conduct layer above decides what they encode and what
/// `kind` names.
public struct StoredEvent: Sendable, Hashable {
  /// The trial the event belongs to.
  public let trial: String
  /// Position in the trial's log: 1, 2, 3, … with no gaps.
  public let sequence: Int
  /// What the event is (for listings and filters); not covered by the hash, which covers `bytes`.
  public let kind: String
  /// The event's canonical bytes, stored exactly as hashed.
  public let bytes: [UInt8]
  /// The hash of the event before this one (32 bytes); all zeros for sequence 1.
  public let previousHash: [UInt8]
  /// ``EventHash/hash(trial:sequence:previousHash:bytes:)`` of this event.
  public let hash: [UInt8]

  public init(
    trial: String, sequence: Int, kind: String, bytes: [UInt8], previousHash: [UInt8], hash: [UInt8]
  ) {
    self.trial = trial
    self.sequence = sequence
    self.kind = kind
    self.bytes = bytes
    self.previousHash = previousHash
    self.hash = hash
  }

  /// A new event chained after `previous` (or first when `previous` is nil), with its hash computed.
  static func chained(
    trial: String, sequence: Int, kind: String, bytes: [UInt8], previousHash: [UInt8]
  ) -> StoredEvent {
    StoredEvent(
      trial: trial, sequence: sequence, kind: kind, bytes: bytes, previousHash: previousHash,
      hash: EventHash.hash(trial: trial, sequence: sequence, previousHash: previousHash, bytes: bytes))
  }
}

/// The newest event of a trial's log: its sequence and hash.
public struct ChainHead: Sendable, Hashable {
  public let sequence: Int
  public let hash: [UInt8]

  public init(sequence: Int, hash: [UInt8]) {
    self.sequence = sequence
    self.hash = hash
  }
}

/// Why the store refused or failed an operation. Messages name trials, sequences and what to do,
/// never implementation types.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Another append got there first: `expected` is already taken and the log's head is now `head`.
  /// Re-read the state, re-check the command, and append as `head + 1`.
  case sequenceTaken(trial: String, expected: Int, head: Int)
  /// The append named a sequence beyond `head + 1` (or below 1): the log has no gaps.
  case sequenceNotNext(trial: String, given: Int, head: Int)
  /// The database itself refused a change to stored history (events and checkpoints are append-only).
  case appendOnly(String)
  /// A signing key that cannot be used: a key file readable by others, a malformed key.
  case signingKey(String)
  /// The database could not be opened, read or written.
  case database(String)
  /// The store was closed.
  case closed

  public var description: String {
    switch self {
    case .sequenceTaken(let trial, let expected, let head):
      return
        "trial '\(trial)': event \(expected) was already written by another writer (the log now ends at event \(head)); re-check against the new state and try again"
    case .sequenceNotNext(let trial, let given, let head):
      return
        "trial '\(trial)': cannot append event \(given): the log ends at event \(head), so the next event is \(head + 1)"
    case .appendOnly(let message):
      return "the database refused the change: \(message)"
    case .signingKey(let message):
      return "signing key: \(message)"
    case .database(let message):
      return "database: \(message)"
    case .closed:
      return "the event store is closed"
    }
  }
}

/// An append-only, hash-chained event log per trial, with signed checkpoints and a cached projection.
///
/// Every driver (SQLite, PostgreSQL, in memory) behaves the same and passes the same tests.
public protocol EventStore: PersonalRecordStore {
  /// Appends as `sequence` (must be head+1); the hash is computed here from the previous row in the
  /// same transaction. Acknowledged (returns) only once durably committed.
  /// Throws ``StoreError/sequenceTaken(trial:expected:head:)`` when another writer got there first.
  func append(trial: String, sequence: Int, kind: String, bytes: [UInt8]) async throws -> StoredEvent
  /// The trial's events from `sequence` on, ascending.
  func events(trial: String, from sequence: Int) async throws -> [StoredEvent]
  /// The newest event's sequence and hash, or nil for a trial with no events.
  func head(trial: String) async throws -> ChainHead?
  /// Every trial with at least one event, sorted.
  func trials() async throws -> [String]
  /// Stores a signed checkpoint (append-only, like events).
  func add(_ checkpoint: Checkpoint) async throws
  /// The trial's checkpoints, oldest first.
  func checkpoints(trial: String) async throws -> [Checkpoint]
  /// Cached projection (current state bytes) — always rebuildable from the log.
  func saveProjection(trial: String, sequence: Int, bytes: [UInt8]) async throws
  /// The cached projection and the sequence it was folded up to, if any.
  func projection(trial: String) async throws -> (sequence: Int, bytes: [UInt8])?
  /// Releases connections and background tasks; the store is unusable afterwards.
  func close() async throws
}

extension EventStore {
  /// Every event of the trial, ascending.
  public func events(trial: String) async throws -> [StoredEvent] {
    try await events(trial: trial, from: 1)
  }

  /// Verifies the trial's stored chain against its stored checkpoints (and any kept elsewhere),
  /// under `trustedKey`.
  public func verify(trial: String, trustedKey: [UInt8]?, extraCheckpoints: [Checkpoint] = [])
    async throws -> ChainReport
  {
    let events = try await events(trial: trial)
    let checkpoints = try await checkpoints(trial: trial) + extraCheckpoints
    return ChainVerifier.verify(events: events, checkpoints: checkpoints, trustedKey: trustedKey)
  }
}

/// The checks every driver makes before inserting, given the head read in the same transaction.
enum AppendCheck {
  static func validate(trial: String, sequence: Int, head: ChainHead?) throws -> [UInt8] {
    let headSequence = head?.sequence ?? 0
    if sequence >= 1 && sequence <= headSequence {
      throw StoreError.sequenceTaken(trial: trial, expected: sequence, head: headSequence)
    }
    guard sequence == headSequence + 1 else {
      throw StoreError.sequenceNotNext(trial: trial, given: sequence, head: headSequence)
    }
    return head?.hash ?? EventHash.zero
  }
}
