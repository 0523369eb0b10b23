/// A stored log that cannot be folded: an event that does not decode, or one that contradicts
/// the events before it. Neither can come from cartrial's own commands, which check every event
/// before it is written; both mean the log was written by something else, or damaged.
public enum ConductError: Error, Sendable, Hashable, CustomStringConvertible {
  case unreadableEvent(sequence: Int, detail: String)
  case inconsistent(sequence: Int, message: String)

  public var description: String {
    switch self {
    case .unreadableEvent(let sequence, let detail): "event \(sequence) cannot be read: \(detail)"
    case .inconsistent(let sequence, let message):
      "event \(sequence) contradicts the log before it: \(message)"
    }
  }
}
