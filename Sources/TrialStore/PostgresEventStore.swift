import Foundation
import PostgresNIO

/// The server driver: PostgreSQL through PostgresNIO, the same behaviour as the SQLite driver.
///
/// Each append is one transaction that reads the head, checks the sequence and inserts; the unique
/// (trial, sequence) key makes the second of two racing appends fail, reported as
/// ``StoreError/sequenceTaken(trial:expected:head:)``. A trigger refuses `UPDATE`, `DELETE` and
/// `TRUNCATE` on events and checkpoints; ``createApplicationRole(name:password:)`` makes a role
/// that may only `INSERT` and `SELECT` them, so that even the trigger's removal does not let the
/// application rewrite history.
public final class PostgresEventStore: EventStore {
  let client: PostgresClient
  private let runTask: Task<Void, Never>
  let logger: Logger
  let settings: PostgresSettings
  let migrationLockWait: Duration

  /// Connects to `url` (`postgres://user:password@host:port/database[?schema=NAME]`) and migrates;
  /// at most `maximumConnections` connections are open at once. Another process migrating the
  /// same schema is waited for at most `migrationLockWait`, then the opening fails.
  public init(url: String, maximumConnections: Int = 16, migrationLockWait: Duration = .seconds(60))
    async throws
  {
    settings = try PostgresSettings(url: url)
    self.migrationLockWait = migrationLockWait
    var configuration = PostgresClient.Configuration(
      host: settings.host, port: settings.port, username: settings.user, password: settings.password,
      database: settings.database, tls: .disable)
    configuration.options.connectTimeout = .seconds(5)
    configuration.options.maximumConnections = maximumConnections
    if let schema = settings.schema {
      configuration.options.additionalStartupParameters = [("search_path", schema)]
    }
    var logger = Logger(label: "cartrial.events")
    logger.logLevel = .critical
    self.logger = logger
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    self.client = client
    runTask = Task { await client.run() }
    do {
      try await migrate()
    } catch {
      runTask.cancel()
      await runTask.value
      throw PostgresEventStore.map(error, settings: settings)
    }
  }

  /// Schema versions, applied in order inside one transaction under an advisory lock (one per
  /// schema, waited for at most 60 s).
  static let migrations: [(version: Int, statements: [String])] = [
    (
      1,
      [
        """
        CREATE TABLE events (
          trial TEXT NOT NULL,
          sequence BIGINT NOT NULL CHECK (sequence >= 1),
          kind TEXT NOT NULL,
          bytes BYTEA NOT NULL,
          previous_hash BYTEA NOT NULL CHECK (length(previous_hash) = 32),
          hash BYTEA NOT NULL CHECK (length(hash) = 32),
          PRIMARY KEY (trial, sequence)
        )
        """,
        """
        CREATE TABLE checkpoints (
          id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          trial TEXT NOT NULL,
          sequence BIGINT NOT NULL,
          head_hash BYTEA NOT NULL,
          signed_at BIGINT NOT NULL,
          public_key BYTEA NOT NULL,
          signature BYTEA NOT NULL
        )
        """,
        "CREATE INDEX checkpoints_trial ON checkpoints (trial, sequence)",
        """
        CREATE TABLE projections (
          trial TEXT PRIMARY KEY,
          sequence BIGINT NOT NULL,
          bytes BYTEA NOT NULL
        )
        """,
        """
        CREATE FUNCTION cartrial_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% are append-only: % is refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'P0001';
        END
        $$
        """,
        "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION cartrial_refuse_change()",
        "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION cartrial_refuse_change()",
        "CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON checkpoints FOR EACH ROW EXECUTE FUNCTION cartrial_refuse_change()",
        "CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints FOR EACH STATEMENT EXECUTE FUNCTION cartrial_refuse_change()",
      ]
    ),
    (
      2,
      [
        """
        CREATE TABLE personal_records (
          kind TEXT NOT NULL,
          id TEXT NOT NULL,
          scope TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          expires_at BIGINT NOT NULL,
          bytes BYTEA NOT NULL,
          PRIMARY KEY (kind, id)
        )
        """,
        "CREATE INDEX personal_records_scope ON personal_records (kind, scope, created_at)",
      ]
    ),
  ]

  private func migrate() async throws {
    let latest = PostgresEventStore.migrations.map(\.version).max() ?? 0
    // An application role may not create anything: when nothing is missing, touch nothing.
    if try await appliedVersion() >= latest { return }
    try await withMigrationLock(schema: settings.schema ?? "public", wait: migrationLockWait) { connection in
      if let schema = self.settings.schema {
        try await connection.query(
          PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: self.logger)
      }
      try await connection.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        logger: self.logger)
      var applied = Set<Int>()
      for try await version in try await connection.query(
        "SELECT version FROM schema_migrations", logger: self.logger
      )
      .decode(Int.self) {
        applied.insert(version)
      }
      for migration in PostgresEventStore.migrations where !applied.contains(migration.version) {
        for statement in migration.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
        }
        try await connection.query(
          "INSERT INTO schema_migrations (version) VALUES (\(migration.version))", logger: self.logger)
      }
    }
  }

  /// Runs `body` in one transaction that holds the migration lock of `schema`, committed when
  /// `body` returns. Schemas on one database migrate independently; the lock is waited for at
  /// most `wait` (PostgreSQL's `lock_timeout`), then this throws rather than hangs.
  func withMigrationLock(
    schema: String, wait: Duration, _ body: @Sendable (PostgresConnection) async throws -> Void
  ) async throws {
    let milliseconds = max(
      1, wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)
    try await client.withConnection { connection in
      try await connection.query("BEGIN", logger: self.logger)
      do {
        try await connection.query(
          PostgresQuery(unsafeSQL: "SET LOCAL lock_timeout = \(milliseconds)"), logger: self.logger)
        // A statement's error arrives with its rows: read them, so a lock timeout is this error.
        for try await _ in try await connection.query(
          "SELECT pg_advisory_xact_lock(4242013, hashtext(\(schema)))::text", logger: self.logger
        ).decode(String.self) {}
        try await body(connection)
        try await connection.query("COMMIT", logger: self.logger)
      } catch {
        _ = try? await connection.query("ROLLBACK", logger: self.logger)
        throw error
      }
    }
  }

  private func appliedVersion() async throws -> Int {
    let rows = try await client.query(
      "SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
    var exists = false
    for try await value in rows.decode(Bool.self) { exists = value }
    guard exists else { return 0 }
    var version = 0
    for try await value in try await client.query(
      "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", logger: logger
    ).decode(Int.self) {
      version = value
    }
    return version
  }

  public func append(trial: String, sequence: Int, kind: String, bytes: [UInt8]) async throws -> StoredEvent {
    do {
      return try await client.withConnection { connection in
        try await connection.query("BEGIN", logger: self.logger)
        do {
          let head = try await PostgresEventStore.head(connection, trial: trial, logger: self.logger)
          let previous = try AppendCheck.validate(trial: trial, sequence: sequence, head: head)
          let event = StoredEvent.chained(
            trial: trial, sequence: sequence, kind: kind, bytes: bytes, previousHash: previous)
          try await connection.query(
            """
            INSERT INTO events (trial, sequence, kind, bytes, previous_hash, hash)
            VALUES (\(trial), \(sequence), \(kind), \(ByteBuffer(bytes: event.bytes)),
              \(ByteBuffer(bytes: event.previousHash)), \(ByteBuffer(bytes: event.hash)))
            """, logger: self.logger)
          try await connection.query("COMMIT", logger: self.logger)
          return event
        } catch {
          _ = try? await connection.query("ROLLBACK", logger: self.logger)
          throw error
        }
      }
    } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
      // Another transaction committed this sequence first.
      let head = try await self.head(trial: trial)
      throw StoreError.sequenceTaken(trial: trial, expected: sequence, head: head?.sequence ?? 0)
    } catch {
      throw PostgresEventStore.map(error, settings: settings)
    }
  }

  static func head(_ connection: PostgresConnection, trial: String, logger: Logger) async throws -> ChainHead?
  {
    var head: ChainHead?
    for try await (sequence, hash) in try await connection.query(
      "SELECT sequence, hash FROM events WHERE trial = \(trial) ORDER BY sequence DESC LIMIT 1",
      logger: logger
    ).decode((Int, ByteBuffer).self) {
      head = ChainHead(sequence: sequence, hash: Array(hash.readableBytesView))
    }
    return head
  }

  public func events(trial: String, from sequence: Int) async throws -> [StoredEvent] {
    try await run {
      var events: [StoredEvent] = []
      for try await (sequence, kind, bytes, previous, hash) in try await self.client.query(
        """
        SELECT sequence, kind, bytes, previous_hash, hash FROM events
        WHERE trial = \(trial) AND sequence >= \(sequence) ORDER BY sequence
        """, logger: self.logger
      ).decode((Int, String, ByteBuffer, ByteBuffer, ByteBuffer).self) {
        events.append(
          StoredEvent(
            trial: trial, sequence: sequence, kind: kind, bytes: Array(bytes.readableBytesView),
            previousHash: Array(previous.readableBytesView), hash: Array(hash.readableBytesView)))
      }
      return events
    }
  }

  public func head(trial: String) async throws -> ChainHead? {
    try await run {
      try await self.client.withConnection { connection in
        try await PostgresEventStore.head(connection, trial: trial, logger: self.logger)
      }
    }
  }

  public func trials() async throws -> [String] {
    try await run {
      var trials: [String] = []
      for try await trial in try await self.client.query(
        "SELECT DISTINCT trial FROM events ORDER BY trial", logger: self.logger
      ).decode(String.self) {
        trials.append(trial)
      }
      return trials
    }
  }

  public func add(_ checkpoint: Checkpoint) async throws {
    try await run {
      try await self.client.query(
        """
        INSERT INTO checkpoints (trial, sequence, head_hash, signed_at, public_key, signature)
        VALUES (\(checkpoint.trial), \(checkpoint.sequence), \(ByteBuffer(bytes: checkpoint.headHash)),
          \(checkpoint.signedAtSeconds), \(ByteBuffer(bytes: checkpoint.publicKey)),
          \(ByteBuffer(bytes: checkpoint.signature)))
        """, logger: self.logger)
    }
  }

  public func checkpoints(trial: String) async throws -> [Checkpoint] {
    try await run {
      var checkpoints: [Checkpoint] = []
      for try await (sequence, head, signedAt, key, signature) in try await self.client.query(
        """
        SELECT sequence, head_hash, signed_at, public_key, signature FROM checkpoints
        WHERE trial = \(trial) ORDER BY sequence, id
        """, logger: self.logger
      ).decode((Int, ByteBuffer, Int64, ByteBuffer, ByteBuffer).self) {
        checkpoints.append(
          Checkpoint(
            trial: trial, sequence: sequence, headHash: Array(head.readableBytesView),
            signedAt: Date(timeIntervalSince1970: TimeInterval(signedAt)),
            publicKey: Array(key.readableBytesView),
            signature: Array(signature.readableBytesView)))
      }
      return checkpoints
    }
  }

  public func saveProjection(trial: String, sequence: Int, bytes: [UInt8]) async throws {
    try await run {
      try await self.client.query(
        """
        INSERT INTO projections (trial, sequence, bytes) VALUES (\(trial), \(sequence), \(ByteBuffer(bytes: bytes)))
        ON CONFLICT (trial) DO UPDATE SET sequence = excluded.sequence, bytes = excluded.bytes
        """, logger: self.logger)
    }
  }

  public func projection(trial: String) async throws -> (sequence: Int, bytes: [UInt8])? {
    try await run {
      var result: (sequence: Int, bytes: [UInt8])?
      for try await (sequence, bytes) in try await self.client.query(
        "SELECT sequence, bytes FROM projections WHERE trial = \(trial)", logger: self.logger
      ).decode((Int, ByteBuffer).self) {
        result = (sequence, Array(bytes.readableBytesView))
      }
      return result
    }
  }

  public func close() async throws {
    runTask.cancel()
    await runTask.value
  }

  /// Creates a login role that may only read and append events and checkpoints (and keep the
  /// cached projection): run as the owner of the tables. The application then connects as it.
  public func createApplicationRole(name: String, password: String) async throws {
    guard PostgresSettings.isIdentifier(name) else {
      throw StoreError.database("a role name must be lower-case letters, digits and _, found '\(name)'")
    }
    let quoted = "'" + password.replacingOccurrences(of: "'", with: "''") + "'"
    let (schema, database) = try await grantTargets()
    try await executeAll([
      "CREATE ROLE \(name) LOGIN PASSWORD \(quoted) NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT",
      "GRANT CONNECT ON DATABASE \(database) TO \(name)",
      "GRANT USAGE ON SCHEMA \(schema) TO \(name)",
      "GRANT SELECT, INSERT ON events, checkpoints TO \(name)",
      "GRANT SELECT, INSERT, UPDATE ON projections TO \(name)",
      "GRANT SELECT, INSERT, UPDATE, DELETE ON personal_records TO \(name)",
      "GRANT SELECT ON schema_migrations TO \(name)",
    ])
  }

  /// Removes a role made by ``createApplicationRole(name:password:)`` and its grants.
  public func dropApplicationRole(name: String) async throws {
    guard PostgresSettings.isIdentifier(name) else { return }
    let (schema, database) = try await grantTargets()
    try await executeAll([
      "REVOKE ALL ON ALL TABLES IN SCHEMA \(schema) FROM \(name)",
      "REVOKE ALL ON SCHEMA \(schema) FROM \(name)",
      "REVOKE ALL ON DATABASE \(database) FROM \(name)",
      "DROP ROLE IF EXISTS \(name)",
    ])
  }

  /// The current schema and the quoted database name, for grants.
  private func grantTargets() async throws -> (schema: String, database: String) {
    let database = "\"" + settings.database.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    return (try await currentSchema(), database)
  }

  private func executeAll(_ statements: [String]) async throws {
    for statement in statements { try await executeRaw(statement) }
  }

  /// Drops a schema made for tests or benchmarks (`?schema=NAME`) with everything in it; the
  /// default `public` schema is never dropped.
  public func dropSchema(_ name: String) async throws {
    guard PostgresSettings.isIdentifier(name), name != "public" else {
      throw StoreError.database("refusing to drop the schema '\(name)'")
    }
    try await executeRaw("DROP SCHEMA IF EXISTS \(name) CASCADE")
  }

  private func currentSchema() async throws -> String {
    var schema = "public"
    for try await value in try await client.query("SELECT current_schema()", logger: logger).decode(
      String.self)
    {
      schema = value
    }
    guard PostgresSettings.isIdentifier(schema) else {
      throw StoreError.database("unexpected schema name '\(schema)'")
    }
    return schema
  }

  /// Runs SQL as the connected role, bypassing the store (tests use it to tamper as the owner).
  func executeRaw(_ sql: String) async throws {
    try await run { try await self.client.query(PostgresQuery(unsafeSQL: sql), logger: self.logger) }
  }

  @discardableResult
  func run<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch { throw PostgresEventStore.map(error, settings: settings) }
  }

  /// A store error for a server error: the append-only trigger's refusal and permission refusals
  /// keep the server's message.
  static func map(_ error: any Error, settings: PostgresSettings) -> any Error {
    if error is StoreError { return error }
    guard let error = error as? PSQLError else {
      return StoreError.database("\(settings.host):\(settings.port)/\(settings.database): \(error)")
    }
    if let server = error.serverInfo, let state = server[.sqlState] {
      let message = server[.message] ?? "error \(state)"
      switch state {
      case "P0001": return StoreError.appendOnly(message)
      case "42501": return StoreError.appendOnly(message)
      case "55P03":
        return StoreError.database(
          "\(settings.database): another process held the schema's migration lock too long (\(message))")
      default: return StoreError.database(message)
      }
    }
    return StoreError.database(
      "cannot reach PostgreSQL at \(settings.host):\(settings.port) (database \(settings.database))")
  }
}
