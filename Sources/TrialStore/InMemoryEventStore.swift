import Foundation

/// The same behaviour as the database drivers, in memory: for tests of the layers above.
public final class InMemoryEventStore: EventStore, @unchecked Sendable {
  // Guarded by `lock`.
  private var logs: [String: [StoredEvent]] = [:]
  private var checkpointList: [Checkpoint] = []
  private var projections: [String: (sequence: Int, bytes: [UInt8])] = [:]
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

  public func close() async throws {
    markClosed()
  }

  private func markClosed() {
    lock.lock()
    defer { lock.unlock() }
    isClosed = true
  }
}
