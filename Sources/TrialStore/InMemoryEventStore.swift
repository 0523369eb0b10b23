import Foundation

/// The same behaviour as the database drivers, in memory: for tests of the layers above.
public final class InMemoryEventStore: EventStore, @unchecked Sendable {
  // Guarded by `lock`.
  private var logs: [String: [StoredEvent]] = [:]
  private var checkpointList: [Checkpoint] = []
  private var projections: [String: (sequence: Int, bytes: [UInt8])] = [:]
  private var personal: [String: PersonalRecord] = [:]
  private var isClosed = false
  private let lock = NSLock()

  public init() {}

  private func locked<T>(_ body: () throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    guard !isClosed else { throw StoreError.closed }
    return try body()
  }

  public func append(trial: String, sequence: Int, kind: String, bytes: [UInt8]) async throws -> StoredEvent {
    try locked {
      let log = logs[trial, default: []]
      let head = log.last.map { ChainHead(sequence: $0.sequence, hash: $0.hash) }
      let previous = try AppendCheck.validate(trial: trial, sequence: sequence, head: head)
      let event = StoredEvent.chained(
        trial: trial, sequence: sequence, kind: kind, bytes: bytes, previousHash: previous)
      logs[trial, default: []].append(event)
      return event
    }
  }

  public func events(trial: String, from sequence: Int) async throws -> [StoredEvent] {
    try locked { logs[trial, default: []].filter { $0.sequence >= sequence } }
  }

  public func head(trial: String) async throws -> ChainHead? {
    try locked { logs[trial]?.last.map { ChainHead(sequence: $0.sequence, hash: $0.hash) } }
  }

  public func trials() async throws -> [String] {
    try locked { logs.keys.sorted() }
  }

  public func add(_ checkpoint: Checkpoint) async throws {
    try locked { checkpointList.append(checkpoint) }
  }

  public func checkpoints(trial: String) async throws -> [Checkpoint] {
    try locked { checkpointList.filter { $0.trial == trial } }
  }

  public func saveProjection(trial: String, sequence: Int, bytes: [UInt8]) async throws {
    try locked { projections[trial] = (sequence, bytes) }
  }

  public func projection(trial: String) async throws -> (sequence: Int, bytes: [UInt8])? {
    try locked { projections[trial] }
  }

  public func savePersonalRecord(_ record: PersonalRecord) async throws {
    try locked { personal[record.kind + "/" + record.id] = record }
  }

  public func personalRecords(kind: String, scope: String, at now: Date) async throws -> [PersonalRecord] {
    try locked {
      personal.values.filter { $0.kind == kind && $0.scope == scope && $0.expiresAt > now }
        .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
  }

  public func deletePersonalRecord(kind: String, id: String) async throws -> Bool {
    try locked { personal.removeValue(forKey: kind + "/" + id) != nil }
  }

  public func deleteExpiredPersonalRecords(at now: Date) async throws -> Int {
    try locked {
      let expired = personal.filter { $0.value.expiresAt <= now }.map(\.key)
      for key in expired { personal[key] = nil }
      return expired.count
    }
  }

  public func close() async throws {
    markClosed()
  }

  private func markClosed() {
    lock.lock()
    defer { lock.unlock() }
    isClosed = true
  }
}
