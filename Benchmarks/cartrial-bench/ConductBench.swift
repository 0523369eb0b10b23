import Foundation
import ProtocolFiles
import TrialConduct
import TrialModel

/// Release-mode benchmark of the conduct core (issue 13): a 3+3 trial of NCT05350787 (three
/// cohorts, nine subjects) recorded through `TrialLog` up to 10⁵ events, mostly daily CRS, ICANS and
/// lab assessments, then folded from its events. Goal: the fold of 10⁵ events in < 0.5 s.
enum ConductBench {
  static let coordinator = Actor(name: "C. Coordinator", role: .coordinator, site: "HZ")
  static let investigator = Actor(name: "Dr Chen", role: .investigator, site: "HZ")

  /// The example patient with every condition the protocol asks about stated absent.
  static func patientRecord() throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Examples/patients/P-0001.json")
    let text = try String(contentsOf: url, encoding: .utf8)
    let absent = [
      "lymphodepletionAllergy", "severeCerebrovascularDisease", "clinicallySignificantHeartDisease",
      "geneticDisease", "cnsInvolvementOnImaging", "cnsSymptoms", "activeHepatitisB", "antiviralProphylaxis",
      "activeHepatitisC", "hiv", "syphilis", "longTermImmunosuppressionNeeded", "receivingGvhdTreatment",
    ]
    let stated = absent.map { "\"\($0)\": false, " }.joined()
    return text.replacingOccurrences(of: "\"conditions\": {", with: "\"conditions\": {" + stated)
  }

  /// One assessment of the rotation: CRS, ICANS or neutrophils on `day`.
  static func entry(_ i: Int, day: Int) -> String {
    switch i % 3 {
    case 0: #"{"day": \#(day), "crsGrade": \#(i % 2)}"#
    case 1: #"{"day": \#(day), "icansGrade": 0}"#
    default:
      #"{"day": \#(day), "lab": {"term": "neutrophils", "value": \#(1 + Double(i % 20) / 10), "unit": "x10^9/L", "lln": 1.8}}"#
    }
  }

  /// Records the trial through `TrialLog` until it has `total` events.
  static func record(total: Int) throws -> TrialLog {
    let url = try BundledProtocols.url(forID: "NCT05350787").orThrow("NCT05350787 is bundled")
    let text = try String(contentsOf: url, encoding: .utf8)
    var today = CalendarDate(iso: "2026-11-20")!
    var clock = 0.0
    func now() -> Date {
      clock += 1
      return Date(timeIntervalSince1970: Double(today.dayNumber * 86_400) + clock)
    }
    let admin = Actor(name: "A. Admin", role: .administrator)
    var log = try TrialLog([
      RecordedEvent(
        sequence: 1,
        event: try TrialLog.opening(
          trial: "BENCH", protocolText: text, protocolHash: "bench", by: admin, at: now()))
    ])
    func run(_ command: ConductCommand, _ actor: Actor = coordinator) throws {
      try log.record(command, by: actor, at: now(), today: today)
    }
    try run(.activateSite(site: "HZ", name: nil), admin)
    let patient = try patientRecord()
    var subjects: [String] = []
    for cohort in 0..<3 {
      let ids = (1...3).map { "S-\(cohort * 3 + $0)" }
      subjects += ids
      for id in ids {
        try run(.screen(subject: id, site: nil, group: nil, patientRecord: patient, file: "p.json"))
        let pending = log.state.subjects[id]?.pendingAttestations ?? []
        try run(.attest(subject: id, criteria: pending, satisfied: true, note: nil), investigator)
        try run(.consent(subject: id, date: today))
        try run(.enroll(subject: id, group: nil))
        try run(.infuse(subject: id, date: today, weightKg: 58))
      }
      today = today.adding(days: 28)
      for id in ids {
        try run(.record(subject: id, entry: entry(cohort, day: 1), file: "e.json"))
        try run(.adjudicate(subject: id, outcome: .noDlt, reason: nil), investigator)
      }
      try run(.confirm(group: "main"), investigator)
    }
    today = today.adding(days: 400)
    var i = 0
    while log.events.count < total {
      try run(
        .record(subject: subjects[i % subjects.count], entry: entry(i, day: i / 9 % 365), file: "e.json"))
      i += 1
    }
    return log
  }

  static func run(total: Int = 100_000) throws {
    print("== Conduct (issue 13) ==")
    let clock = ContinuousClock()
    var log: TrialLog?
    let recording = try clock.measure { log = try record(total: total) }
    let events = log!.events
    let assessments = events.filter { $0.event.kind == .assessmentRecorded }.count
    print(
      "recorded \(events.count) events (\(assessments) assessments) through TrialLog in \(seconds(recording)) s"
        + " (\(Int(Double(events.count) / max(1e-9, recording.seconds))) commands/s)")
    var state: TrialState?
    let fold = try SimulationBench.median(5) { state = try TrialState.fold(events) }
    print(
      "fold of \(events.count) events: \(String(format: "%.3f", fold.wall)) s wall, \(String(format: "%.3f", fold.cpu)) s CPU"
        + " (\(String(format: "%.2f", fold.cpu / Double(events.count) * 1e6)) µs/event); goal < 0.5 s")
    let graded = state!.orderedSubjects.reduce(0) { $0 + $1.assessments.count }
    precondition(graded == assessments, "every assessment folded")
    // What a ledger does on first use: every event decoded from its stored bytes (an assessment's
    // entry is read there, once), then the fold.
    let stored = events.map { (sequence: $0.sequence, bytes: EventCoding.encode($0.event)) }
    var refolded: TrialState?
    let cold = try SimulationBench.median(3) {
      let decoded = try stored.map {
        RecordedEvent(sequence: $0.sequence, event: try EventCoding.decode($0.bytes, sequence: $0.sequence))
      }
      refolded = try TrialState.fold(decoded)
    }
    print(
      "decode of \(events.count) events from their stored bytes, then fold: \(String(format: "%.3f", cold.wall)) s wall,"
        + " \(String(format: "%.3f", cold.cpu)) s CPU")
    precondition(refolded!.subjects == state!.subjects, "the same subjects from the stored bytes")
  }

  static func seconds(_ d: Duration) -> String { String(format: "%.2f", d.seconds) }
}

extension Duration {
  fileprivate var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}

extension Optional {
  fileprivate func orThrow(_ what: String) throws -> Wrapped {
    guard let self else { throw BenchError(what) }
    return self
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
