import Foundation
import Inputs
import TrialModel

/// A trial's events and the state they fold to, in memory: the pure heart of every shell. A
/// command becomes its event, then the events that follow from it by rule (the design's
/// recommendation once a cohort's outcomes decide it), each checked before it is added.
public struct TrialLog: Sendable {
  public private(set) var events: [RecordedEvent]
  public private(set) var state: TrialState

  /// The log of a trial from its stored events.
  public init(_ events: [RecordedEvent]) throws(ConductError) {
    self.events = events
    state = try TrialState.fold(events)
  }

  /// A new trial's first event: its protocol, exactly as read, and that text's SHA-256.
  ///
  /// - Throws: ``InputError`` when the protocol does not load or its designs do not resolve.
  public static func opening(
    trial: String, protocolText: String, protocolHash: String, by actor: Actor, at time: Date
  ) throws(InputError) -> TrialEvent {
    guard actor.role == .administrator else {
      throw InputError(
        .forbidden, field: "role", expected: "to open a trial: administrator",
        found: "\(actor.name) acting as \(actor.role.rawValue)")
    }
    try Rule.identifier(trial, "trial")
    _ = try TrialState.checked(protocolText)
    let event = TrialEvent(
      recordedAt: time, actor: actor,
      body: .trialOpened(TrialOpened(trial: trial, protocolText: protocolText, protocolHash: protocolHash)))
    do { _ = try TrialState.fold([RecordedEvent(sequence: 1, event: event)]) } catch {
      throw InputError(
        .invalidValue, field: "protocol", expected: "a protocol whose designs resolve", found: "\(error)")
    }
    return event
  }

  /// Records `command`: its event and the events that follow from it. Returns the new events;
  /// on a refusal nothing is added.
  @discardableResult
  public mutating func record(
    _ command: ConductCommand, by actor: Actor, at time: Date, today: CalendarDate,
    idempotencyKey: String? = nil
  )
    throws(InputError) -> [RecordedEvent]
  {
    let body = try state.event(for: command, by: actor, on: today)
    // In place (a copy of the log would copy every event at every command); on a refusal the
    // events are cut back and the state refolded from them.
    let before = events.count
    do {
      var added = [
        try append(TrialEvent(recordedAt: time, actor: actor, body: body, idempotencyKey: idempotencyKey))
      ]
      added += try followUps(at: time)
      return added
    } catch {
      rollBack(to: before)
      throw error
    }
  }

  /// The events that follow by rule from the state and are not yet recorded: each group's due
  /// recommendation, by the system. Also used to repair a log whose writer stopped between a
  /// command and its follow-up.
  public mutating func followUps(at time: Date) throws(InputError) -> [RecordedEvent] {
    var added: [RecordedEvent] = []
    while let due = Self.due(in: state) {
      added.append(try append(TrialEvent(recordedAt: time, actor: .system, body: .recommendationMade(due))))
    }
    return added
  }

  private static func due(in state: TrialState) -> RecommendationMade? {
    for g in state.groups { if let due = state.dueRecommendation(group: g.id) { return due } }
    return nil
  }

  /// The events a request with `key` recorded (its own event and the system's follow-ups), if
  /// such a request was recorded.
  public func recorded(byRequest key: String) -> [RecordedEvent]? {
    guard let seq = state.requests[TrialEvent.requestKey(of: key)] else { return nil }
    var out = [events[seq - 1]]
    for e in events[seq...] {
      guard e.event.actor == .system else { break }
      out.append(e)
    }
    return out
  }

  /// Adds events another writer stored after this log's last one (sequences following on). In
  /// place; when an event does not apply, the log is left as it was and the error thrown.
  public mutating func extend(with newer: [RecordedEvent]) throws(ConductError) {
    guard !newer.isEmpty else { return }
    if newer.contains(where: { if case .correction = $0.event.body { true } else { false } }) {
      self = try TrialLog(events + newer)
      return
    }
    let before = events.count
    do {
      for e in newer {
        try state.apply(e)
        events.append(e)
      }
    } catch {
      rollBack(to: before)
      throw error
    }
  }

  /// Keeps the first `count` events only, the state folded again from them (O(events)): a
  /// refused command's events, or a writer's events that were not stored because another writer
  /// took their sequences, leave the log.
  public mutating func rollBack(to count: Int) {
    events.removeSubrange(min(count, events.count)...)
    // These events folded before; a fold of fewer of them cannot fail.
    if let restored = try? TrialState.fold(events) { state = restored }
  }

  private mutating func append(_ event: TrialEvent) throws(InputError) -> RecordedEvent {
    let recorded = RecordedEvent(sequence: events.count + 1, event: event)
    do {
      if case .correction = event.body {
        state = try TrialState.fold(events + [recorded])
      } else {
        try state.apply(recorded)
      }
    } catch {
      throw InputError(.conflict, field: "", expected: "an event consistent with the log", found: "\(error)")
    }
    events.append(recorded)
    return recorded
  }
}
