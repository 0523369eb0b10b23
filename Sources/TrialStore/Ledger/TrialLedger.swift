import Crypto
import Foundation
import Inputs
import ProtocolFiles
import TrialConduct
import TrialModel

/// The conduct application layer: every shell (the CLI, the server) runs trials through here.
///
/// A command is checked against the state folded from the stored log, becomes its events, and is
/// appended naming the sequence it expects. When another writer got there first (in this process
/// or another, on SQLite or PostgreSQL), the command is checked again against the new state and
/// retried, so the fourth enrolment into a three-slot cohort is refused "cohort full" rather than
/// written twice. After every dose decision the head of the chain is signed (a checkpoint).
public struct TrialLedger: Sendable {
  public let store: any EventStore
  /// Signs checkpoints; `nil` records without them.
  public let signer: CheckpointSigner?
  /// The system clock (UTC); tests give a fixed one.
  public let clock: @Sendable () -> Date
  /// How many times a command is re-checked when other writers keep getting there first.
  public var attempts = 100
  /// The logs this process has read, by trial.
  private let cache = LogCache()
  /// One command at a time per trial in this process (other processes race by sequence).
  private let writers = TrialLocks()
  /// The cached projection is saved after every dose decision and every this many events (it is
  /// a cache: `rebuild` checks it against the log folded up to the sequence it was saved at).
  public var projectionInterval = 256

  public init(
    store: any EventStore, signer: CheckpointSigner?, clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.store = store
    self.signer = signer
    self.clock = clock
  }

  /// SHA-256 of a protocol text's UTF-8 bytes, lowercase hex.
  public static func protocolHash(_ text: String) -> String {
    hex(Array(SHA256.hash(data: Array(text.utf8))))
  }

  /// Today's date in UTC on the ledger's clock.
  public var today: CalendarDate {
    CalendarDate(utcDayOf: clock())
  }

  /// Opens a trial on a protocol text; its id is `trial`, or the protocol's registry id.
  public func open(trial: String?, protocolText: String, by actor: Actor) async throws -> TrialLog {
    let id: String
    if let trial {
      id = trial
    } else {
      do { id = try ProtocolLoader.load(yaml: protocolText, file: "protocol").id } catch {
        throw error.errors.first
          ?? InputError(.invalidValue, field: "protocol", expected: "a protocol", found: "")
      }
    }
    let event = try TrialLog.opening(
      trial: id, protocolText: protocolText, protocolHash: Self.protocolHash(protocolText), by: actor,
      at: clock())
    do {
      _ = try await store.append(
        trial: id, sequence: 1, kind: event.kind.rawValue, bytes: EventCoding.encode(event))
    } catch StoreError.sequenceTaken {
      throw InputError(
        .conflict, field: "trial", expected: "a trial id not yet in this database", found: "\(id) exists")
    }
    let log = try await self.log(id)
    try await saveProjection(log)
    return log
  }

  /// The trial's log, folded: the last log read in this process, brought up to date with the
  /// events stored since (by any writer), or the whole log on first use. While a command of this
  /// process is being recorded in the trial, this waits for it (a read sees its events).
  public func log(_ trial: String) async throws -> TrialLog {
    var log = await cache.log(trial)
    try await catchUp(&log, trial)
    await cache.keep(log!)
    return log!
  }

  /// `log` (nil: none read yet) extended with the events stored after it, in place.
  private func catchUp(_ log: inout TrialLog?, _ trial: String) async throws {
    let stored = try await store.events(trial: trial, from: (log?.events.count ?? 0) + 1)
    if log == nil, stored.isEmpty {
      let known = try await trials()
      throw InputError(
        .notFound, field: "trial",
        expected: "a trial in this database: "
          + (known.isEmpty ? "none yet (trial open)" : known.joined(separator: ", ")),
        found: trial)
    }
    guard !stored.isEmpty else { return }
    var events: [RecordedEvent] = []
    events.reserveCapacity(stored.count)
    for e in stored {
      events.append(
        RecordedEvent(sequence: e.sequence, event: try EventCoding.decode(e.bytes, sequence: e.sequence)))
    }
    if log == nil { log = try TrialLog(events) } else { try log!.extend(with: events) }
  }

  /// The trials in the database (not the accounts log or other logs that are not trials).
  public func trials() async throws -> [String] {
    try await store.trials().filter { !$0.hasPrefix("@") }
  }

  /// Reads the whole log from the store again, ignoring what this process has read before.
  public func freshLog(_ trial: String) async throws -> TrialLog {
    await cache.forget(trial)
    var log: TrialLog?
    try await catchUp(&log, trial)
    await cache.keep(log!)
    return log!
  }

  /// Records `command` by `actor` and returns the events written (the command's, then those that
  /// follow from it). On a refusal (an ``InputError``) nothing is written. A request retried with
  /// the same `idempotencyKey` records nothing again and gets the events its first try wrote.
  @discardableResult
  public func record(
    _ command: ConductCommand, in trial: String, by actor: Actor, today: CalendarDate? = nil,
    idempotencyKey: String? = nil
  )
    async throws -> [RecordedEvent]
  {
    await writers.acquire(trial)
    do {
      let written = try await recordHoldingTrial(
        command, in: trial, by: actor, today: today, idempotencyKey: idempotencyKey)
      await writers.release(trial)
      return written
    } catch {
      await writers.release(trial)
      throw error
    }
  }

  /// Records with the trial's log checked out of the cache, so that it is changed in place (a
  /// copy would copy every event at every command), and checked back in whatever happens: as it
  /// is after a refusal (the log is restored then), dropped after a store error (read again next).
  private func recordHoldingTrial(
    _ command: ConductCommand, in trial: String, by actor: Actor, today: CalendarDate?,
    idempotencyKey: String?
  ) async throws -> [RecordedEvent] {
    var log = await cache.checkOut(trial)
    do {
      let written = try await record(
        command, in: trial, on: &log, by: actor, today: today, idempotencyKey: idempotencyKey)
      await cache.checkIn(trial, log)
      return written
    } catch let refusal as InputError {
      await cache.checkIn(trial, log)
      throw refusal
    } catch {
      await cache.checkIn(trial, nil)
      throw error
    }
  }

  private func record(
    _ command: ConductCommand, in trial: String, on log: inout TrialLog?, by actor: Actor,
    today: CalendarDate?, idempotencyKey: String?
  ) async throws -> [RecordedEvent] {
    for _ in 0..<attempts {
      try await catchUp(&log, trial)
      if let key = idempotencyKey, let earlier = log!.recorded(byRequest: key) {
        let client = TrialEvent.requestKey(of: key)
        guard earlier[0].event.actor == actor else {
          throw InputError(
            .conflict, field: "idempotencyKey", expected: "a key not used by another user's request",
            found: "\(client) (used by \(earlier[0].event.actor.name))")
        }
        guard earlier[0].event.idempotencyKey == key else {
          throw InputError(
            .conflict, field: "idempotencyKey",
            expected: "a new key for a new request (a key names one request)",
            found: "\(client), already used for event #\(earlier[0].sequence), a different request")
        }
        return earlier
      }
      let now = clock()
      let day = today ?? self.today
      let stored = log!.events.count
      let repairs: [RecordedEvent]
      let added: [RecordedEvent]
      do {
        repairs = try log!.followUps(at: now)
        added =
          repairs
          + (try log!.record(command, by: actor, at: now, today: day, idempotencyKey: idempotencyKey))
      } catch {
        if log!.events.count != stored { log!.rollBack(to: stored) }
        throw error
      }
      var written: [RecordedEvent] = []
      do {
        for e in added {
          _ = try await store.append(
            trial: trial, sequence: e.sequence, kind: e.event.kind.rawValue,
            bytes: EventCoding.encode(e.event))
          written.append(e)
        }
      } catch StoreError.sequenceTaken {
        // Another writer got there first: what it wrote replaces ours in the log. Check the
        // command again against it, unless the command's own event is already in (then only a
        // follow-up is left, for the next writer).
        log!.rollBack(to: stored + written.count)
        if written.count <= repairs.count { continue }
      }
      try await afterWriting(written, log: log!)
      return Array(written.dropFirst(repairs.count))
    }
    throw InputError(
      .conflict, field: "trial", expected: "a moment when fewer writers compete for \(trial)",
      found: "\(attempts) attempts, each overtaken by another writer")
  }

  /// Signs the head after a dose decision and caches the state.
  private func afterWriting(_ written: [RecordedEvent], log: TrialLog) async throws {
    let decided = written.contains {
      switch $0.event.body {
      case .recommendationConfirmed, .recommendationOverridden: true
      default: false
      }
    }
    if decided, signer != nil { _ = try await checkpoint(log.state.trial) }
    guard let first = written.first, let last = written.last, last.sequence == log.events.count else {
      return
    }
    if decided || (first.sequence - 1) / projectionInterval != last.sequence / projectionInterval {
      try await saveProjection(log)
    }
  }

  /// Signs the chain's head now (`audit checkpoint`); `nil` without a signing key.
  @discardableResult
  public func checkpoint(_ trial: String) async throws -> Checkpoint? {
    guard let signer, let head = try await store.head(trial: trial) else { return nil }
    let checkpoint = signer.sign(head, trial: trial, at: clock())
    try await store.add(checkpoint)
    return checkpoint
  }

  /// The chain and every checkpoint checked under the signer's key (and `extra` checkpoints kept
  /// elsewhere), and every event read and folded.
  public func verify(_ trial: String, extra: [Checkpoint] = []) async throws -> ChainReport {
    let report = try await store.verify(trial: trial, trustedKey: signer?.publicKey, extraCheckpoints: extra)
    // A log that is not a trial's (the accounts log, `@…`) has its chain checked, not a fold.
    guard report.intact, !trial.hasPrefix("@") else { return report }
    do { _ = try await freshLog(trial) } catch let error as ConductError {
      let sequence: Int
      switch error {
      case .unreadableEvent(let s, _), .inconsistent(let s, _): sequence = s
      }
      return ChainReport(
        intact: false, eventCount: report.eventCount, checkpointsChecked: report.checkpointsChecked,
        problems: [ChainProblem(sequence: sequence, what: error.description)], notes: report.notes)
    }
    return report
  }

  /// What `rebuild` found.
  public struct Rebuilt: Sendable {
    /// The cached state it replaced, if there was one.
    public var cached: TrialOverview?
    /// The whole log folded again (now the cached state).
    public var rebuilt: TrialOverview
    /// The cached state equals the log folded again up to the event it was saved at.
    public var agreed: Bool
  }

  /// Folds the whole log again and replaces the cached state, saying whether the cached state
  /// agreed with the log folded up to the event it was cached at.
  public func rebuild(_ trial: String) async throws -> Rebuilt {
    let cached = try await cachedStatus(trial)
    let log = try await freshLog(trial)
    let rebuilt = TrialOverview(log.state, asOf: cached?.asOf ?? today)
    var agreed = false
    if let cached {
      let upTo =
        cached.events == log.events.count ? log : try TrialLog(Array(log.events.prefix(cached.events)))
      agreed = TrialOverview(upTo.state, asOf: cached.asOf) == cached
    }
    try await saveProjection(log, asOf: rebuilt.asOf)
    return Rebuilt(cached: cached, rebuilt: rebuilt, agreed: agreed)
  }

  /// The cached state, as last saved.
  public func cachedStatus(_ trial: String) async throws -> TrialOverview? {
    guard let (_, bytes) = try await store.projection(trial: trial) else { return nil }
    return try? JSONDecoder().decode(TrialOverview.self, from: Data(bytes))
  }

  private func saveProjection(_ log: TrialLog, asOf: CalendarDate? = nil) async throws {
    let status = TrialOverview(log.state, asOf: asOf ?? today)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try await store.saveProjection(
      trial: log.state.trial, sequence: log.events.count, bytes: Array(try encoder.encode(status)))
  }
}

/// One holder per trial at a time, the others queued in order (an async mutex per trial).
actor TrialLocks {
  private var held: Set<String> = []
  private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

  func acquire(_ trial: String) async {
    guard held.contains(trial) else {
      held.insert(trial)
      return
    }
    await withCheckedContinuation { waiting[trial, default: []].append($0) }
  }

  /// Hands the trial to the next in line, or frees it.
  func release(_ trial: String) {
    if var queue = waiting[trial], !queue.isEmpty {
      let next = queue.removeFirst()
      waiting[trial] = queue.isEmpty ? nil : queue
      next.resume()
    } else {
      held.remove(trial)
    }
  }
}

/// The logs a ledger has read, kept so that the next command reads only newer events. A writer
/// checks a trial's log out (the only reference, so it changes in place) and back in; readers of
/// that trial wait meanwhile rather than read the whole log again.
actor LogCache {
  private var logs: [String: TrialLog] = [:]
  private var checkedOut: Set<String> = []
  private var readers: [String: [CheckedContinuation<Void, Never>]] = [:]

  /// The trial's log as last kept, once no writer has it out.
  func log(_ trial: String) async -> TrialLog? {
    while checkedOut.contains(trial) {
      await withCheckedContinuation { readers[trial, default: []].append($0) }
    }
    return logs[trial]
  }

  /// Keeps a log a reader brought up to date, unless a writer has the trial's log out or a longer
  /// one is kept.
  func keep(_ log: TrialLog) {
    let trial = log.state.trial
    guard !checkedOut.contains(trial), (logs[trial]?.events.count ?? 0) <= log.events.count else { return }
    logs[trial] = log
  }

  /// Takes the trial's log out for the one writer of the trial (``TrialLocks``).
  func checkOut(_ trial: String) -> TrialLog? {
    checkedOut.insert(trial)
    return logs.removeValue(forKey: trial)
  }

  /// Puts the writer's log back (nil: none; the next reader reads it from the store) and lets the
  /// waiting readers go on.
  func checkIn(_ trial: String, _ log: TrialLog?) {
    checkedOut.remove(trial)
    logs[trial] = log
    for reader in readers.removeValue(forKey: trial) ?? [] { reader.resume() }
  }

  func forget(_ trial: String) { logs[trial] = nil }
}
