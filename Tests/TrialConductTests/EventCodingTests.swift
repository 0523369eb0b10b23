import Foundation
import Inputs
import Testing
import TrialModel

@testable import TrialConduct

@Suite struct EventCodingTests {
  @Test func canonicalBytesRoundTripAndSortKeys() throws {
    let event = TrialEvent(
      recordedAt: Date(timeIntervalSince1970: 1_796_000_000.123),
      actor: Actor(name: "A. Nurse", role: .coordinator, site: "BJ"),
      body: .consentSigned(ConsentSigned(subject: "S-1", date: CalendarDate(iso: "2026-11-16")!)))
    let bytes = EventCoding.encode(event)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(
      text.hasPrefix(
        #"{"actor":{"name":"A. Nurse","role":"coordinator","site":"BJ"},"clinicalDate":"2026-11-16","kind":"consentSigned""#
      ))
    #expect(text.contains(#""recordedAt":"2026-12-01T"#) || text.contains(#""recordedAt":"2026-"#))
    let decoded = try EventCoding.decode(bytes, sequence: 1)
    #expect(decoded.body == event.body)
    #expect(decoded.actor == event.actor)
    #expect(abs(decoded.recordedAt.timeIntervalSince(event.recordedAt)) < 0.001)
    #expect(EventCoding.encode(decoded) == bytes)
  }

  @Test func timestampIsUTCWithMilliseconds() {
    #expect(EventCoding.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    #expect(
      EventCoding.timestamp(Date(timeIntervalSince1970: 86_400 * 365 + 3661.5)) == "1971-01-01T01:01:01.500Z")
    #expect(
      EventCoding.parseTimestamp("1971-01-01T01:01:01.500Z")
        == Date(timeIntervalSince1970: 86_400 * 365 + 3661.5))
  }

  @Test func unreadableBytesNameTheSequence() {
    #expect(throws: ConductError.self) { try EventCoding.decode(Array("{}".utf8), sequence: 7) }
    do { _ = try EventCoding.decode(Array("{}".utf8), sequence: 7) } catch {
      #expect(error.description.hasPrefix("event 7 cannot be read"))
    }
  }
}
