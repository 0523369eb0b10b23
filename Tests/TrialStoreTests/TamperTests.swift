import Foundation
import Testing

@testable import TrialStore

/// History is refused by the database itself, and what gets past it (the owner dropping the
/// triggers) is found by the verifier, which names the first bad sequence.
@Suite("Tamper evidence")
struct TamperTests {
  let signer = try! CheckpointSigner(seed: Array(repeating: 1, count: 32))

  @Test(
    "UPDATE and DELETE on events and checkpoints are refused by the database", arguments: Engine.databases)
  func databaseRefuses(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let events = try await appendEvents(harness.store, trial: "T", count: 3)
      try await harness.store.add(signer.sign(ChainHead(sequence: 3, hash: events[2].hash), trial: "T"))
      let statements = [
        "UPDATE events SET kind = 'x' WHERE sequence = 2",
        "UPDATE events SET bytes = \(harness.blob([0])) WHERE sequence = 2",
        "DELETE FROM events WHERE sequence = 3",
        "DELETE FROM events",
        "UPDATE checkpoints SET sequence = 1",
        "DELETE FROM checkpoints",
      ]
      for sql in statements {
        do {
          try await harness.raw(sql)
          Issue.record("the database accepted: \(sql)")
        } catch let error as StoreError {
          guard case .appendOnly(let message) = error else {
            Issue.record("\(sql): \(error)")
            continue
          }
          #expect(message.contains("append-only"), "\(sql): \(message)")
          #expect(!error.description.contains("DatabaseError") && !error.description.contains("PSQLError"))
        }
      }
      if engine == .postgres {
        await #expect(throws: StoreError.self) { try await harness.raw("TRUNCATE events") }
      }
      #expect(try await harness.store.events(trial: "T") == events)
      #expect(try await harness.store.checkpoints(trial: "T").count == 1)
    }
  }

  /// A chain of 10 events with a checkpoint at 10 (kept in the store and "elsewhere").
  func chain(_ harness: Harness, trial: String) async throws -> (
    events: [StoredEvent], checkpoint: Checkpoint
  ) {
    let events = try await appendEvents(harness.store, trial: trial, count: 10)
    let checkpoint = signer.sign(ChainHead(sequence: 10, hash: events[9].hash), trial: trial)
    try await harness.store.add(checkpoint)
    #expect(try await harness.store.verify(trial: trial, trustedKey: signer.publicKey).intact)
    return (events, checkpoint)
  }

  func report(_ harness: Harness, _ trial: String, key: [UInt8]? = nil, extra: [Checkpoint] = []) async throws
    -> ChainReport
  {
    try await harness.store.verify(trial: trial, trustedKey: key ?? signer.publicKey, extraCheckpoints: extra)
  }

  @Test(
    "a changed byte, a deleted row, swapped rows and a truncated tail are named", arguments: Engine.databases)
  func rawTampering(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      for trial in ["byte", "delete", "swap", "tail"] { _ = try await chain(harness, trial: trial) }
      let byteEvents = try await harness.store.events(trial: "byte")
      try await harness.dropEventTriggers()

      // One byte of event 4.
      var bytes = byteEvents[3].bytes
      bytes[2] ^= 0x01
      try await harness.raw(
        "UPDATE events SET bytes = \(harness.blob(bytes)) WHERE trial = 'byte' AND sequence = 4")
      let changed = try await report(harness, "byte")
      #expect(!changed.intact)
      #expect(changed.problems.first?.sequence == 4)
      #expect(changed.problems.first?.what.contains("hash mismatch") == true)
      #expect(changed.problems.count == 1)

      // Row 5 deleted.
      try await harness.raw("DELETE FROM events WHERE trial = 'delete' AND sequence = 5")
      let deleted = try await report(harness, "delete")
      #expect(deleted.problems.first?.sequence == 5)
      #expect(deleted.problems.first?.what.contains("missing") == true)
      #expect(deleted.eventCount == 9)

      // Rows 6 and 7 swap places.
      for sql in [
        "UPDATE events SET sequence = 1000 WHERE trial = 'swap' AND sequence = 6",
        "UPDATE events SET sequence = 6 WHERE trial = 'swap' AND sequence = 7",
        "UPDATE events SET sequence = 7 WHERE trial = 'swap' AND sequence = 1000",
      ] {
        try await harness.raw(sql)
      }
      let swapped = try await report(harness, "swap")
      #expect(swapped.problems.first?.sequence == 6)
      #expect(swapped.problems.first?.what.contains("previous-hash mismatch") == true)

      // The newest two events removed: the chain that is left is consistent, only a checkpoint
      // (here the one stored beside it, as one kept elsewhere would) shows the truncation.
      try await harness.raw("DELETE FROM events WHERE trial = 'tail' AND sequence >= 9")
      let withoutCheckpoint = ChainVerifier.verify(
        events: try await harness.store.events(trial: "tail"), checkpoints: [], trustedKey: nil)
      #expect(withoutCheckpoint.intact)
      let truncated = try await report(harness, "tail")
      #expect(truncated.problems.first?.sequence == 9)
      #expect(truncated.problems.first?.what.contains("log ends at event 8") == true)
    }
  }

  @Test(
    "a whole chain rewritten with recomputed hashes is caught by the checkpoint", arguments: Engine.databases)
  func rewrittenChain(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let (original, keptElsewhere) = try await chain(harness, trial: "rw")
      try await harness.dropEventTriggers()
      try await harness.raw("DELETE FROM events WHERE trial = 'rw'")
      // A forger rewrites event 3's payload and recomputes every hash from there on.
      var previous = EventHash.zero
      for event in original {
        let bytes = event.sequence == 3 ? Array("{\"n\":33}".utf8) : event.bytes
        let hash = EventHash.hash(trial: "rw", sequence: event.sequence, previousHash: previous, bytes: bytes)
        try await harness.raw(
          """
          INSERT INTO events (trial, sequence, kind, bytes, previous_hash, hash) VALUES
          ('rw', \(event.sequence), 'note', \(harness.blob(bytes)), \(harness.blob(previous)), \(harness.blob(hash)))
          """)
        previous = hash
      }
      let rewritten = try await harness.store.events(trial: "rw")
      // The chain alone is self-consistent…
      #expect(ChainVerifier.verify(events: rewritten, checkpoints: [], trustedKey: nil).intact)
      // …but not with the signed head.
      let report = try await report(harness, "rw")
      #expect(!report.intact)
      #expect(report.problems.first?.sequence == 10)
      #expect(report.problems.first?.what.contains("checkpoint head hash differs") == true)

      // The forger also adds a checkpoint signed with a key of their own, stored with its key:
      // under the trusted key it is a forgery, and the genuine one kept elsewhere still disagrees.
      let forger = try CheckpointSigner(seed: Array(repeating: 66, count: 32))
      try await harness.store.add(forger.sign(ChainHead(sequence: 10, hash: previous), trial: "rw"))
      let forged = try await self.report(harness, "rw", extra: [keptElsewhere])
      #expect(forged.problems.contains { $0.what.contains("not valid under the trusted key") })
      #expect(forged.problems.contains { $0.what.contains("checkpoint head hash differs") })
      #expect(forged.checkpointsChecked == 3)
      // Trusting the key stored beside the forged checkpoint would pass it: never do that.
      let naive = ChainVerifier.verify(
        events: rewritten, checkpoints: [try await harness.store.checkpoints(trial: "rw")[1]],
        trustedKey: forger.publicKey)
      #expect(naive.intact)
    }
  }
}

/// The verifier on its own: hash layout and keys.
@Suite("Chain verifier")
struct ChainVerifierTests {
  /// The hash layout pinned by an independent implementation (Python's hashlib over the layout
  /// documented in the README).
  @Test("event hash layout")
  func hashLayout() {
    let message = EventHash.message(
      trial: "T-1", sequence: 1, previousHash: EventHash.zero, bytes: Array("{\"a\":1}".utf8))
    #expect(
      Encoding.hex(message)
        == "636172747269616c2d6576656e742d76310000000003542d310000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000077b2261223a317d"
    )
    let first = EventHash.hash(
      trial: "T-1", sequence: 1, previousHash: EventHash.zero, bytes: Array("{\"a\":1}".utf8))
    #expect(Encoding.hex(first) == "75965ebf509b2ae2a567df47f23edf7183c9e403e3625428e24aa9e05e54bc4d")
    let second = EventHash.hash(trial: "T-1", sequence: 2, previousHash: first, bytes: Array("xyz".utf8))
    #expect(Encoding.hex(second) == "74c591520983de258c803eb4228da235e8ae3f4a899db26e864332057cc743dd")
  }

  @Test("verification fails under a different trusted key, and notes an unchecked signature")
  func trustedKey() async throws {
    let store = InMemoryEventStore()
    let events = try await appendEvents(store, trial: "K", count: 4)
    let signer = try CheckpointSigner(seed: Array(repeating: 3, count: 32))
    let other = try CheckpointSigner(seed: Array(repeating: 4, count: 32))
    let checkpoint = signer.sign(ChainHead(sequence: 4, hash: events[3].hash), trial: "K")
    #expect(
      ChainVerifier.verify(events: events, checkpoints: [checkpoint], trustedKey: signer.publicKey).intact)
    let wrongKey = ChainVerifier.verify(
      events: events, checkpoints: [checkpoint], trustedKey: other.publicKey)
    #expect(!wrongKey.intact)
    #expect(wrongKey.problems.first?.what.contains("signed by another key") == true)
    let unchecked = ChainVerifier.verify(events: events, checkpoints: [checkpoint], trustedKey: nil)
    #expect(unchecked.intact)
    #expect(unchecked.notes.first?.contains("signatures not checked") == true)
    // A field changed after signing, with the signer's key left in place.
    let altered = Checkpoint(
      trial: "K", sequence: 3, headHash: events[2].hash, signedAt: checkpoint.signedAt,
      publicKey: checkpoint.publicKey, signature: checkpoint.signature)
    let report = ChainVerifier.verify(events: events, checkpoints: [altered], trustedKey: signer.publicKey)
    #expect(report.problems.first?.sequence == 3)
    #expect(report.problems.first?.what.contains("changed after signing") == true)
  }

  @Test("problems are listed first bad sequence first")
  func ordering() async throws {
    let store = InMemoryEventStore()
    var events = try await appendEvents(store, trial: "O", count: 8)
    let signer = try CheckpointSigner(seed: Array(repeating: 5, count: 32))
    let late = signer.sign(ChainHead(sequence: 8, hash: [UInt8](repeating: 1, count: 32)), trial: "O")
    events.remove(at: 6)  // event 7
    let changed = events[1]
    events[1] = StoredEvent(
      trial: "O", sequence: 2, kind: changed.kind, bytes: [42], previousHash: changed.previousHash,
      hash: changed.hash)
    let report = ChainVerifier.verify(events: events, checkpoints: [late], trustedKey: signer.publicKey)
    #expect(report.problems.map(\.sequence) == [2, 7, 8, 8])
    #expect(report.problems[0].description.hasPrefix("event 2: hash mismatch"))
  }
}
