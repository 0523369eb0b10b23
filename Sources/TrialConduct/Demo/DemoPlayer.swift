import Foundation
import Simulation
import TrialModel

/// Plays the demo trial: the cohorts of each group in turn, each subject's course on an agenda
/// of dated steps, and the decisions on every recommendation.
struct DemoPlayer {
  /// What happens to a subject on a day.
  enum Step: Hashable {
    case leukapheresis, release, failManufacturing, lymphodeplete, infuse
    case observe(Int), lab(Int), sample(Int), adjudicate, assessDisease(Int), offStudy
    /// Screen and enrol a replacement into the cohort.
    case replace(group: String, cohort: Int)
  }

  struct Item {
    var date: CalendarDate
    var order: Int
    var subject: String
    var step: Step
  }

  let record: DemoTrial.Recorder
  var state: TrialState
  var rng: Xoshiro256StarStar
  var today: CalendarDate
  var tick = 0
  var agenda: [Item] = []
  var order = 0
  var plans: [String: DemoPlan] = [:]
  var candidates = 0
  var enrolments = 0
  var infusionsPlanned = 0
  var overridden = false
  var corrected = false
  var signed = false
  var belowLLOQ = false
  var cohortsStarted: [String: Int] = [:]

  init(record: @escaping DemoTrial.Recorder, state: TrialState, seed: UInt64, start: CalendarDate) {
    self.record = record
    self.state = state
    rng = Xoshiro256StarStar(seed: seed)
    today = start
  }

  var trial: TrialProtocol { state.protocolInForce }
  var autologous: Bool { trial.product.source == .autologous }

  // MARK: - The run

  mutating func run() async throws {
    for (i, site) in DemoCast.sites.enumerated() {
      let name = i < trial.sites.count ? trial.sites[i].name : nil
      try await send(.activateSite(site: site, name: name), by: DemoCast.administrator)
    }
    while true {
      var progressed = false
      for id in state.groups.map(\.id) where canStartCohort(id) {
        cohortsStarted[id, default: 0] += 1
        try await runCohort(group: id)
        progressed = true
      }
      if !progressed { break }
    }
  }

  func canStartCohort(_ id: String) -> Bool {
    guard let g = state.group(id), case .open = g.opening, g.pendingRecommendation == nil,
      state.dueRecommendation(group: id) == nil,
      cohortsStarted[id, default: 0] < DemoTrial.maximumCohortsPerGroup
    else { return false }
    return g.cohorts.last.map { $0.status == .decided || $0.status == .enrolling } ?? true
  }

  /// Fills the group's next cohort, then follows its subjects day by day until the agenda is
  /// empty, deciding each recommendation as soon as it is recorded.
  mutating func runCohort(group id: String) async throws {
    var cohort: Int?
    var attempts = 0
    while attempts < 4 * (trial.groups.first { $0.id == id }?.design.cohortSize.value ?? 3) {
      attempts += 1
      guard let slot = openSlot(group: id, cohort: cohort) else { break }
      advance(to: today.adding(days: 1 + Int(rng.next() % 2)))
      if let subject = try await enrolOne(group: id) {
        cohort = state.subjects[subject]?.enrolment?.cohort
      } else if slot != 0 {
        cohort = slot
      }
    }
    while let next = agenda.indices.min(by: {
      (agenda[$0].date, agenda[$0].order) < (agenda[$1].date, agenda[$1].order)
    }) {
      let item = agenda.remove(at: next)
      advance(to: item.date)
      try await perform(item)
      try await decidePending()
    }
    try await decidePending()
  }

  /// The cohort the next enrolment in `id` would join (`0` for a new one), when it may enrol and,
  /// given `cohort`, it is that one.
  func openSlot(group id: String, cohort: Int?) -> Int? {
    guard let g = state.group(id), case .open = g.opening, g.pendingRecommendation == nil,
      state.dueRecommendation(group: id) == nil
    else { return nil }
    if let last = g.cohorts.last, last.status != .decided {
      guard last.status == .enrolling, last.freeSlots > 0, cohort == nil || cohort == last.number else {
        return nil
      }
      return last.number
    }
    return cohort == nil ? 0 : nil
  }

  mutating func advance(to date: CalendarDate) {
    if date > today {
      today = date
      tick = 0
    }
  }

  /// Records `command` by `actor` today; answers the sequence of its event.
  @discardableResult
  mutating func send(_ command: ConductCommand, by actor: Actor) async throws -> Int {
    let sequence = state.head + 1
    tick += 1
    state = try await record(command, actor, DemoClock.time(today, tick: tick), today)
    return sequence
  }
}
