import Foundation
import TrialModel

/// One recorded fact about a trial: what happened (``body``), when it was recorded (the system
/// clock, UTC, never typed by a user), the clinical date it is about where there is one, and who
/// recorded it. Events are immutable: a correction is a new event naming the one it corrects.
public struct TrialEvent: Sendable, Hashable {
  /// When the event was recorded (system clock, UTC).
  public var recordedAt: Date
  /// The clinical date the event is about (infusion date, assessment date…), if any.
  public var clinicalDate: CalendarDate?
  public var actor: Actor
  public var body: EventBody
  /// The key of the request that recorded the event (an API's `Idempotency-Key`, a form's
  /// one-time key): a retried request with the same key gets the events already written.
  public var idempotencyKey: String?

  public init(
    recordedAt: Date, clinicalDate: CalendarDate? = nil, actor: Actor, body: EventBody,
    idempotencyKey: String? = nil
  ) {
    self.recordedAt = recordedAt
    self.clinicalDate = clinicalDate ?? body.clinicalDate
    self.actor = actor
    self.body = body
    self.idempotencyKey = idempotencyKey
  }

  /// The client's key of an `idempotencyKey` written `KEY|FINGERPRINT` (the fingerprint names
  /// the request: a key reused for another request is refused rather than answered with the
  /// first one's events).
  public static func requestKey(of idempotencyKey: String) -> String {
    idempotencyKey.split(separator: "|", maxSplits: 1).first.map(String.init) ?? idempotencyKey
  }

  /// The event's kind (`enrolled`, `infused`, …), as stored beside its bytes.
  public var kind: EventKind { body.kind }
}

/// An event with its place in the trial's log.
public struct RecordedEvent: Sendable, Hashable {
  /// Position in the log: 1, 2, 3…
  public var sequence: Int
  public var event: TrialEvent

  public init(sequence: Int, event: TrialEvent) {
    self.sequence = sequence
    self.event = event
  }
}
