import Foundation
import TrialModel

/// The canonical bytes of an event: JSON with sorted keys, times in UTC to the millisecond. The
/// store keeps these bytes exactly as hashed; they are decoded, never re-encoded, to be read.
public enum EventCoding {
  /// The canonical bytes of `event`.
  public static func encode(_ event: TrialEvent) -> [UInt8] {
    // Every payload is plain data: encoding cannot fail.
    Array(try! encoder().encode(Envelope(event)))
  }

  /// The canonical encoder (sorted keys, times as ``timestamp(_:)``): for every log's events, the
  /// accounts and registry logs' too.
  public static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var c = encoder.singleValueContainer()
      try c.encode(timestamp(date))
    }
    return encoder
  }

  /// The decoder of what ``encoder()`` wrote.
  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let text = try decoder.singleValueContainer().decode(String.self)
      guard let date = parseTimestamp(text) else {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
      }
      return date
    }
    return decoder
  }

  /// The event in `bytes`; `sequence` names it in the error.
  public static func decode(_ bytes: [UInt8], sequence: Int) throws(ConductError) -> TrialEvent {
    do {
      return try decoder().decode(Envelope.self, from: Data(bytes)).event
    } catch {
      throw ConductError.unreadableEvent(sequence: sequence, detail: "\(error)")
    }
  }

  /// `2026-12-02T01:23:45.678Z`.
  public static func timestamp(_ date: Date) -> String {
    let millis = (date.timeIntervalSince1970 * 1000).rounded(.down)
    let seconds = Int((millis / 1000).rounded(.down))
    let day = CalendarDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    let inDay = seconds - day.dayNumber * 86_400
    let ms = Int(millis) - seconds * 1000
    return String(
      format: "%@T%02d:%02d:%02d.%03dZ", day.description, inDay / 3600, inDay / 60 % 60, inDay % 60, ms)
  }

  /// The time written by ``timestamp(_:)``; `nil` when `text` is not one.
  public static func date(fromTimestamp text: String) -> Date? { parseTimestamp(text) }

  static func parseTimestamp(_ text: String) -> Date? {
    let parts = text.split(separator: "T")
    guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])), parts[1].hasSuffix("Z") else {
      return nil
    }
    let clock = parts[1].dropLast().split(separator: ":")
    guard clock.count == 3, let h = Int(clock[0]), let m = Int(clock[1]), let s = Double(clock[2]) else {
      return nil
    }
    return Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + h * 3600 + m * 60) + s)
  }

  private struct Envelope: Codable {
    var recordedAt: Date
    var clinicalDate: CalendarDate?
    var actor: Actor
    var body: EventBody
    var idempotencyKey: String?

    init(_ e: TrialEvent) {
      (recordedAt, clinicalDate, actor, body, idempotencyKey) = (
        e.recordedAt, e.clinicalDate, e.actor, e.body, e.idempotencyKey
      )
    }

    var event: TrialEvent {
      TrialEvent(
        recordedAt: recordedAt, clinicalDate: clinicalDate, actor: actor, body: body,
        idempotencyKey: idempotencyKey)
    }

    private enum Keys: String, CodingKey {
      case recordedAt, clinicalDate, actor, kind, payload, idempotencyKey
    }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: Keys.self)
      recordedAt = try c.decode(Date.self, forKey: .recordedAt)
      clinicalDate = try c.decodeIfPresent(CalendarDate.self, forKey: .clinicalDate)
      actor = try c.decode(Actor.self, forKey: .actor)
      idempotencyKey = try c.decodeIfPresent(String.self, forKey: .idempotencyKey)
      body = try EventBody(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      try c.encode(recordedAt, forKey: .recordedAt)
      try c.encodeIfPresent(clinicalDate, forKey: .clinicalDate)
      try c.encode(actor, forKey: .actor)
      try c.encodeIfPresent(idempotencyKey, forKey: .idempotencyKey)
      try body.encode(to: encoder)
    }
  }
}
