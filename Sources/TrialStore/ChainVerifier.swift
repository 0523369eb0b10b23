/// One thing wrong with a stored chain, at the first sequence it affects.
public struct ChainProblem: Sendable, Hashable, CustomStringConvertible {
  public let sequence: Int
  public let what: String

  public init(sequence: Int, what: String) {
    self.sequence = sequence
    self.what = what
  }

  public var description: String { "event \(sequence): \(what)" }
}

/// The result of verifying one trial's chain and checkpoints.
public struct ChainReport: Sendable, Hashable {
  /// No problem found (every link, every hash, every checkpoint checked).
  public let intact: Bool
  public let eventCount: Int
  /// Checkpoints compared against the chain (and, with a trusted key, their signatures checked).
  public let checkpointsChecked: Int
  /// Everything wrong, the first bad sequence first.
  public let problems: [ChainProblem]
  /// What could not be checked (for example checkpoint signatures without a trusted key).
  public let notes: [String]
}

/// Checks a trial's chain: every event's hash against its bytes, every link, no gaps, and every
/// checkpoint's head hash and signature — the signature under a key trusted by the caller, never
/// the key stored beside the checkpoint.
public enum ChainVerifier {
  public static func verify(events: [StoredEvent], checkpoints: [Checkpoint], trustedKey: [UInt8]?)
    -> ChainReport
  {
    var problems: [ChainProblem] = []
    var notes: [String] = []
    let trial = events.first?.trial ?? checkpoints.first?.trial
    var hashes: [Int: [UInt8]] = [:]
    var expected = 1
    var previous: StoredEvent?
    for event in events {
      if event.trial != trial {
        problems.append(
          ChainProblem(
            sequence: event.sequence, what: "belongs to trial '\(event.trial)', not '\(trial ?? "")'"))
        continue
      }
      if event.sequence < expected {
        problems.append(
          ChainProblem(
            sequence: event.sequence,
            what: "out of order or repeated: it follows event \(expected - 1) in the log"))
        continue
      }
      if event.sequence > expected {
        let missing =
          event.sequence == expected + 1
          ? "event \(expected) is" : "events \(expected)–\(event.sequence - 1) are"
        problems.append(
          ChainProblem(sequence: expected, what: "missing: \(missing) not in the log (deleted rows)"))
      }
      let link = previous?.hash ?? EventHash.zero
      if previous == nil && event.sequence > 1 {
        // The first stored event is not sequence 1: its link cannot be checked beyond the gap.
      } else if event.previousHash != link {
        problems.append(
          ChainProblem(
            sequence: event.sequence,
            what: event.sequence == expected
              ? "previous-hash mismatch: it links to \(short(event.previousHash)), but event \(event.sequence - 1) has hash \(short(link)) (rows reordered, replaced or removed)"
              : "previous-hash mismatch after the gap: it links to \(short(event.previousHash)), not to event \(previous?.sequence ?? 0) (\(short(link)))"
          ))
      }
      let recomputed = EventHash.hash(
        trial: event.trial, sequence: event.sequence, previousHash: event.previousHash, bytes: event.bytes)
      if recomputed != event.hash {
        problems.append(
          ChainProblem(
            sequence: event.sequence,
            what:
              "hash mismatch: the stored bytes hash to \(short(recomputed)), but the stored hash is \(short(event.hash)) (the event was changed)"
          ))
      }
      hashes[event.sequence] = event.hash
      previous = event
      expected = event.sequence + 1
    }
    let last = previous?.sequence ?? 0

    if trustedKey == nil && !checkpoints.isEmpty {
      notes.append(
        "checkpoint signatures not checked: no trusted public key was given (the key stored beside a checkpoint proves nothing)"
      )
    }
    for checkpoint in checkpoints {
      if let trial, checkpoint.trial != trial {
        problems.append(
          ChainProblem(
            sequence: checkpoint.sequence, what: "a checkpoint of trial '\(checkpoint.trial)' was given"))
        continue
      }
      if let trustedKey, !checkpoint.isSigned(by: trustedKey) {
        let cause =
          checkpoint.publicKey == trustedKey
          ? "its fields were changed after signing" : "it was signed by another key"
        problems.append(
          ChainProblem(
            sequence: checkpoint.sequence,
            what:
              "checkpoint signature is not valid under the trusted key (\(cause)): a forged or altered checkpoint"
          ))
        continue
      }
      if checkpoint.sequence > last {
        problems.append(
          ChainProblem(
            sequence: last + 1,
            what:
              "missing: a checkpoint signed at \(Checkpoint.iso8601(checkpoint.signedAt)) covers events up to \(checkpoint.sequence), but the log ends at event \(last) (newest events removed)"
          ))
      } else if let stored = hashes[checkpoint.sequence], stored != checkpoint.headHash {
        problems.append(
          ChainProblem(
            sequence: checkpoint.sequence,
            what:
              "checkpoint head hash differs: signed \(short(checkpoint.headHash)) at \(Checkpoint.iso8601(checkpoint.signedAt)), stored \(short(stored)) (the chain was rewritten)"
          ))
      }
    }
    // The first bad sequence first; at one sequence, in the order found.
    let ordered = problems.enumerated().sorted {
      ($0.element.sequence, $0.offset) < ($1.element.sequence, $1.offset)
    }.map(\.element)
    return ChainReport(
      intact: ordered.isEmpty, eventCount: events.count, checkpointsChecked: checkpoints.count,
      problems: ordered, notes: notes)
  }

  /// The first 12 hex digits of a hash: enough to tell two hashes apart in a message.
  static func short(_ hash: [UInt8]) -> String {
    String(Encoding.hex(hash).prefix(12))
  }
}
