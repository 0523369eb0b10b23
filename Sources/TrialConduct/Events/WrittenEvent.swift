import Foundation

/// One written event as the shells answer it (`--format json`, the API): sequence, kind, recorded
/// time, actor and one-line summary.
public struct WrittenEvent: Encodable, Sendable {
  public var sequence: Int
  public var kind: String
  public var recordedAt: String
  public var actor: Actor
  public var summary: String

  public init(_ e: RecordedEvent) {
    sequence = e.sequence
    kind = e.event.kind.rawValue
    recordedAt = EventCoding.timestamp(e.event.recordedAt)
    actor = e.event.actor
    summary = e.event.body.summary
  }
}
