import Foundation
import Inputs
import ProtocolFiles
import TestSupport
import Testing
import TrialModel

@testable import TrialConduct

/// The people who run the test trials: site HZ's coordinator and investigator, a coordinator of
/// site BJ, and the sponsor-wide roles.
enum People {
  static let admin = Actor(name: "A. Admin", role: .administrator)
  static let coordinator = Actor(name: "C. Coordinator", role: .coordinator, site: "HZ")
  static let investigator = Actor(name: "Dr Chen", role: .investigator, site: "HZ")
  static let coordinatorBJ = Actor(name: "B. Coordinator", role: .coordinator, site: "BJ")
  static let investigatorBJ = Actor(name: "Dr Wang", role: .investigator, site: "BJ")
  static let monitor = Actor(name: "M. Monitor", role: .monitor)
  static let reviewer = Actor(name: "S. Reviewer", role: .safetyReviewer)
}

/// Protocol texts and patient records for the test trials.
enum ConductFixture {
  /// The bundled protocol's YAML, exactly as shipped.
  static func protocolText(_ id: String) throws -> String {
    let url = try #require(BundledProtocols.url(forID: id))
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// A stand-in for the text's SHA-256 (the pure core takes the hash as given): distinct texts,
  /// distinct hashes.
  static func hash(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return String(h, radix: 16) + String(text.utf8.count)
  }

  /// The protocol `id` with `yaml` appended (e.g. a `conduct:` section).
  static func protocolText(_ id: String, appending yaml: String) throws -> String {
    try protocolText(id) + "\n" + yaml + "\n"
  }

  /// Examples/patients/P-0001.json with the conditions NCT05350787 and NCT07470073 ask about set
  /// (found by screening the example against them), its own attestations removed (an investigator
  /// attests in the trial), and `changes` applied to the top-level object.
  static func patient(
    birthDate: String = "1964-03-02", weightKg: Double = 58, conditions extra: [String: Any] = [:]
  ) throws -> String {
    try ExamplePatient.record(birthDate: birthDate, weightKg: weightKg, conditions: extra)
  }

  /// The example patient as a 15-year-old (NCT07470073 group B).
  static func adolescent(weightKg: Double = 58) throws -> String {
    try patient(birthDate: "2011-03-02", weightKg: weightKg)
  }

  /// A CRS grade 4 on `day` after infusion: a DLT under every bundled protocol's rules.
  static func grade4CRS(day: Int) -> String { #"{"day": \#(day), "crsGrade": 4}"# }

  /// A grade 1 CRS on `day`: no DLT.
  static func grade1CRS(day: Int) -> String { #"{"day": \#(day), "crsGrade": 1}"# }
}

/// The outcome a test subject is driven to.
enum Course {
  case dlt
  case noDlt
}

/// A recorded test trial: its log, the date commands are given on and the clock they are recorded by.
struct ConductTrial {
  var log: TrialLog
  /// The date commands are given on (clinical dates may not be later).
  var today: CalendarDate
  private var tick = 0

  var state: TrialState { log.state }
  var events: [RecordedEvent] { log.events }

  /// The system clock: midday of `today`, one second per command.
  var now: Date {
    Date(timeIntervalSince1970: Double(today.dayNumber * 86_400 + 43_200 + tick))
  }

  /// A trial opened on `text` (a bundled protocol by default) with sites HZ and BJ active, on the
  /// example patient's screening date.
  init(_ protocolID: String, text: String? = nil) throws {
    let text = try text ?? ConductFixture.protocolText(protocolID)
    today = CalendarDate(iso: "2026-11-20")!
    let opening = try TrialLog.opening(
      trial: protocolID, protocolText: text, protocolHash: ConductFixture.hash(text), by: People.admin,
      at: Date(timeIntervalSince1970: Double(today.dayNumber * 86_400)))
    log = try TrialLog([RecordedEvent(sequence: 1, event: opening)])
    try run(.activateSite(site: "HZ", name: "Hangzhou"), by: People.admin)
    try run(.activateSite(site: "BJ", name: "Beijing"), by: People.admin)
  }

  /// Records `command`, returning the events added (its own and the follow-ups).
  @discardableResult
  mutating func run(_ command: ConductCommand, by actor: Actor) throws(InputError) -> [RecordedEvent] {
    tick += 1
    return try log.record(command, by: actor, at: now, today: today)
  }

  /// The refusal of `command`; records an issue if it is accepted or if anything was added.
  func refusal(
    _ command: ConductCommand, by actor: Actor, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> InputError? {
    var copy = log
    do {
      let added = try copy.record(command, by: actor, at: now, today: today)
      Issue.record(
        "\(command.name) was accepted: \(added.map(\.event.kind.rawValue))", sourceLocation: sourceLocation)
      return nil
    } catch {
      #expect(copy.events.count == log.events.count, "nothing is added", sourceLocation: sourceLocation)
      #expect(copy.state.head == log.state.head, sourceLocation: sourceLocation)
      return error
    }
  }

  /// Expects `command` refused with `kind` on `field`, the message containing every one of `words`.
  func expectRefused(
    _ command: ConductCommand, by actor: Actor, _ kind: InputError.Kind = .conflict, field: String,
    _ words: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    guard let error = refusal(command, by: actor, sourceLocation: sourceLocation) else { return }
    #expect(error.kind == kind, "\(error.message)", sourceLocation: sourceLocation)
    #expect(error.field == field, "\(error.message)", sourceLocation: sourceLocation)
    for w in words {
      #expect(error.message.contains(w), "\(error.message) should say \(w)", sourceLocation: sourceLocation)
    }
  }

  mutating func advance(days: Int) { today = today.adding(days: days) }

  // MARK: - A subject's course

  /// Screens `id` at site HZ (or `site`), as given.
  mutating func screen(
    _ id: String, patient: String? = nil, group: String? = nil, site: String? = nil,
    by actor: Actor = People.coordinator
  ) throws {
    try run(
      .screen(
        subject: id, site: site, group: group, patientRecord: patient ?? ConductFixture.patient(),
        file: "\(id).json"), by: actor)
  }

  /// The investigator attests every criterion awaiting attestation as passed.
  mutating func attestAll(_ id: String, by actor: Actor = People.investigator) throws {
    let pending = try #require(state.subjects[id]).pendingAttestations
    try run(.attest(subject: id, criteria: pending, satisfied: true, note: nil), by: actor)
  }

  /// Screened, every attestation given, consent signed today.
  mutating func eligible(
    _ id: String, patient: String? = nil, group: String? = nil, site: String? = nil
  ) throws {
    let (coordinator, investigator) =
      site == "BJ" ? (People.coordinatorBJ, People.investigatorBJ) : (People.coordinator, People.investigator)
    try screen(id, patient: patient, group: group, site: site, by: coordinator)
    try attestAll(id, by: investigator)
    try run(.consent(subject: id, date: today), by: coordinator)
  }

  /// Eligible and enrolled; returns the enrolment.
  @discardableResult
  mutating func enrolled(_ id: String, patient: String? = nil, group: String? = nil) throws -> Enrolled {
    try eligible(id, patient: patient, group: group)
    try run(.enroll(subject: id, group: group), by: People.coordinator)
    return try #require(state.subjects[id]?.enrolment)
  }

  /// Flu/Cy today (BSA 1.7 m²).
  mutating func lymphodeplete(_ id: String) throws {
    try run(
      .lymphodeplete(
        LymphodepletionGiven(
          subject: id, date: today,
          agents: [
            .init(agent: "fludarabine", mgPerM2PerDay: 30, days: 3),
            .init(agent: "cyclophosphamide", mgPerM2PerDay: 300, days: 3),
          ], bodySurfaceAreaM2: 1.7)), by: People.coordinator)
  }

  /// Lymphodepleted, then infused five days later at `weightKg`.
  mutating func infused(_ id: String, weightKg: Double = 58) throws {
    try lymphodeplete(id)
    advance(days: 5)
    try run(.infuse(subject: id, date: today, weightKg: weightKg), by: People.coordinator)
  }

  /// Records the subject's course: a grade 4 CRS on day 3 (DLT) or a grade 1 CRS on day 2 (no DLT).
  mutating func recordCourse(_ id: String, _ course: Course) throws {
    let entry = course == .dlt ? ConductFixture.grade4CRS(day: 3) : ConductFixture.grade1CRS(day: 2)
    try run(.record(subject: id, entry: entry, file: "entry.json"), by: People.coordinator)
  }

  /// Adjudicates `id` as its course says (no DLT only once the window has closed), by the investigator.
  mutating func adjudicate(_ id: String, _ course: Course) throws {
    try run(
      .adjudicate(subject: id, outcome: course == .dlt ? .dlt : .noDlt, reason: nil), by: People.investigator)
  }

  /// Enrols, treats and evaluates a whole cohort of `courses.count` subjects, each one's course
  /// recorded on day 3, adjudicated (DLT at once, no DLT after the 28-day window).
  mutating func cohort(_ ids: [String], _ courses: [Course], group: String? = nil, patient: String? = nil)
    throws
  {
    for id in ids { try enrolled(id, patient: patient, group: group) }
    for id in ids { try infused(id) }
    advance(days: 3)
    for (id, course) in zip(ids, courses) { try recordCourse(id, course) }
    advance(days: 28)
    for (id, course) in zip(ids, courses) { try adjudicate(id, course) }
  }
}
