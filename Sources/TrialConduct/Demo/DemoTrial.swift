import Assessment
import Eligibility
import Foundation
import Inputs
import Simulation
import TrialModel

/// A whole simulated trial, played through the conduct commands on a simulated clock: sites
/// activated, candidates screened (some ineligible on purpose), attested, consented and enrolled;
/// for autologous products leukapheresis and release (one manufacturing failure, whose slot is
/// refilled); lymphodepletion, infusion, daily CRS/ICANS, blood counts, DLTs drawn from a true
/// toxicity per level, adjudication, the design's recommendations confirmed by the safety review
/// committee (one overridden), kinetics, day-28 marrow, one correction, one signature and one
/// subject off study. Everything follows from the seed: the same seed gives the same trial.
///
/// The demo is pure: each command goes through `record`, which appends it (in the CLI, to the
/// store; in tests, to a ``TrialLog``) and answers the new state.
public enum DemoTrial {
  /// Records a command: the command, who gives it, when it is recorded, and the day it is given on.
  public typealias Recorder = (ConductCommand, Actor, Date, CalendarDate) async throws -> TrialState

  /// The true DLT probability of each dose level, lowest level first (a scenario with a maximum
  /// tolerated dose in the middle of a three- or four-level ladder; levels above the last take it).
  public static let toxicity: [Double] = [0.05, 0.15, 0.30, 0.50]

  /// At most this many cohorts per group.
  public static let maximumCohortsPerGroup = 8

  /// Plays the trial whose opening event (made with ``TrialLog/opening(trial:protocolText:protocolHash:by:at:)``)
  /// `record` already holds, from clinical date `start`.
  ///
  /// - Returns: the counts of the final state.
  public static func play(
    protocolText: String, protocolHash: String, trial: String, seed: UInt64, start: CalendarDate,
    record: @escaping Recorder
  ) async throws -> DemoSummary {
    let opening = TrialEvent(
      recordedAt: DemoClock.time(start, tick: 0), actor: DemoCast.administrator,
      body: .trialOpened(TrialOpened(trial: trial, protocolText: protocolText, protocolHash: protocolHash)))
    let opened = try TrialState.fold([RecordedEvent(sequence: 1, event: opening)])
    return try await play(opened: opened, seed: seed, start: start, record: record)
  }

  /// Plays the trial whose state after its opening event is `opened` (the state `record` starts
  /// from), from clinical date `start`.
  ///
  /// - Throws: ``InputError`` (nothing recorded) when `opened` has more than its opening event: a
  ///   demo plays a new trial only.
  public static func play(
    opened: TrialState, seed: UInt64, start: CalendarDate, record: @escaping Recorder
  ) async throws -> DemoSummary {
    guard opened.head == 1 else {
      throw InputError(
        .conflict, field: "trial", expected: "a trial just opened (a demo plays a new trial)",
        found: "trial \(opened.trial) with \(opened.head) events")
    }
    var player = DemoPlayer(record: record, state: opened, seed: seed, start: start)
    try await player.run()
    return DemoSummary(player.state)
  }
}

/// The simulated clock: `recordedAt` is the clinical day at 08:00 UTC plus 20 s per command.
enum DemoClock {
  static func time(_ day: CalendarDate, tick: Int) -> Date {
    Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + 8 * 3600 + tick * 20))
  }
}

/// The people who run the demo trial.
enum DemoCast {
  static let sites = ["S01", "S02"]
  static let administrator = Actor(name: "A. Admin", role: .administrator)
  static let reviewer = Actor(name: "Dr E. Novak", role: .safetyReviewer)

  static func coordinator(_ site: String) -> Actor {
    Actor(name: site == sites[0] ? "C. Lopez" : "M. Okafor", role: .coordinator, site: site)
  }

  static func investigator(_ site: String) -> Actor {
    Actor(name: site == sites[0] ? "Dr H. Chen" : "Dr R. Patel", role: .investigator, site: site)
  }
}

/// One subject's course as drawn at enrolment.
struct DemoPlan {
  var subject: String
  var site: String
  var group: String
  var patient: DemoPatient
  var enrolled: CalendarDate
  var infusion: CalendarDate
  var failsManufacturing: Bool
  var crs: DemoClinical.CRSCourse
  var toxicity: DemoClinical.Toxicity?
  var toxicityDay: Int
  var response: DemoClinical.Response
  /// Kinetics: the peak CAR transgene level (copies/µg gDNA).
  var peak: Double
  var leavesStudy: Bool
}

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

  // MARK: - Screening and enrolment

  /// Screens candidates for `group` today until one is enrolled (at most five); answers them.
  mutating func enrolOne(group id: String) async throws -> String? {
    for attempt in 0..<5 {
      if attempt > 0 { advance(to: today.adding(days: 1)) }
      if let subject = try await screenCandidate(group: id) { return subject }
    }
    return nil
  }

  mutating func screenCandidate(group id: String) async throws -> String? {
    guard let group = trial.groups.first(where: { $0.id == id }) else { return nil }
    candidates += 1
    let site = DemoCast.sites[(candidates - 1) % DemoCast.sites.count]
    let subject = "\(site)-\(String(1000 + candidates).dropFirst())"
    let flaw = drawFlaw()
    let patient = drawPatient(subject, group: group, flaw: flaw)
    let requiresCarTFailure = trial.criteria.inclusion.contains {
      $0.expression?.contains("autologousCarTFailure") ?? false
    }
    let text = patient.record(screening: today, autologousCarTFailure: requiresCarTFailure)
    let coordinator = DemoCast.coordinator(site)
    try await send(
      .screen(subject: subject, site: site, group: id, patientRecord: text, file: "\(subject).json"),
      by: coordinator)
    guard let screened = state.subjects[subject], flaw == nil else { return nil }
    if screened.eligibility == .pendingAttestation {
      try await send(
        .attest(
          subject: subject, criteria: screened.pendingAttestations, satisfied: true,
          note: "history, imaging and prior therapy reviewed with the patient"),
        by: DemoCast.investigator(site))
    }
    guard state.subjects[subject]?.eligibility == .eligible, openSlot(group: id, cohort: nil) != nil else {
      return nil
    }
    try await send(.consent(subject: subject, date: patient.consentDate(screening: today)), by: coordinator)
    try await send(.enroll(subject: subject, group: id), by: coordinator)
    enrolments += 1
    schedule(plan(subject, site: site, group: id, patient: patient))
    return subject
  }

  /// The second and fifth candidates are flawed; after them one in seven.
  mutating func drawFlaw() -> DemoPatient.Flaw? {
    let u = rng.nextUnitInterval()
    let renal = (trial.criteria.inclusion + trial.criteria.exclusion).contains { c in
      ["creatinine", "crcl"].contains { c.expression?.contains($0) ?? false }
    }
    switch candidates {
    case 2: return .age
    case 5: return renal ? .creatinine : .infection
    default:
      guard u < 1.0 / 7 else { return nil }
      return [.age, renal ? .creatinine : .infection, .infection][Int(rng.next() % 3)]
    }
  }

  mutating func drawPatient(_ id: String, group: PopulationGroup, flaw: DemoPatient.Flaw?) -> DemoPatient {
    let low = max(12, Int((group.ages.minimum ?? trial.ages.minimum ?? 12).rounded(.up)))
    let high = Int((group.ages.maximum ?? trial.ages.maximum ?? 70).rounded(.down))
    let range = (low + 1) <= (high - 2) ? (low + 1)...(high - 2) : low...low
    var years = range.lowerBound + Int(rng.next() % UInt64(range.count))
    if flaw == .age { years = high + 3 }
    let adult = years >= 18
    let weight = adult ? 50 + 45 * rng.nextUnitInterval() : 38 + 27 * rng.nextUnitInterval()
    let height = adult ? 155 + 35 * rng.nextUnitInterval() : 145 + 33 * rng.nextUnitInterval()
    return DemoPatient(
      id: id, sex: rng.next() % 2 == 0 ? "male" : "female", ageYears: years,
      extraDays: 30 + Int(rng.next() % 270), weightKg: (weight * 10).rounded() / 10,
      heightCm: height.rounded(),
      flaw: flaw)
  }

  // MARK: - A subject's course

  mutating func plan(_ subject: String, site: String, group: String, patient: DemoPatient) -> DemoPlan {
    let level = state.subjects[subject]?.enrolment?.level ?? 0
    let levels = state.design(forGroup: group)?.levels ?? [level]
    let index = levels.firstIndex(of: level) ?? 0
    let p = DemoTrial.toxicity[min(index, DemoTrial.toxicity.count - 1)]
    let fails = autologous && enrolments == 2
    if !fails { infusionsPlanned += 1 }
    let dlt = rng.nextUnitInterval() < p
    let u = rng.nextUnitInterval()
    let responds = rng.nextUnitInterval() < min(0.85, 0.5 + 0.1 * Double(index))
    let depth = rng.nextUnitInterval()
    return DemoPlan(
      subject: subject, site: site, group: group, patient: patient, enrolled: today,
      infusion: today.adding(days: autologous ? 21 : 7), failsManufacturing: fails,
      crs: u < 0.35 ? .none : u < 0.75 ? .fever : .grade2,
      toxicity: dlt ? (rng.next() % 5 < 3 ? .crsGrade4 : .icansGrade4) : nil,
      toxicityDay: 3 + Int(rng.next() % 6),
      response: !responds ? .noResponse : depth < 0.55 ? .mrdNegativeCR : depth < 0.8 ? .cr : .cri,
      peak: 2_000 * Double(1 + index) * (0.5 + 1.5 * rng.nextUnitInterval()),
      leavesStudy: !fails && infusionsPlanned == 2)
  }

  /// The days after infusion CRS and ICANS are graded: the protocol's schedule within the DLT
  /// window, else daily to day 14 and weekly to the window's end.
  func observationDays(group: String) -> [Int] {
    let window = state.dltWindowDays(group: group)
    let scheduled =
      trial.schedule.first { $0.name.lowercased().contains("crs") }?.days
      ?? Array(0...14) + [21, 28]
    return Array(Set(scheduled.filter { (0...window).contains($0) } + [window])).sorted()
  }

  mutating func schedule(_ plan: DemoPlan) {
    plans[plan.subject] = plan
    let id = plan.subject
    if autologous {
      add(plan.enrolled.adding(days: 2), id, .leukapheresis)
      add(plan.enrolled.adding(days: 16), id, plan.failsManufacturing ? .failManufacturing : .release)
      if plan.failsManufacturing {
        let cohort = state.subjects[id]?.enrolment?.cohort ?? 0
        add(plan.enrolled.adding(days: 17), id, .replace(group: plan.group, cohort: cohort))
        return
      }
    }
    add(plan.infusion.adding(days: lymphodepletionStart), id, .lymphodeplete)
    add(plan.infusion, id, .infuse)
    let window = state.dltWindowDays(group: plan.group)
    var steps: [(Int, Int, Step)] = observationDays(group: plan.group).map { ($0, 0, .observe($0)) }
    steps += [0, 7, 14, 21, 28].filter { $0 <= window }.map { ($0, 1, .lab($0)) }
    steps += [1, 4, 7, 14, 28].map { ($0, 2, .sample($0)) }
    steps += [(window, 3, .adjudicate), (28, 4, .assessDisease(28))]
    if plan.leavesStudy { steps.append((max(35, window + 1), 5, .offStudy)) }
    for (day, _, step) in steps.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
      add(plan.infusion.adding(days: day), id, step)
    }
  }

  mutating func add(_ date: CalendarDate, _ subject: String, _ step: Step) {
    order += 1
    agenda.append(Item(date: date, order: order, subject: subject, step: step))
  }

  /// Lymphodepletion starts this many days from infusion (the protocol's first day, else day −5).
  var lymphodepletionStart: Int { trial.lymphodepletion?.agents.flatMap(\.days).min() ?? -5 }

  /// The protocol's regimen, else fludarabine 30 mg/m²/day and cyclophosphamide 500 mg/m²/day on
  /// days −5 to −3 (the ZUMA-1 regimen: Neelapu et al., N Engl J Med 2017;377:2531–2544).
  var lymphodepletionAgents: [LymphodepletionGiven.Agent] {
    guard let regimen = trial.lymphodepletion, !regimen.agents.isEmpty else {
      return [
        .init(agent: "fludarabine", mgPerM2PerDay: 30, days: 3),
        .init(agent: "cyclophosphamide", mgPerM2PerDay: 500, days: 3),
      ]
    }
    return regimen.agents.map {
      .init(agent: $0.drug, mgPerM2PerDay: $0.dailyDose.value, days: max(1, $0.days.count))
    }
  }

  mutating func perform(_ item: Item) async throws {
    if case .replace(let group, let cohort) = item.step {
      if openSlot(group: group, cohort: cohort) == cohort { _ = try await enrolOne(group: group) }
      return
    }
    guard let plan = plans[item.subject] else { return }
    let id = plan.subject
    let coordinator = DemoCast.coordinator(plan.site)
    let day = today.days(since: plan.infusion)
    switch item.step {
    case .leukapheresis:
      try await send(
        .leukapheresis(subject: id, date: today, detail: "apheresis, 1 blood volume"), by: coordinator)
    case .release:
      try await send(
        .releaseProduct(subject: id, date: today, detail: "lot \(id)-L1 released: viability 91 %, CAR+ 38 %"),
        by: coordinator)
    case .failManufacturing:
      try await send(
        .failProduct(
          subject: id, date: today, detail: "release testing failed: viability 58 % (< 70 %); no product"),
        by: coordinator)
    case .lymphodeplete:
      let bsa = ClinicalFormulas.bsaMosteller(
        heightCm: plan.patient.heightCm, weightKg: plan.patient.weightKg)
      try await send(
        .lymphodeplete(
          LymphodepletionGiven(
            subject: id, date: today, agents: lymphodepletionAgents,
            bodySurfaceAreaM2: (bsa * 100).rounded() / 100)),
        by: coordinator)
    case .infuse:
      try await send(.infuse(subject: id, date: today, weightKg: plan.patient.weightKg), by: coordinator)
    case .observe(let d): try await observe(plan, day: d)
    case .lab(let d): try await labs(plan, day: d)
    case .sample(let d): try await sample(plan, day: d)
    case .adjudicate:
      if state.subjects[id]?.adjudication == nil { try await adjudicate(plan) }
    case .assessDisease(let d):
      try await send(
        .assessDisease(
          subject: id, assessment: DemoClinical.marrow(day: d, response: plan.response),
          file: "\(id)-marrow.json"),
        by: coordinator)
    case .offStudy:
      let remission = plan.response != .noResponse
      try await send(
        .offStudy(
          subject: id, date: today, reason: remission ? .hsct : .other,
          detail: remission
            ? "consolidative allogeneic HSCT on day \(day)" : "no remission at day 28; alternative therapy"),
        by: coordinator)
    case .replace: break
    }
  }

  mutating func observe(_ plan: DemoPlan, day: Int) async throws {
    let id = plan.subject
    let coordinator = DemoCast.coordinator(plan.site)
    let normal = 36.6 + 0.8 * rng.nextUnitInterval()
    var crs = DemoClinical.crs(day: day, temperature: normal)
    var ice = 10
    var consciousness = "alert"
    var treatment: ConcomitantTreatment?
    let sinceToxicity = plan.toxicity == nil ? -1 : day - plan.toxicityDay
    switch (plan.toxicity, sinceToxicity) {
    case (.crsGrade4?, 0):
      crs = DemoClinical.crs(day: day, temperature: 40.1, hypotension: true, vasopressors: 2, oxygen: "bipap")
      treatment = ConcomitantTreatment(
        subject: id, date: today, agent: "tocilizumab", dose: "8 mg/kg", purpose: .crs)
    case (.crsGrade4?, 1...2):
      crs = DemoClinical.crs(
        day: day, temperature: 38.6, hypotension: true, vasopressors: 1, oxygen: "nasalCannula", flow: 4)
    case (.icansGrade4?, 0):
      (ice, consciousness) = (-1, "unarousable")
      treatment = ConcomitantTreatment(
        subject: id, date: today, agent: "dexamethasone", dose: "10 mg every 6 h", purpose: .icans)
    case (.icansGrade4?, 1...2): (ice, consciousness) = (5, "awakensToVoice")
    default:
      switch (plan.crs, day) {
      case (.fever, 1...3), (.grade2, 1), (.grade2, 3):
        crs = DemoClinical.crs(day: day, temperature: 38.2 + 1.0 * rng.nextUnitInterval())
      case (.grade2, 2):
        crs = DemoClinical.crs(day: day, temperature: 39.3, hypotension: true, vasopressors: 0)
        treatment = ConcomitantTreatment(
          subject: id, date: today, agent: "tocilizumab", dose: "8 mg/kg", purpose: .crs)
      default: break
      }
    }
    let sequence = try await send(.record(subject: id, entry: crs, file: "\(id)-crs.json"), by: coordinator)
    if !corrected, plan.toxicity == nil, plan.crs == .fever, day == 2 {
      // A transcription error found at source-data verification: the chart says 39.4 °C.
      corrected = true
      try await send(
        .correct(
          sequence: sequence, reason: "transcription error: the nursing chart reads 39.4 °C",
          command: .record(
            subject: id, entry: DemoClinical.crs(day: day, temperature: 39.4), file: "\(id)-crs.json")),
        by: coordinator)
    }
    let icans = DemoClinical.icans(
      day: day, ageYears: plan.patient.age, ice: ice < 0 ? nil : ice, consciousness: consciousness)
    try await send(.record(subject: id, entry: icans, file: "\(id)-icans.json"), by: coordinator)
    if let treatment { try await send(.treat(treatment), by: coordinator) }
    if sinceToxicity == 0 { try await adjudicate(plan) }
  }

  /// Neutrophils and platelets: the nadir of lymphodepletion in the first week, recovery by day 28.
  mutating func labs(_ plan: DemoPlan, day: Int) async throws {
    let course: [Int: (Double, Double)] = [
      0: (0.4, 70), 7: (0.2, 35), 14: (0.9, 55), 21: (1.3, 85), 28: (1.7, 115),
    ]
    guard let (anc, platelets) = course[day] else { return }
    let jitter = 0.85 + 0.3 * rng.nextUnitInterval()
    let coordinator = DemoCast.coordinator(plan.site)
    for (term, value, lln) in [("neutrophils", anc * jitter, 1.8), ("platelets", platelets * jitter, 150)] {
      try await send(
        .record(
          subject: plan.subject, entry: DemoClinical.lab(day: day, term: term, value: value, lln: lln),
          file: "\(plan.subject)-lab.json"),
        by: coordinator)
    }
  }

  /// CAR transgene by qPCR: expansion to a peak on day 7, then contraction; the first day-1 sample
  /// of the trial is below the assay's lower limit of quantification.
  mutating func sample(_ plan: DemoPlan, day: Int) async throws {
    let shape: [Int: Double] = [1: 0.03, 4: 0.35, 7: 1, 14: 0.45, 28: 0.07]
    let lowest = !belowLLOQ && day == 1
    if lowest { belowLLOQ = true }
    let value =
      lowest ? nil : ((plan.peak * (shape[day] ?? 0.05) * (0.8 + 0.4 * rng.nextUnitInterval())).rounded())
    try await send(
      .sample(
        KineticsSampled(
          subject: plan.subject, day: Double(day), value: value, unit: "copies/µg gDNA", belowLLOQ: lowest)),
      by: DemoCast.coordinator(plan.site))
  }

  /// The investigator adjudicates as the protocol's rules compute, once the window has closed or
  /// at the DLT; the first adjudication is signed.
  mutating func adjudicate(_ plan: DemoPlan) async throws {
    guard let s = state.subjects[plan.subject] else { return }
    let window = state.dltWindowDays(group: plan.group)
    let computed = try state.subjectRecord(s, through: today).adjudicateDLT(
      settings: trial.assessment, designWindowDays: window)
    let outcome: DLTAdjudicated.Outcome
    var reason: String?
    switch computed.verdict {
    case .dlt: outcome = .dlt
    case .noDlt: outcome = .noDlt
    case .notEvaluable:
      outcome = .notEvaluable
      reason = computed.reason
    case .pending:
      guard plan.toxicity == nil else { return }
      outcome = .noDlt
      reason = "window closed; the open finding is not dose-limiting in the investigator's judgement"
    }
    let investigator = DemoCast.investigator(plan.site)
    let sequence = try await send(
      .adjudicate(subject: plan.subject, outcome: outcome, reason: reason), by: investigator)
    if !signed {
      signed = true
      try await send(.sign(sequence: sequence, meaning: .responsibility), by: investigator)
    }
  }

  // MARK: - Dose decisions

  /// The safety review committee decides every recommendation awaiting a decision: it confirms,
  /// except once, when it keeps the group at its level for one more cohort instead of escalating.
  mutating func decidePending() async throws {
    for g in state.groups {
      guard let r = g.pendingRecommendation else { continue }
      if !overridden, let level = holdLevel(r, group: g) {
        overridden = true
        try await send(
          .override(
            group: g.id, level: level,
            reason:
              "the safety review committee keeps level \(level) for one more cohort before escalating, given the CRS seen there"
          ),
          by: DemoCast.reviewer)
      } else {
        try await send(.confirm(group: g.id), by: DemoCast.reviewer)
      }
    }
  }

  /// The level to stay at instead of an escalation, unless another group waits for this one to
  /// clear the level (the override would hold that group back).
  func holdLevel(_ r: RecommendationMade, group g: GroupState) -> Int? {
    guard let next = r.nextLevel, let design = state.design(forGroup: g.id),
      let from = design.levels.firstIndex(of: r.level), let to = design.levels.firstIndex(of: next),
      to > from,
      !g.eliminated.contains(r.level)
    else { return nil }
    let gates = trial.groups.contains { other in
      other.opensWhen.map { $0.afterGroup == g.id && $0.clearedLevel == r.level } ?? false
    }
    return gates ? nil : r.level
  }
}
