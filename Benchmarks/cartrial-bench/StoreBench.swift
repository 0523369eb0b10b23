import Foundation
import GRDB
import PostgresNIO
import TrialStore

/// The event store: durable appends per second and latency, beside the disk's raw fsync'd-commit
/// rate measured in the same run; and `append-writer`, the writer process the crash tests kill.
enum StoreBench {
  /// `append-writer --db PATH --trial T --count N`: appends N events (retrying on a taken
  /// sequence) and prints `acked <sequence>` after each acknowledged append, flushed.
  static func appendWriter(_ arguments: [String]) async throws {
    var options: [String: String] = [:]
    var index = 0
    while index + 1 < arguments.count {
      options[arguments[index]] = arguments[index + 1]
      index += 2
    }
    guard let db = options["--db"], let trial = options["--trial"],
      let count = options["--count"].flatMap(Int.init)
    else {
      FileHandle.standardError.write(
        Data("usage: cartrial-bench append-writer --db PATH --trial T --count N\n".utf8))
      exit(2)
    }
    let store = try await openEventStore(try StoreLocation.parse(db))
    var next = (try await store.head(trial: trial)?.sequence ?? 0) + 1
    let pid = getpid()
    for n in 0..<count {
      let payload = Array("{\"writer\":\(pid),\"n\":\(n)}".utf8)
      while true {
        do {
          let event = try await store.append(trial: trial, sequence: next, kind: "bench", bytes: payload)
          // Unbuffered: the line is out before the next append starts.
          FileHandle.standardOutput.write(Data("acked \(event.sequence)\n".utf8))
          next = event.sequence + 1
          break
        } catch StoreError.sequenceTaken(_, _, let head) {
          next = head + 1
        }
      }
    }
    try await store.close()
  }

  static func run() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-bench-store-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    print("== store (files in \(directory.path))")
    try rawRates(directory)

    let sqlitePath = directory.appendingPathComponent("events.sqlite").path
    try await measure(engine: "SQLite", location: .sqlite(path: sqlitePath))
    if let url = ProcessInfo.processInfo.environment["CARTRIAL_TEST_POSTGRES_URL"], !url.isEmpty {
      let schema = "bench_\(getpid())"
      let separator = url.contains("?") ? "&" : "?"
      let location = StoreLocation.postgres(url: url + separator + "schema=" + schema)
      try await rawPostgres(url: url)
      try await measure(engine: "PostgreSQL", location: location)
      if let store = try await openEventStore(location) as? PostgresEventStore {
        try await store.dropSchema(schema)
        try await store.close()
      }
    } else {
      print("PostgreSQL: skipped (CARTRIAL_TEST_POSTGRES_URL is not set)")
    }
  }

  /// The disk's own rate: write+fsync of a small file, and tiny SQLite transactions with
  /// `synchronous=FULL` in WAL mode without the store.
  static func rawRates(_ directory: URL) throws {
    let path = directory.appendingPathComponent("fsync.bin").path
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { throw StoreError.database("cannot create \(path)") }
    var latencies: [Double] = []
    let byte: [UInt8] = [1]
    let started = Date()
    while Date().timeIntervalSince(started) < 2 {
      let start = DispatchTime.now().uptimeNanoseconds
      _ = byte.withUnsafeBytes { pwrite(fd, $0.baseAddress, 1, off_t(latencies.count % 4096)) }
      fsync(fd)
      latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    close(fd)
    report(
      "raw fsync of a file (1 byte pwrite + fsync)", latencies, seconds: Date().timeIntervalSince(started))

    var configuration = Configuration()
    configuration.journalMode = .wal
    let queue = try DatabaseQueue(
      path: directory.appendingPathComponent("raw.sqlite").path, configuration: configuration)
    // After opening: GRDB sets synchronous=NORMAL when it turns WAL on.
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    try queue.write { db in try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)") }
    latencies = []
    let sqliteStarted = Date()
    while Date().timeIntervalSince(sqliteStarted) < 2 {
      let start = DispatchTime.now().uptimeNanoseconds
      try queue.write { db in
        try db.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: [Data([1, 2, 3])])
      }
      latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    report(
      "raw SQLite commits (WAL, synchronous=FULL, 1 tiny INSERT each)", latencies,
      seconds: Date().timeIntervalSince(sqliteStarted))
    try queue.close()
  }

  /// The server's own rate: one-row INSERTs, each its own transaction (autocommit), from 1 and from
  /// 16 connections, without the store.
  static func rawPostgres(url: String) async throws {
    guard let components = URLComponents(string: url), let host = components.host, let user = components.user
    else { return }
    let configuration = PostgresClient.Configuration(
      host: host, port: components.port ?? 5432, username: user, password: components.password,
      database: String(components.path.dropFirst()), tls: .disable)
    var logger = Logger(label: "bench")
    logger.logLevel = .critical
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    let task = Task { await client.run() }
    defer { task.cancel() }
    let table = "bench_raw_\(getpid())"
    try await client.query(
      PostgresQuery(unsafeSQL: "CREATE TABLE \(table) (id BIGSERIAL PRIMARY KEY, v BYTEA)"))
    for connections in [1, 16] {
      let started = Date()
      let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for _ in 0..<connections {
          group.addTask {
            var own: [Double] = []
            while Date().timeIntervalSince(started) < 2 {
              let start = DispatchTime.now().uptimeNanoseconds
              try await client.query(
                PostgresQuery(unsafeSQL: "INSERT INTO \(table) (v) VALUES ('\\x010203')"))
              own.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            return own
          }
        }
        return try await group.reduce(into: []) { $0 += $1 }
      }
      report(
        "raw PostgreSQL commits (1 INSERT each, autocommit), \(connections) connection\(connections == 1 ? "" : "s")",
        latencies, seconds: Date().timeIntervalSince(started))
    }
    try await client.query(PostgresQuery(unsafeSQL: "DROP TABLE \(table)"))
  }

  static func measure(engine: String, location: StoreLocation) async throws {
    let store = try await openEventStore(location)
    let payload = [UInt8](repeating: 0x61, count: 200)

    // 1 writer, one trial.
    var latencies: [Double] = []
    var started = Date()
    for sequence in 1...1_000 {
      let start = DispatchTime.now().uptimeNanoseconds
      _ = try await store.append(trial: "single", sequence: sequence, kind: "bench", bytes: payload)
      latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    report("\(engine) store, 1 writer", latencies, seconds: Date().timeIntervalSince(started))

    // 16 writers, each on its own trial.
    started = Date()
    latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
      for writer in 0..<16 {
        group.addTask {
          var own: [Double] = []
          for sequence in 1...250 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try await store.append(trial: "w\(writer)", sequence: sequence, kind: "bench", bytes: payload)
            own.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
          }
          return own
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    report(
      "\(engine) store, 16 writers, separate trials", latencies, seconds: Date().timeIntervalSince(started))

    // 16 writers on one trial: each retries on a taken sequence (latency includes the retries).
    started = Date()
    let outcome = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
      for _ in 0..<16 {
        group.addTask {
          var own: [Double] = []
          var retries = 0
          var next = 1
          for _ in 0..<60 {
            let start = DispatchTime.now().uptimeNanoseconds
            while true {
              do {
                let event = try await store.append(
                  trial: "shared", sequence: next, kind: "bench", bytes: payload)
                next = event.sequence + 1
                break
              } catch StoreError.sequenceTaken(_, _, let head) {
                retries += 1
                next = head + 1
              }
            }
            own.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
          }
          return (own, retries)
        }
      }
      return try await group.reduce(into: ([Double](), 0)) {
        $0.0 += $1.0; $0.1 += $1.1
      }
    }
    report(
      "\(engine) store, 16 writers, one trial (\(outcome.1) retries)", outcome.0,
      seconds: Date().timeIntervalSince(started))
    let events = try await store.events(trial: "shared")
    let intact = ChainVerifier.verify(events: events, checkpoints: [], trustedKey: nil).intact
    print("  one-trial chain: \(events.count) events, intact: \(intact)")
    try await store.close()
  }

  static func report(_ label: String, _ latencies: [Double], seconds: Double) {
    let sorted = latencies.sorted()
    func percentile(_ p: Double) -> Double {
      sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
    let rate = Double(latencies.count) / seconds
    print(
      "\(label): \(latencies.count) commits in \(String(format: "%.2f", seconds)) s = \(String(format: "%.0f", rate))/s; p50 \(String(format: "%.2f", percentile(0.5))) ms, p99 \(String(format: "%.2f", percentile(0.99))) ms"
    )
  }
}
