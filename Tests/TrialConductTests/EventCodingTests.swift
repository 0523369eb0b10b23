import Assessment
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

  /// An assessment's entry is stored as its text, exactly as submitted, and read once when the
  /// event is made or decoded: the same value either way, and the same bytes as before the entry
  /// was kept read.
  @Test func assessmentEntryIsStoredAsTextAndReadOnDecoding() throws {
    let text = #"{"day": 3, "lab": {"term": "neutrophils", "value": 0.4, "unit": "x10^9/L", "lln": 1.8}}"#
    let event = TrialEvent(
      recordedAt: Date(timeIntervalSince1970: 1_796_000_000),
      actor: Actor(name: "A. Nurse", role: .coordinator, site: "BJ"),
      body: .assessmentRecorded(AssessmentRecorded(subject: "S-1", entry: text)))
    let bytes = EventCoding.encode(event)
    #expect(
      String(decoding: bytes, as: UTF8.self).contains(
        #""kind":"assessmentRecorded","payload":{"entry":"{\"day\": 3, \"lab\": {\"term\": \"neutrophils\""#))
    guard case .assessmentRecorded(let decoded) = try EventCoding.decode(bytes, sequence: 4).body else {
      Issue.record("not an assessment")
      return
    }
    #expect(decoded.entry == text)
    let entry = try decoded.submitted.value.get()
    #expect(entry == (try AssessmentEntry(jsonText: text)))
    #expect(entry.day == 3)
    #expect(entry.lab?.value == 0.4)
    var changed = decoded
    changed.entry = #"{"day": 4, "crsGrade": 2}"#
    #expect(try changed.submitted.value.get().crsGrade == 2)
    #expect(changed != decoded)
  }

  /// Stored bytes whose entry does not read decode as an event; the fold names its sequence.
  @Test func anUnreadableEntryIsRefusedByTheFold() throws {
    var trial = try ConductTrial("NCT05350787")
    _ = try trial.enrolled("S-1")
    let bad = AssessmentRecorded(subject: "S-1", entry: #"{"day": "three"}"#)
    #expect(throws: InputError.self) { try bad.submitted.value.get() }
    let event = TrialEvent(recordedAt: trial.now, actor: People.coordinator, body: .assessmentRecorded(bad))
    let sequence = trial.events.count + 1
    let decoded = try EventCoding.decode(EventCoding.encode(event), sequence: sequence)
    #expect(decoded == event)
    do {
      _ = try TrialState.fold(trial.events + [RecordedEvent(sequence: sequence, event: decoded)])
      Issue.record("the fold read an unreadable entry")
    } catch {
      #expect(error.description.contains("event \(sequence)"), "\(error)")
      #expect(error.description.contains("its entry does not read"), "\(error)")
    }
  }
}
