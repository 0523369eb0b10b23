import Foundation
import Testing

@testable import TrialStore

/// The behaviour every driver shares, run against each.
@Suite("Event store")
struct EventStoreTests {
  @Test("append and read back: bytes as given, hashes chained, head, trials", arguments: Engine.allCases)
  func roundTrip(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let store = harness.store
      #expect(try await store.head(trial: "T-1") == nil)
      let bytes: [[UInt8]] = [Array("{\"a\":1}".utf8), [0, 255, 7], Array(repeating: 9, count: 10_000)]
      var appended: [StoredEvent] = []
      for (index, payload) in bytes.enumerated() {
        appended.append(
          try await store.append(trial: "T-1", sequence: index + 1, kind: "k\(index)", bytes: payload))
      }
      _ = try await store.append(trial: "T-0", sequence: 1, kind: "other", bytes: [1])
      let read = try await store.events(trial: "T-1")
      #expect(read == appended)
      #expect(read.map(\.bytes) == bytes)
      #expect(read.map(\.kind) == ["k0", "k1", "k2"])
      #expect(read[0].previousHash == [UInt8](repeating: 0, count: 32))
      #expect(read[1].previousHash == read[0].hash)
      #expect(read[2].previousHash == read[1].hash)
      #expect(
        read[1].hash
          == EventHash.hash(trial: "T-1", sequence: 2, previousHash: read[0].hash, bytes: [0, 255, 7]))
      #expect(try await store.events(trial: "T-1", from: 2).map(\.sequence) == [2, 3])
      #expect(try await store.head(trial: "T-1") == ChainHead(sequence: 3, hash: read[2].hash))
      #expect(try await store.trials() == ["T-0", "T-1"])
      #expect(try await store.events(trial: "nobody").isEmpty)
    }
  }

  @Test("an append that is not head+1 is refused and nothing is written", arguments: Engine.allCases)
  func sequenceChecks(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let store = harness.store
      await #expect(throws: StoreError.sequenceNotNext(trial: "T", given: 2, head: 0)) {
        try await store.append(trial: "T", sequence: 2, kind: "x", bytes: [])
      }
      await #expect(throws: StoreError.sequenceNotNext(trial: "T", given: 0, head: 0)) {
        try await store.append(trial: "T", sequence: 0, kind: "x", bytes: [])
      }
      _ = try await store.append(trial: "T", sequence: 1, kind: "x", bytes: [1])
      do {
        _ = try await store.append(trial: "T", sequence: 1, kind: "x", bytes: [2])
        Issue.record("a second event 1 was accepted")
      } catch let error as StoreError {
        #expect(error == .sequenceTaken(trial: "T", expected: 1, head: 1))
        #expect(error.description.contains("event 1 was already written"))
        #expect(error.description.contains("the log now ends at event 1"))
      }
      #expect(try await store.events(trial: "T").map(\.bytes) == [[1]])
    }
  }

  @Test(
    "many tasks on two store instances append the same sequence: exactly one wins", arguments: Engine.allCases
  )
  func racingAppends(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let second = try await harness.another()
      _ = try await appendEvents(harness.store, trial: "R", count: 2)
      let stores = [harness.store, second]
      let outcomes = await withTaskGroup(of: Result<StoredEvent, any Error>.self) { group in
        for writer in 0..<24 {
          group.addTask {
            do {
              return .success(
                try await stores[writer % 2].append(
                  trial: "R", sequence: 3, kind: "race", bytes: [UInt8(writer)]))
            } catch { return .failure(error) }
          }
        }
        var all: [Result<StoredEvent, any Error>] = []
        for await outcome in group { all.append(outcome) }
        return all
      }
      let winners = outcomes.compactMap { try? $0.get() }
      #expect(winners.count == 1)
      let losers = outcomes.compactMap { outcome -> StoreError? in
        if case .failure(let error) = outcome { return error as? StoreError }
        return nil
      }
      #expect(losers.count == 23)
      #expect(losers.allSatisfy { $0 == .sequenceTaken(trial: "R", expected: 3, head: 3) })
      let stored = try await second.events(trial: "R")
      #expect(stored.map(\.sequence) == [1, 2, 3])
      #expect(stored.last == winners.first)
      if engine != .memory { try await second.close() }
    }
  }

  @Test("two store instances on one database see each other's appends", arguments: Engine.databases)
  func twoInstances(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let other = try await harness.another()
      _ = try await harness.store.append(trial: "S", sequence: 1, kind: "a", bytes: [1])
      #expect(try await other.head(trial: "S")?.sequence == 1)
      _ = try await other.append(trial: "S", sequence: 2, kind: "b", bytes: [2])
      let events = try await harness.store.events(trial: "S")
      #expect(events.map(\.bytes) == [[1], [2]])
      #expect(ChainVerifier.verify(events: events, checkpoints: [], trustedKey: nil).intact)
      try await other.close()
    }
  }

  @Test(
    "concurrent writers on separate trials: every append stored once, chains intact",
    arguments: Engine.allCases)
  func concurrentTrials(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let store = harness.store
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<8 {
          group.addTask { try await appendEvents(store, trial: "W\(writer)", count: 25) }
        }
        try await group.waitForAll()
      }
      for writer in 0..<8 {
        let events = try await store.events(trial: "W\(writer)")
        #expect(events.map(\.sequence) == Array(1...25))
        #expect(ChainVerifier.verify(events: events, checkpoints: [], trustedKey: nil).intact)
      }
    }
  }

  @Test("checkpoints and the cached projection are stored and read back", arguments: Engine.allCases)
  func checkpointsAndProjection(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let store = harness.store
      let signer = try CheckpointSigner(seed: Array(repeating: 7, count: 32))
      _ = try await appendEvents(store, trial: "C", count: 3)
      let head = try #require(try await store.head(trial: "C"))
      let checkpoint = signer.sign(head, trial: "C", at: Date(timeIntervalSince1970: 1_800_000_000.75))
      try await store.add(checkpoint)
      #expect(try await store.checkpoints(trial: "C") == [checkpoint])
      #expect(try await store.checkpoints(trial: "other").isEmpty)
      let report = try await store.verify(trial: "C", trustedKey: signer.publicKey)
      #expect(report.intact)
      #expect(report.checkpointsChecked == 1)

      #expect(try await store.projection(trial: "C") == nil)
      try await store.saveProjection(trial: "C", sequence: 2, bytes: [1, 2])
      try await store.saveProjection(trial: "C", sequence: 3, bytes: [3])
      let projection = try #require(try await store.projection(trial: "C"))
      #expect(projection.sequence == 3)
      #expect(projection.bytes == [3])
    }
  }

  /// Regression: GRDB turns WAL on after `prepareDatabase` and sets `synchronous = NORMAL` then,
  /// so a pragma set there was silently undone and commits were not synced.
  @Test("SQLite commits with synchronous=FULL in WAL mode")
  func sqliteDurability() async throws {
    try await Harness.with(.sqlite) { harness in
      let store = try #require(harness.store as? SQLiteEventStore)
      #expect(try await store.synchronousSetting() == 2)
      let mode = try await store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
      #expect(mode == "wal")
    }
  }

  @Test("a closed store refuses work", arguments: [Engine.memory, .sqlite])
  func closed(engine: Engine) async throws {
    let harness = try await Harness.open(engine)
    try await harness.store.close()
    await #expect(throws: StoreError.closed) {
      try await harness.store.append(trial: "T", sequence: 1, kind: "x", bytes: [])
    }
  }
}
