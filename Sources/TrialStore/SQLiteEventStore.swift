import Foundation
import GRDB

/// The embedded driver: one SQLite file through GRDB, in WAL mode with `synchronous=FULL`, so an
/// acknowledged append survives a crash or power loss; several processes may write one file (a
/// busy timeout queues them, and every write transaction is `BEGIN IMMEDIATE`).
///
/// Concurrent appends are committed in groups: while one transaction is being committed, the
/// appends that arrive queue up and go into the next transaction together. Each append is still
/// checked against the head read in its own transaction and is acknowledged only after the commit.
public final class SQLiteEventStore: EventStore {
  let pool: DatabasePool
  private let committer: GroupCommitter

  /// Opens (creating and migrating when needed) the SQLite file at `path`.
  public init(path: String, busyTimeout: TimeInterval = 30) async throws {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.label = "cartrial.events"
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      // After the pool is made: GRDB sets `synchronous = NORMAL` on the writer when it turns WAL
      // on (after `prepareDatabase`), which would let a power loss undo acknowledged appends.
      try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    } catch {
      throw SQLiteEventStore.map(error, opening: path)
    }
    // Two processes opening a new file at once may race on the first migration: the loser
    // fails and, on retry, finds it applied.
    var attempt = 0
    while true {
      do {
        try SQLiteEventStore.migrator.migrate(pool)
        break
      } catch {
        attempt += 1
        if attempt >= 5 { throw SQLiteEventStore.map(error, opening: path) }
        try await Task.sleep(nanoseconds: 20_000_000)
      }
    }
    committer = GroupCommitter(pool: pool)
  }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: events, checkpoints, projections") { db in
      try db.execute(
        sql: """
          CREATE TABLE IF NOT EXISTS events (
            trial TEXT NOT NULL,
            sequence INTEGER NOT NULL CHECK (sequence >= 1),
            kind TEXT NOT NULL,
            bytes BLOB NOT NULL,
            previous_hash BLOB NOT NULL CHECK (length(previous_hash) = 32),
            hash BLOB NOT NULL CHECK (length(hash) = 32),
            PRIMARY KEY (trial, sequence)
          ) WITHOUT ROWID;
          CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
          BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event cannot be changed'); END;
          CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
          BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event cannot be deleted'); END;
          CREATE TABLE IF NOT EXISTS checkpoints (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            trial TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            head_hash BLOB NOT NULL,
            signed_at INTEGER NOT NULL,
            public_key BLOB NOT NULL,
            signature BLOB NOT NULL
          );
          CREATE INDEX IF NOT EXISTS checkpoints_trial ON checkpoints (trial, sequence);
          CREATE TRIGGER IF NOT EXISTS checkpoints_no_update BEFORE UPDATE ON checkpoints
          BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: a stored checkpoint cannot be changed'); END;
          CREATE TRIGGER IF NOT EXISTS checkpoints_no_delete BEFORE DELETE ON checkpoints
          BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: a stored checkpoint cannot be deleted'); END;
          CREATE TABLE IF NOT EXISTS projections (
            trial TEXT PRIMARY KEY,
            sequence INTEGER NOT NULL,
            bytes BLOB NOT NULL
          );
          """)
    }
    migrator.registerMigration("v2: personal records") { db in
      try db.execute(
        sql: """
          CREATE TABLE IF NOT EXISTS personal_records (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            scope TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            bytes BLOB NOT NULL,
            PRIMARY KEY (kind, id)
          ) WITHOUT ROWID;
          CREATE INDEX IF NOT EXISTS personal_records_scope ON personal_records (kind, scope, created_at);
          """)
    }
    return migrator
  }

  public func append(trial: String, sequence: Int, kind: String, bytes: [UInt8]) async throws -> StoredEvent {
    try await committer.append(AppendRequest(trial: trial, sequence: sequence, kind: kind, bytes: bytes))
  }

  public func events(trial: String, from sequence: Int) async throws -> [StoredEvent] {
    try await read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT sequence, kind, bytes, previous_hash, hash FROM events
          WHERE trial = ? AND sequence >= ? ORDER BY sequence
          """, arguments: [trial, sequence]
      ).map { row in
        StoredEvent(
          trial: trial, sequence: row["sequence"], kind: row["kind"], bytes: Array(row["bytes"] as Data),
          previousHash: Array(row["previous_hash"] as Data), hash: Array(row["hash"] as Data))
      }
    }
  }

  public func head(trial: String) async throws -> ChainHead? {
    try await read { db in try SQLiteEventStore.head(db, trial: trial) }
  }

  static func head(_ db: Database, trial: String) throws -> ChainHead? {
    try Row.fetchOne(
      db, sql: "SELECT sequence, hash FROM events WHERE trial = ? ORDER BY sequence DESC LIMIT 1",
      arguments: [trial]
    ).map { ChainHead(sequence: $0["sequence"], hash: Array($0["hash"] as Data)) }
  }

  public func trials() async throws -> [String] {
    try await read { db in try String.fetchAll(db, sql: "SELECT DISTINCT trial FROM events ORDER BY trial") }
  }

  public func add(_ checkpoint: Checkpoint) async throws {
    try await write { db in
      try db.execute(
        sql: """
          INSERT INTO checkpoints (trial, sequence, head_hash, signed_at, public_key, signature)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          checkpoint.trial, checkpoint.sequence, Data(checkpoint.headHash), checkpoint.signedAtSeconds,
          Data(checkpoint.publicKey), Data(checkpoint.signature),
        ])
    }
  }

  public func checkpoints(trial: String) async throws -> [Checkpoint] {
    try await read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT sequence, head_hash, signed_at, public_key, signature FROM checkpoints
          WHERE trial = ? ORDER BY sequence, id
          """, arguments: [trial]
      ).map { row in
        Checkpoint(
          trial: trial, sequence: row["sequence"], headHash: Array(row["head_hash"] as Data),
          signedAt: Date(timeIntervalSince1970: TimeInterval(row["signed_at"] as Int64)),
          publicKey: Array(row["public_key"] as Data), signature: Array(row["signature"] as Data))
      }
    }
  }

  public func saveProjection(trial: String, sequence: Int, bytes: [UInt8]) async throws {
    try await write { db in
      try db.execute(
        sql: """
          INSERT INTO projections (trial, sequence, bytes) VALUES (?, ?, ?)
          ON CONFLICT (trial) DO UPDATE SET sequence = excluded.sequence, bytes = excluded.bytes
          """, arguments: [trial, sequence, Data(bytes)])
    }
  }

  public func projection(trial: String) async throws -> (sequence: Int, bytes: [UInt8])? {
    try await read { db in
      try Row.fetchOne(db, sql: "SELECT sequence, bytes FROM projections WHERE trial = ?", arguments: [trial])
        .map { (sequence: $0["sequence"] as Int, bytes: Array($0["bytes"] as Data)) }
    }
  }

  public func close() async throws {
    await committer.close()
    do { try pool.close() } catch { throw SQLiteEventStore.map(error) }
  }

  /// The writer connection's `PRAGMA synchronous` (2 is FULL).
  func synchronousSetting() async throws -> Int {
    try await write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
  }

  /// Runs SQL as the file's owner, bypassing the store (tests use it to tamper with the file).
  func executeRaw(_ sql: String) async throws {
    try await write { db in try db.execute(sql: sql) }
  }

  func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    guard await !committer.isClosed else { throw StoreError.closed }
    do { return try await pool.read(body) } catch { throw SQLiteEventStore.map(error) }
  }

  func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    guard await !committer.isClosed else { throw StoreError.closed }
    do { return try await pool.write(body) } catch { throw SQLiteEventStore.map(error) }
  }

  /// A store error for a database error: refusals by the append-only triggers keep their message.
  static func map(_ error: any Error, opening path: String? = nil) -> any Error {
    if error is StoreError { return error }
    guard let error = error as? DatabaseError else {
      return StoreError.database(path.map { "cannot open \($0)" } ?? "\(error)")
    }
    if error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER {
      return StoreError.appendOnly(error.message ?? "append-only")
    }
    let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
    return StoreError.database(path.map { "cannot open \($0): \(message)" } ?? message)
  }
}

struct AppendRequest: Sendable {
  var trial: String
  var sequence: Int
  var kind: String
  var bytes: [UInt8]
}

/// Batches concurrent appends into one write transaction (group commit).
actor GroupCommitter {
  private struct Pending {
    var request: AppendRequest
    var continuation: CheckedContinuation<StoredEvent, any Error>
  }

  private let pool: DatabasePool
  private var pending: [Pending] = []
  private var draining = false
  private(set) var isClosed = false
  /// The most appends committed in one transaction (keeps a transaction short).
  private let maximumBatch = 256

  init(pool: DatabasePool) {
    self.pool = pool
  }

  func append(_ request: AppendRequest) async throws -> StoredEvent {
    guard !isClosed else { throw StoreError.closed }
    return try await withCheckedThrowingContinuation { continuation in
      pending.append(Pending(request: request, continuation: continuation))
      if !draining {
        draining = true
        Task { await self.drain() }
      }
    }
  }

  func close() {
    isClosed = true
  }

  private func drain() async {
    while !pending.isEmpty {
      let batch = Array(pending.prefix(maximumBatch))
      pending.removeFirst(batch.count)
      let requests = batch.map(\.request)
      let results: [Result<StoredEvent, StoreError>]
      do {
        results = try await pool.write { db in try GroupCommitter.insert(requests, db) }
      } catch {
        let mapped = SQLiteEventStore.map(error)
        for item in batch { item.continuation.resume(throwing: mapped) }
        continue
      }
      // Committed: only now is each append acknowledged.
      for (item, result) in zip(batch, results) { item.continuation.resume(with: result) }
    }
    draining = false
  }

  /// Inserts every request that is next in its trial's log, in arrival order, within one transaction.
  private static func insert(_ requests: [AppendRequest], _ db: Database) throws -> [Result<
    StoredEvent, StoreError
  >] {
    var heads: [String: ChainHead?] = [:]
    var results: [Result<StoredEvent, StoreError>] = []
    results.reserveCapacity(requests.count)
    let statement = try db.cachedStatement(
      sql: "INSERT INTO events (trial, sequence, kind, bytes, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")
    for request in requests {
      let head: ChainHead?
      if let cached = heads[request.trial] {
        head = cached
      } else {
        head = try SQLiteEventStore.head(db, trial: request.trial)
      }
      let previous: [UInt8]
      do {
        previous = try AppendCheck.validate(trial: request.trial, sequence: request.sequence, head: head)
      } catch let error as StoreError {
        heads[request.trial] = head
        results.append(.failure(error))
        continue
      }
      let event = StoredEvent.chained(
        trial: request.trial, sequence: request.sequence, kind: request.kind, bytes: request.bytes,
        previousHash: previous)
      try statement.execute(arguments: [
        event.trial, event.sequence, event.kind, Data(event.bytes), Data(event.previousHash),
        Data(event.hash),
      ])
      heads[request.trial] = ChainHead(sequence: event.sequence, hash: event.hash)
      results.append(.success(event))
    }
    return results
  }
}
