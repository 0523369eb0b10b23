import DoseFinding
import Foundation
import Inputs
import ProtocolFiles
import Testing
import TrialModel
import Trials

@testable import TrialConduct

/// A demo trial played into an in-memory log.
private struct PlayedDemo {
  var log: TrialLog
  var summary: DemoSummary
  var state: TrialState { log.state }

  static let hash = String(repeating: "0123456789abcdef", count: 4)
  static let start = CalendarDate(iso: "2027-01-04")!

  static func play(_ id: String, seed: UInt64, fromText: Bool = false) async throws -> PlayedDemo {
    let url = try #require(BundledProtocols.url(forID: id))
    let text = try String(contentsOf: url, encoding: .utf8)
    let opening = try TrialLog.opening(
      trial: id, protocolText: text, protocolHash: hash, by: Actor(name: "A. Admin", role: .administrator),
      at: Date(timeIntervalSince1970: Double(start.dayNumber * 86_400)))
    var log = try TrialLog([RecordedEvent(sequence: 1, event: opening)])
    let record: DemoTrial.Recorder = { command, actor, time, today in
      try log.record(command, by: actor, at: time, today: today)
      return log.state
    }
    let summary =
      fromText
      ? try await DemoTrial.play(
        protocolText: text, protocolHash: hash, trial: id, seed: seed, start: start, record: record)
      : try await DemoTrial.play(opened: log.state, seed: seed, start: start, record: record)
    return PlayedDemo(log: log, summary: summary)
  }

  func events(_ kind: EventKind) -> [RecordedEvent] { log.events.filter { $0.event.kind == kind } }
}

/// Each protocol's demo with the suite's seed, played once for the tests that only read it.
private actor PlayedDemos {
  static let shared = PlayedDemos()
  private var played: [String: Task<PlayedDemo, any Error>] = [:]

  func demo(_ id: String) async throws -> PlayedDemo {
    if let task = played[id] { return try await task.value }
    let task = Task { try await PlayedDemo.play(id, seed: DemoTrialTests.seed) }
    played[id] = task
    return try await task.value
  }
}

@Suite struct DemoTrialTests {
  static let seed: UInt64 = 2026

  @Test(arguments: ProtocolLibrary.bundledIDs)
  func theSameSeedPlaysTheSameTrial(id: String) async throws {
    let first = try await PlayedDemos.shared.demo(id)
    let again = try await PlayedDemo.play(id, seed: Self.seed)
    #expect(first.log.events.map(\.event.kind) == again.log.events.map(\.event.kind))
    #expect(first.log.events == again.log.events)
    #expect(first.summary == again.summary)
  }

  @Test func aDemoPlaysOnlyANewTrial() async throws {
    let played = try await PlayedDemos.shared.demo("NCT05270772")
    var recorded = 0
    await #expect(throws: InputError.self) {
      _ = try await DemoTrial.play(opened: played.state, seed: Self.seed, start: PlayedDemo.start) {
        _, _, _, _ in
        recorded += 1
        return played.state
      }
    }
    #expect(recorded == 0)
  }

  @Test func anotherSeedPlaysAnotherTrial() async throws {
    let first = try await PlayedDemos.shared.demo("NCT05270772")
    let other = try await PlayedDemo.play("NCT05270772", seed: Self.seed + 1)
    #expect(other.log.events != first.log.events)
  }

  @Test(arguments: ProtocolLibrary.bundledIDs)
  func aDemoIsAWholeTrial(id: String) async throws {
    let demo = try await PlayedDemos.shared.demo(id)
    let state = demo.state, summary = demo.summary
    let subjects = state.orderedSubjects
    // Screening: some fail on purpose, the others are enrolled once attested and consented.
    #expect(summary.ineligible > 0)
    #expect(summary.screened == subjects.count && summary.screened > summary.enrolled)
    #expect(
      subjects.filter { $0.enrolment != nil }.allSatisfy {
        $0.eligibility == .eligible && $0.consentDate != nil
      })
    #expect(!demo.events(.criteriaAttested).isEmpty)
    #expect(summary.events == demo.log.events.count)
    // Infusion follows lymphodepletion dosed on a body surface area, at the dose the dosing code gives.
    let infused = subjects.filter { $0.infusion != nil }
    #expect(summary.infused == infused.count && infused.count >= 6)
    for s in infused {
      let ld = try #require(s.lymphodepletion)
      #expect(ld.date < s.infusion!.date && (0.8...2.6).contains(ld.bodySurfaceAreaM2))
      #expect(ld.agents.map(\.agent).contains("fludarabine"))
      #expect(s.infusion!.dose.level == s.enrolment!.level)
      #expect(s.adjudication != nil)
      #expect(s.assessments.count >= 30)
      #expect(s.kinetics.count == 5)
      #expect(s.diseaseAssessments.count == 1)
    }
    // Autologous products: one manufacturing failure, whose slot went to a replacement.
    if state.protocolInForce.product.source == .autologous {
      #expect(demo.events(.leukapheresis).count == demo.events(.manufacturingReleased).count + 1)
      #expect(demo.events(.manufacturingFailed).count == 1)
      #expect(state.groups.flatMap(\.cohorts).flatMap(\.replaced).count == 1)
    } else {
      #expect(demo.events(.leukapheresis).isEmpty && demo.events(.manufacturingFailed).isEmpty)
    }
    // DLTs, decisions: at least two cohorts decided, exactly one override, with its reason.
    #expect(summary.dlts == subjects.filter { $0.adjudication?.outcome == .dlt }.count)
    #expect(state.groups.flatMap(\.cohorts).filter { $0.status == .decided }.count >= 2)
    let decisions = state.groups.flatMap(\.decisions)
    #expect(decisions.count == demo.events(.recommendationMade).count)
    let overrides = decisions.filter { $0.overrideReason != nil }
    #expect(overrides.count == 1 && summary.overrides == 1)
    #expect(overrides.allSatisfy { !($0.overrideReason ?? "").isEmpty })
    #expect(demo.events(.recommendationMade).allSatisfy { $0.event.actor == .system })
    // One correction of an assessment, one signature, one subject off study, one sample below LLOQ.
    let corrections = demo.events(.correction)
    #expect(corrections.count == 1)
    if case .correction(let c) = corrections.first?.event.body {
      #expect(!c.reason.isEmpty && state.kinds[c.sequence - 1] == .assessmentRecorded)
    }
    #expect(demo.events(.signature).count == 1 && demo.events(.offStudy).count == 1)
    #expect(infused.flatMap(\.kinetics).filter(\.belowLLOQ).count == 1)
    // Every group has stopped, reached its sample size, or waits on a group that did.
    for g in state.groups {
      if case .open = g.opening { Issue.record("group \(g.id) still open: \(summary.groups)") }
    }
  }

  /// Done means: the counts the demo ends with, fed to each group's design, give the same
  /// decision and next level as the last recorded recommendation.
  @Test(arguments: ProtocolLibrary.bundledIDs)
  func theFinalCountsGiveTheLastRecommendation(id: String) async throws {
    let state = try await PlayedDemos.shared.demo(id).state
    var checked = 0
    for g in state.groups where !g.cohorts.isEmpty {
      let r = try #require(g.recommendation, "group \(g.id) has cohorts but no recommendation")
      let design = try #require(state.design(forGroup: g.id))
      let tallies = state.tallies(group: g.id)
      #expect(tallies.map(\.level) == design.levels)
      let cohort = try #require(g.cohorts.first { $0.number == r.cohort })
      #expect(cohort.number == g.cohorts.last?.number)
      let outcomes = cohort.members.compactMap { state.subjects[$0]?.adjudication?.outcome }.filter {
        $0 != .notEvaluable
      }
      let last = DoseCounts(patients: outcomes.count, dlts: outcomes.filter { $0 == .dlt }.count)
      let answer = try design.decide(
        counts: tallies.map { DoseCounts(patients: $0.patients, dlts: $0.dlts) }, current: r.level,
        lastCohort: design.design.usesLastCohort ? last : nil)
      #expect(answer.decision == r.decision, "group \(g.id): \(tallies)")
      #expect(answer.nextDose == r.nextLevel, "group \(g.id): \(tallies)")
      #expect(tallies.reduce(0) { $0 + $1.patients } > 0)
      checked += 1
    }
    #expect(checked == state.groups.count)
  }

  @Test func groupBOpensOnlyAfterGroupAClearsLevel1() async throws {
    let demo = try await PlayedDemo.play("NCT07470073", seed: Self.seed, fromText: true)
    var recommendations: [Int: RecommendationMade] = [:]
    var cleared: Int?
    var firstB: Int?
    for e in demo.log.events {
      switch e.event.body {
      case .recommendationMade(let r) where r.group == "A": recommendations[r.cohort] = r
      case .recommendationConfirmed(let c) where c.group == "A":
        if let r = recommendations[c.cohort], r.level == 1, let next = r.nextLevel, next > 1, cleared == nil {
          cleared = e.sequence
        }
      case .recommendationOverridden(let o) where o.group == "A":
        if recommendations[o.cohort]?.level == 1, o.level > 1, cleared == nil { cleared = e.sequence }
      case .enrolled(let en) where en.group == "B":
        if firstB == nil { firstB = e.sequence }
      default: break
      }
    }
    let clearedAt = try #require(cleared, "group A never cleared level 1")
    let enrolledB = try #require(firstB, "group B never enrolled")
    #expect(clearedAt < enrolledB)
    #expect(demo.state.group("B")?.cohorts.count ?? 0 >= 2)
  }
}
